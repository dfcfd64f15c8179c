/**
 * Live events: the changes a widget must react to, as the API streams them over Server-Sent
 * Events. Every event has a monotonic `id` (a decimal string, usable as `Last-Event-ID`).
 */
import * as z from 'zod/mini';
import { Id, IsoDateTime, Slug, integer } from './primitives.js';
import { Member, Opportunity, Phase, TerritorySummary } from './schemas.js';
import { Cooperation, Portrait } from './story.js';

const base = {
  /** Monotonic event number, as a decimal string. */
  id: z.string().check(z.regex(/^\d{1,20}$/, { error: 'must be a decimal event number' })),
  /** When the change was committed. */
  at: IsoDateTime,
  territory: Slug,
};

export const LiveEvent = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('territory.updated'), summary: TerritorySummary }),
  z.strictObject({ ...base, type: z.literal('phase.updated'), phase: Phase }),
  z.strictObject({ ...base, type: z.literal('member.added'), member: Member }),
  z.strictObject({ ...base, type: z.literal('member.updated'), member: Member }),
  z.strictObject({ ...base, type: z.literal('member.removed'), memberId: Id }),
  z.strictObject({ ...base, type: z.literal('opportunity.added'), opportunity: Opportunity }),
  z.strictObject({ ...base, type: z.literal('opportunity.updated'), opportunity: Opportunity }),
  z.strictObject({ ...base, type: z.literal('opportunity.removed'), opportunityId: Id }),
  z.strictObject({
    ...base,
    type: z.literal('places.changed'),
    opportunityId: Id,
    placesLeft: integer(0, 100_000),
  }),
  z.strictObject({ ...base, type: z.literal('geometry.updated') }),
  z.strictObject({ ...base, type: z.literal('portrait.updated'), portrait: Portrait }),
  z.strictObject({ ...base, type: z.literal('cooperation.added'), cooperation: Cooperation }),
  z.strictObject({ ...base, type: z.literal('cooperation.updated'), cooperation: Cooperation }),
  z.strictObject({ ...base, type: z.literal('cooperation.removed'), cooperationId: Id }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;
export type LiveEventType = LiveEvent['type'];
/** The name of every live event, as it appears in the SSE `event:` field. */
export const LIVE_EVENT_TYPES: readonly LiveEventType[] = LiveEvent.def.options.map(
  (option) => option.shape.type.def.values[0] as LiveEventType,
);

/**
 * The name of the message a stream sends instead of replaying, when a client resumes from an id
 * it cannot be brought up to date from (too many or too old missed events, or an id the server
 * never issued). Its data is `ReloadNotice`; the client reloads what it shows, then goes on live.
 */
export const RELOAD_EVENT = 'reload';

export const ReloadNotice = z.strictObject({
  /** Where the stream now stands (also the message's SSE id). */
  lastEventId: z.string().check(z.regex(/^\d{1,19}$/, { error: 'must be a decimal event number' })),
  reason: z.enum(['too-many', 'too-old', 'pruned', 'unknown-id']),
});
export type ReloadNotice = z.infer<typeof ReloadNotice>;
