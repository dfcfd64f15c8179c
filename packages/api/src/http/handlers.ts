/**
 * Every route's handler, gathered from routes/ (one module per resource, named after it). The
 * type requires one handler per endpoint of the contract's table.
 */
import type { AppDeps, Handlers } from './types.js';
import { HttpProblem } from './problem.js';
import { routeContext } from '../routes/context.js';
import { territoryRoutes } from '../routes/territories.js';
import { phaseRoutes } from '../routes/phases.js';
import { memberRoutes } from '../routes/members.js';
import { opportunityRoutes } from '../routes/opportunities.js';
import { engagementRoutes } from '../routes/engagements.js';
import { geometryRoutes } from '../routes/geometry.js';
import { serviceRoutes } from '../routes/service.js';
import { eventRoutes } from '../routes/events.js';

export { toCsv } from '../routes/engagements.js';

function notYet(): never {
  throw new HttpProblem('notFound', 'This server does not hold portraits or cooperations yet.');
}

export function createHandlers(deps: AppDeps): Handlers {
  const context = routeContext(deps);
  return {
    // The portrait and cooperation routes are in the contract; their storage is being built
    // (issue 14). Until then this server answers that it has none, as a well-formed problem.
    getPortrait: notYet,
    listCooperations: notYet,
    updatePortrait: notYet,
    createCooperation: notYet,
    updateCooperation: notYet,
    deleteCooperation: notYet,
    ...territoryRoutes(context),
    ...phaseRoutes(context),
    ...memberRoutes(context),
    ...opportunityRoutes(context),
    ...engagementRoutes(context),
    ...geometryRoutes(context),
    ...serviceRoutes(context),
    ...eventRoutes(deps),
  };
}
