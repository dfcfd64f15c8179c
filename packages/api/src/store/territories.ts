/** Territories: the list, one territory, and the timestamp every change to it moves. */
import type { PhaseKey, TerritoryDetail, TerritorySummary } from '@tec/contract';
import type { Sql } from '../db/database.js';
import { NotFoundError, iso } from './common.js';

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

export async function touchTerritory(tx: Sql, slug: string): Promise<void> {
  await tx.query('update territories set updated_at = now() where slug = $1', [slug]);
}
