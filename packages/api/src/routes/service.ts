/** The service itself: readiness, liveness and the OpenAPI document. */
import { buildOpenApiDocument } from '@tec/contract/openapi';
import { SCHEMA_VERSION, schemaVersion } from '../db/migrations.js';
import { HttpProblem } from '../http/problem.js';
import type { Handlers } from '../http/types.js';
import type { RouteContext } from './context.js';

export function serviceRoutes({ deps }: RouteContext): Pick<Handlers, 'health' | 'healthLive' | 'openapi'> {
  const { db, version } = deps;
  let openapi: unknown;
  return {
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
  };
}
