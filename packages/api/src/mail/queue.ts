/**
 * The queue of follow-up e-mails: a table of the database, so that a message queued with its
 * sign-up commits (or not) with it, survives a restart, and is sent by whichever API process
 * takes it first. A row names its sign-up and a kind; the message is written when it leaves,
 * from the sign-up as it then is. Deleting a sign-up (cancel, erasure, retention) deletes its
 * rows (foreign key, on delete cascade): the queue keeps no copy of anyone's data.
 */
import type { Sql } from '../db/database.js';

export type MailKind = 'confirmation' | 'reminder' | 'promoted';

export interface MailJob {
  id: string;
  engagementId: string;
  kind: MailKind;
  attempts: number;
}

/** Queues one message for a sign-up, in the caller's transaction. */
export async function enqueueMail(tx: Sql, engagementId: string, kind: MailKind): Promise<void> {
  await tx.query('insert into mail_outbox (engagement_id, kind) values ($1, $2)', [engagementId, kind]);
  await tx.query(`select pg_notify('tec_mail', '')`);
}

/**
 * Takes the next message due. `lock` is `for update skip locked` on PostgreSQL, where the
 * caller holds the transaction until the message is sent and marked: another process skips the
 * row meanwhile, and if this one dies mid-sending its transaction rolls back and the row is
 * taken again — never by two at once.
 */
export async function nextDue(tx: Sql, lock: boolean): Promise<MailJob | undefined> {
  const [row] = await tx.query<{ id: string; engagement_id: string; kind: MailKind; attempts: number }>(
    `select id::text as id, engagement_id, kind, attempts from mail_outbox
     where status = 'pending' and next_attempt_at <= now()
     order by next_attempt_at, id limit 1 ${lock ? 'for update skip locked' : ''}`,
  );
  return row
    ? { id: row.id, engagementId: row.engagement_id, kind: row.kind, attempts: row.attempts }
    : undefined;
}

export async function markSent(tx: Sql, id: string): Promise<void> {
  await tx.query(
    `update mail_outbox set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null
     where id = $1::bigint`,
    [id],
  );
}

/** Records a failed attempt: retried after `delayMs`, or given up (`failed`) when `final`. */
export async function markFailed(
  tx: Sql,
  id: string,
  error: string,
  delayMs: number,
  final: boolean,
): Promise<void> {
  await tx.query(
    `update mail_outbox set attempts = attempts + 1, last_error = $2,
       status = case when $3::boolean then 'failed' else 'pending' end,
       next_attempt_at = now() + make_interval(secs => $4::float8)
     where id = $1::bigint`,
    [id, error.slice(0, 500), final, delayMs / 1000],
  );
}

/**
 * Queues the reminder of every confirmed sign-up whose opportunity starts within `hours` (and
 * has not started). Once per sign-up: the `dedupe` key is unique and the row is kept once sent.
 * A sign-up made when the opportunity was already that close needs none: its confirmation came
 * just before. Returns how many were queued.
 */
export async function queueReminders(db: Sql, hours: number): Promise<number> {
  if (hours <= 0) return 0;
  const rows = await db.query(
    `insert into mail_outbox (engagement_id, kind, dedupe)
     select e.id, 'reminder', 'reminder:' || e.id
     from engagements e join opportunities o on o.territory = e.territory and o.id = e.opportunity_id
     where e.status = 'confirmed' and o.starts_at is not null
       and o.starts_at > now() and o.starts_at <= now() + make_interval(hours => $1::int)
       and e.created_at < o.starts_at - make_interval(hours => $1::int)
     on conflict (dedupe) do nothing
     returning id`,
    [hours],
  );
  return rows.length;
}

/** What the queue holds, by status (for tests and the boîte d'envoi). */
export async function queueCounts(db: Sql): Promise<Record<string, number>> {
  const rows = await db.query<{ status: string; n: number }>(
    'select status, count(*)::int as n from mail_outbox group by status',
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
