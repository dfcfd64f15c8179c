/**
 * The TEC data: territories, phases, coalition members, engagement opportunities, sign-ups,
 * live events and errors. Every type the server, the SDK and the widgets use is inferred here.
 */
import * as z from 'zod/mini';
import { CONSISTENCY_RULES, PROBLEM_TYPE_URIS } from './problems.js';
import {
  Cursor,
  DepartementCode,
  Email,
  Fraction,
  HttpUrl,
  Id,
  InseeCode,
  IsoDate,
  IsoDateTime,
  Lang,
  MAX_LONG_TEXT,
  Phone,
  Slug,
  integer,
  longText,
  text,
} from './primitives.js';

// ---------------------------------------------------------------------------------------------
// Territories
// ---------------------------------------------------------------------------------------------

/** `actif`: the programme runs there; `en-selection`: region known, territory not yet chosen. */
export const TerritoryStatus = z.enum(['actif', 'en-selection']);
export type TerritoryStatus = z.infer<typeof TerritoryStatus>;

/** What kind of place it is; a territory may have several. */
export const Typology = z.enum([
  'montagne',
  'rural',
  'periurbain',
  'urbain',
  'quartier-prioritaire',
  'post-industriel',
  'transfrontalier',
  'littoral',
]);
export type Typology = z.infer<typeof Typology>;

/** The three TEC phases, in order. */
export const PhaseKey = z.enum(['portrait', 'cooperations', 'coalition']);
export type PhaseKey = z.infer<typeof PhaseKey>;
export const PHASE_KEYS = PhaseKey.options;

/** How far cooperation already goes in the territory (maturité coopérative). */
export const CooperativeMaturity = z.enum(['emergente', 'en-developpement', 'etablie']);
export type CooperativeMaturity = z.infer<typeof CooperativeMaturity>;

export const Commune = z.strictObject({
  insee: InseeCode,
  name: text(120),
  population: z.optional(integer(0, 10_000_000)),
});
export type Commune = z.infer<typeof Commune>;

/** A tangible vulnerability is structural, cyclical or conjunctural; a felt one has no nature. */
export const Vulnerability = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('tangible'),
    nature: z.enum(['structurelle', 'cyclique', 'conjoncturelle']),
    label: text(200),
    description: z.optional(longText(MAX_LONG_TEXT)),
  }),
  z.strictObject({
    kind: z.literal('ressentie'),
    label: text(200),
    description: z.optional(longText(MAX_LONG_TEXT)),
  }),
]);
export type Vulnerability = z.infer<typeof Vulnerability>;

export const Force = z.strictObject({
  kind: z.enum(['patrimoine', 'histoire', 'savoir-faire', 'acteurs', 'nature', 'autre']),
  label: text(200),
  description: z.optional(longText(MAX_LONG_TEXT)),
});
export type Force = z.infer<typeof Force>;

/** The pair that runs TEC in a territory: a Fondation de France team and a Kiif member. */
export const Binome = z.strictObject({
  fondation: z.strictObject({ name: text(200), website: z.optional(HttpUrl) }),
  kiif: z.strictObject({ name: text(200), website: z.optional(HttpUrl) }),
});
export type Binome = z.infer<typeof Binome>;

const territoryFields = {
  slug: Slug,
  name: text(120),
  status: TerritoryStatus,
  region: text(80),
  departements: z.array(DepartementCode).check(z.minLength(1), z.maxLength(15)),
  /** Inhabitants; null while the territory is being selected. */
  population: z.nullable(integer(0, 10_000_000)),
  typology: z.array(Typology).check(z.maxLength(8)),
  /** The phase under way; null before the programme starts there. */
  currentPhase: z.nullable(PhaseKey),
  /** True when some of the territory's content is demonstration data. */
  demo: z.boolean(),
  updatedAt: IsoDateTime,
};

/** A territory as listed. */
export const TerritorySummary = z.strictObject(territoryFields);
export type TerritorySummary = z.infer<typeof TerritorySummary>;

/** A territory with its portrait. */
export const TerritoryDetail = z.strictObject({
  ...territoryFields,
  summary: z.optional(longText(MAX_LONG_TEXT)),
  communes: z.array(Commune).check(z.maxLength(200)),
  vulnerabilities: z.array(Vulnerability).check(z.maxLength(50)),
  forces: z.array(Force).check(z.maxLength(50)),
  cooperativeMaturity: z.nullable(CooperativeMaturity),
  binome: z.nullable(Binome),
  benevoles: integer(0, 100_000),
});
export type TerritoryDetail = z.infer<typeof TerritoryDetail>;

