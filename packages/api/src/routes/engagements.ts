/**
 * Sign-ups: taken (public, rate-limited, idempotent, with a honeypot), exported, erased and
 * purged (admin).
 */
import { createEngagement } from '../followup/engagements.js';
import { afterRemoval, cancelByToken, cancelPage, mailQueued } from '../followup/routes.js';
import { eraseEngagements, purgeEngagements } from '../followup/removal.js';
import type { Engagement, EngagementReceipt } from '@tec/contract';
import { isUniqueViolation } from '../db/database.js';
import * as store from '../store.js';
import { HttpProblem } from '../http/problem.js';
import { pageOrigin } from '../http/cors.js';
import type { Handlers } from '../http/types.js';
import type { RouteContext } from './context.js';

const CSV_COLUMNS: (keyof Engagement)[] = [
  'id',
  'createdAt',
  'opportunityId',
  'firstName',
  'email',
  'phone',
  'availability',
  'message',
  'lang',
  'origin',
];

/** One CSV cell: quoted, and defused against formula injection in spreadsheets. */
function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(items: Engagement[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const item of items) lines.push(CSV_COLUMNS.map((k) => csvCell(item[k])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function engagementRoutes({
  deps,
  change,
  read,
  requireTerritory,
}: RouteContext): Pick<
  Handlers,
  | 'createEngagement'
  | 'cancelPage'
  | 'cancelEngagement'
  | 'exportEngagements'
  | 'eraseEngagements'
  | 'purgeEngagements'
> {
  const { db, config } = deps;
  return {
    createEngagement: async ({ params, headers, body, c }) => {
      await requireTerritory(params.slug);
      const key = headers['idempotency-key'];
      // The page the sign-up came from, so the programme's team knows which site brought it.
      const origin = pageOrigin(c.req.header('origin')) ?? null;
      if (body.website) {
        // The honeypot was filled: a robot. It gets the very answer a person would (a receipt
        // with the places that would be left, 404 or 409 alike), and nothing is stored.
        deps.log.info('honeypot', { territory: params.slug });
        const opportunity = await read(() => store.getOpportunity(db, params.slug, body.opportunityId));
        let placesLeft: number | null = null;
        let waitlisted = false;
        if (opportunity.capacity !== null) {
          const taken = await store.placesTaken(db, params.slug, body.opportunityId);
          if (taken >= opportunity.capacity && !body.waitlist)
            throw new HttpProblem('full', 'no places left on this opportunity');
          waitlisted = taken >= opportunity.capacity;
          placesLeft = waitlisted ? 0 : opportunity.capacity - taken - 1;
        }
        const receipt: EngagementReceipt = {
          id: store.newId('eng'),
          territory: params.slug,
          opportunityId: body.opportunityId,
          createdAt: new Date().toISOString(),
          status: waitlisted ? 'waitlisted' : 'received',
          placesLeft,
          ...(waitlisted ? { waitlistPosition: 1 } : {}),
          emailQueued: true,
        };
        return { status: 201, body: receipt };
      }
      const attempt = () =>
        change(params.slug, async (tx) => {
          const result = await createEngagement(tx, params.slug, body, key, origin);
          if (result.placesChanged && result.receipt.placesLeft !== null) {
            await store.appendEvent(tx, {
              type: 'places.changed',
              territory: params.slug,
              opportunityId: body.opportunityId,
              placesLeft: result.receipt.placesLeft,
            });
          }
          return result;
        });
      let result;
      try {
        result = await attempt();
      } catch (error) {
        // Two requests with one key, or one address, raced on PostgreSQL: the loser now sees
        // the winner's row (and answers a replay, or already-registered).
        if (isUniqueViolation(error)) result = await attempt();
        else throw error;
      }
      const replayed: Record<string, string> = result.replayed ? { 'idempotent-replayed': 'true' } : {};
      const created = !result.replayed && result.receipt.status !== 'already-registered';
      if (created) deps.onSignup?.(params.slug);
      if (!result.replayed) mailQueued(deps.followup);
      const status = result.receipt.status === 'already-registered' ? 200 : 201;
      return { status, body: result.receipt, headers: replayed };
    },
    cancelPage: async ({ params, c }) => {
      if (!deps.followup) throw new HttpProblem('unavailable', 'Cancel links are not set up on this server.');
      return cancelPage(db, deps.followup, params.token, c);
    },
    cancelEngagement: async ({ params, c }) => {
      if (!deps.followup) throw new HttpProblem('unavailable', 'Cancel links are not set up on this server.');
      const result = await cancelByToken(db, deps.followup, params.token, c, change);
      return result instanceof Response ? result : { status: 200, body: result };
    },

    exportEngagements: async ({ params, query, c }) => {
      await requireTerritory(params.slug);
      const items = await store.exportEngagements(db, params.slug);
      if (query.format === 'csv') {
        return c.body(toCsv(items), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="tec-${params.slug}-engagements.csv"`,
          'cache-control': 'no-store',
        });
      }
      return { status: 200, body: { territory: params.slug, exportedAt: new Date().toISOString(), items } };
    },
    // Both free places as a cancellation does, with their live events, in their own
    // transaction (audited right after, with the count: audit.ts).
    eraseEngagements: async ({ body, scope }) => {
      const removal = await db.transaction((tx) => eraseEngagements(tx, body.email, scope));
      // The queued e-mails went with the sign-ups; the person's outbox files go now.
      afterRemoval(deps, removal, { email: body.email });
      return { status: 200, body: { deleted: removal.deleted } };
    },
    purgeEngagements: async ({ scope }) => {
      const before = new Date(Date.now() - config.retentionDays * 86_400_000);
      const removal = await db.transaction((tx) => purgeEngagements(tx, before, scope));
      afterRemoval(deps, removal, { before });
      return { status: 200, body: { deleted: removal.deleted, before: before.toISOString() } };
    },
  };
}
