/**
 * `@tec/react`: the TEC widgets as typed React components, made with `@lit/react`. Attributes
 * become props (`api`, `territory`, `theme`, `hrefTemplate`…), and each widget event an `onTec…`
 * prop that receives the widget's typed event:
 *
 * ```tsx
 * <TerritoryMap api="https://api.example.org" onTecTerritorySelect={(e) => setSlug(e.detail.slug)} />
 * ```
 *
 * Importing this module registers the widgets' tags (it imports their defining modules).
 *
 * @module
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  pageReserve,
  RESERVES,
  TecCoalitionMembers,
  TecEngagementCta,
  TecPhaseTracker,
  TecProvider,
  TecTerritoryMap,
  type TecEngagementErrorEvent,
  type TecEngagementSubmitEvent,
  type TecEngagementSuccessEvent,
  type TecErrorEvent,
  type TecMemberSelectEvent,
  type TecTerritorySelectEvent,
  type TecCommuneSelectEvent,
} from '@tec/widgets';
import '@tec/widgets/define';

const onTecError = 'tec-error' as EventName<TecErrorEvent>;

/** The page-level rules that hold every widget's space until it is defined (the CDN's tec.css). */
export const reserveCss = pageReserve(RESERVES);

/** What a server renders when the page gives no fallback of its own: text, never a bare tag. */
const FALLBACK = 'Territoires d’Engagement et de Coopération (TEC)';

interface ServerReady {
  /**
   * Server rendering only: add the rules that hold the widget's space before its script runs,
   * as a `<style>` React hoists into the head (default true). Under a `style-src` without
   * `'unsafe-inline'`, set it to false and link the CDN's `tec.css` instead.
   */
  reserve?: boolean;
}

/** A widget's attribute for each of its properties that has one (Lit's property options). */
function attributeNames(elementClass: { observedAttributes?: string[] }): Map<string, string> {
  void elementClass.observedAttributes; // finalizes Lit's property table
  const names = new Map<string, string>();
  const table = (elementClass as { elementProperties?: Map<string, { attribute?: boolean | string }> })
    .elementProperties;
  for (const [name, options] of table ?? [])
    if (typeof name === 'string' && options.attribute !== false)
      names.set(name, typeof options.attribute === 'string' ? options.attribute : name.toLowerCase());
  return names;
}

/**
 * A `createComponent` wrapper that renders something on a server: the widget's tag with its
 * attributes (so the reserve rows that depend on them apply), its fallback content (the page's
 * children, or a line of text) and, unless `reserve={false}`, the rules that give the tag its
 * height before the script runs. In the browser it is the `@lit/react` component, with the same
 * children, so hydration matches (the attributes the server wrote are allowed to differ).
 */
function serverReady<P extends object>(
  Component: React.ComponentType<P>,
  tagName: string,
  elementClass: { observedAttributes?: string[] },
): React.FC<P & ServerReady> {
  let attributes: Map<string, string> | undefined;
  const Wrapped = (props: P & ServerReady & { children?: React.ReactNode }) => {
    const { reserve = true, children, ...rest } = props;
    const content = children ?? React.createElement('p', null, FALLBACK);
    if (typeof document !== 'undefined') return React.createElement(Component, rest as unknown as P, content);
    attributes ??= attributeNames(elementClass);
    const attrs: Record<string, string | boolean> = { suppressHydrationWarning: true };
    for (const [name, value] of Object.entries(rest)) {
      const attribute = attributes.get(name);
      if (!attribute || value === undefined || value === null || value === false) continue;
      if (['string', 'number', 'boolean'].includes(typeof value))
        attrs[attribute] = value === true ? '' : String(value as string | number);
    }
    return React.createElement(
      React.Fragment,
      null,
      reserve ? React.createElement('style', { href: 'tec-reserve', precedence: 'tec' }, reserveCss) : null,
      React.createElement(tagName, attrs, content),
    );
  };
  Wrapped.displayName = `Tec(${tagName})`;
  return Wrapped;
}

/** `<tec-phase-tracker>`: a territory's three phases and their milestones. */
export const PhaseTracker = serverReady(
  createComponent({
    react: React,
    tagName: 'tec-phase-tracker',
    elementClass: TecPhaseTracker,
    events: { onTecError },
  }),
  'tec-phase-tracker',
  TecPhaseTracker,
);

/** `<tec-territory-map>`: the six territories, or one territory's communes. */
export const TerritoryMap = serverReady(
  createComponent({
    react: React,
    tagName: 'tec-territory-map',
    elementClass: TecTerritoryMap,
    events: {
      onTecError,
      onTecTerritorySelect: 'tec-territory-select' as EventName<TecTerritorySelectEvent>,
      onTecCommuneSelect: 'tec-commune-select' as EventName<TecCommuneSelectEvent>,
    },
  }),
  'tec-territory-map',
  TecTerritoryMap,
);

/** `<tec-coalition-members>`: a territory's coalition, searchable and filtered by kind. */
export const CoalitionMembers = serverReady(
  createComponent({
    react: React,
    tagName: 'tec-coalition-members',
    elementClass: TecCoalitionMembers,
    events: {
      onTecError,
      onTecMemberSelect: 'tec-member-select' as EventName<TecMemberSelectEvent>,
    },
  }),
  'tec-coalition-members',
  TecCoalitionMembers,
);

/** `<tec-engagement-cta>`: the sign-up form for an engagement opportunity. */
export const EngagementCta = serverReady(
  createComponent({
    react: React,
    tagName: 'tec-engagement-cta',
    elementClass: TecEngagementCta,
    events: {
      onTecError,
      onTecEngagementSubmit: 'tec-engagement-submit' as EventName<TecEngagementSubmitEvent>,
      onTecEngagementSuccess: 'tec-engagement-success' as EventName<TecEngagementSuccessEvent>,
      onTecEngagementError: 'tec-engagement-error' as EventName<TecEngagementErrorEvent>,
    },
  }),
  'tec-engagement-cta',
  TecEngagementCta,
);

/** `<tec-provider>`: gives its `api` (and `territory`) to every widget inside it. */
export const Provider = createComponent({
  react: React,
  tagName: 'tec-provider',
  elementClass: TecProvider,
});