// ---------------------------------------------------------------------------------------------
// Phases and milestones
// ---------------------------------------------------------------------------------------------

export const PhaseStatus = z.enum(['a-venir', 'en-cours', 'terminee']);
export type PhaseStatus = z.infer<typeof PhaseStatus>;

export const MilestoneStatus = z.enum(['a-venir', 'en-cours', 'atteint']);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

export const Milestone = z.strictObject({
  id: Id,
  title: text(200),
  description: z.optional(longText(MAX_LONG_TEXT)),
  status: MilestoneStatus,
  dueDate: z.nullable(IsoDate),
  completedDate: z.nullable(IsoDate),
});
export type Milestone = z.infer<typeof Milestone>;

export const Phase = z.strictObject({
  key: PhaseKey,
  /** 1, 2 or 3. */
  order: integer(1, 3),
  status: PhaseStatus,
  startDate: z.nullable(IsoDate),
  endDate: z.nullable(IsoDate),
  /** From 0 to 1. */
  progress: Fraction,
  /** Why the phase was closed with milestones unmet; null otherwise. */
  closingReason: z.nullable(text(500)),
  milestones: z.array(Milestone).check(z.maxLength(50)),
});
export type Phase = z.infer<typeof Phase>;

export const PhaseList = z.strictObject({
  territory: Slug,
  phases: z.array(Phase).check(z.maxLength(3)),
});
export type PhaseList = z.infer<typeof PhaseList>;

// ---------------------------------------------------------------------------------------------
// Coalition members
// ---------------------------------------------------------------------------------------------

export const MemberKind = z.enum([
  'association',
  'entreprise',
  'collectivite',
  'elu',
  'fondation',
  'ess',
  'citoyen',
  'service-public',
  'autre',
]);
export type MemberKind = z.infer<typeof MemberKind>;
export const MEMBER_KINDS = MemberKind.options;

const memberFields = {
  name: text(200),
  kind: MemberKind,
  role: z.optional(text(200)),
  joinedAt: IsoDate,
  commune: z.nullable(z.strictObject({ insee: InseeCode, name: text(120) })),
  website: z.nullable(HttpUrl),
  logo: z.nullable(HttpUrl),
  description: z.optional(longText(MAX_LONG_TEXT)),
};

export const Member = z.strictObject({ id: Id, territory: Slug, ...memberFields });
export type Member = z.infer<typeof Member>;

/** What an admin sends to add a member. */
export const MemberInput = z.strictObject(memberFields);
export type MemberInput = z.infer<typeof MemberInput>;

/** What an admin sends to change a member: any subset of the fields. */
export const MemberPatch = z.partial(MemberInput);
export type MemberPatch = z.infer<typeof MemberPatch>;

// ---------------------------------------------------------------------------------------------
// Engagement opportunities and sign-ups
// ---------------------------------------------------------------------------------------------

export const OpportunityKind = z.enum([
  'entretien-portrait',
  'atelier-cooperation',
  'benevolat',
  'rejoindre-coalition',
  'evenement',
]);
export type OpportunityKind = z.infer<typeof OpportunityKind>;

export const Place = z.strictObject({
  name: text(200),
  address: z.optional(text(300)),
  commune: z.optional(z.strictObject({ insee: InseeCode, name: text(120) })),
});
export type Place = z.infer<typeof Place>;

const opportunityFields = {
  kind: OpportunityKind,
  title: text(200),
  description: z.optional(longText(MAX_LONG_TEXT)),
  /** Null for an open-ended call (volunteering, joining the coalition). */
  startsAt: z.nullable(IsoDateTime),
  endsAt: z.nullable(IsoDateTime),
  /** Null when it takes place online or anywhere. */
  place: z.nullable(Place),
  /** Null when the number of places is not limited. */
  capacity: z.nullable(integer(1, 100_000)),
};

export const Opportunity = z.strictObject({
  id: Id,
  territory: Slug,
  ...opportunityFields,
  /** Null when `capacity` is null; never below zero. */
  placesLeft: z.nullable(integer(0, 100_000)),
});
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityInput = z.strictObject(opportunityFields);
export type OpportunityInput = z.infer<typeof OpportunityInput>;
export const OpportunityPatch = z.partial(OpportunityInput);
export type OpportunityPatch = z.infer<typeof OpportunityPatch>;

export const OpportunityList = z.strictObject({
  territory: Slug,
  items: z.array(Opportunity).check(z.maxLength(200)),
});
export type OpportunityList = z.infer<typeof OpportunityList>;

export const Availability = z.enum(['semaine-journee', 'semaine-soir', 'week-end']);
export type Availability = z.infer<typeof Availability>;

