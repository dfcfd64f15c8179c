/**
 * Sign-ups removed by the programme rather than by the person: an erasure (RGPD, one person's
 * sign-ups) and the retention purge (sign-ups older than TEC_RETENTION_DAYS). In its transaction
 * each behaves as a cancellation — the place is freed, the first in line gets it and is told by
 * e-mail, `places.changed` goes live — but nothing is sent to the people removed, and their
 * rows of the e-mail queue go with them: an erasure also deletes the cancellation e-mails of
 * that person (waiting to leave, or sent: the queue's trace), the purge those older than the
 * retention period. What is left for after the commit (outbox files, the cache, the mail loop)
 * is in the result: followup/routes.ts `afterRemoval`.
 */
import type { Sql } from '../db/database.js';
import { appendEvent } from '../store.js';
import { emailKey, promoteWaiting, recountPlaces } from './engagements.js';

export interface Removal {
  /** Sign-ups deleted. */
  deleted: number;
  /** Sign-ups of the waiting list given a freed place (their e-mail is queued). */
  promoted: number;
  /** Territories whose places or sign-ups changed. */
  territories: string[];
  /** Queue rows deleted, whose outbox files go after the commit. */
  mails: { id: string; emailKey: string }[];
}

/** Deletes the sign-ups that match `condition` (SQL on `engagements`, with `params`). */
async function remove(tx: Sql, condition: string, params: unknown[]): Promise<Removal> {
  const found = await tx.query<{ id: string; territory: string; opportunity_id: string }>(
    `select id, territory, opportunity_id from engagements where ${condition}
     order by territory, opportunity_id, id`,
    params,
  );
  const removal: Removal = { deleted: 0, promoted: 0, territories: [], mails: [] };
  if (found.length === 0) return removal;
  const opportunities = new Map<string, { territory: string; id: string; before: number | null }>();
  for (const row of found) {
    opportunities.set(`${row.territory}\n${row.opportunity_id}`, {
      territory: row.territory,
      id: row.opportunity_id,
      before: null,
    });
  }
  // Lock order as for sign-ups and cancellations: the opportunity first, then its sign-ups; and
  // always in (territory, id) order, so that two removals never wait on each other in a circle.
  for (const o of opportunities.values()) {
    const [row] = await tx.query<{ places_left: number | null }>(
      'select places_left from opportunities where territory = $1 and id = $2 for update',
      [o.territory, o.id],
    );
    o.before = row?.places_left ?? null;
  }
  const ids = found.map((r) => r.id);
  const mails = await tx.query<{ id: string; email: string }>(
    `select m.id::text as id, e.email from mail_outbox m join engagements e on e.id = m.engagement_id
     where m.engagement_id = any($1::text[])`,
    [ids],
  );
  removal.mails = mails.map((m) => ({ id: m.id, emailKey: emailKey(m.email) }));
  // Only the rows read above, whose opportunities are locked (one a concurrent cancellation
  // removed meanwhile is not counted); their queue rows go by cascade.
  const deleted = await tx.query('delete from engagements where id = any($1::text[]) returning id', [ids]);
  removal.deleted = deleted.length;
  for (const o of opportunities.values()) {
    removal.promoted += (await promoteWaiting(tx, o.territory, o.id)).length;
    const placesLeft = await recountPlaces(tx, o.territory, o.id);
    if (placesLeft !== null && placesLeft !== o.before) {
      await appendEvent(tx, {
        type: 'places.changed',
        territory: o.territory,
        opportunityId: o.id,
        placesLeft,
      });
    }
  }
  removal.territories = [...new Set(found.map((r) => r.territory))];
  return removal;
}

/**
 * Erases one person's sign-ups (matched by e-mail, trimmed and case-insensitively) within
 * `scope` (a territory, or `*`), and their cancellation e-mails in the queue.
 */
export async function eraseEngagements(tx: Sql, email: string, scope: string): Promise<Removal> {
  const removal = await remove(
    tx,
    `lower(btrim(email)) = lower(btrim($1)) and ($2 = '*' or territory = $2)`,
    [email, scope],
  );
  const key = emailKey(email);
  const rows = await tx.query<{ id: string }>(
    `delete from mail_outbox where engagement_id is null and email_key = $1 and ($2 = '*' or territory = $2)
     returning id::text as id`,
    [key, scope],
  );
  removal.mails.push(...rows.map((r) => ({ id: r.id, emailKey: key })));
  return removal;
}

/**
 * Deletes sign-ups created before `before` within `scope`, and the cancellation e-mails queued
 * before it.
 */
export async function purgeEngagements(tx: Sql, before: Date, scope: string): Promise<Removal> {
  const removal = await remove(tx, `created_at < $1::timestamptz and ($2 = '*' or territory = $2)`, [
    before.toISOString(),
    scope,
  ]);
  const rows = await tx.query<{ id: string; email_key: string }>(
    `delete from mail_outbox where engagement_id is null and created_at < $1::timestamptz
       and ($2 = '*' or territory = $2)
     returning id::text as id, email_key`,
    [before.toISOString(), scope],
  );
  removal.mails.push(...rows.map((r) => ({ id: r.id, emailKey: r.email_key })));
  return removal;
}
