/**
 * The endpoint table: every route of the TEC API with its parameters, body, response and
 * errors. The server declares its routes from it, the SDK builds its methods from it, and the
 * OpenAPI document is generated from it.
 */
import * as z from 'zod/mini';
import { Email, Id, IsoDate, IsoDateTime, Slug, integer, longText, text, Fraction } from './primitives.js';
import type { ProblemName } from './problems.js';
import { PATHS } from './paths.js';
import { CooperationQuery, EngagementHeaders, EventsQuery, ExportQuery, MemberQuery } from './queries.js';
import {
  Cooperation,
  CooperationInput,
  CooperationList,
  CooperationPatch,
  Portrait,
  PortraitPatch,
} from './story.js';
import {
  Engagement,
  EngagementReceipt,
  EngagementRequest,
  Geometry,
  Health,
  Liveness,
  Member,
  MemberInput,
  MemberPage,
  MemberPatch,
  MilestoneStatus,
  Milestone,
  Opportunity,
  OpportunityInput,
  OpportunityList,
  OpportunityPatch,
  Phase,
  PhaseKey,
  PhaseList,
  PhaseStatus,
  TerritoryDetail,
  TerritoryList,
} from './schemas.js';

// ---------------------------------------------------------------------------------------------
// Admin request and response bodies
// ---------------------------------------------------------------------------------------------

export const PhasePatch = z.partial(
  z.strictObject({
    status: PhaseStatus,
    startDate: z.nullable(IsoDate),
    endDate: z.nullable(IsoDate),
    progress: Fraction,
    /** Needed to close a phase whose milestones are not all met. */
    closingReason: z.nullable(text(500)),
  }),
);
export type PhasePatch = z.infer<typeof PhasePatch>;

export const MilestoneInput = z.strictObject({
  title: text(200),
  description: z.optional(longText(4000)),
  status: MilestoneStatus,
  dueDate: z.nullable(IsoDate),
  completedDate: z.nullable(IsoDate),
});
export type MilestoneInput = z.infer<typeof MilestoneInput>;
export const MilestonePatch = z.partial(MilestoneInput);
export type MilestonePatch = z.infer<typeof MilestonePatch>;

export const EngagementExport = z.strictObject({
  territory: Slug,
  exportedAt: IsoDateTime,
  items: z.array(Engagement),
});
export type EngagementExport = z.infer<typeof EngagementExport>;

export const ErasureRequest = z.strictObject({ email: Email });
export type ErasureRequest = z.infer<typeof ErasureRequest>;

export const DeletionResult = z.strictObject({
  deleted: integer(0, 100_000_000),
  /** For a purge: engagements created before this instant were deleted. */
  before: z.optional(IsoDateTime),
});
export type DeletionResult = z.infer<typeof DeletionResult>;

// ---------------------------------------------------------------------------------------------
// Parameters shared by several routes
// ---------------------------------------------------------------------------------------------

const TerritoryParams = z.strictObject({ slug: Slug });
const PhaseParams = z.strictObject({ slug: Slug, phase: PhaseKey });
const MilestoneParams = z.strictObject({ slug: Slug, phase: PhaseKey, milestoneId: Id });
const MemberParams = z.strictObject({ slug: Slug, memberId: Id });
const OpportunityParams = z.strictObject({ slug: Slug, opportunityId: Id });
const CooperationParams = z.strictObject({ slug: Slug, cooperationId: Id });

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Endpoint {
  method: HttpMethod;
  /** OpenAPI-style path: `/v1/territories/{slug}`. */
  path: string;
  summary: string;
  description?: string;
  tag: 'territories' | 'members' | 'engagements' | 'geometry' | 'events' | 'meta' | 'admin';
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  headers?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** Success status and body; `schema` absent means no body (204) or a non-JSON stream. */
  response: {
    status: 200 | 201 | 204;
    schema?: z.ZodMiniType;
    contentType?: 'application/json' | 'text/event-stream' | 'text/csv';
  };
  errors: readonly ProblemName[];
  /** `admin`: needs `Authorization: Bearer <token>` scoped to the territory or to all. */
  auth?: 'admin';
  /** Cache class of a public read: `public` (60 s) or `geometry` (1 day). */
  cache?: 'public' | 'geometry';
}