/**
 * A resident's sign-up. It holds the minimum the RGPD allows: first name, e-mail, optional
 * phone, availability, an optional message, and consent that must be the literal `true`.
 * `website` is a honeypot: people never see it, so it must stay empty.
 */
export const EngagementRequest = z.strictObject({
  opportunityId: Id,
  firstName: text(80),
  email: Email,
  phone: z.optional(Phone),
  availability: z.array(Availability).check(z.minLength(1), z.maxLength(3)),
  message: z.optional(longText(2000, 0)),
  consent: z.literal(true, { error: 'must be true: the person must tick the consent box' }),
  lang: z.optional(Lang),
  website: z.optional(z.string().check(z.maxLength(200))),
  /**
   * True to join the waiting list when the opportunity is full (the receipt then says
   * `waitlisted`); without it a full opportunity answers 409 `opportunity-full`.
   */
  waitlist: z.optional(z.boolean()),
});
export type EngagementRequest = z.infer<typeof EngagementRequest>;

/**
 * What became of a sign-up: `received`, a place is taken (201); `waitlisted`, the opportunity is
 * full and the person is on its waiting list at `waitlistPosition` (201); `already-registered`,
 * this e-mail address already has a place or a waiting-list spot on this opportunity: nothing
 * new is stored, no second place is taken, the confirmation e-mail is sent again (200).
 */
export const EngagementStatus = z.enum(['received', 'waitlisted', 'already-registered']);
export type EngagementStatus = z.infer<typeof EngagementStatus>;

export const EngagementReceipt = z.strictObject({
  /** The sign-up's id (for `already-registered`: the one stored first). */
  id: Id,
  territory: Slug,
  opportunityId: Id,
  createdAt: IsoDateTime,
  status: EngagementStatus,
  /** Places left on the opportunity after this sign-up, or null when unlimited. */
  placesLeft: z.nullable(integer(0, 100_000)),
  /** 1 for the first in line; present when the person is on the waiting list. */
  waitlistPosition: z.optional(integer(1, 100_000)),
  /** True when a confirmation e-mail (with the link to cancel) is queued for the address given. */
  emailQueued: z.optional(z.boolean()),
});
export type EngagementReceipt = z.infer<typeof EngagementReceipt>;

/** What cancelling a sign-up with the link of its confirmation e-mail did. */
export const Cancellation = z.strictObject({
  status: z.enum(['cancelled', 'already-cancelled']),
  territory: z.nullable(Slug),
  opportunityId: z.nullable(Id),
  /** Places left after the cancellation (null when unlimited or unknown). */
  placesLeft: z.nullable(integer(0, 100_000)),
  /** True when the first person of the waiting list got the place (and an e-mail saying so). */
  promoted: z.boolean(),
});
export type Cancellation = z.infer<typeof Cancellation>;

/** A stored sign-up, as an admin exports it. */
export const Engagement = z.strictObject({
  id: Id,
  territory: Slug,
  opportunityId: Id,
  firstName: text(80),
  email: Email,
  phone: z.nullable(Phone),
  availability: z.array(Availability).check(z.maxLength(3)),
  message: z.nullable(longText(2000, 0)),
  lang: Lang,
  /**
   * The origin of the page the sign-up was sent from (`https://mairie.example.fr`), as the
   * browser gave it; null when it came from a server or a page with no origin.
   */
  origin: z.nullable(HttpUrl),
  createdAt: IsoDateTime,
});
export type Engagement = z.infer<typeof Engagement>;

// ---------------------------------------------------------------------------------------------
// Geometry
// ---------------------------------------------------------------------------------------------

const Position = z.array(z.number()).check(z.minLength(2), z.maxLength(3));

/** Bounds of the arcs of one topology: far above a région's communes (126,000 positions for five départements). */
export const MAX_ARCS = 200_000;
export const MAX_ARC_POSITIONS = 4_000_000;

/**
 * The first fault of a topology's arcs, or undefined: an array of arcs, each an array of at least
 * one position, each position two or three finite numbers. One loop over plain arrays, no object
 * built per position and the arrays kept as they came: a per-position schema
 * (z.array(z.array(z.tuple(...)))) would cost the map most of its first render.
 */
function arcsFault(arcs: unknown): [path: number[], message: string] | undefined {
  if (!Array.isArray(arcs) || arcs.length > MAX_ARCS) return [[], `Expected at most ${MAX_ARCS} arcs.`];
  let positions = 0;
  for (let i = 0; i < arcs.length; i += 1) {
    const arc: unknown = arcs[i];
    if (!Array.isArray(arc) || !arc.length || (positions += arc.length) > MAX_ARC_POSITIONS) {
      return [[i], `Expected an arc, at most ${MAX_ARC_POSITIONS} positions in all.`];
    }
    for (let j = 0; j < arc.length; j += 1) {
      const p: unknown = arc[j];
      if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every(Number.isFinite)) {
        return [[i, j], 'Expected a position: 2 or 3 finite numbers.'];
      }
    }
  }
  return undefined;
}

