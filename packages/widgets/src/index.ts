/**
 * `@tec/widgets` — the classes, with no side effect. Import `@tec/widgets/define` (or one
 * `*.define.js` entry) to register the tags.
 */
export { TecElement, type WidgetStatus } from './base/tec-element.js';
export { TecPhaseTracker } from './phase-tracker/tec-phase-tracker.js';
export { TecEngagementCta } from './engagement-cta/tec-engagement-cta.js';
export { TecCoalitionMembers } from './coalition-members/tec-coalition-members.js';
export { TecTerritoryMap } from './territory-map/tec-territory-map.js';
export { TecProvider } from './provider/tec-provider.js';
export { defineElement, VERSION } from './base/define.js';
export {
  TecErrorEvent,
  TecEngagementSubmitEvent,
  TecEngagementSuccessEvent,
  TecEngagementErrorEvent,
  TecMemberSelectEvent,
  TecTerritorySelectEvent,
  TecCommuneSelectEvent,
} from './base/events.js';
/** The rules that hold each widget's space before its script runs (tec.css): for server rendering. */
export { pageReserve, type Row } from './base/reserve.js';
export { RESERVES } from './base/reserves.js';
