/**
 * The queue of follow-up e-mails: a table of the database, so that a message queued with its
 * sign-up commits (or not) with it, survives a restart, and is sent by whichever API process
 * takes it first. A row names its sign-up and a kind; the message is written when it leaves,
 * from the sign-up as it then is. Deleting a sign-up (cancel, erasure, retention) deletes its
 * rows (foreign key, on delete cascade): the queue keeps no copy of anyone's data.
 *
 * One exception, the cancellation's e-mail: its sign-up is deleted in the transaction that
 * queues it, so its row holds what the message says (`payload`: first name, address, language,
 * the opportunity's recap) until it has left — then the payload is cleared — and whose it is
 * (`email_key`, `territory`), so that an erasure or the retention purge deletes it meanwhile.
 */
import type { Sql } from '../db/database.js';
import type { CancelledMail } from './render.js';

export type MailKind = 'confirmation' | 'reminder' | 'promoted' | 'cancelled';

export interface MailJob {
  id: string;
  /** The sign-up; null for a cancellation's e-mail, whose sign-up is gone. */
  engagementId: string | null;
  kind: MailKind;
  attempts: number;
  /** A cancellation's e-mail: what it says (null once sent, or when given up). */
  payload: CancelledMail | null;
  /** A cancellation's e-mail: the recipient's e-mail key (followup/engagements.ts emailKey). */
  emailKey: string | null;
}

/** Queues one message for a sign-up, in the caller's transaction. */
export async function enqueueMail(
  tx: Sql,
  engagementId: string,
  kind: Exclude<MailKind, 'cancelled'>,
): Promise<void> {
  await tx.query('insert into mail_outbox (engagement_id, kind) values ($1, $2)', [engagementId, kind]);
  await tx.query(`select pg_notify('tec_mail', '')`);
}

/**
 * Queues the e-mail that confirms a cancellation, in the cancellation's transaction: the row
 * carries the message's content, since the sign-up it came from is deleted with it.
 */
export async function enqueueCancelled(
  tx: Sql,
  mail: CancelledMail,
  owner: { emailKey: string; territory: string },
): Promise<void> {
  await tx.query(
    `insert into mail_outbox (engagement_id, kind, payload, email_key, territory)
     values (null, 'cancelled', $1::text::jsonb, $2, $3)`,
    [JSON.stringify(mail), owner.emailKey, owner.territory],
  );
  await tx.query(`select pg_notify('tec_mail', '')`);
}

/**
 * Takes the next message due. `lock` is `for update skip locked` on PostgreSQL, where the
 * caller holds the transaction until the message is sent and marked: another process skips the
 * row meanwhile, and if this one dies mid-sending its transaction rolls back and the row is
 * taken again — never by two at once.
 */
export async function nextDue(tx: Sql, lock: boolean): Promise<MailJob | undefined> {
  const [row] = await tx.query<{
    id: string;
    engagement_id: string | null;
    kind: MailKind;
    attempts: number;
    payload: CancelledMail | null;
    email_key: string | null;
  }>(
    `select id::text as id, engagement_id, kind, attempts, payload, email_key from mail_outbox
     where status = 'pending' and next_attempt_at <= now()
     order by next_attempt_at, id limit 1 ${lock ? 'for update skip locked' : ''}`,
  );
  return row
    ? {
        id: row.id,
        engagementId: row.engagement_id,
        kind: row.kind,
        attempts: row.attempts,
        payload: row.payload,
        emailKey: row.email_key,
      }
    : undefined;
}

/**
 * Marks a message sent and clears what a cancellation's row held. False when the row is gone:
 * its sign-up or its person was erased while the message was leaving (the caller then removes
 * the outbox file it may just have written).
 */
export async function markSent(tx: Sql, id: string): Promise<boolean> {
  const rows = await tx.query(
    `update mail_outbox set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null,
       payload = null
     where id = $1::bigint returning id`,
    [id],
  );
  return rows.length > 0;
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
       payload = case when $3::boolean then null else payload end,
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
