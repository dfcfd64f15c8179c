/**
 * The audit log: every admin change, export and erasure, with the name its token had, the
 * route's identifiers and the change as the API accepted it. The console shows it per territory
 * (GET /v1/admin/territories/{slug}/audit).
 *
 * Recording takes two small call-sites, so that the routes need not know about it:
 * - the route layer wraps an admin handler in `audited(…)`, which holds what to record for the
 *   length of the request (AsyncLocalStorage);
 * - the write path calls `recordInTransaction(tx, result)` inside its transaction, so that a
 *   change and its audit entry are committed together or not at all.
 * What runs no transaction of its own (the export) or one of its own (erasure, purge) is
 * recorded by `audited` right after the handler succeeded.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditAction, AuditEntry, AuditList, AuditQuery, EndpointId } from '@tec/contract';
import { AuditAction as AuditActions } from '@tec/contract';
import type { Sql } from './db/database.js';

const ACTIONS = new Set<string>(AuditActions.options);

/** The token that acted, as the route layer verified it. */
export interface Actor {
  id: string;
  scope: string;
}

interface Pending {
  action: AuditAction;
  actor: Actor;
  territory: string | null;
  target: Record<string, string>;
  change: Record<string, unknown> | null;
  written: boolean;
}

const pending = new AsyncLocalStorage<Pending>();

/** Whether an endpoint's successful calls go into the audit log. */
export function isAudited(id: EndpointId): id is AuditAction {
  return ACTIONS.has(id);
}

/** The route identifiers worth keeping (not the territory, which has its own column). */
function targetOf(params: object): Record<string, string> {
  const target: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (key !== 'slug') target[key] = String(value);
  return target;
}

/** What was sent, minus what must not be kept: an erasure's e-mail address. */
function changeOf(action: AuditAction, body: unknown): Record<string, unknown> | null {
  if (action === 'eraseEngagements' || action.startsWith('delete') || action === 'exportEngagements')
    return null;
  return body && typeof body === 'object' && Object.keys(body).length > 0
    ? (body as Record<string, unknown>)
    : null;
}

async function insert(db: Sql, entry: Pending, outcome: Record<string, unknown> | null): Promise<void> {
  // The name the token has now, copied: renaming or revoking it later does not rewrite history.
  await db.query(
    `insert into audit_log (territory, token_id, token_name, action, target, change, outcome)
     select $1, $2, coalesce((select name from admin_tokens where id = $2), $2), $3,
       $4::text::jsonb, $5::text::jsonb, $6::text::jsonb`,
    [
      entry.territory,
      entry.actor.id,
      entry.action,
      JSON.stringify(entry.target),
      entry.change === null ? null : JSON.stringify(entry.change),
      outcome === null ? null : JSON.stringify(outcome),
    ],
  );
  entry.written = true;
}

/**
 * Runs an admin handler with what its audit entry will say; records the entry after it succeeds
 * unless the write path already did, inside its transaction.
 */
export async function audited<T>(
  db: Sql,
  id: EndpointId,
  request: { actor: Actor; params: object; query: object; body: unknown },
  handler: () => Promise<T>,
): Promise<T> {
  if (!isAudited(id)) return handler();
  const slug = (request.params as { slug?: string }).slug;
  const entry: Pending = {
    action: id,
    actor: request.actor,
    // An erasure or a purge covers the token's scope: one territory, or all of them (null).
    territory: slug ?? (request.actor.scope === '*' ? null : request.actor.scope),
    target: targetOf(request.params),
    change: changeOf(id, request.body),
    written: false,
  };
  const result = await pending.run(entry, handler);
  if (!entry.written) await insert(db, entry, outcomeOf(id, request.query, result));
  return result;
}

/** A count or a format, for what a body does not say. */
function outcomeOf(action: AuditAction, query: object, result: unknown): Record<string, unknown> | null {
  if (action === 'exportEngagements') {
    return { format: (query as { format?: string }).format === 'csv' ? 'csv' : 'json' };
  }
  const body = (result as { body?: { deleted?: unknown } } | undefined)?.body;
  if (typeof body?.deleted === 'number') return { deleted: body.deleted };
  return null;
}

/**
 * Records the current request's entry inside the change's transaction (handlers.ts `change`).
 * `result` is what the write returned: the id of what it created goes into the target.
 */
export async function recordInTransaction(tx: Sql, result: unknown): Promise<void> {
  const entry = pending.getStore();
  if (!entry || entry.written) return;
  if (entry.action.startsWith('create')) {
    const created =
      (result as { milestone?: { id?: unknown } } | undefined)?.milestone?.id ??
      (result as { id?: unknown } | undefined)?.id;
    if (typeof created === 'string') entry.target = { ...entry.target, id: created };
  }
  await insert(tx, entry, null);
}

interface AuditRow {
  id: string;
  at: string;
  territory: string | null;
  token_id: string;
  token_name: string;
  action: AuditAction;
  target: Record<string, string>;
  change: Record<string, unknown> | null;
  outcome: Record<string, unknown> | null;
}

/**
 * A territory's entries, newest first: its own, and the erasures and purges made over every
 * territory (by a national token), which touched it too.
 */
export async function listAudit(db: Sql, slug: string, query: AuditQuery): Promise<AuditList> {
  const limit = query.limit ?? 50;
  const rows = await db.query<AuditRow>(
    `select id::text as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
       territory, token_id, token_name, action, target, change, outcome
     from audit_log
     where (territory = $1 or territory is null) and ($2::bigint is null or id < $2::bigint)
     order by id desc limit $3`,
    [slug, query.before ?? null, limit + 1],
  );
  const items: AuditEntry[] = rows.slice(0, limit).map((row) => ({
    id: row.id,
    at: row.at,
    territory: row.territory,
    actor: { tokenId: row.token_id, name: row.token_name },
    action: row.action,
    target: row.target,
    change: row.change,
    outcome: row.outcome,
  }));
  return {
    territory: slug,
    items,
    nextBefore: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null,
  };
}

/** The name and scope of a verified token, for the console's sign-in. */
export async function sessionOf(db: Sql, actor: Actor): Promise<{ name: string; scope: string }> {
  const [row] = await db.query<{ name: string }>('select name from admin_tokens where id = $1', [actor.id]);
  return { name: row?.name ?? actor.id, scope: actor.scope };
}
