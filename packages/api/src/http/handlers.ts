/**
 * What each route does, once its inputs are validated. Every change is written with its live
 * event in one transaction; the cache and this process's subscribers are told right after the
 * commit, other processes through NOTIFY.
 */
import type { Engagement, EngagementReceipt } from '@tec/contract';
import { buildOpenApiDocument } from '@tec/contract/openapi';
import { isUniqueViolation, type Sql } from '../db/database.js';
import { SCHEMA_VERSION, schemaVersion } from '../db/migrations.js';
import * as store from '../store.js';
import { geometryFor, overviewGeometry } from '../geo/geometry.js';
import { HttpProblem } from './problem.js';
import { pageOrigin } from './cors.js';
import type { AppDeps, Handlers } from './app.js';

/** Turns store errors into problems. */
function mapError(error: unknown): never {
  if (error instanceof store.NotFoundError)
    throw new HttpProblem('notFound', `The ${error.what} does not exist.`);
  if (error instanceof store.BadCursorError) {
    throw new HttpProblem('validation', 'The cursor is not one this server returned.', [
      { path: 'query.cursor', message: 'is not a cursor this server returned' },
    ]);
  }
  if (error instanceof store.CapacityBelowTakenError) {
    throw new HttpProblem(
      'validation',
      `The capacity cannot be lower than the ${error.taken} places already taken.`,
      [{ path: 'body.capacity', message: `must be at least ${error.taken}: places already taken` }],
    );
  }
  if (error instanceof store.ConflictError) {
    throw new HttpProblem(error.kind === 'full' ? 'full' : 'idempotencyConflict', error.message);
  }
  throw error;
}

const CSV_COLUMNS: (keyof Engagement)[] = [
  'id',
  'createdAt',
  'opportunityId',
  'firstName',
  'email',
  'phone',
  'availability',
  'message',
  'lang',
  'origin',
];

