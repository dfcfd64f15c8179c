/**
 * Every route's handler, gathered from routes/ (one module per resource, named after it). The
 * type requires one handler per endpoint of the contract's table.
 */
import type { AppDeps, Handlers } from './types.js';
import { routeContext } from '../routes/context.js';
import { territoryRoutes } from '../routes/territories.js';
import { phaseRoutes } from '../routes/phases.js';
import { memberRoutes } from '../routes/members.js';
import { opportunityRoutes } from '../routes/opportunities.js';
import { engagementRoutes } from '../routes/engagements.js';
import { portraitRoutes } from '../routes/portraits.js';
import { cooperationRoutes } from '../routes/cooperations.js';
import { geometryRoutes } from '../routes/geometry.js';
import { serviceRoutes } from '../routes/service.js';
import { eventRoutes } from '../routes/events.js';

export { toCsv } from '../routes/engagements.js';

export function createHandlers(deps: AppDeps): Handlers {
  const context = routeContext(deps);
  return {
    ...territoryRoutes(context),
    ...phaseRoutes(context),
    ...memberRoutes(context),
    ...opportunityRoutes(context),
    ...engagementRoutes(context),
    ...portraitRoutes(context),
    ...cooperationRoutes(context),
    ...geometryRoutes(context),
    ...serviceRoutes(context),
    ...eventRoutes(deps),
  };
}
