/**
 * Server rendering for `@tec/react`: on a server each widget renders its tag with its attributes,
 * its fallback content and the rules that hold its space before its script runs; in the browser it
 * is the `@lit/react` component with the same children, so hydration matches. The generated
 * `index.ts` wraps every widget with `serverReady`.
 */
import * as React from 'react';
import { pageReserve, RESERVES } from '@tec/widgets';

/** The page-level rules that hold every widget's space until it is defined (the CDN's tec.css). */
export const reserveCss = pageReserve(RESERVES);

/** What a server renders when the page gives no fallback of its own: text, never a bare tag. */
const FALLBACK = 'Territoires d’Engagement et de Coopération (TEC)';

export interface ServerReady {
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
export function serverReady<P extends object>(
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
