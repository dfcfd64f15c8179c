/**
 * The stable `type` of every error the API returns (RFC 9457 problem details). Clients branch
 * on these, never on titles or status codes alone.
 */
export const PROBLEM_TYPES = {
  /** The request is malformed: bad JSON, wrong content type, a field that breaks a rule. */
  validation: { type: 'urn:tec:problem:validation', status: 400, title: 'Invalid request' },
  /** No resource at that address (unknown territory, member, opportunity…). */
  notFound: { type: 'urn:tec:problem:not-found', status: 404, title: 'Not found' },
  /** No bearer token, or one that is unknown or revoked. */
  unauthorized: { type: 'urn:tec:problem:unauthorized', status: 401, title: 'Authentication required' },
  /** A valid token whose scope does not cover this territory. */
  forbidden: { type: 'urn:tec:problem:forbidden', status: 403, title: 'Out of scope' },
  /** The same Idempotency-Key was used with another body. */
  idempotencyConflict: {
    type: 'urn:tec:problem:idempotency-conflict',
    status: 409,
    title: 'Idempotency key reused with another request',
  },
  /** The opportunity has no places left, or is closed. */
  full: { type: 'urn:tec:problem:opportunity-full', status: 409, title: 'No places left' },
  /**
   * The change is well-formed but breaks one of the programme's consistency rules; the problem's
   * `rule` names it (`CONSISTENCY_RULES`) and nothing was written.
   */
  inconsistent: { type: 'urn:tec:problem:inconsistent', status: 422, title: 'Inconsistent change' },
  /** The body is larger than the route accepts. */
  tooLarge: { type: 'urn:tec:problem:payload-too-large', status: 413, title: 'Request body too large' },
  /** The body is not `application/json`. */
  unsupportedMediaType: {
    type: 'urn:tec:problem:unsupported-media-type',
    status: 415,
    title: 'Unsupported media type',
  },
  /** Too many requests from this client; see `Retry-After`. */
  rateLimited: { type: 'urn:tec:problem:rate-limited', status: 429, title: 'Too many requests' },
  /** The browser origin is not allowed to send sign-ups. */
  originNotAllowed: { type: 'urn:tec:problem:origin-not-allowed', status: 403, title: 'Origin not allowed' },
  /** Something failed on the server; nothing about it is disclosed. */
  internal: { type: 'urn:tec:problem:internal', status: 500, title: 'Internal error' },
  /** The server is starting, draining or has lost its database. */
  unavailable: { type: 'urn:tec:problem:unavailable', status: 503, title: 'Service unavailable' },
} as const;

export type ProblemName = keyof typeof PROBLEM_TYPES;
export type ProblemTypeUri = (typeof PROBLEM_TYPES)[ProblemName]['type'];

/** Every problem type URI, for the `Problem` schema's `type` (a union type, not a plain string). */
export const PROBLEM_TYPE_URIS = Object.values(PROBLEM_TYPES).map((p) => p.type) as [
  ProblemTypeUri,
  ...ProblemTypeUri[],
];

/** The consistency rules the API enforces on admin writes, named in an `inconsistent` problem. */
export const CONSISTENCY_RULES = [
  /** A phase is `terminee` only when all its milestones are `atteint`, or with a `closingReason`. */
  'phase-finished-with-unmet-milestones',
  /** A phase starts before it ends. */
  'phase-dates-order',
  /** Phase n ends before phase n+1 starts. */
  'phase-dates-overlap',
  /** A milestone's due and completed dates lie within its phase's dates. */
  'milestone-outside-phase',
  /** The territory's current phase is its phase `en-cours` (or the last finished one). */
  'current-phase-mismatch',
  /** A territory being selected has no phase started, no member, cooperation or opportunity. */
  'selection-has-content',
] as const;
export type ConsistencyRule = (typeof CONSISTENCY_RULES)[number];
