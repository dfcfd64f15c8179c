/**
 * The texts of `<tec-territory-portrait>`, French first then English: in the widget's own chunk,
 * not in the runtime every widget loads.
 */
import type { CooperativeMaturity } from '@tec/contract';
import { stringTable, type Lang } from '../base/i18n.js';

const fr = {
  heading: 'Le portrait du territoire',
  title: 'Le portrait — {territory}',
  upcoming: 'Portrait à venir : il sera réalisé avec les habitants et les acteurs du territoire.',
  inProgress:
    'Portrait en cours de réalisation : voici ce que le binôme a recueilli jusqu’ici. Il sera complété au fil des entretiens.',
  published: 'Portrait publié le {date} par le binôme du territoire.',
  interviews: '{n, plural, one {# entretien mené} other {# entretiens menés}}',
  volunteers: '{n, plural, one {# bénévole} other {# bénévoles}}',
  figures: 'En chiffres',
  forces: 'Les forces vives',
  acteursMoteurs: 'Acteurs moteurs',
  ressources: 'Ressources',
  savoirFaire: 'Savoir-faire',
  vulnerabilities: 'Les vulnérabilités',
  tangibles: 'Vulnérabilités tangibles',
  ressenties: 'Vulnérabilités ressenties',
  maturity: 'La maturité coopérative',
  culture: 'La culture locale',
  binome: 'Le binôme',
  binomeIntro: 'Le programme est mené dans le territoire par un binôme, aidé de bénévoles.',
  fondation: 'Fondation de France',
  kiif: 'Kiif',
  newWindow: ', nouvelle fenêtre',
  updated: 'le portrait du territoire',
};

type Table = Record<keyof typeof fr, string>;

const en: Table = {
  heading: 'The portrait of the territory',
  title: 'Portrait — {territory}',
  upcoming: 'Portrait to come: it will be drawn up with the territory’s residents and actors.',
  inProgress:
    'Portrait in progress: here is what the binôme has gathered so far. It grows with each interview.',
  published: 'Portrait published on {date} by the territory’s binôme.',
  interviews: '{n, plural, one {# interview held} other {# interviews held}}',
  volunteers: '{n, plural, one {# volunteer} other {# volunteers}}',
  figures: 'In figures',
  forces: 'Forces vives (strengths)',
  acteursMoteurs: 'Driving actors',
  ressources: 'Resources',
  savoirFaire: 'Know-how',
  vulnerabilities: 'Vulnerabilities',
  tangibles: 'Tangible vulnerabilities',
  ressenties: 'Felt vulnerabilities',
  maturity: 'Cooperative maturity',
  culture: 'Local culture',
  binome: 'The binôme',
  binomeIntro: 'The programme is run in the territory by a binôme, helped by volunteers.',
  fondation: 'Fondation de France',
  kiif: 'Kiif',
  newWindow: ', new window',
  updated: 'the territory’s portrait',
};

export const natureLabels: Record<Lang, Record<'structurelle' | 'cyclique' | 'conjoncturelle', string>> = {
  fr: { structurelle: 'Structurelle', cyclique: 'Cyclique', conjoncturelle: 'Conjoncturelle' },
  en: { structurelle: 'Structural', cyclique: 'Cyclical', conjoncturelle: 'Conjunctural' },
};

export const maturityLabels: Record<Lang, Record<CooperativeMaturity, string>> = {
  fr: { emergente: 'Émergente', 'en-developpement': 'En développement', etablie: 'Établie' },
  en: { emergente: 'Emerging', 'en-developpement': 'Developing', etablie: 'Established' },
};

export const { tables, text } = stringTable(fr, en);
