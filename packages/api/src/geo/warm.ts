/**
 * Geometry is large (about 1 MB of JSON for five départements) and compressing it once costs
 * half a second of CPU: it is computed, serialized and compressed once per change — when the
 * server starts and after each geometry import — by asking the app itself, so that no visitor's
 * first map waits for it. The route caches what it answers (routing.ts) and the fast path sends
 * those bytes (fast-path.ts), with their strong ETag.
 */
import type { Hono } from 'hono';
import { PATHS, buildPath } from '@tec/contract';
import type { Sql } from '../db/database.js';

/**
 * Warms the overview and the given territories' geometry (all of them when `slugs` is absent);
 * stops before the next one once `stop()` says the server is closing.
 */
export async function warmGeometry(
  app: Hono,
  db: Sql,
  slugs?: readonly string[],
  stop: () => boolean = () => false,
): Promise<void> {
  if (stop()) return;
  const territories =
    slugs ??
    (
      await db.query<{ key: string }>(`select key from geometries where key like 'territory:%' order by key`)
    ).map((r) => r.key.slice('territory:'.length));
  const paths = [
    ...territories.map((slug) => buildPath(PATHS.getTerritoryGeometry, { slug })),
    PATHS.getOverviewGeometry,
  ];
  // One after the other: the compression runs in the thread pool, beside the visitors' requests.
  for (const path of paths) {
    if (stop()) return;
    const res = await app.fetch(new Request(`http://localhost${path}`));
    await res.arrayBuffer();
  }
}