const readErrors = ['validation', 'notFound', 'rateLimited', 'internal', 'unavailable'] as const;
const adminErrors = [
  'validation',
  'unauthorized',
  'forbidden',
  'notFound',
  'unsupportedMediaType',
  'tooLarge',
  'internal',
] as const;
/** Admin writes that the programme's consistency rules can refuse (422 `inconsistent`). */
const checkedAdminErrors = [...adminErrors, 'inconsistent'] as const;

export const endpoints = {
  listTerritories: {
    method: 'GET',
    path: PATHS.listTerritories,
    tag: 'territories',
    summary: 'List the six TEC territories',
    response: { status: 200, schema: TerritoryList },
    errors: ['rateLimited', 'internal', 'unavailable'],
    cache: 'public',
  },
  getTerritory: {
    method: 'GET',
    path: PATHS.getTerritory,
    tag: 'territories',
    summary: 'One territory with its portrait',
    params: TerritoryParams,
    response: { status: 200, schema: TerritoryDetail },
    errors: readErrors,
    cache: 'public',
  },
  listPhases: {
    method: 'GET',
    path: PATHS.listPhases,
    tag: 'territories',
    summary: "The territory's three phases and their milestones",
    params: TerritoryParams,
    response: { status: 200, schema: PhaseList },
    errors: readErrors,
    cache: 'public',
  },
  listMembers: {
    method: 'GET',
    path: PATHS.listMembers,
    tag: 'members',
    summary: 'Coalition members, searched, filtered and paginated',
    description: 'Members are ordered by join date then id; the cursor stays valid while members are added.',
    params: TerritoryParams,
    query: MemberQuery,
    response: { status: 200, schema: MemberPage },
    errors: readErrors,
    cache: 'public',
  },
  listOpportunities: {
    method: 'GET',
    path: PATHS.listOpportunities,
    tag: 'engagements',
    summary: 'Open calls to engage (appels à l’engagement)',
    params: TerritoryParams,
    response: { status: 200, schema: OpportunityList },
    errors: readErrors,
    cache: 'public',
  },
  getPortrait: {
    method: 'GET',
    path: PATHS.getPortrait,
    tag: 'territories',
    summary: "The territory's portrait, its binôme and volunteers (phase 1)",
    description:
      'Every territory has one: `a-venir` with empty lists until the binôme starts gathering it ' +
      '(territories being selected), `en-cours` with what has been gathered so far, then `publie`.',
    params: TerritoryParams,
    response: { status: 200, schema: Portrait },
    errors: readErrors,
    cache: 'public',
  },
  listCooperations: {
    method: 'GET',
    path: PATHS.listCooperations,
    tag: 'territories',
    summary: "The territory's cooperations (phase 2), optionally in one commune",
    params: TerritoryParams,
    query: CooperationQuery,
    response: { status: 200, schema: CooperationList },
    errors: readErrors,
    cache: 'public',
  },
  getTerritoryGeometry: {
    method: 'GET',
    path: PATHS.getTerritoryGeometry,
    tag: 'geometry',
    summary: "The territory's outline and communes, as quantized TopoJSON",
    params: TerritoryParams,
    response: { status: 200, schema: Geometry },
    errors: readErrors,
    cache: 'geometry',
  },
  getOverviewGeometry: {
    method: 'GET',
    path: PATHS.getOverviewGeometry,
    tag: 'geometry',
    summary: 'Metropolitan France and the outlines of the six territories, as TopoJSON',
    response: { status: 200, schema: Geometry },
    errors: ['rateLimited', 'internal', 'unavailable'],
    cache: 'geometry',
  },
  createEngagement: {
    method: 'POST',
    path: PATHS.createEngagement,
    tag: 'engagements',
    summary: 'Sign up for an opportunity',
    description:
      'Needs explicit consent. Send an Idempotency-Key so that a retry never signs up twice. ' +
      'The 201 is sent only once the sign-up is durably stored.',
    params: TerritoryParams,
    headers: EngagementHeaders,
    body: EngagementRequest,
    response: { status: 201, schema: EngagementReceipt },
    errors: [
      'validation',
      'notFound',
      'full',
      'idempotencyConflict',
      'tooLarge',
      'unsupportedMediaType',
      'originNotAllowed',
      'rateLimited',
      'internal',
      'unavailable',
    ],
  },
  events: {
    method: 'GET',
    path: PATHS.events,
    tag: 'events',
    summary: 'Live changes as Server-Sent Events',
    description:
      'Each event carries a monotonic id; reconnect with Last-Event-ID to receive what was missed ' +
      '(kept at least 24 h). A comment line is sent every 25 s as a heartbeat.',
    query: EventsQuery,
    response: { status: 200, contentType: 'text/event-stream' },
    errors: ['validation', 'rateLimited', 'unavailable'],
  },
  health: {
    method: 'GET',
    path: PATHS.health,
    tag: 'meta',
    summary: 'Readiness: the database answers and its schema is migrated',
    description:
      'A load balancer or orchestrator sends traffic only while this answers 200: 503 when the ' +
      'database does not answer, its migrations are not done, or the process is draining.',
    response: { status: 200, schema: Health },
    errors: ['unavailable'],
  },
  healthLive: {
    method: 'GET',
    path: PATHS.healthLive,
    tag: 'meta',
    summary: 'Liveness: the process answers (restart it when this fails)',
    description: 'Does not touch the database: a database outage must not get every process restarted.',
    response: { status: 200, schema: Liveness },
    errors: [],
  },
  openapi: {
    method: 'GET',
    path: PATHS.openapi,
    tag: 'meta',
    summary: 'This API as an OpenAPI 3.1 document',
    response: { status: 200, schema: z.record(z.string(), z.unknown()) },
    errors: [],
  },

  // ----- admin ------------------------------------------------------------------------------
  updatePhase: {
    method: 'PATCH',
    path: PATHS.updatePhase,
    tag: 'admin',
    summary: "Change a phase's status, dates or progress",
    params: PhaseParams,
    body: PhasePatch,
    response: { status: 200, schema: Phase },
    errors: checkedAdminErrors,
    auth: 'admin',
  },
  createMilestone: {
    method: 'POST',
    path: PATHS.createMilestone,
    tag: 'admin',
    summary: 'Add a milestone to a phase',
    params: PhaseParams,
    body: MilestoneInput,
    response: { status: 201, schema: Milestone },
    errors: checkedAdminErrors,
    auth: 'admin',
  },
  updateMilestone: {
    method: 'PATCH',
    path: PATHS.updateMilestone,
    tag: 'admin',
    summary: 'Change a milestone',
    params: MilestoneParams,
    body: MilestonePatch,
    response: { status: 200, schema: Milestone },
    errors: checkedAdminErrors,
    auth: 'admin',
  },
  deleteMilestone: {
    method: 'DELETE',
    path: PATHS.deleteMilestone,
    tag: 'admin',
    summary: 'Remove a milestone',
    params: MilestoneParams,
    response: { status: 204 },
    errors: adminErrors,
    auth: 'admin',
  },
  createMember: {
    method: 'POST',
    path: PATHS.createMember,
    tag: 'admin',
    summary: 'Add a coalition member',
    params: TerritoryParams,
    body: MemberInput,
    response: { status: 201, schema: Member },
    errors: checkedAdminErrors,
    auth: 'admin',
  },
  updateMember: {
    method: 'PATCH',
    path: PATHS.updateMember,
    tag: 'admin',
    summary: 'Change a coalition member',
    params: MemberParams,
    body: MemberPatch,
    response: { status: 200, schema: Member },
    errors: adminErrors,
    auth: 'admin',
  },
  deleteMember: {
    method: 'DELETE',
    path: PATHS.deleteMember,
    tag: 'admin',
    summary: 'Remove a coalition member',
    params: MemberParams,
    response: { status: 204 },
    errors: adminErrors,
    auth: 'admin',
  },
  createOpportunity: {
    method: 'POST',
    path: PATHS.createOpportunity,
    tag: 'admin',
    summary: 'Open a call to engage',
    params: TerritoryParams,
    body: OpportunityInput,
    response: { status: 201, schema: Opportunity },
    errors: checkedAdminErrors,
    auth: 'admin',
  },
  updateOpportunity: {
    method: 'PATCH',
    path: PATHS.updateOpportunity,
    tag: 'admin',
    summary: 'Change a call to engage',
    params: OpportunityParams,
    body: OpportunityPatch,
    response: { status: 200, schema: Opportunity },
    errors: adminErrors,
    auth: 'admin',
  },
  deleteOpportunity: {
    method: 'DELETE',
    path: PATHS.deleteOpportunity,
    tag: 'admin',
    summary: 'Close and remove a call to engage',
    params: OpportunityParams,
    response: { status: 204 },
    errors: adminErrors,
    auth: 'admin',
  },
  updatePortrait: {
    method: 'PATCH',
    path: PATHS.updatePortrait,
    tag: 'admin',
    summary: "Change the territory's portrait, binôme or volunteer count",
    params: TerritoryParams,
    body: PortraitPatch,
    response: { status: 200, schema: Portrait },
    errors: checkedAdminErrors,
    auth: 'admin',
  },
  createCooperation: {
    method: 'POST',
    path: PATHS.createCooperation,
    tag: 'admin',
    summary: 'Add a cooperation; its actors are members of the territory, its communes its own',
    params: TerritoryParams,
    body: CooperationInput,
    response: { status: 201, schema: Cooperation },
    errors: checkedAdminErrors,
    auth: 'admin',
  },
  updateCooperation: {
    method: 'PATCH',
    path: PATHS.updateCooperation,
    tag: 'admin',
    summary: 'Change a cooperation',
    params: CooperationParams,
    body: CooperationPatch,
    response: { status: 200, schema: Cooperation },
    errors: checkedAdminErrors,
    auth: 'admin',
  },
  deleteCooperation: {
    method: 'DELETE',
    path: PATHS.deleteCooperation,
    tag: 'admin',
    summary: 'Remove a cooperation',
    params: CooperationParams,
    response: { status: 204 },
    errors: adminErrors,
    auth: 'admin',
  },
  exportEngagements: {
    method: 'GET',
    path: PATHS.exportEngagements,
    tag: 'admin',
    summary: "Export the territory's sign-ups (JSON, or CSV with ?format=csv)",
    params: TerritoryParams,
    query: ExportQuery,
    response: { status: 200, schema: EngagementExport },
    errors: adminErrors,
    auth: 'admin',
  },
  eraseEngagements: {
    method: 'POST',
    path: PATHS.eraseEngagements,
    tag: 'admin',
    summary: "Erase every sign-up of one person (RGPD right to erasure) within the token's scope",
    body: ErasureRequest,
    response: { status: 200, schema: DeletionResult },
    errors: adminErrors,
    auth: 'admin',
  },
  purgeEngagements: {
    method: 'POST',
    path: PATHS.purgeEngagements,
    tag: 'admin',
    summary: 'Delete sign-ups older than the retention period (TEC_RETENTION_DAYS)',
    response: { status: 200, schema: DeletionResult },
    errors: adminErrors,
    auth: 'admin',
  },
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointId = keyof Endpoints;
