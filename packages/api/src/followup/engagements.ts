/**
 * Sign-ups with their follow-up: one place per person and opportunity, a waiting list when it
 * is full, cancellation that gives the place to the first in line. Every function runs in the
 * caller's transaction, after the opportunity's row is locked, so that counting is exact; the
 * database's unique index on (opportunity, e-mail key) is what makes « one person, one place »
 * hold even if two processes race past the checks.
 */
import { createHash } from 'node:crypto';
import type { EngagementReceipt, EngagementRequest } from '@tec/contract';
import type { Sql } from '../db/database.js';
import { ConflictError, NotFoundError, newId, placesTaken, requestHash } from '../store.js';
import { enqueueCancelled, enqueueMail } from '../mail/queue.js';
import { cancelledMailOf, loadContext } from '../mail/render.js';

/** ISO 8601 in UTC with milliseconds, the same text from both engines. */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The key that says two addresses are one person's: trimmed, lower-cased, hashed. (The part
 * before @ is case-sensitive in theory; no mail provider residents use treats it so.)
 */
export function emailKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

interface Row {
  id: string;
  territory: string;
  opportunity_id: string;
  created_at: string;
  status: 'confirmed' | 'waitlisted';
  request_hash: string;
}

const columns = `id, territory, opportunity_id, ${iso('created_at')} as created_at, status, request_hash`;

/** Position on the waiting list (1: first in line) of a waitlisted sign-up. */
async function positionOf(tx: Sql, row: Row): Promise<number> {
  const [r] = await tx.query<{ n: number }>(
    `select count(*)::int as n from engagements
     where territory = $1 and opportunity_id = $2 and status = 'waitlisted'
       and (created_at, id) <= ((select created_at from engagements where id = $3), $3)`,
    [row.territory, row.opportunity_id, row.id],
  );
  return r?.n ?? 1;
}

async function placesLeftOf(tx: Sql, slug: string, opportunityId: string): Promise<number | null> {
  const [r] = await tx.query<{ places_left: number | null }>(
    'select places_left from opportunities where territory = $1 and id = $2',
    [slug, opportunityId],
  );
  return r?.places_left ?? null;
}

async function receiptOf(
  tx: Sql,
  row: Row,
  status: EngagementReceipt['status'],
  emailQueued: boolean,
): Promise<EngagementReceipt> {
  return {
    id: row.id,
    territory: row.territory,
    opportunityId: row.opportunity_id,
    createdAt: row.created_at,
    status,
    placesLeft: await placesLeftOf(tx, row.territory, row.opportunity_id),
    ...(row.status === 'waitlisted' ? { waitlistPosition: await positionOf(tx, row) } : {}),
    emailQueued,
  };
}

/** How many times one sign-up's confirmation may be sent in all (first sending and resends). */
const MAX_CONFIRMATIONS = 5;

export interface SignupResult {
  receipt: EngagementReceipt;
  /** A replay of an Idempotency-Key: the first answer again, nothing done. */
  replayed: boolean;
  /** Places left changed (a place was taken): a `places.changed` event is due. */
  placesChanged: boolean;
}

/**
 * Records a sign-up. With an idempotency key, a replay of the same request returns the first
 * receipt; the same key with another request is a conflict. The same address again on the same
 * opportunity is `already-registered` (its confirmation is queued again, unless one is still
 * waiting to leave). A full opportunity puts the person on its waiting list when they asked
 * for it (`waitlist: true`), and is refused otherwise.
 */
