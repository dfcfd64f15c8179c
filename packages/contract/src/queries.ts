/**
 * Query and header schemas of the public routes, in their own module so that a client bundle
 * that needs them does not carry the whole endpoint table.
 */
import * as z from 'zod/mini';
import { Cursor, InseeCode, queryInteger, queryText } from './primitives.js';
import { MemberKind } from './schemas.js';

export const MemberQuery = z.strictObject({
  /** Words to find in the name, role or commune (accents and case ignored). */
  q: z.optional(queryText(100)),
  kind: z.optional(MemberKind),
  cursor: z.optional(Cursor),
  /** Page size, 1 to 100 (default 50). */
  limit: z.optional(queryInteger(1, 100)),
});
export type MemberQuery = z.infer<typeof MemberQuery>;

/** The cooperations of one commune only (the `communes` facet still counts all). */
export const CooperationQuery = z.strictObject({
  commune: z.optional(InseeCode),
});
export type CooperationQuery = z.infer<typeof CooperationQuery>;

export const EventsQuery = z.strictObject({
  /** Resume after this event (for clients that cannot send the Last-Event-ID header). */
  lastEventId: z.optional(
    z.string().check(z.regex(/^\d{1,20}$/, { error: 'must be a decimal event number' })),
  ),
  /** Only the events of these territories (comma-separated slugs). */
  territory: z.optional(
    z.string().check(
      z.regex(/^[a-z0-9-]{1,64}(,[a-z0-9-]{1,64}){0,19}$/, {
        error: 'must be one to twenty territory slugs separated by commas',
      }),
    ),
  ),
});

export const ExportQuery = z.strictObject({
  format: z.optional(z.enum(['json', 'csv'])),
});

export const EngagementHeaders = z.object({
  /** Makes a retried sign-up safe: the same key and body return the same receipt. */
  'idempotency-key': z.optional(
    z.string().check(
      z.regex(/^[A-Za-z0-9_-]{8,128}$/, {
        error: 'must be 8 to 128 letters, digits, underscores or hyphens',
      }),
    ),
  ),
});
