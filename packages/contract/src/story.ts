/**
 * The programme's story, phase by phase: the territory's *portrait* (phase 1, with the binôme
 * that runs TEC there and its volunteers) and its *coopérations* (phase 2). Phase 3's coalition
 * is the member list (`Member`), presented as such once phase 3 has begun.
 */
import * as z from 'zod/mini';
import {
  HttpUrl,
  Id,
  InseeCode,
  IsoDate,
  IsoDateTime,
  MAX_LONG_TEXT,
  Slug,
  integer,
  longText,
  text,
} from './primitives.js';
import { CooperativeMaturity, MemberKind } from './schemas.js';

// ---------------------------------------------------------------------------------------------
// The binôme
// ---------------------------------------------------------------------------------------------

/**
 * The pair that runs TEC in a territory: the Fondation de France's regional team and a member
 * organisation of the Kiif, with volunteers (bénévoles) beside them. `contact` is a public route
 * (a contact page or form), never a person's e-mail address.
 */
export const BinomeDetail = z.strictObject({
  fondation: z.strictObject({
    /** The regional team: « Fondation de France Méditerranée ». */
    team: text(200),
    organisation: text(200),
    website: z.optional(HttpUrl),
  }),
  kiif: z.strictObject({
    /** The Kiif member organisation that carries TEC in the territory. */
    member: text(200),
    organisation: text(200),
    website: z.optional(HttpUrl),
  }),
  contact: z.strictObject({
    /** What the link says: « Écrire au binôme TEC de la Roya ». */
    label: text(200),
    url: HttpUrl,
  }),
});
export type BinomeDetail = z.infer<typeof BinomeDetail>;

// ---------------------------------------------------------------------------------------------
// The portrait (phase 1)
// ---------------------------------------------------------------------------------------------

/** `a-venir`: not started; `en-cours`: being gathered, partial; `publie`: published by the binôme. */
export const PortraitStatus = z.enum(['a-venir', 'en-cours', 'publie']);
export type PortraitStatus = z.infer<typeof PortraitStatus>;

/** One entry of the portrait: a force vive or a vulnerability felt. */
export const PortraitItem = z.strictObject({
  label: text(200),
  description: z.optional(longText(MAX_LONG_TEXT)),
});
export type PortraitItem = z.infer<typeof PortraitItem>;

const items = z.array(PortraitItem).check(z.maxLength(30));

/** The *forces vives*: the actors who drive things, the resources, the know-how. */
export const ForcesVives = z.strictObject({
  acteursMoteurs: items,
  ressources: items,
  savoirFaire: items,
});
export type ForcesVives = z.infer<typeof ForcesVives>;

export const TangibleVulnerability = z.strictObject({
  /** Structural (lasting), cyclical (recurring) or conjunctural (of the moment). */
  nature: z.enum(['structurelle', 'cyclique', 'conjoncturelle']),
  label: text(200),
  description: z.optional(longText(MAX_LONG_TEXT)),
});
export type TangibleVulnerability = z.infer<typeof TangibleVulnerability>;

/** Vulnerabilities as the portrait records them: measured (tangibles) and felt (ressenties). */
export const Vulnerabilites = z.strictObject({
  tangibles: z.array(TangibleVulnerability).check(z.maxLength(30)),
  ressenties: items,
});
export type Vulnerabilites = z.infer<typeof Vulnerabilites>;

/** How far cooperation already goes, and what that level means for this territory. */
export const Maturite = z.strictObject({
  level: CooperativeMaturity,
  meaning: longText(1000),
});
export type Maturite = z.infer<typeof Maturite>;

const portraitFields = {
  status: PortraitStatus,
  /** When the binôme published it; null while it is being made. */
  publishedAt: z.nullable(IsoDate),
  summary: z.nullable(longText(MAX_LONG_TEXT)),
  forcesVives: ForcesVives,
  vulnerabilites: Vulnerabilites,
  maturite: z.nullable(Maturite),
  cultureLocale: z.nullable(longText(MAX_LONG_TEXT)),
  /** Interviews held with inhabitants and actors so far. */
  entretiens: integer(0, 100_000),
  benevoles: integer(0, 100_000),
  binome: z.nullable(BinomeDetail),
};

/** A territory's portrait, *sensible et vivant*, as its binôme publishes it. */
export const Portrait = z.strictObject({
  territory: Slug,
  ...portraitFields,
  /** True when the portrait's content is demonstration data. */
  demo: z.boolean(),
  updatedAt: IsoDateTime,
});
export type Portrait = z.infer<typeof Portrait>;

/** What an admin sends to change the portrait: any of its fields. */
export const PortraitPatch = z.partial(z.strictObject(portraitFields));
export type PortraitPatch = z.infer<typeof PortraitPatch>;

// ---------------------------------------------------------------------------------------------
// Cooperations (phase 2)
// ---------------------------------------------------------------------------------------------

/** `en-preparation`: being set up; `en-cours`: running; `perennisee`: lasting, on its own feet. */
export const CooperationStatus = z.enum(['en-preparation', 'en-cours', 'perennisee']);
export type CooperationStatus = z.infer<typeof CooperationStatus>;
export const COOPERATION_STATUSES = CooperationStatus.options;

const needs = z.array(text(200)).check(z.maxLength(12));

const cooperationFields = {
  title: text(200),
  /** What the cooperation does. */
  summary: longText(MAX_LONG_TEXT),
  status: CooperationStatus,
  startedAt: z.nullable(IsoDate),
  /** The territory's needs (from its portrait) that it answers. */
  needs,
};

export const CooperationActor = z.strictObject({
  /** The member's id: the member list can show this actor. */
  id: Id,
  name: text(200),
  kind: MemberKind,
});
export type CooperationActor = z.infer<typeof CooperationActor>;

export const Cooperation = z.strictObject({
  id: Id,
  territory: Slug,
  ...cooperationFields,
  actors: z.array(CooperationActor).check(z.maxLength(50)),
  communes: z.array(z.strictObject({ insee: InseeCode, name: text(120) })).check(z.maxLength(200)),
  demo: z.boolean(),
  updatedAt: IsoDateTime,
});
export type Cooperation = z.infer<typeof Cooperation>;

export const CooperationList = z.strictObject({
  territory: Slug,
  items: z.array(Cooperation).check(z.maxLength(200)),
  /** Every commune with at least one cooperation, and how many; not narrowed by `commune`. */
  communes: z
    .array(z.strictObject({ insee: InseeCode, name: text(120), count: integer(1, 200) }))
    .check(z.maxLength(200)),
});
export type CooperationList = z.infer<typeof CooperationList>;

/** What an admin sends to add a cooperation: actors are the territory's members, by id. */
export const CooperationInput = z.strictObject({
  ...cooperationFields,
  actorIds: z.array(Id).check(z.maxLength(50)),
  /** Communes of the territory, by INSEE code. */
  communes: z.array(InseeCode).check(z.maxLength(200)),
});
export type CooperationInput = z.infer<typeof CooperationInput>;

export const CooperationPatch = z.partial(CooperationInput);
export type CooperationPatch = z.infer<typeof CooperationPatch>;