export async function createEngagement(
  tx: Sql,
  slug: string,
  request: EngagementRequest,
  idempotencyKey: string | undefined,
  origin: string | null,
): Promise<SignupResult> {
  const hash = requestHash(slug, request);
  if (idempotencyKey) {
    const [previous] = await tx.query<Row>(
      `select ${columns} from engagements where territory = $1 and idempotency_key = $2`,
      [slug, idempotencyKey],
    );
    if (previous) {
      if (previous.request_hash !== hash) {
        throw new ConflictError('idempotency', 'this Idempotency-Key was used with another request');
      }
      const status = previous.status === 'waitlisted' ? 'waitlisted' : 'received';
      return { receipt: await receiptOf(tx, previous, status, true), replayed: true, placesChanged: false };
    }
  }
  const [opportunity] = await tx.query<{ capacity: number | null }>(
    'select capacity from opportunities where territory = $1 and id = $2 for update',
    [slug, request.opportunityId],
  );
  if (!opportunity) throw new NotFoundError(`opportunity ${request.opportunityId}`);
  const key = emailKey(request.email);

  // The row lock above serializes sign-ups to this opportunity: this read sees the other's row.
  const [existing] = await tx.query<Row>(
    `select ${columns} from engagements where territory = $1 and opportunity_id = $2 and email_key = $3`,
    [slug, request.opportunityId, key],
  );
  if (existing) {
    const [mail] = await tx.query<{ pending: number; all: number }>(
      `select count(*) filter (where status = 'pending')::int as pending, count(*)::int as all
       from mail_outbox where engagement_id = $1 and kind = 'confirmation'`,
      [existing.id],
    );
    const resend = (mail?.pending ?? 0) === 0 && (mail?.all ?? 0) < MAX_CONFIRMATIONS;
    if (resend) await enqueueMail(tx, existing.id, 'confirmation');
    return {
      receipt: await receiptOf(tx, existing, 'already-registered', resend || (mail?.pending ?? 0) > 0),
      replayed: false,
      placesChanged: false,
    };
  }

  let status: Row['status'] = 'confirmed';
  let placesChanged = false;
  const capacity = opportunity.capacity;
  if (capacity !== null) {
    const taken = await placesTaken(tx, slug, request.opportunityId);
    const [line] = await tx.query<{ n: number }>(
      `select count(*)::int as n from engagements
       where territory = $1 and opportunity_id = $2 and status = 'waitlisted'`,
      [slug, request.opportunityId],
    );
    // No jumping the queue: while people wait, a newcomer waits behind them.
    if (taken >= capacity || (line?.n ?? 0) > 0) {
      if (!request.waitlist) throw new ConflictError('full', 'no places left on this opportunity');
      status = 'waitlisted';
    } else {
      await tx.query('update opportunities set places_left = $3 where territory = $1 and id = $2', [
        slug,
        request.opportunityId,
        capacity - taken - 1,
      ]);
      placesChanged = true;
    }
  }
  const [row] = await tx.query<Row>(
    `insert into engagements (id, territory, opportunity_id, first_name, email, phone, availability, message,
       lang, idempotency_key, request_hash, origin, email_key, status)
     values ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, $10, $11, $12, $13, $14)
     returning ${columns}`,
    [
      newId('eng'),
      slug,
      request.opportunityId,
      request.firstName,
      request.email.trim(),
      request.phone ?? null,
      JSON.stringify(request.availability),
      request.message ?? null,
      request.lang ?? 'fr',
      idempotencyKey ?? null,
      hash,
      origin,
      key,
      status,
    ],
  );
  await enqueueMail(tx, row!.id, 'confirmation');
  return {
    receipt: await receiptOf(tx, row!, status === 'waitlisted' ? 'waitlisted' : 'received', true),
    replayed: false,
    placesChanged,
  };
}

/**
 * Gives the free places of an opportunity to the first people of its waiting list, in order,
 * and queues the e-mail that tells each of them. Call with the opportunity's row locked.
 * Returns the ids promoted.
 */
export async function promoteWaiting(tx: Sql, slug: string, opportunityId: string): Promise<string[]> {
  const [opportunity] = await tx.query<{ capacity: number | null }>(
    'select capacity from opportunities where territory = $1 and id = $2',
    [slug, opportunityId],
  );
  if (!opportunity) return [];
  const free =
    opportunity.capacity === null
      ? 100_000
      : opportunity.capacity - (await placesTaken(tx, slug, opportunityId));
  if (free <= 0) return [];
  const rows = await tx.query<{ id: string }>(
    `update engagements set status = 'confirmed' where id in (
       select id from engagements where territory = $1 and opportunity_id = $2 and status = 'waitlisted'
       order by created_at, id limit $3)
     returning id`,
    [slug, opportunityId, free],
  );
  for (const row of rows) await enqueueMail(tx, row.id, 'promoted');
  return rows.map((r) => r.id);
}

