/**
 * Every query of the API, returning contract types. Outputs are cast in SQL to text, int and
 * jsonb so that PGlite and PostgreSQL give identical objects.
 */
import { createHash, randomBytes } from 'node:crypto';
import type {
  Engagement,
  EngagementReceipt,
  EngagementRequest,
  LiveEvent,
  Member,
  MemberInput,
  MemberKind,
  MemberPage,
  MemberPatch,
  Milestone,
  MilestoneInput,
  MilestonePatch,
  Opportunity,
  OpportunityInput,
  OpportunityPatch,
  Phase,
  PhaseKey,
  PhasePatch,
  TerritoryDetail,
  TerritorySummary,
} from '@tec/contract';
import type { Database, Sql } from './db/database.js';

/** ISO 8601 in UTC with milliseconds, the same text from both engines. */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A new identifier: a prefix and 16 random bytes in base64url. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** Lowercase, accents removed: the form searched and sorted on. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
  }
}

export class ConflictError extends Error {
  constructor(
    readonly kind: 'full' | 'idempotency',
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Territories
// ---------------------------------------------------------------------------------------------

interface TerritoryRow {
  slug: string;
  status: TerritorySummary['status'];
  data: Omit<TerritoryDetail, 'slug' | 'status' | 'currentPhase' | 'updatedAt'>;
  current_phase: PhaseKey | null;
  updated_at: string;
}

const territorySelect = `
  select t.slug, t.status, t.data, ${iso('t.updated_at')} as updated_at,
    (select p.key from phases p where p.territory = t.slug and p.status = 'en-cours'
      order by p.ord desc limit 1) as current_phase
  from territories t`;

function toDetail(row: TerritoryRow): TerritoryDetail {
  return {
    ...row.data,
    slug: row.slug,
    status: row.status,
    currentPhase: row.current_phase,
    updatedAt: row.updated_at,
  };
}

export function toSummary(detail: TerritoryDetail): TerritorySummary {
  return {
    slug: detail.slug,
    name: detail.name,
    status: detail.status,
    region: detail.region,
    departements: detail.departements,
    population: detail.population,
    typology: detail.typology,
    currentPhase: detail.currentPhase,
    demo: detail.demo,
    updatedAt: detail.updatedAt,
  };
}

export async function listTerritories(db: Sql): Promise<TerritoryDetail[]> {
  const rows = await db.query<TerritoryRow>(`${territorySelect} order by t.position`);
  return rows.map(toDetail);
}

export async function getTerritory(db: Sql, slug: string): Promise<TerritoryDetail> {
  const rows = await db.query<TerritoryRow>(`${territorySelect} where t.slug = $1`, [slug]);
  if (!rows[0]) throw new NotFoundError(`territory ${slug}`);
  return toDetail(rows[0]);
}

export async function territoryExists(db: Sql, slug: string): Promise<boolean> {
  return (await db.query('select 1 from territories where slug = $1', [slug])).length > 0;
}

async function touchTerritory(tx: Sql, slug: string): Promise<void> {
  await tx.query('update territories set updated_at = now() where slug = $1', [slug]);
}

// ---------------------------------------------------------------------------------------------
// Phases and milestones
// ---------------------------------------------------------------------------------------------

interface PhaseRow {
  key: PhaseKey;
  ord: number;
  status: Phase['status'];
  start_date: string | null;
  end_date: string | null;
  progress: number;
}
interface MilestoneRow {
  id: string;
  phase: PhaseKey;
  title: string;
  description: string | null;
  status: Milestone['status'];
  due_date: string | null;
  completed_date: string | null;
}

const milestoneColumns = `id, phase, title, description, status, due_date::text as due_date,
  completed_date::text as completed_date`;

function toMilestone(row: MilestoneRow): Milestone {
  return {
    id: row.id,
    title: row.title,
    ...(row.description ? { description: row.description } : {}),
    status: row.status,
    dueDate: row.due_date,
    completedDate: row.completed_date,
  };
}

export async function listPhases(db: Sql, slug: string, only?: PhaseKey): Promise<Phase[]> {
  const params: unknown[] = [slug];
  if (only) params.push(only);
  const filter = only ? 'and key = $2' : '';
  const phases = await db.query<PhaseRow>(
    `select key, ord, status, start_date::text as start_date, end_date::text as end_date,
       progress::float8 as progress
     from phases where territory = $1 ${filter} order by ord`,
    params,
  );
  const milestones = await db.query<MilestoneRow>(
    `select ${milestoneColumns} from milestones where territory = $1 ${filter.replace('key', 'phase')}
     order by position, id`,
    params,
  );
  return phases.map((p) => ({
    key: p.key,
    order: p.ord,
    status: p.status,
    startDate: p.start_date,
    endDate: p.end_date,
    progress: Number(p.progress),
    closingReason: null,
    milestones: milestones.filter((m) => m.phase === p.key).map(toMilestone),
  }));
}

async function onePhase(tx: Sql, slug: string, key: PhaseKey): Promise<Phase> {
  const [phase] = await listPhases(tx, slug, key);
  if (!phase) throw new NotFoundError(`phase ${key} of ${slug}`);
  return phase;
}

export async function updatePhase(tx: Sql, slug: string, key: PhaseKey, patch: PhasePatch): Promise<Phase> {
  const rows = await tx.query(
    `update phases set
       status = coalesce($3, status),
       start_date = case when $4::boolean then $5::date else start_date end,
       end_date = case when $6::boolean then $7::date else end_date end,
       progress = coalesce($8::float8, progress)
     where territory = $1 and key = $2 returning key`,
    [
      slug,
      key,
      patch.status ?? null,
      patch.startDate !== undefined,
      patch.startDate ?? null,
      patch.endDate !== undefined,
      patch.endDate ?? null,
      patch.progress ?? null,
    ],
  );
  if (rows.length === 0) throw new NotFoundError(`phase ${key} of ${slug}`);
  await touchTerritory(tx, slug);
  return onePhase(tx, slug, key);
}

export async function createMilestone(
  tx: Sql,
  slug: string,
  key: PhaseKey,
  input: MilestoneInput,
): Promise<{ milestone: Milestone; phase: Phase }> {
  await onePhase(tx, slug, key);
  const id = newId('ms');
  await tx.query(
    `insert into milestones (id, territory, phase, position, title, description, status, due_date, completed_date)
     values ($1, $2, $3,
       (select coalesce(max(position), 0) + 1 from milestones where territory = $2 and phase = $3),
       $4, $5, $6, $7::date, $8::date)`,
    [id, slug, key, input.title, input.description ?? null, input.status, input.dueDate, input.completedDate],
  );
  await touchTerritory(tx, slug);
  const phase = await onePhase(tx, slug, key);
  return { milestone: phase.milestones.find((m) => m.id === id)!, phase };
}

export async function updateMilestone(
  tx: Sql,
  slug: string,
  key: PhaseKey,
  id: string,
  patch: MilestonePatch,
): Promise<{ milestone: Milestone; phase: Phase }> {
  const rows = await tx.query(
    `update milestones set
       title = coalesce($4, title),
       description = case when $5::boolean then $6 else description end,
       status = coalesce($7, status),
       due_date = case when $8::boolean then $9::date else due_date end,
       completed_date = case when $10::boolean then $11::date else completed_date end
     where territory = $1 and phase = $2 and id = $3 returning id`,
    [
      slug,
      key,
      id,
      patch.title ?? null,
      patch.description !== undefined,
      patch.description ?? null,
      patch.status ?? null,
      patch.dueDate !== undefined,
      patch.dueDate ?? null,
      patch.completedDate !== undefined,
      patch.completedDate ?? null,
    ],
  );
  if (rows.length === 0) throw new NotFoundError(`milestone ${id}`);
  await touchTerritory(tx, slug);
  const phase = await onePhase(tx, slug, key);
  return { milestone: phase.milestones.find((m) => m.id === id)!, phase };
}

export async function deleteMilestone(tx: Sql, slug: string, key: PhaseKey, id: string): Promise<Phase> {
  const rows = await tx.query(
    'delete from milestones where territory = $1 and phase = $2 and id = $3 returning id',
    [slug, key, id],
  );
  if (rows.length === 0) throw new NotFoundError(`milestone ${id}`);
  await touchTerritory(tx, slug);
  return onePhase(tx, slug, key);
}

// ---------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------

interface MemberRow {
  id: string;
  territory: string;
  name: string;
  kind: MemberKind;
  role: string | null;
  joined_at: string;
  commune_insee: string | null;
  commune_name: string | null;
  website: string | null;
  logo: string | null;
  description: string | null;
  sort_key: string;
}

const memberColumns = `id, territory, name, kind, role, joined_at::text as joined_at, commune_insee,
  commune_name, website, logo, description, sort_key`;

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    territory: row.territory,
    name: row.name,
    kind: row.kind,
    ...(row.role ? { role: row.role } : {}),
    joinedAt: row.joined_at,
    commune: row.commune_insee ? { insee: row.commune_insee, name: row.commune_name ?? '' } : null,
    website: row.website,
    logo: row.logo,
    ...(row.description ? { description: row.description } : {}),
  };
}

