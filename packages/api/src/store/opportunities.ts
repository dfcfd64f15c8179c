/** A territory's opportunities and the places they have left. */
import type { Opportunity, OpportunityInput, OpportunityPatch } from '@tec/contract';
import type { Sql } from '../db/database.js';
import { NotFoundError, iso, newId } from './common.js';

interface OpportunityRow {
  id: string;
  territory: string;
  kind: Opportunity['kind'];
  title: string;
  description: string | null;
  starts_at: string | null;
  ends_at: string | null;
  place: Opportunity['place'];
  capacity: number | null;
  places_left: number | null;
}

const opportunityColumns = `id, territory, kind, title, description, ${iso('starts_at')} as starts_at,
  ${iso('ends_at')} as ends_at, place, capacity, places_left`;

function toOpportunity(row: OpportunityRow): Opportunity {
  return {
    id: row.id,
    territory: row.territory,
    kind: row.kind,
    title: row.title,
    ...(row.description ? { description: row.description } : {}),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    capacity: row.capacity,
    placesLeft: row.places_left,
  };
}

export async function listOpportunities(db: Sql, slug: string): Promise<Opportunity[]> {
  const rows = await db.query<OpportunityRow>(
    `select ${opportunityColumns} from opportunities where territory = $1
     order by opportunities.starts_at nulls last, opportunities.seq`,
    [slug],
  );
  return rows.map(toOpportunity);
}

export async function getOpportunity(db: Sql, slug: string, id: string): Promise<Opportunity> {
  const rows = await db.query<OpportunityRow>(
    `select ${opportunityColumns} from opportunities where territory = $1 and id = $2`,
    [slug, id],
  );
  if (!rows[0]) throw new NotFoundError(`opportunity ${id}`);
  return toOpportunity(rows[0]);
}

export async function insertOpportunity(
  tx: Sql,
  slug: string,
  input: OpportunityInput,
  id = newId('opp'),
  /** Places given outside the API (by phone, at a desk; the demo seed): they count as taken. */
  reserved = 0,
): Promise<Opportunity> {
  const placesLeft = input.capacity === null ? null : Math.max(0, input.capacity - reserved);
  await tx.query(
    `insert into opportunities (id, territory, kind, title, description, starts_at, ends_at, place, capacity,
       places_left, places_reserved)
     values ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8::text::jsonb, $9, $10, $11)`,
    [
      id,
      slug,
      input.kind,
      input.title,
      input.description ?? null,
      input.startsAt,
      input.endsAt,
      input.place === null ? null : JSON.stringify(input.place),
      input.capacity,
      placesLeft,
      reserved,
    ],
  );
  return getOpportunity(tx, slug, id);
}

export async function updateOpportunity(
  tx: Sql,
  slug: string,
  id: string,
  patch: OpportunityPatch,
): Promise<Opportunity> {
  await tx.query('select 1 from opportunities where territory = $1 and id = $2 for update', [slug, id]);
  const current = await getOpportunity(tx, slug, id);
  const next = { ...current, ...patch };
  // Places taken are the sign-ups, counted: never derived from what was left, which an
  // unlimited spell (capacity null) forgets. A capacity below them is refused.
  const taken = await placesTaken(tx, slug, id);
  if (next.capacity !== null && next.capacity < taken) throw new CapacityBelowTakenError(taken);
  const placesLeft = next.capacity === null ? null : next.capacity - taken;
  await tx.query(
    `update opportunities set kind = $3, title = $4, description = $5, starts_at = $6::timestamptz,
       ends_at = $7::timestamptz, place = $8::text::jsonb, capacity = $9, places_left = $10
     where territory = $1 and id = $2`,
    [
      slug,
      id,
      next.kind,
      next.title,
      next.description ?? null,
      next.startsAt,
      next.endsAt,
      next.place === null ? null : JSON.stringify(next.place),
      next.capacity,
      placesLeft,
    ],
  );
  return getOpportunity(tx, slug, id);
}

/** Places an opportunity has given: its sign-ups, counted, and those given outside the API. */
export async function placesTaken(tx: Sql, slug: string, opportunityId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `select (select places_reserved from opportunities where territory = $1 and id = $2)
       + (select count(*) from engagements where territory = $1 and opportunity_id = $2)::int as n`,
    [slug, opportunityId],
  );
  return row?.n ?? 0;
}

/** A capacity lower than the sign-ups already stored. */
export class CapacityBelowTakenError extends Error {
  constructor(readonly taken: number) {
    super(`capacity below the ${taken} places already taken`);
  }
}

export async function deleteOpportunity(tx: Sql, slug: string, id: string): Promise<void> {
  const rows = await tx.query('delete from opportunities where territory = $1 and id = $2 returning id', [
    slug,
    id,
  ]);
  if (rows.length === 0) throw new NotFoundError(`opportunity ${id}`);
}