/** Recounts places left from the places taken (never derived from the previous value). */
export async function recountPlaces(tx: Sql, slug: string, opportunityId: string): Promise<number | null> {
  const [opportunity] = await tx.query<{ capacity: number | null }>(
    'select capacity from opportunities where territory = $1 and id = $2',
    [slug, opportunityId],
  );
  if (!opportunity || opportunity.capacity === null) return null;
  const left = Math.max(0, opportunity.capacity - (await placesTaken(tx, slug, opportunityId)));
  await tx.query('update opportunities set places_left = $3 where territory = $1 and id = $2', [
    slug,
    opportunityId,
    left,
  ]);
  return left;
}

export interface CancelResult {
  status: 'cancelled' | 'already-cancelled';
  territory: string | null;
  opportunityId: string | null;
  placesLeft: number | null;
  /** Places left before, to know whether a `places.changed` event is due. */
  placesBefore: number | null;
  promoted: boolean;
}

/**
 * Cancels a sign-up: deletes it (and, by cascade, its queued e-mails), queues the e-mail that
 * confirms the cancellation to the person, gives a freed place to the first in line, recounts
 * the places. A sign-up that no longer exists is `already-cancelled`.
 */
export async function cancelEngagement(tx: Sql, engagementId: string): Promise<CancelResult> {
  const [found] = await tx.query<{ territory: string; opportunity_id: string }>(
    'select territory, opportunity_id from engagements where id = $1',
    [engagementId],
  );
  const gone: CancelResult = {
    status: 'already-cancelled',
    territory: null,
    opportunityId: null,
    placesLeft: null,
    placesBefore: null,
    promoted: false,
  };
  if (!found) return gone;
  const { territory, opportunity_id: opportunityId } = found;
  // Lock order as for sign-ups: the opportunity first, then its sign-ups.
  await tx.query('select 1 from opportunities where territory = $1 and id = $2 for update', [
    territory,
    opportunityId,
  ]);
  const placesBefore = await placesLeftOf(tx, territory, opportunityId);
  // What the cancellation's e-mail will say, read before the sign-up goes.
  const context = await loadContext(tx, engagementId);
  if (!context) return gone; // cancelled by a concurrent request meanwhile
  const deleted = await tx.query('delete from engagements where id = $1 returning id', [engagementId]);
  if (deleted.length === 0) return gone;
  await enqueueCancelled(tx, cancelledMailOf(context), { emailKey: emailKey(context.email), territory });
  const promoted = await promoteWaiting(tx, territory, opportunityId);
  const placesLeft = await recountPlaces(tx, territory, opportunityId);
  return {
    status: 'cancelled',
    territory,
    opportunityId,
    placesLeft,
    placesBefore,
    promoted: promoted.length > 0,
  };
}

/** What a cancel page shows before the person confirms, or undefined when the sign-up is gone. */
export async function describeEngagement(
  db: Sql,
  engagementId: string,
): Promise<
  | { firstName: string; title: string; startsAt: string | null; territoryName: string; lang: string }
  | undefined
> {
  const [row] = await db.query<{
    first_name: string;
    title: string;
    starts_at: string | null;
    territory_name: string;
    lang: string;
  }>(
    `select e.first_name, o.title, ${iso('o.starts_at')} as starts_at, t.data->>'name' as territory_name, e.lang
     from engagements e
     join opportunities o on o.territory = e.territory and o.id = e.opportunity_id
     join territories t on t.slug = e.territory
     where e.id = $1`,
    [engagementId],
  );
  if (!row) return undefined;
  return {
    firstName: row.first_name,
    title: row.title,
    startsAt: row.starts_at,
    territoryName: row.territory_name,
    lang: row.lang,
  };
}
