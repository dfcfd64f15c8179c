/** GET /v1/territories and /v1/territories/{slug}. */
import * as store from '../store.js';
import type { Handlers } from '../http/types.js';
import type { RouteContext } from './context.js';

export function territoryRoutes({
  deps: { db },
  read,
}: RouteContext): Pick<Handlers, 'listTerritories' | 'getTerritory'> {
  return {
    listTerritories: async () => ({
      status: 200,
      body: { items: (await store.listTerritories(db)).map(store.toSummary) },
    }),
    getTerritory: async ({ params }) => ({
      status: 200,
      body: await read(() => store.getTerritory(db, params.slug)),
    }),
  };
}
