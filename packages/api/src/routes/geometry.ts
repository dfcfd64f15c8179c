/** Map outlines as TopoJSON: one territory's, and France's overview. */
import { geometryFor, overviewGeometry } from '../geo/geometry.js';
import type { Handlers } from '../http/types.js';
import type { RouteContext } from './context.js';

export function geometryRoutes({
  deps: { db },
  read,
}: RouteContext): Pick<Handlers, 'getTerritoryGeometry' | 'getOverviewGeometry'> {
  return {
    getTerritoryGeometry: async ({ params }) => ({
      status: 200,
      body: await read(() => geometryFor(db, params.slug)),
    }),
    getOverviewGeometry: async () => ({ status: 200, body: await overviewGeometry(db) }),
  };
}