function searchText(m: MemberInput): string {
  return fold([m.name, m.role ?? '', m.commune?.name ?? '', m.description ?? ''].join(' '));
}

/** Cursor: the sort key and id of the last member of the page, as base64url JSON. */
function encodeCursor(row: MemberRow): string {
  return Buffer.from(JSON.stringify([row.sort_key, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Decoded from client bytes: refuse what PostgreSQL would (NUL, half a surrogate pair).
    const sane = (v: unknown) =>
      typeof v === 'string' &&
      v.length <= 512 &&
      // eslint-disable-next-line no-control-regex -- NUL is what PostgreSQL refuses in text
      !/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(v);
    if (Array.isArray(value) && value.length === 2 && value.every(sane)) {
      return value as [string, string];
    }
  } catch {
    // fall through
  }
  return undefined;
}

export class BadCursorError extends Error {}

export interface MemberQueryInput {
  q?: string | undefined;
  kind?: MemberKind | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/**
 * One page of members, ordered by name (accents and case folded) then id. The cursor names the
 * last member seen, so pages neither repeat nor skip members when others are added meanwhile.
 */
export async function listMembers(db: Sql, slug: string, query: MemberQueryInput): Promise<MemberPage> {
  const limit = query.limit ?? 50;
  const where = ['territory = $1'];
  const params: unknown[] = [slug];
  const q = query.q ? fold(query.q) : '';
  if (q) {
    params.push(`%${escapeLike(q)}%`);
    where.push(`search like $${params.length}`);
  }
  const facetWhere = where.join(' and ');
  const facetParams = [...params];
  if (query.kind) {
    params.push(query.kind);
    where.push(`kind = $${params.length}`);
  }
  const totalWhere = where.join(' and ');
  const totalParams = [...params];
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    if (!after) throw new BadCursorError('cursor is not one this server returned');
    params.push(after[0], after[1]);
    where.push(`(sort_key, id) > ($${params.length - 1}, $${params.length})`);
  }
  params.push(limit + 1);
  const rows = await db.query<MemberRow>(
    `select ${memberColumns} from members where ${where.join(' and ')}
     order by sort_key, id limit $${params.length}`,
    params,
  );
  const [{ total }] = (await db.query<{ total: number }>(
    `select count(*)::int as total from members where ${totalWhere}`,
    totalParams,
  )) as [{ total: number }];
  const facets = await db.query<{ kind: MemberKind; n: number }>(
    `select kind, count(*)::int as n from members where ${facetWhere} group by kind`,
    facetParams,
  );
  const communes = await db.query<{ insee: string; n: number }>(
    `select commune_insee as insee, count(*)::int as n from members
     where ${totalWhere} and commune_insee is not null group by commune_insee`,
    totalParams,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toMember),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    total,
    kinds: Object.fromEntries(facets.map((f) => [f.kind, f.n])),
    communes: Object.fromEntries(communes.map((c) => [c.insee, c.n])),
  };
}

export async function getMember(db: Sql, slug: string, id: string): Promise<Member> {
  const rows = await db.query<MemberRow>(
    `select ${memberColumns} from members where territory = $1 and id = $2`,
    [slug, id],
  );
  if (!rows[0]) throw new NotFoundError(`member ${id}`);
  return toMember(rows[0]);
}

export async function insertMember(
  tx: Sql,
  slug: string,
  input: MemberInput,
  id = newId('mbr'),
): Promise<Member> {
  await tx.query(
    `insert into members (id, territory, name, sort_key, search, kind, role, joined_at, commune_insee,
       commune_name, website, logo, description)
     values ($1, $2, $3, $4, $5, $6, $7, $8::date, $9, $10, $11, $12, $13)`,
    [
      id,
      slug,
      input.name,
      fold(input.name),
      searchText(input),
      input.kind,
      input.role ?? null,
      input.joinedAt,
      input.commune?.insee ?? null,
      input.commune?.name ?? null,
      input.website,
      input.logo,
      input.description ?? null,
    ],
  );
  return getMember(tx, slug, id);
}

export async function updateMember(tx: Sql, slug: string, id: string, patch: MemberPatch): Promise<Member> {
  const current = await getMember(tx, slug, id);
  const { id: _id, territory: _t, ...fields } = current;
  const next: MemberInput = { ...fields, ...patch };
  await tx.query(
    `update members set name = $3, sort_key = $4, search = $5, kind = $6, role = $7, joined_at = $8::date,
       commune_insee = $9, commune_name = $10, website = $11, logo = $12, description = $13
     where territory = $1 and id = $2`,
    [
      slug,
      id,
      next.name,
      fold(next.name),
      searchText(next),
      next.kind,
      next.role ?? null,
      next.joinedAt,
      next.commune?.insee ?? null,
      next.commune?.name ?? null,
      next.website,
      next.logo,
      next.description ?? null,
    ],
  );
  return getMember(tx, slug, id);
}

export async function deleteMember(tx: Sql, slug: string, id: string): Promise<void> {
  const rows = await tx.query('delete from members where territory = $1 and id = $2 returning id', [
    slug,
    id,
  ]);
  if (rows.length === 0) throw new NotFoundError(`member ${id}`);
}

// ---------------------------------------------------------------------------------------------
// Opportunities
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Engagements
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

type EventBody = LiveEvent extends infer E ? (E extends LiveEvent ? Omit<E, 'id' | 'at'> : never) : never;

/**
 * Appends a live event in the caller's transaction. The advisory lock makes event ids commit in
 * id order across processes, so a reader that has seen id N never misses a smaller one later.
 */
export async function appendEvent(tx: Sql, body: EventBody): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(7400)');
  const [row] = await tx.query<{ id: string }>(
    'insert into events (territory, type, payload) values ($1, $2, $3::text::jsonb) returning id::text as id',
    [body.territory, body.type, JSON.stringify(body)],
  );
  await tx.query(`select pg_notify('tec_events', $1)`, [row!.id]);
}

