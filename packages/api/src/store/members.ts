/** A territory's members: paged, searched and faceted reads, and their edits. */
import type { Member, MemberInput, MemberKind, MemberPage, MemberPatch } from '@tec/contract';
import type { Sql } from '../db/database.js';
import { NotFoundError, escapeLike, fold, newId } from './common.js';

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
