/**
 * The path of every route, by endpoint id: the light part of the endpoint table, for clients
 * that need URLs but not the schemas of every route (the SDK's browser bundle).
 */
export const PATHS = {
  listTerritories: '/v1/territories',
  getTerritory: '/v1/territories/{slug}',
  listPhases: '/v1/territories/{slug}/phases',
  listMembers: '/v1/territories/{slug}/members',
  listOpportunities: '/v1/territories/{slug}/opportunities',
  getPortrait: '/v1/territories/{slug}/portrait',
  listCooperations: '/v1/territories/{slug}/cooperations',
  getTerritoryGeometry: '/v1/territories/{slug}/geometry',
  getOverviewGeometry: '/v1/geometry',
  createEngagement: '/v1/territories/{slug}/engagements',
  events: '/v1/events',
  health: '/v1/health',
  healthLive: '/v1/health/live',
  openapi: '/v1/openapi.json',
  updatePhase: '/v1/admin/territories/{slug}/phases/{phase}',
  createMilestone: '/v1/admin/territories/{slug}/phases/{phase}/milestones',
  updateMilestone: '/v1/admin/territories/{slug}/phases/{phase}/milestones/{milestoneId}',
  deleteMilestone: '/v1/admin/territories/{slug}/phases/{phase}/milestones/{milestoneId}',
  createMember: '/v1/admin/territories/{slug}/members',
  updateMember: '/v1/admin/territories/{slug}/members/{memberId}',
  deleteMember: '/v1/admin/territories/{slug}/members/{memberId}',
  createOpportunity: '/v1/admin/territories/{slug}/opportunities',
  updateOpportunity: '/v1/admin/territories/{slug}/opportunities/{opportunityId}',
  deleteOpportunity: '/v1/admin/territories/{slug}/opportunities/{opportunityId}',
  updatePortrait: '/v1/admin/territories/{slug}/portrait',
  createCooperation: '/v1/admin/territories/{slug}/cooperations',
  updateCooperation: '/v1/admin/territories/{slug}/cooperations/{cooperationId}',
  deleteCooperation: '/v1/admin/territories/{slug}/cooperations/{cooperationId}',
  exportEngagements: '/v1/admin/territories/{slug}/engagements',
  eraseEngagements: '/v1/admin/erasure',
  purgeEngagements: '/v1/admin/purge',
} as const;

export type PathId = keyof typeof PATHS;

/** The path with its `{params}` filled in and URL-encoded: `/v1/territories/roya`. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