interface EventRow {
  id: string;
  at: string;
  payload: EventBody;
}

export async function eventsAfter(
  db: Sql,
  afterId: string,
  territories: readonly string[] | undefined,
  limit = 1000,
): Promise<LiveEvent[]> {
  const params: unknown[] = [afterId, limit];
  let filter = '';
  if (territories) {
    params.push(territories);
    filter = 'and territory = any($3::text[])';
  }
  const rows = await db.query<EventRow>(
    `select id::text as id, ${iso('at')} as at, payload from events
     where events.id > $1::bigint ${filter} order by events.id limit $2`,
    params,
  );
  return rows.map((r) => ({ ...r.payload, id: r.id, at: r.at }) as LiveEvent);
}

/** The oldest event id still kept, or '0' when there is none. */
export async function oldestEventId(db: Sql): Promise<string> {
  const [row] = await db.query<{ id: string }>('select coalesce(min(id), 0)::text as id from events');
  return row?.id ?? '0';
}

export async function lastEventId(db: Sql): Promise<string> {
  const [row] = await db.query<{ id: string }>('select coalesce(max(id), 0)::text as id from events');
  return row?.id ?? '0';
}

/** Oldest event id still kept (events older than `keepHours` are pruned). */
export async function pruneEvents(db: Database, keepHours: number): Promise<void> {
  await db.query(`delete from events where at < now() - make_interval(hours => $1::int)`, [keepHours]);
}