/** One CSV cell: quoted, and defused against formula injection in spreadsheets. */
function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(items: Engagement[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const item of items) lines.push(CSV_COLUMNS.map((k) => csvCell(item[k])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function notYet(): never {
  throw new HttpProblem('notFound', 'This server does not hold portraits or cooperations yet.');
}

export function createHandlers(deps: AppDeps): Omit<Handlers, 'events'> {
  const { db, bus, cache, config, version } = deps;
  let openapi: unknown;

  /** Runs a change and its events in one transaction, then tells this process at once. */
  async function change<T>(slug: string, fn: (tx: Sql) => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await db.transaction(fn);
    } catch (error) {
      mapError(error);
    }
    cache.invalidate(slug);
    void bus.pull();
    return result;
  }

  async function read<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      mapError(error);
    }
  }

  async function requireTerritory(slug: string): Promise<void> {
    if (!(await store.territoryExists(db, slug)))
      throw new HttpProblem('notFound', `The territory ${slug} does not exist.`);
  }

  return {
    // ----- public reads -------------------------------------------------------------------------
    listTerritories: async () => ({
      status: 200,
      body: { items: (await store.listTerritories(db)).map(store.toSummary) },
    }),
    getTerritory: async ({ params }) => ({
      status: 200,
      body: await read(() => store.getTerritory(db, params.slug)),
    }),
    listPhases: async ({ params }) => {
      await requireTerritory(params.slug);
      return {
        status: 200,
        body: { territory: params.slug, phases: await store.listPhases(db, params.slug) },
      };
    },
    listMembers: async ({ params, query }) => {
      await requireTerritory(params.slug);
      return { status: 200, body: await read(() => store.listMembers(db, params.slug, query)) };
    },
    listOpportunities: async ({ params }) => {
      await requireTerritory(params.slug);
      return {
        status: 200,
        body: { territory: params.slug, items: await store.listOpportunities(db, params.slug) },
      };
    },
    getTerritoryGeometry: async ({ params }) => ({
      status: 200,
      body: await read(() => geometryFor(db, params.slug)),
    }),
    getOverviewGeometry: async () => ({ status: 200, body: await overviewGeometry(db) }),
    // The portrait and cooperation routes are in the contract; their storage is being built
    // (issue 14). Until then this server answers that it has none, as a well-formed problem.
    getPortrait: notYet,
    listCooperations: notYet,
    updatePortrait: notYet,
    createCooperation: notYet,
    updateCooperation: notYet,
    deleteCooperation: notYet,
    health: async () => {
      // Readiness: the database answers, its schema is at least this code's, and the process
      // is not draining. A 503 tells the proxy and the orchestrator to send traffic elsewhere.
      const start = performance.now();
      let ok = true;
      let schema = 0;
      try {
        schema = await schemaVersion(db);
      } catch {
        ok = false;
      }
      const body = {
        status: ok ? 'ok' : 'degraded',
        database: { kind: db.kind, ok, latencyMs: Math.round((performance.now() - start) * 100) / 100 },
        migrations: { version: schema, expected: SCHEMA_VERSION },
        version,
      };
      if (!ok) throw new HttpProblem('unavailable', 'The database does not answer.');
      if (schema < SCHEMA_VERSION) {
        throw new HttpProblem(
          'unavailable',
          `The database schema is at version ${schema}; this server needs ${SCHEMA_VERSION} (migrations not done).`,
        );
      }
      if (deps.draining?.()) throw new HttpProblem('unavailable', 'This process is draining.');
      return { status: 200, body };
    },
    healthLive: async () => ({
      status: 200,
      body: { status: 'ok', draining: deps.draining?.() ?? false, version },
    }),
    openapi: async () => {
      openapi ??= buildOpenApiDocument(version);
      return { status: 200, body: openapi };
    },

    // ----- sign-ups -----------------------------------------------------------------------------
    createEngagement: async ({ params, headers, body, c }) => {
      await requireTerritory(params.slug);
      const key = headers['idempotency-key'];
      // The page the sign-up came from, so the programme's team knows which site brought it.
      const origin = pageOrigin(c.req.header('origin')) ?? null;
      if (body.website) {
        // The honeypot was filled: a robot. It gets the very answer a person would (a receipt
        // with the places that would be left, 404 or 409 alike), and nothing is stored.
        deps.log.info('honeypot', { territory: params.slug });
        const opportunity = await read(() => store.getOpportunity(db, params.slug, body.opportunityId));
        let placesLeft: number | null = null;
        if (opportunity.capacity !== null) {
          const taken = await store.placesTaken(db, params.slug, body.opportunityId);
          if (taken >= opportunity.capacity)
            throw new HttpProblem('full', 'no places left on this opportunity');
          placesLeft = opportunity.capacity - taken - 1;
        }
        const receipt: EngagementReceipt = {
          id: store.newId('eng'),
          territory: params.slug,
          opportunityId: body.opportunityId,
          createdAt: new Date().toISOString(),
          status: 'received',
          placesLeft,
        };
        return { status: 201, body: receipt };
      }
      const attempt = () =>
        change(params.slug, async (tx) => {
          const result = await store.createEngagement(tx, params.slug, body, key, origin);
          if (result.placesChanged && result.receipt.placesLeft !== null) {
            await store.appendEvent(tx, {
              type: 'places.changed',
              territory: params.slug,
              opportunityId: body.opportunityId,
              placesLeft: result.receipt.placesLeft,
            });
          }
          return result;
        });
      let result;
      try {
        result = await attempt();
      } catch (error) {
        // Two requests with one key raced on PostgreSQL: the loser now sees the winner's row.
        if (key && isUniqueViolation(error)) result = await attempt();
        else throw error;
      }
      const replayed: Record<string, string> = result.replayed ? { 'idempotent-replayed': 'true' } : {};
      if (!result.replayed) deps.onSignup?.(params.slug);
      return { status: 201, body: result.receipt, headers: replayed };
    },

    // ----- admin --------------------------------------------------------------------------------
    updatePhase: async ({ params, body }) => {
      const phase = await change(params.slug, async (tx) => {
        const updated = await store.updatePhase(tx, params.slug, params.phase, body);
        await store.appendEvent(tx, { type: 'phase.updated', territory: params.slug, phase: updated });
        const summary = store.toSummary(await store.getTerritory(tx, params.slug));
        await store.appendEvent(tx, { type: 'territory.updated', territory: params.slug, summary });
        return updated;
      });
      return { status: 200, body: phase };
    },
    createMilestone: async ({ params, body }) => {
      const { milestone } = await change(params.slug, async (tx) => {
        const result = await store.createMilestone(tx, params.slug, params.phase, body);
        await store.appendEvent(tx, { type: 'phase.updated', territory: params.slug, phase: result.phase });
        return result;
      });
      return { status: 201, body: milestone };
    },
    updateMilestone: async ({ params, body }) => {
      const { milestone } = await change(params.slug, async (tx) => {
        const result = await store.updateMilestone(tx, params.slug, params.phase, params.milestoneId, body);
        await store.appendEvent(tx, { type: 'phase.updated', territory: params.slug, phase: result.phase });
        return result;
      });
      return { status: 200, body: milestone };
    },
    deleteMilestone: async ({ params }) => {
      await change(params.slug, async (tx) => {
        const phase = await store.deleteMilestone(tx, params.slug, params.phase, params.milestoneId);
        await store.appendEvent(tx, { type: 'phase.updated', territory: params.slug, phase });
      });
      return { status: 204 };
    },
    createMember: async ({ params, body }) => {
      await requireTerritory(params.slug);
      const member = await change(params.slug, async (tx) => {
        const created = await store.insertMember(tx, params.slug, body);
        await store.appendEvent(tx, { type: 'member.added', territory: params.slug, member: created });
        return created;
      });
      return { status: 201, body: member };
    },
    updateMember: async ({ params, body }) => {
      const member = await change(params.slug, async (tx) => {
        const updated = await store.updateMember(tx, params.slug, params.memberId, body);
        await store.appendEvent(tx, { type: 'member.updated', territory: params.slug, member: updated });
        return updated;
      });
      return { status: 200, body: member };
    },
    deleteMember: async ({ params }) => {
      await change(params.slug, async (tx) => {
        await store.deleteMember(tx, params.slug, params.memberId);
        await store.appendEvent(tx, {
          type: 'member.removed',
          territory: params.slug,
          memberId: params.memberId,
        });
      });
      return { status: 204 };
    },
    createOpportunity: async ({ params, body }) => {
      await requireTerritory(params.slug);
      const opportunity = await change(params.slug, async (tx) => {
        const created = await store.insertOpportunity(tx, params.slug, body);
        await store.appendEvent(tx, {
          type: 'opportunity.added',
          territory: params.slug,
          opportunity: created,
        });
        return created;
      });
      return { status: 201, body: opportunity };
    },
    updateOpportunity: async ({ params, body }) => {
      const opportunity = await change(params.slug, async (tx) => {
        const updated = await store.updateOpportunity(tx, params.slug, params.opportunityId, body);
        await store.appendEvent(tx, {
          type: 'opportunity.updated',
          territory: params.slug,
          opportunity: updated,
        });
        return updated;
      });
      return { status: 200, body: opportunity };
    },
    deleteOpportunity: async ({ params }) => {
      await change(params.slug, async (tx) => {
        await store.deleteOpportunity(tx, params.slug, params.opportunityId);
        await store.appendEvent(tx, {
          type: 'opportunity.removed',
          territory: params.slug,
          opportunityId: params.opportunityId,
        });
      });
      return { status: 204 };
    },
    exportEngagements: async ({ params, query, c }) => {
      await requireTerritory(params.slug);
      const items = await store.exportEngagements(db, params.slug);
      if (query.format === 'csv') {
        return c.body(toCsv(items), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="tec-${params.slug}-engagements.csv"`,
          'cache-control': 'no-store',
        });
      }
      return { status: 200, body: { territory: params.slug, exportedAt: new Date().toISOString(), items } };
    },
    eraseEngagements: async ({ body, scope }) => {
      const deleted = await db.transaction((tx) => store.eraseEngagements(tx, body.email, scope));
      return { status: 200, body: { deleted } };
    },
    purgeEngagements: async ({ scope }) => {
      const before = new Date(Date.now() - config.retentionDays * 86_400_000);
      const deleted = await db.transaction((tx) => store.purgeEngagements(tx, before, scope));
      return { status: 200, body: { deleted, before: before.toISOString() } };
    },
  };
}
