/**
 * The widgets' events: typed classes with a static name, dispatched with `bubbles` and
 * `composed` so a host page can listen on `document`, and only on user action or data arrival.
 */
import type { EngagementReceipt, Member } from '@tec/contract';

const init = { bubbles: true, composed: true } as const;

/** A widget could not load its data or send a form. `detail.error` is the SDK's error. */
export class TecErrorEvent extends CustomEvent<{ error: unknown }> {
  static readonly eventName = 'tec-error';
  constructor(error: unknown) {
    super(TecErrorEvent.eventName, { ...init, detail: { error } });
  }
}

/** A resident sends the sign-up form (before the answer). Personal data is not in the event. */
export class TecEngagementSubmitEvent extends CustomEvent<{ territory: string; opportunityId: string }> {
  static readonly eventName = 'tec-engagement-submit';
  constructor(territory: string, opportunityId: string) {
    super(TecEngagementSubmitEvent.eventName, { ...init, detail: { territory, opportunityId } });
  }
}

/** The sign-up is recorded; `detail.receipt` is the API's receipt. */
export class TecEngagementSuccessEvent extends CustomEvent<{ receipt: EngagementReceipt }> {
  static readonly eventName = 'tec-engagement-success';
  constructor(receipt: EngagementReceipt) {
    super(TecEngagementSuccessEvent.eventName, { ...init, detail: { receipt } });
  }
}

/** The sign-up failed; what the resident typed is kept in the form. */
export class TecEngagementErrorEvent extends CustomEvent<{ error: unknown; opportunityId: string }> {
  static readonly eventName = 'tec-engagement-error';
  constructor(error: unknown, opportunityId: string) {
    super(TecEngagementErrorEvent.eventName, { ...init, detail: { error, opportunityId } });
  }
}

/** A visitor chose a coalition member in the list. */
export class TecMemberSelectEvent extends CustomEvent<{ member: Member }> {
  static readonly eventName = 'tec-member-select';
  constructor(member: Member) {
    super(TecMemberSelectEvent.eventName, { ...init, detail: { member } });
  }
}

/**
 * A visitor chose a place on the map. Cancelable: without `preventDefault()`, the widget follows
 * `detail.href` when its `href-template` gives one.
 */
export class TecTerritorySelectEvent extends CustomEvent<{
  slug: string;
  name: string;
  href: string | undefined;
}> {
  static readonly eventName = 'tec-territory-select';
  constructor(detail: { slug: string; name: string; href: string | undefined }) {
    super(TecTerritorySelectEvent.eventName, { ...init, cancelable: true, detail });
  }
}

/** A visitor chose a commune on a territory's map: its code, name and members there. */
export class TecCommuneSelectEvent extends CustomEvent<{ insee: string; name: string; members: number }> {
  static readonly eventName = 'tec-commune-select';
  constructor(detail: { insee: string; name: string; members: number }) {
    super(TecCommuneSelectEvent.eventName, { ...init, detail });
  }
}

/**
 * A visitor asked to see an actor in the member list (an actor's link in `<tec-cooperations>`).
 * A `<tec-coalition-members>` of that territory on the page shows that member, opens its details
 * and moves the focus to it; `detail.name` lets it search for a member not loaded yet.
 */
export class TecMemberFocusEvent extends CustomEvent<{ territory: string; memberId: string; name: string }> {
  static readonly eventName = 'tec-member-focus';
  constructor(detail: { territory: string; memberId: string; name: string }) {
    super(TecMemberFocusEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tec-member-focus': TecMemberFocusEvent;
    'tec-commune-select': TecCommuneSelectEvent;
    'tec-error': TecErrorEvent;
    'tec-engagement-submit': TecEngagementSubmitEvent;
    'tec-engagement-success': TecEngagementSuccessEvent;
    'tec-engagement-error': TecEngagementErrorEvent;
    'tec-member-select': TecMemberSelectEvent;
    'tec-territory-select': TecTerritorySelectEvent;
  }
}
