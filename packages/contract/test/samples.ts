/** Valid instances of the contract's main types, for tests to break one field at a time. */
import type {
  Cooperation,
  Portrait,
  EngagementRequest,
  Member,
  Opportunity,
  Phase,
  TerritoryDetail,
} from '../src/index.js';

export const territory: TerritoryDetail = {
  slug: 'roya',
  name: 'Vallée de la Roya',
  status: 'actif',
  region: 'Provence-Alpes-Côte d’Azur',
  departements: ['06'],
  population: 5650,
  typology: ['montagne', 'rural', 'transfrontalier'],
  currentPhase: 'cooperations',
  demo: true,
  updatedAt: '2026-11-20T10:00:00Z',
  summary: 'Une vallée de montagne frappée par la tempête Alex en octobre 2020.',
  communes: [
    { insee: '06163', name: 'Tende' },
    { insee: '06162', name: 'La Brigue' },
  ],
  vulnerabilities: [
    { kind: 'tangible', nature: 'conjoncturelle', label: 'Tempête Alex (octobre 2020)' },
    { kind: 'ressentie', label: 'Sentiment d’isolement' },
  ],
  forces: [{ kind: 'savoir-faire', label: 'Entraide entre voisins' }],
  cooperativeMaturity: 'en-developpement',
  binome: {
    fondation: { name: 'Fondation de France Méditerranée' },
    kiif: { name: 'InterMade', website: 'https://intermade.org' },
  },
  benevoles: 12,
};

export const phase: Phase = {
  key: 'cooperations',
  order: 2,
  status: 'en-cours',
  startDate: '2026-06-01',
  endDate: null,
  progress: 0.4,
  closingReason: null,
  milestones: [
    {
      id: 'm-1',
      title: 'Premier atelier de coopération',
      status: 'atteint',
      dueDate: '2026-07-01',
      completedDate: '2026-06-28',
    },
  ],
};

export const member: Member = {
  id: 'mbr_01',
  territory: 'roya',
  name: 'Association des jardins partagés (démo)',
  kind: 'association',
  role: 'Animation des ateliers',
  joinedAt: '2026-03-12',
  commune: { insee: '06163', name: 'Tende' },
  website: 'https://example.org/jardins',
  logo: null,
};

export const opportunity: Opportunity = {
  id: 'opp_01',
  territory: 'roya',
  kind: 'atelier-cooperation',
  title: 'Atelier mobilité dans la vallée',
  startsAt: '2026-12-05T14:00:00+01:00',
  endsAt: '2026-12-05T17:00:00+01:00',
  place: { name: 'Salle des fêtes', commune: { insee: '06023', name: 'Breil-sur-Roya' } },
  capacity: 20,
  placesLeft: 7,
};

export const engagement: EngagementRequest = {
  opportunityId: 'opp_01',
  firstName: 'Camille',
  email: 'camille@example.org',
  availability: ['week-end'],
  consent: true,
};

export const portrait: Portrait = {
  territory: 'roya',
  status: 'publie',
  publishedAt: '2026-05-30',
  summary: 'Une vallée de montagne qui se reconstruit après la tempête Alex (démo).',
  forcesVives: {
    acteursMoteurs: [{ label: 'Collectif des jardins en terrasses (fictif)' }],
    ressources: [{ label: 'Le train de la vallée', description: 'La ligne relie la vallée à Nice.' }],
    savoirFaire: [{ label: 'Pastoralisme' }],
  },
  vulnerabilites: {
    tangibles: [{ nature: 'conjoncturelle', label: 'Routes coupées après la tempête Alex' }],
    ressenties: [{ label: 'Sentiment d’isolement' }],
  },
  maturite: { level: 'en-developpement', meaning: 'Des coopérations existent entre quelques acteurs.' },
  cultureLocale: 'Fêtes de village et entraide entre voisins.',
  entretiens: 48,
  benevoles: 12,
  binome: {
    fondation: { team: 'Équipe régionale (démo)', organisation: 'Fondation de France' },
    kiif: { member: 'Structure membre (démo)', organisation: 'Kiif' },
    contact: { label: 'Écrire au binôme TEC de la Roya', url: 'https://example.org/contact/roya' },
  },
  demo: true,
  updatedAt: '2026-11-20T10:00:00Z',
};

export const cooperation: Cooperation = {
  id: 'coop_01',
  territory: 'roya',
  title: 'Covoiturage solidaire de la vallée (démo)',
  summary: 'Des habitants conduisent leurs voisins vers les soins et les commerces.',
  status: 'en-cours',
  startedAt: '2026-09-01',
  needs: ['Mobilité'],
  actors: [{ id: 'mbr_01', name: 'Association des jardins partagés (démo)', kind: 'association' }],
  communes: [{ insee: '06163', name: 'Tende' }],
  demo: true,
  updatedAt: '2026-11-20T10:00:00Z',
};
