/**
 * A territory's cooperations (phase 2): what each does, with which of the territory's members
 * and in which of its communes. Actors are rows of `cooperation_actors`, so that a member's
 * new name shows at once and a removed member leaves the cooperations it was in.
 */
import type { Cooperation, CooperationInput, CooperationList, CooperationPatch } from '@tec/contract';
import type { Sql } from '../db/database.js';
import { NotFoundError, iso, newId } from './common.js';
import { getTerritory } from './territories.js';

interface CooperationRow {
  id: string;
  territory: string;
  title: string;
  summary: string;
  status: Cooperation['status'];
  started_at: string | null;
  communes: Cooperation['communes'];
  needs: string[];
  demo: boolean;
  updated_at: string;
}
interface ActorRow {
  cooperation: string;
  id: string;
  name: string;
  kind: Cooperation['actors'][number]['kind'];
}

/** A field of the input that names something the territory does not have. */
export class UnknownReferenceError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const columns = `c.id, c.territory, c.title, c.summary, c.status, c.started_at::text as started_at, c.communes,
  c.needs, c.demo, ${iso('c.updated_at')} as updated_at`;

async function withActors(db: Sql, rows: CooperationRow[]): Promise<Cooperation[]> {
  if (rows.length === 0) return [];
  const actors = await db.query<ActorRow>(
    `select a.cooperation, m.id, m.name, m.kind from cooperation_actors a join members m on m.id = a.member
     where a.cooperation = any($1::text[]) order by a.position, m.id`,
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    territory: r.territory,
    title: r.title,
    summary: r.summary,
    status: r.status,
    startedAt: r.started_at,
    actors: actors.filter((a) => a.cooperation === r.id).map(({ id, name, kind }) => ({ id, name, kind })),
    communes: r.communes,
    needs: r.needs,
    demo: r.demo,
    updatedAt: r.updated_at,
  }));
}

/** The territory's cooperations, those in `commune` only when given; the facet counts them all. */
export async function listCooperations(db: Sql, slug: string, commune?: string): Promise<CooperationList> {
  const rows = await db.query<CooperationRow>(
    `select ${columns} from cooperations c where c.territory = $1 order by c.seq`,
    [slug],
  );
  const all = await withActors(db, rows);
  const { communes } = await getTerritory(db, slug);
  const facet = communes
    .map((c) => ({
      insee: c.insee,
      name: c.name,
      count: all.filter((k) => k.communes.some((x) => x.insee === c.insee)).length,
    }))
    .filter((c) => c.count > 0);
  return {
    territory: slug,
    items: commune ? all.filter((k) => k.communes.some((x) => x.insee === commune)) : all,
    communes: facet,
  };
}

export async function getCooperation(db: Sql, slug: string, id: string): Promise<Cooperation> {
  const rows = await db.query<CooperationRow>(
    `select ${columns} from cooperations c where c.territory = $1 and c.id = $2`,
    [slug, id],
  );
  const [cooperation] = await withActors(db, rows);
  if (!cooperation) throw new NotFoundError(`cooperation ${id}`);
  return cooperation;
}

/** The ids of the cooperations `memberId` takes part in (told when that member changes). */
export async function cooperationsOfMember(db: Sql, slug: string, memberId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select c.id from cooperations c join cooperation_actors a on a.cooperation = c.id
     where c.territory = $1 and a.member = $2 order by c.seq`,
    [slug, memberId],
  );
  return rows.map((r) => r.id);
}

/** Communes named by INSEE code, each checked to be the territory's, with its name. */
async function resolveCommunes(
  tx: Sql,
  slug: string,
  codes: readonly string[],
): Promise<Cooperation['communes']> {
  const { communes } = await getTerritory(tx, slug);
  return codes.map((code, i) => {
    const found = communes.find((c) => c.insee === code);
    if (!found)
      throw new UnknownReferenceError(`body.communes.${i}`, `is not a commune of the territory ${slug}`);
    return { insee: found.insee, name: found.name };
  });
}

async function checkActors(tx: Sql, slug: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx.query<{ id: string }>(
    'select id from members where territory = $1 and id = any($2::text[])',
    [slug, [...ids]],
  );
  const known = new Set(rows.map((r) => r.id));
  const i = ids.findIndex((id) => !known.has(id));
  if (i >= 0)
    throw new UnknownReferenceError(`body.actorIds.${i}`, `is not a member of the territory ${slug}`);
}

async function setActors(tx: Sql, id: string, actorIds: readonly string[]): Promise<void> {
  await tx.query('delete from cooperation_actors where cooperation = $1', [id]);
  for (const [position, member] of actorIds.entries()) {
    await tx.query('insert into cooperation_actors (cooperation, member, position) values ($1, $2, $3)', [
      id,
      member,
      position + 1,
    ]);
  }
}

export async function insertCooperation(
  tx: Sql,
  slug: string,
  input: CooperationInput,
  options: { id?: string; demo?: boolean; at?: string } = {},
): Promise<Cooperation> {
  const id = options.id ?? newId('coop');
  const communes = await resolveCommunes(tx, slug, input.communes);
  await checkActors(tx, slug, input.actorIds);
  await tx.query(
    `insert into cooperations (id, territory, title, summary, status, started_at, communes, needs, demo, updated_at)
     values ($1, $2, $3, $4, $5, $6::date, $7::text::jsonb, $8::text::jsonb, $9, coalesce($10::timestamptz, now()))`,
    [
      id,
      slug,
      input.title,
      input.summary,
      input.status,
      input.startedAt,
      JSON.stringify(communes),
      JSON.stringify(input.needs),
      options.demo ?? false,
      options.at ?? null,
    ],
  );
  await setActors(tx, id, input.actorIds);
  return getCooperation(tx, slug, id);
}

export async function updateCooperation(
  tx: Sql,
  slug: string,
  id: string,
  patch: CooperationPatch,
): Promise<Cooperation> {
  await tx.query('select 1 from cooperations where territory = $1 and id = $2 for update', [slug, id]);
  const current = await getCooperation(tx, slug, id);
  const communes = patch.communes ? await resolveCommunes(tx, slug, patch.communes) : current.communes;
  if (patch.actorIds) await checkActors(tx, slug, patch.actorIds);
  await tx.query(
    `update cooperations set title = $3, summary = $4, status = $5, started_at = $6::date,
       communes = $7::text::jsonb, needs = $8::text::jsonb, updated_at = now()
     where territory = $1 and id = $2`,
    [
      slug,
      id,
      patch.title ?? current.title,
      patch.summary ?? current.summary,
      patch.status ?? current.status,
      patch.startedAt !== undefined ? patch.startedAt : current.startedAt,
      JSON.stringify(communes),
      JSON.stringify(patch.needs ?? current.needs),
    ],
  );
  if (patch.actorIds) await setActors(tx, id, patch.actorIds);
  return getCooperation(tx, slug, id);
}

export async function deleteCooperation(tx: Sql, slug: string, id: string): Promise<void> {
  const rows = await tx.query('delete from cooperations where territory = $1 and id = $2 returning id', [
    slug,
    id,
  ]);
  if (rows.length === 0) throw new NotFoundError(`cooperation ${id}`);
}
