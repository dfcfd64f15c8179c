/**
 * The endpoint table: every route of the TEC API with its parameters, body, response and
 * errors. The server declares its routes from it, the SDK builds its methods from it, and the
 * OpenAPI document is generated from it.
 */
import { z } from 'zod/mini';
import {
  Cursor,
  Email,
  Id,
  IsoDate,
  IsoDateTime,
  Slug,
  integer,
  queryInteger,
  text,
  Fraction,
} from './primitives.js';
import type { ProblemName } from './problems.js';
import {
  Engagement,
  EngagementReceipt,
  EngagementRequest,
  Geometry,
  Health,
  Member,
  MemberInput,
  MemberKind,
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
  }),
);
export type PhasePatch = z.infer<typeof PhasePatch>;

export const MilestoneInput = z.strictObject({
  title: text(200),
  description: z.optional(text(4000)),
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

export const MemberQuery = z.strictObject({
  /** Words to find in the name, role or commune (accents and case ignored). */
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  kind: z.optional(MemberKind),
  cursor: z.optional(Cursor),
  /** Page size, 1 to 100 (default 50). */
  limit: z.optional(queryInteger(1, 100)),
});
export type MemberQuery = z.infer<typeof MemberQuery>;

export const EventsQuery = z.strictObject({
  /** Only the events of these territories (comma-separated slugs). */
  territory: z.optional(
    z.string().check(
      z.regex(/^[a-z0-9-]{1,64}(,[a-z0-9-]{1,64}){0,19}$/, {
        error: 'must be one to twenty territory slugs separated by commas',
      }),
    ),
  ),
});

export const ExportQuery = z.strictObject({
  format: z.optional(z.enum(['json', 'csv'])),
});

export const EngagementHeaders = z.object({
  /** Makes a retried sign-up safe: the same key and body return the same receipt. */
  'idempotency-key': z.optional(
    z.string().check(
      z.regex(/^[A-Za-z0-9_-]{8,128}$/, {
        error: 'must be 8 to 128 letters, digits, underscores or hyphens',
      }),
    ),
  ),
});

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

export const endpoints = {
  listTerritories: {
    method: 'GET',
    path: '/v1/territories',
    tag: 'territories',
    summary: 'List the six TEC territories',
    response: { status: 200, schema: TerritoryList },
    errors: ['rateLimited', 'internal', 'unavailable'],
    cache: 'public',
  },
  getTerritory: {
    method: 'GET',
    path: '/v1/territories/{slug}',
    tag: 'territories',
    summary: 'One territory with its portrait',
    params: TerritoryParams,
    response: { status: 200, schema: TerritoryDetail },
    errors: readErrors,
    cache: 'public',
  },
  listPhases: {
    method: 'GET',
    path: '/v1/territories/{slug}/phases',
    tag: 'territories',
    summary: "The territory's three phases and their milestones",
    params: TerritoryParams,
    response: { status: 200, schema: PhaseList },
    errors: readErrors,
    cache: 'public',
  },
  listMembers: {
    method: 'GET',
    path: '/v1/territories/{slug}/members',
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
    path: '/v1/territories/{slug}/opportunities',
    tag: 'engagements',
    summary: 'Open calls to engage (appels à l’engagement)',
    params: TerritoryParams,
    response: { status: 200, schema: OpportunityList },
    errors: readErrors,
    cache: 'public',
  },
  getTerritoryGeometry: {
    method: 'GET',
    path: '/v1/territories/{slug}/geometry',
    tag: 'geometry',
    summary: "The territory's outline and communes, as quantized TopoJSON",
    params: TerritoryParams,
    response: { status: 200, schema: Geometry },
    errors: readErrors,
    cache: 'geometry',
  },
  getOverviewGeometry: {
    method: 'GET',
    path: '/v1/geometry',
    tag: 'geometry',
    summary: 'Metropolitan France and the outlines of the six territories, as TopoJSON',
    response: { status: 200, schema: Geometry },
    errors: ['rateLimited', 'internal', 'unavailable'],
    cache: 'geometry',
  },
  createEngagement: {
    method: 'POST',
    path: '/v1/territories/{slug}/engagements',
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
    path: '/v1/events',
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
    path: '/v1/health',
    tag: 'meta',
    summary: 'Whether the server and its database answer',
    response: { status: 200, schema: Health },
    errors: ['unavailable'],
  },
  openapi: {
    method: 'GET',
    path: '/v1/openapi.json',
    tag: 'meta',
    summary: 'This API as an OpenAPI 3.1 document',
    response: { status: 200, schema: z.record(z.string(), z.unknown()) },
    errors: [],
  },

  // ----- admin ------------------------------------------------------------------------------
  updatePhase: {
    method: 'PATCH',
    path: '/v1/admin/territories/{slug}/phases/{phase}',
    tag: 'admin',
    summary: "Change a phase's status, dates or progress",
    params: PhaseParams,
    body: PhasePatch,
    response: { status: 200, schema: Phase },
    errors: adminErrors,
    auth: 'admin',
  },
  createMilestone: {
    method: 'POST',
    path: '/v1/admin/territories/{slug}/phases/{phase}/milestones',
    tag: 'admin',
    summary: 'Add a milestone to a phase',
    params: PhaseParams,
    body: MilestoneInput,
    response: { status: 201, schema: Milestone },
    errors: adminErrors,
    auth: 'admin',
  },
  updateMilestone: {
    method: 'PATCH',
    path: '/v1/admin/territories/{slug}/phases/{phase}/milestones/{milestoneId}',
    tag: 'admin',
    summary: 'Change a milestone',
    params: MilestoneParams,
    body: MilestonePatch,
    response: { status: 200, schema: Milestone },
    errors: adminErrors,
    auth: 'admin',
  },
  deleteMilestone: {
    method: 'DELETE',
    path: '/v1/admin/territories/{slug}/phases/{phase}/milestones/{milestoneId}',
    tag: 'admin',
    summary: 'Remove a milestone',
    params: MilestoneParams,
    response: { status: 204 },
    errors: adminErrors,
    auth: 'admin',
  },
  createMember: {
    method: 'POST',
    path: '/v1/admin/territories/{slug}/members',
    tag: 'admin',
    summary: 'Add a coalition member',
    params: TerritoryParams,
    body: MemberInput,
    response: { status: 201, schema: Member },
    errors: adminErrors,
    auth: 'admin',
  },
  updateMember: {
    method: 'PATCH',
    path: '/v1/admin/territories/{slug}/members/{memberId}',
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
    path: '/v1/admin/territories/{slug}/members/{memberId}',
    tag: 'admin',
    summary: 'Remove a coalition member',
    params: MemberParams,
    response: { status: 204 },
    errors: adminErrors,
    auth: 'admin',
  },
  createOpportunity: {
    method: 'POST',
    path: '/v1/admin/territories/{slug}/opportunities',
    tag: 'admin',
    summary: 'Open a call to engage',
    params: TerritoryParams,
    body: OpportunityInput,
    response: { status: 201, schema: Opportunity },
    errors: adminErrors,
    auth: 'admin',
  },
  updateOpportunity: {
    method: 'PATCH',
    path: '/v1/admin/territories/{slug}/opportunities/{opportunityId}',
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
    path: '/v1/admin/territories/{slug}/opportunities/{opportunityId}',
    tag: 'admin',
    summary: 'Close and remove a call to engage',
    params: OpportunityParams,
    response: { status: 204 },
    errors: adminErrors,
    auth: 'admin',
  },
  exportEngagements: {
    method: 'GET',
    path: '/v1/admin/territories/{slug}/engagements',
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
    path: '/v1/admin/erasure',
    tag: 'admin',
    summary: "Erase every sign-up of one person (RGPD right to erasure) within the token's scope",
    body: ErasureRequest,
    response: { status: 200, schema: DeletionResult },
    errors: adminErrors,
    auth: 'admin',
  },
  purgeEngagements: {
    method: 'POST',
    path: '/v1/admin/purge',
    tag: 'admin',
    summary: 'Delete sign-ups older than the retention period (TEC_RETENTION_DAYS)',
    response: { status: 200, schema: DeletionResult },
    errors: adminErrors,
    auth: 'admin',
  },
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointId = keyof Endpoints;

/** The path with its `{params}` filled in and URL-encoded: `/v1/territories/roya`. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
