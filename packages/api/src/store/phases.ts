/** A territory's phases and their milestones. */
import type { Milestone, MilestoneInput, MilestonePatch, Phase, PhaseKey, PhasePatch } from '@tec/contract';
import type { Sql } from '../db/database.js';
import { NotFoundError, newId } from './common.js';
import { touchTerritory } from './territories.js';

interface PhaseRow {
  key: PhaseKey;
  ord: number;
  status: Phase['status'];
  start_date: string | null;
  end_date: string | null;
  progress: number;
  closing_reason: string | null;
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
       progress::float8 as progress, closing_reason
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
    closingReason: p.closing_reason,
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
       progress = coalesce($8::float8, progress),
       closing_reason = case when $9::boolean then $10 else closing_reason end
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
      patch.closingReason !== undefined,
      patch.closingReason ?? null,
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
