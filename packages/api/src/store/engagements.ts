/** Sign-ups: taken in one transaction with their place, exported, erased and purged. */
import { createHash } from 'node:crypto';
import type { Engagement, EngagementReceipt, EngagementRequest } from '@tec/contract';
import type { Sql } from '../db/database.js';
import { ConflictError, NotFoundError, iso, newId } from './common.js';
import { placesTaken } from './opportunities.js';

/** The hash that decides whether a replayed Idempotency-Key carries the same request. */
export function requestHash(slug: string, request: EngagementRequest): string {
  const { website: _honeypot, ...rest } = request;
  const canonical = JSON.stringify(
    Object.keys(rest)
      .sort()
      .map((k) => [k, rest[k as keyof typeof rest]]),
  );
  return createHash('sha256').update(`${slug}\n${canonical}`).digest('hex');
}

interface EngagementRow {
  id: string;
  territory: string;
  opportunity_id: string;
  first_name: string;
  email: string;
  phone: string | null;
  availability: Engagement['availability'];
  message: string | null;
  lang: Engagement['lang'];
  origin: string | null;
  created_at: string;
  request_hash: string;
  places_left_after: number | null;
}

const engagementColumns = `id, territory, opportunity_id, first_name, email, phone, availability, message,
  lang, origin, ${iso('created_at')} as created_at, request_hash`;

/**
 * Records a sign-up in one transaction: the place is taken (never below zero) and the row
 * stored together, or neither. With an idempotency key, a replay of the same request returns
 * the first receipt; the same key with another request is a conflict. `origin` is the page the
 * sign-up was sent from (null from a server): not part of the request, so not of its hash.
 */
export async function createEngagement(
  tx: Sql,
  slug: string,
  request: EngagementRequest,
  idempotencyKey: string | undefined,
  origin: string | null = null,
): Promise<{ receipt: EngagementReceipt; replayed: boolean; placesChanged: boolean }> {
  const hash = requestHash(slug, request);
  if (idempotencyKey) {
    const previous = await tx.query<EngagementRow>(
      `select ${engagementColumns},
         (select places_left from opportunities o where o.id = e.opportunity_id) as places_left_after
       from engagements e where territory = $1 and idempotency_key = $2`,
      [slug, idempotencyKey],
    );
    if (previous[0]) {
      if (previous[0].request_hash !== hash) {
        throw new ConflictError('idempotency', 'this Idempotency-Key was used with another request');
      }
      return { receipt: toReceipt(previous[0]), replayed: true, placesChanged: false };
    }
  }
  const opportunity = await tx.query<{ capacity: number | null; places_left: number | null }>(
    'select capacity, places_left from opportunities where territory = $1 and id = $2 for update',
    [slug, request.opportunityId],
  );
  if (!opportunity[0]) throw new NotFoundError(`opportunity ${request.opportunityId}`);
  let placesLeft: number | null = null;
  const capacity = opportunity[0].capacity;
  if (capacity !== null) {
    // The row lock above serializes sign-ups to this opportunity: counting is exact.
    const taken = await placesTaken(tx, slug, request.opportunityId);
    if (taken >= capacity) throw new ConflictError('full', 'no places left on this opportunity');
    placesLeft = capacity - taken - 1;
    await tx.query('update opportunities set places_left = $3 where territory = $1 and id = $2', [
      slug,
      request.opportunityId,
      placesLeft,
    ]);
  }
  const rows = await tx.query<EngagementRow>(
    `insert into engagements (id, territory, opportunity_id, first_name, email, phone, availability, message,
       lang, idempotency_key, request_hash, origin)
     values ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, $10, $11, $12)
     returning ${engagementColumns}`,
    [
      newId('eng'),
      slug,
      request.opportunityId,
      request.firstName,
      request.email,
      request.phone ?? null,
      JSON.stringify(request.availability),
      request.message ?? null,
      request.lang ?? 'fr',
      idempotencyKey ?? null,
      hash,
      origin,
    ],
  );
  return {
    receipt: toReceipt({ ...rows[0]!, places_left_after: placesLeft }),
    replayed: false,
    placesChanged: placesLeft !== null,
  };
}

function toReceipt(row: EngagementRow): EngagementReceipt {
  return {
    id: row.id,
    territory: row.territory,
    opportunityId: row.opportunity_id,
    createdAt: row.created_at,
    status: 'received',
    placesLeft: row.places_left_after,
  };
}

export async function exportEngagements(db: Sql, slug: string): Promise<Engagement[]> {
  const rows = await db.query<EngagementRow>(
    `select ${engagementColumns}, null as places_left_after from engagements where territory = $1
     order by engagements.created_at, engagements.id`,
    [slug],
  );
  return rows.map((r) => ({
    id: r.id,
    territory: r.territory,
    opportunityId: r.opportunity_id,
    firstName: r.first_name,
    email: r.email,
    phone: r.phone,
    availability: r.availability,
    message: r.message,
    lang: r.lang,
    origin: r.origin,
    createdAt: r.created_at,
  }));
}

/** Erases one person's sign-ups (matched by e-mail, case-insensitively) within `scope`. */
export async function eraseEngagements(tx: Sql, email: string, scope: string): Promise<number> {
  const rows = await tx.query(
    `delete from engagements where lower(email) = lower($1) and ($2 = '*' or territory = $2) returning id`,
    [email, scope],
  );
  return rows.length;
}

/** Deletes sign-ups created before `before` within `scope`. */
export async function purgeEngagements(tx: Sql, before: Date, scope: string): Promise<number> {
  const rows = await tx.query(
    `delete from engagements where created_at < $1::timestamptz and ($2 = '*' or territory = $2) returning id`,
    [before.toISOString(), scope],
  );
  return rows.length;
}
