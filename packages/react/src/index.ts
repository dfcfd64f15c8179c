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

/** `<tec-phase-tracker>`: a territory's three phases and their milestones. */
export const PhaseTracker = createComponent({
  react: React,
  tagName: 'tec-phase-tracker',
  elementClass: TecPhaseTracker,
  events: { onTecError },
});

/** `<tec-territory-map>`: the six territories, or one territory's communes. */
export const TerritoryMap = createComponent({
  react: React,
  tagName: 'tec-territory-map',
  elementClass: TecTerritoryMap,
  events: {
    onTecError,
    onTecTerritorySelect: 'tec-territory-select' as EventName<TecTerritorySelectEvent>,
    onTecCommuneSelect: 'tec-commune-select' as EventName<TecCommuneSelectEvent>,
  },
});

/** `<tec-coalition-members>`: a territory's coalition, searchable and filtered by kind. */
export const CoalitionMembers = createComponent({
  react: React,
  tagName: 'tec-coalition-members',
  elementClass: TecCoalitionMembers,
  events: {
    onTecError,
    onTecMemberSelect: 'tec-member-select' as EventName<TecMemberSelectEvent>,
  },
});

/** `<tec-engagement-cta>`: the sign-up form for an engagement opportunity. */
export const EngagementCta = createComponent({
  react: React,
  tagName: 'tec-engagement-cta',
  elementClass: TecEngagementCta,
  events: {
    onTecError,
    onTecEngagementSubmit: 'tec-engagement-submit' as EventName<TecEngagementSubmitEvent>,
    onTecEngagementSuccess: 'tec-engagement-success' as EventName<TecEngagementSuccessEvent>,
    onTecEngagementError: 'tec-engagement-error' as EventName<TecEngagementErrorEvent>,
  },
});

/** `<tec-provider>`: gives its `api` (and `territory`) to every widget inside it. */
export const Provider = createComponent({
  react: React,
  tagName: 'tec-provider',
  elementClass: TecProvider,
});
