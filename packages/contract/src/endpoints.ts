/**
 * The endpoint table: every route of the TEC API with its parameters, body, response and
 * errors. The server declares its routes from it, the SDK builds its methods from it, and the
 * OpenAPI document is generated from it.
 */
import * as z from 'zod/mini';
import { Email, Id, IsoDate, IsoDateTime, Slug, integer, longText, text, Fraction } from './primitives.js';
import type { ProblemName } from './problems.js';
import { PATHS } from './paths.js';
import {
  AuditQuery,
  CooperationQuery,
  EngagementHeaders,
  EventsQuery,
  ExportQuery,
  MemberQuery,
} from './queries.js';
import {
  Cooperation,
  CooperationInput,
  CooperationList,
  CooperationPatch,
  Portrait,
  PortraitPatch,
} from './story.js';
import {
  Cancellation,
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

/** Who an admin token is: its name and the territories it may change (a slug, or `*` for all). */
export const AdminSession = z.strictObject({
  name: text(200),
  scope: z.string().check(z.regex(/^(\*|[a-z0-9-]{1,64})$/, { error: 'must be * or a territory slug' })),
});
export type AdminSession = z.infer<typeof AdminSession>;

/** The admin actions the audit log records (the endpoint ids of the admin writes and the export). */
export const AuditAction = z.enum([
  'updatePhase',
  'createMilestone',
  'updateMilestone',
  'deleteMilestone',
  'createMember',
  'updateMember',
  'deleteMember',
  'createOpportunity',
  'updateOpportunity',
  'deleteOpportunity',
  'updatePortrait',
  'createCooperation',
  'updateCooperation',
  'deleteCooperation',
  'exportEngagements',
  'eraseEngagements',
  'purgeEngagements',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * One change made with an admin token: who (the token's name when it acted), what, when, and the
 * change itself as it was sent. An erasure records how many sign-ups it removed, never the
 * e-mail address it was given.
 */
export const AuditEntry = z.strictObject({
  /** Decimal, increasing: pass the last one as `before` for the next page. */
  id: z.string().check(z.regex(/^\d{1,19}$/)),
  at: IsoDateTime,
  /** The territory changed; null for an erasure or a purge over every territory. */
  territory: z.nullable(Slug),
  actor: z.strictObject({ tokenId: text(64), name: text(200) }),
  action: AuditAction,
  /** What was changed: the route's identifiers (phase, milestoneId…) and the id of what was created. */
  target: z.record(z.string().check(z.maxLength(40)), z.string().check(z.maxLength(200))),
  /** The body as the API accepted it (null for a removal, an export or an erasure). */
  change: z.nullable(z.record(z.string().check(z.maxLength(40)), z.unknown())),
  /** What came of it, where a count says more than the body: `{ deleted: 3 }`, `{ format: 'csv' }`. */
  outcome: z.nullable(z.record(z.string().check(z.maxLength(40)), z.unknown())),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditList = z.strictObject({
  territory: Slug,
  items: z.array(AuditEntry).check(z.maxLength(200)),
  /** The `before` of the next (older) page, or null at the beginning. */
  nextBefore: z.nullable(z.string().check(z.regex(/^\d{1,19}$/))),
});
export type AuditList = z.infer<typeof AuditList>;

// ---------------------------------------------------------------------------------------------
// Parameters shared by several routes
// ---------------------------------------------------------------------------------------------

const TerritoryParams = z.strictObject({ slug: Slug });
const PhaseParams = z.strictObject({ slug: Slug, phase: PhaseKey });
const MilestoneParams = z.strictObject({ slug: Slug, phase: PhaseKey, milestoneId: Id });
const MemberParams = z.strictObject({ slug: Slug, memberId: Id });
const OpportunityParams = z.strictObject({ slug: Slug, opportunityId: Id });
const CooperationParams = z.strictObject({ slug: Slug, cooperationId: Id });
/**
 * The signed, single-use token of a cancel link (the sign-up's id, a dot, an HMAC-SHA256). Only
 * its length is checked here: a cut or forged one gets the page that says the link is not valid.
 */
export const CancelToken = z.string().check(z.minLength(1), z.maxLength(200));
const CancelParams = z.strictObject({ token: CancelToken });

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
    contentType?: 'application/json' | 'text/event-stream' | 'text/csv' | 'text/html';
  };
  /** Another success status the route answers with the same body, and when. */
  alsoAnswers?: { status: 200; description: string };
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
    alsoAnswers: {
      status: 200,
      description:
        'This e-mail address (trimmed, case-insensitive) is already signed up for this opportunity: ' +
        "the receipt says `already-registered` with the first sign-up's id, the confirmation e-mail " +
        'is sent again, no second place is taken.',
    },
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
  cancelPage: {
    method: 'GET',
    path: PATHS.cancelPage,
    tag: 'engagements',
    summary: 'The page a cancel link opens: what will be cancelled, and a button to confirm (in French)',
    description:
      'A GET never cancels (mail scanners follow links): the page posts a form to the same address. ' +
      'An unknown, forged or already used link is a 404: a page that says so for a browser ' +
      '(Accept: text/html), problem details otherwise.',
    params: CancelParams,
    response: { status: 200, contentType: 'text/html' },
    errors: ['notFound', 'validation', 'rateLimited', 'internal', 'unavailable'],
  },
  cancelEngagement: {
    method: 'POST',
    path: PATHS.cancelEngagement,
    tag: 'engagements',
    summary: 'Cancel a sign-up with the token of its confirmation e-mail (single use)',
    description:
      'Frees the place (a `places.changed` event goes to every open widget) and gives it to the ' +
      'first person of the waiting list, who is told by e-mail; the person who cancelled gets an ' +
      'e-mail that confirms it. Sent by the cancel page as a form ' +
      '(it then answers a page in French) or by a client as JSON.',
    params: CancelParams,
    response: { status: 200, schema: Cancellation },
    errors: ['notFound', 'validation', 'rateLimited', 'internal', 'unavailable'],
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
    description:
      'Frees places as a cancellation does (the first of the waiting list gets the place and an ' +
      'e-mail; `places.changed` goes live) and sends nothing to the person. Their queued e-mails ' +
      '(a cancellation e-mail still waiting to leave included) and outbox files are deleted.',
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
    description:
      'Also run hourly by the server. Frees places as a cancellation does (the waiting list is ' +
      'promoted and told; `places.changed` goes live) and sends nothing to the people removed; ' +
      'their queued e-mails and outbox files, and every outbox file older than the period, go too.',
    response: { status: 200, schema: DeletionResult },
    errors: adminErrors,
    auth: 'admin',
  },
  adminSession: {
    method: 'GET',
    path: PATHS.adminSession,
    tag: 'admin',
    summary: "The token's name and scope, for a console to show only the territories it may change",
    response: { status: 200, schema: AdminSession },
    errors: ['unauthorized', 'internal'],
    auth: 'admin',
  },
  listAudit: {
    method: 'GET',
    path: PATHS.listAudit,
    tag: 'admin',
    summary: "The territory's audit log: who changed what and when, newest first",
    description:
      'Every admin change, export and erasure is recorded in the same transaction as the change ' +
      "itself (exports and erasures right after), with the token's name at that moment.",
    params: TerritoryParams,
    query: AuditQuery,
    response: { status: 200, schema: AuditList },
    errors: adminErrors,
    auth: 'admin',
  },
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointId = keyof Endpoints;
