/**
 * A territory's portrait (phase 1's deliverable): what the binôme gathered, in progress or
 * published. A territory without a portrait row (one being selected) reads as an empty portrait
 * `a-venir`, so that readers have one shape to show.
 */
import type { Portrait, PortraitPatch } from '@tec/contract';
import type { Sql } from '../db/database.js';
import { iso } from './common.js';
import { getTerritory } from './territories.js';

/** What the `data` column holds: the portrait's editable content. */
type PortraitData = Omit<Portrait, 'territory' | 'status' | 'publishedAt' | 'demo' | 'updatedAt'>;

interface PortraitRow {
  status: Portrait['status'];
  published_at: string | null;
  data: PortraitData;
  demo: boolean;
  updated_at: string;
}

const EMPTY: PortraitData = {
  summary: null,
  forcesVives: { acteursMoteurs: [], ressources: [], savoirFaire: [] },
  vulnerabilites: { tangibles: [], ressenties: [] },
  maturite: null,
  cultureLocale: null,
  entretiens: 0,
  benevoles: 0,
  binome: null,
};

function dataOf(p: PortraitData): PortraitData {
  return {
    summary: p.summary,
    forcesVives: p.forcesVives,
    vulnerabilites: p.vulnerabilites,
    maturite: p.maturite,
    cultureLocale: p.cultureLocale,
    entretiens: p.entretiens,
    benevoles: p.benevoles,
    binome: p.binome,
  };
}

export async function getPortrait(db: Sql, slug: string): Promise<Portrait> {
  const territory = await getTerritory(db, slug);
  const [row] = await db.query<PortraitRow>(
    `select status, published_at::text as published_at, data, demo, ${iso('updated_at')} as updated_at
     from portraits where territory = $1`,
    [slug],
  );
  if (!row) {
    return {
      territory: slug,
      status: 'a-venir',
      publishedAt: null,
      ...EMPTY,
      demo: territory.demo,
      updatedAt: territory.updatedAt,
    };
  }
  return {
    territory: slug,
    status: row.status,
    publishedAt: row.published_at,
    ...dataOf({ ...EMPTY, ...row.data }),
    demo: row.demo,
    updatedAt: row.updated_at,
  };
}

/**
 * Writes a portrait whole (the seed) or patched (the admin route). Publishing without a date
 * dates it today.
 */
export async function putPortrait(
  tx: Sql,
  slug: string,
  portrait: Omit<Portrait, 'territory' | 'updatedAt'>,
  /** When it changed: now, unless the seed gives its fixed date. */
  at: string | null = null,
): Promise<Portrait> {
  await tx.query(
    `insert into portraits (territory, status, published_at, data, demo, updated_at)
     values ($1, $2, $3::date, $4::text::jsonb, $5, coalesce($6::timestamptz, now()))
     on conflict (territory) do update set status = excluded.status, published_at = excluded.published_at,
       data = excluded.data, demo = excluded.demo, updated_at = excluded.updated_at`,
    [slug, portrait.status, portrait.publishedAt, JSON.stringify(dataOf(portrait)), portrait.demo, at],
  );
  return getPortrait(tx, slug);
}

export async function updatePortrait(tx: Sql, slug: string, patch: PortraitPatch): Promise<Portrait> {
  await tx.query('select 1 from territories where slug = $1 for update', [slug]);
  const current = await getPortrait(tx, slug);
  const next = { ...current, ...patch };
  if (next.status === 'publie' && next.publishedAt === null) {
    next.publishedAt = new Date().toISOString().slice(0, 10);
  }
  return putPortrait(tx, slug, next);
}
