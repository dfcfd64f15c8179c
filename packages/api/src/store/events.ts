/** The live events: appended in the writer's transaction, replayed, pruned. */
import type { LiveEvent } from '@tec/contract';
import type { Database, Sql } from '../db/database.js';
import { iso } from './common.js';

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