// z.unknown() checked by hand rather than z.custom(): the same, without another schema class in
// the SDK's bundle.
const Arcs = z.unknown().check((ctx) => {
  const fault = arcsFault(ctx.value);
  if (fault) ctx.issues.push({ code: 'custom', path: fault[0], message: fault[1], input: ctx.value });
}) as unknown as z.ZodMiniType<[number, number][][]>;

/**
 * A TopoJSON topology (quantized). Only its outer shape is checked; the map reads the rest, so
 * every other key (geometries, properties) is kept as it came — a plain object would strip them.
 */
export const Topology = z.looseObject({
  type: z.literal('Topology'),
  bbox: z.optional(z.array(z.number()).check(z.length(4))),
  transform: z.optional(z.strictObject({ scale: Position, translate: Position })),
  objects: z.record(z.string().check(z.maxLength(64)), z.looseObject({ type: z.string() })),
  arcs: Arcs,
});
export type Topology = z.infer<typeof Topology>;

export const Geometry = z.strictObject({
  /** The territory, or null for the national overview. */
  territory: z.nullable(Slug),
  topology: Topology,
  /** Text to show beside the map, e.g. "Contours : IGN Admin Express 2018, Licence Ouverte". */
  attribution: text(300),
  /** True when the outline was drawn by hand for the demo, not imported from official data. */
  approximate: z.boolean(),
  updatedAt: IsoDateTime,
});
export type Geometry = z.infer<typeof Geometry>;

// ---------------------------------------------------------------------------------------------
// Pages, health, errors
// ---------------------------------------------------------------------------------------------

/** A page of results; pass `nextCursor` back as `cursor` for the next page (null at the end). */
export function page<T extends z.ZodMiniType>(item: T) {
  return z.strictObject({
    items: z.array(item).check(z.maxLength(100)),
    nextCursor: z.nullable(Cursor),
    /** How many items match the query in all. */
    total: integer(0, 10_000_000),
  });
}

export const TerritoryList = z.strictObject({
  items: z.array(TerritorySummary).check(z.maxLength(100)),
});
export type TerritoryList = z.infer<typeof TerritoryList>;

export const MemberPage = z.strictObject({
  ...page(Member).shape,
  /** How many members of each kind match `q` (whatever `kind` filter is applied): chip counts. */
  kinds: z.partialRecord(MemberKind, integer(0, 10_000_000)),
  /**
   * How many members each commune has (by INSEE code), among those matching `q` and `kind`:
   * a map of the territory counts them from the first page alone.
   */
  communes: z.record(InseeCode, integer(0, 10_000_000)),
});
export type MemberPage = z.infer<typeof MemberPage>;

export const Health = z.strictObject({
  status: z.enum(['ok', 'degraded']),
  database: z.strictObject({
    kind: z.enum(['pglite', 'postgres']),
    ok: z.boolean(),
    latencyMs: z.number().check(z.gte(0)),
  }),
  /** Schema version of the database and the one this server expects (ready when at least that). */
  migrations: z.optional(z.strictObject({ version: integer(0, 1_000_000), expected: integer(0, 1_000_000) })),
  version: text(40),
});
export type Health = z.infer<typeof Health>;

/** Liveness: the process runs and answers, whatever its database does. */
export const Liveness = z.strictObject({
  status: z.literal('ok'),
  /** True from the SIGTERM until exit: the process finishes what it holds and takes nothing new. */
  draining: z.boolean(),
  version: text(40),
});
export type Liveness = z.infer<typeof Liveness>;

/** One reason a request or a document was refused: where, and why in plain words. */
export const FieldError = z.strictObject({ path: text(200), message: text(500) });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, as every error response of the API carries them. */
export const Problem = z.object({
  /** One of the stable problem types of `PROBLEM_TYPES`: clients branch on it. */
  type: z.enum(PROBLEM_TYPE_URIS),
  title: text(200),
  status: integer(100, 599),
  detail: z.optional(text(2000)),
  instance: z.optional(text(500)),
  errors: z.optional(z.array(FieldError).check(z.maxLength(100))),
  retryAfter: z.optional(integer(0, 86_400)),
  /** For an `inconsistent` problem: the consistency rule the change breaks. */
  rule: z.optional(z.enum(CONSISTENCY_RULES)),
});
export type Problem = z.infer<typeof Problem>;
