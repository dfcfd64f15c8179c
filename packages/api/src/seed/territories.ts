/**
 * The six TEC territories, as the demo database holds them.
 *
 * Facts come from the programme's announcement of 3 November 2025 (named territories, the Roya's
 * binôme, the three phases). Everything else — perimeters of the unnamed territories, other
 * binômes, figures, members, opportunities, milestones — is demonstration data: invented,
 * plausible, and flagged `demo: true`. No real person is named, and no real public body, office
 * or organisation appears in an invented role: every member is an invented organisation whose
 * name says so (« (fictif) », « (fictive) ») and whose description says « membre fictif ». Real
 * organisations appear only as the sources place them: the Fondation de France and the Kiif's
 * members as binômes (the Roya's is a fact, the others are demo assumptions, as TEC.md allows).
 * Real communes appear as what they are: the places where the invented members are.
 */
import type { Binome, Force, MemberKind, TerritoryDetail, Vulnerability } from '@tec/contract';

/** An invented member of the demo: its commune is one of its territory's communes (INSEE code). */
export interface SeedMember {
  kind: MemberKind;
  /** An invented organisation, its name ending in « (fictif) » or « (fictive) ». */
  name: string;
  role: string;
  commune: string;
}

export interface SeedTerritory {
  detail: Omit<TerritoryDetail, 'currentPhase' | 'updatedAt'>;
  /** The perimeter is its own polygon (a neighbourhood), not the union of its communes. */
  ownPerimeter: boolean;
  /**
   * A neighbourhood's perimeter, drawn by hand for the demo (longitude, latitude; convex), flagged
   * approximate wherever it is shown. The parts of its communes inside it come from the extract.
   */
  perimeter?: [number, number][];
  /** A territory being selected: the départements of the area where it will be chosen. */
  area?: string[];
  phases: SeedPhases;
  members: SeedMember[];
}

export type SeedPhases =
  | { kind: 'roya' }
  | {
      kind: 'finishing-portrait';
      /** Start of the portrait, when the interviews were done, its planned end (YYYY-MM-DD). */
      start: string;
      interviewsDone: string;
      end: string;
      /** People met in interviews so far. */
      met: number;
    }
  | { kind: 'not-started' };

const m = (kind: MemberKind, name: string, role: string, commune: string): SeedMember => ({
  kind,
  name,
  role,
  commune,
});

const [TENDE, LA_BRIGUE, FONTAN, SAORGE, BREIL] = ['06163', '06162', '06062', '06132', '06023'];
const [STIRING, SCHOENECK, SPICHEREN] = ['57660', '57638', '57659'];
const [NANTES, SAINT_HERBLAIN] = ['44109', '44162'];

/** Only « Méditerranée » is a fact (TEC.md); the other regional teams are demo assumptions. */
const FDF = (region: string): Binome['fondation'] => ({
  name: `Fondation de France ${region}${region === 'Méditerranée' ? '' : ' (hypothèse de démonstration)'}`,
  website: 'https://www.fondationdefrance.org/',
});

const roya: SeedTerritory = {
  ownPerimeter: false,
  phases: { kind: 'roya' },
  detail: {
    slug: 'roya',
    name: 'Vallée de la Roya',
    status: 'actif',
    region: 'Provence-Alpes-Côte d’Azur',
    departements: ['06'],
    population: 5650,
    typology: ['montagne', 'rural', 'transfrontalier'],
    demo: true,
    summary:
      'Vallée de montagne frontalière de l’Italie, durement touchée par la tempête Alex en octobre 2020. ' +
      'TEC y prolonge la première expérimentation menée par la Fondation de France Méditerranée et InterMade. ' +
      'Données de démonstration : acteurs, chiffres, jalons et appels sont fictifs.',
    communes: [
      { insee: '06163', name: 'Tende' },
      { insee: '06162', name: 'La Brigue' },
      { insee: '06062', name: 'Fontan' },
      { insee: '06132', name: 'Saorge' },
      { insee: '06023', name: 'Breil-sur-Roya' },
    ],
    vulnerabilities: [
      {
        kind: 'tangible',
        nature: 'structurelle',
        label: 'Vallée de montagne isolée, une seule route principale',
      },
      { kind: 'tangible', nature: 'conjoncturelle', label: 'Dégâts de la tempête Alex (octobre 2020)' },
      { kind: 'tangible', nature: 'cyclique', label: 'Logement saisonnier rare et cher' },
      { kind: 'ressentie', label: 'Sentiment d’être oubliés après la reconstruction' },
      { kind: 'ressentie', label: 'Fatigue des bénévoles mobilisés depuis 2020' },
    ] satisfies Vulnerability[],
    forces: [
      { kind: 'savoir-faire', label: 'Entraide née de la crise de 2020' },
      { kind: 'patrimoine', label: 'Villages perchés et vallée des Merveilles' },
      { kind: 'acteurs', label: 'Tissu associatif dense et liens avec l’Italie voisine' },
    ] satisfies Force[],
    cooperativeMaturity: 'en-developpement',
    binome: {
      fondation: FDF('Méditerranée'),
      kiif: { name: 'InterMade' },
    },
    benevoles: 14,
  },
  members: [
    m(
      'association',
      'Entraide des Hauts de Roya (fictive)',
      'Coordination de l’aide entre voisins depuis la tempête',
      TENDE,
    ),
    m(
      'association',
      'Association Les Terrasses partagées (fictive)',
      'Jardins partagés en terrasses',
      SAORGE,
    ),
    m('association', 'Association Roule en vallée (fictive)', 'Covoiturage et transport solidaire', BREIL),
    m(
      'association',
      'Amicale des bénévoles de la vallée (fictive)',
      'Accueil des nouveaux bénévoles',
      FONTAN,
    ),
    m(
      'association',
      'Association Toit pour la saison (fictive)',
      'Logement des saisonniers chez l’habitant',
      LA_BRIGUE,
    ),
    m('association', 'Chorale Les Voix du Col (fictive)', 'Culture locale et fêtes de village', TENDE),
    m(
      'association',
      'Association Fil de mémoire (fictive)',
      'Recueil des récits de la tempête de 2020',
      FONTAN,
    ),
    m('association', 'Club des aînés Les Edelweiss (fictif)', 'Lutte contre l’isolement', LA_BRIGUE),
    m(
      'association',
      'Association Montagne pour tous (fictive)',
      'Activités de plein air pour les jeunes',
      BREIL,
    ),
    m('entreprise', 'Scierie Les Trois Mélèzes (fictive)', 'Bois local pour la reconstruction', LA_BRIGUE),
    m('entreprise', 'Gîte Le Replat (fictif)', 'Hébergement de saisonniers', TENDE),
    m('entreprise', 'Épicerie-relais L’Escale (fictive)', 'Point de dépôt et de retrait', FONTAN),
    m('entreprise', 'Atelier Roue libre (fictif)', 'Réparation de vélos et de voitures', BREIL),
    m(
      'entreprise',
      'Accompagnateurs en montagne Les Cairns (fictifs)',
      'Tourisme doux et emploi local',
      TENDE,
    ),
    m(
      'fondation',
      'Fonds Solidarité Montagnes (fondation abritée fictive)',
      'Soutien financier aux projets',
      BREIL,
    ),
    m('ess', 'Coopérative Bois-Énergie des Trois Vallées (fictive)', 'Filière bois de chauffage', SAORGE),
    m('ess', 'Ressourcerie La Navette (fictive)', 'Réemploi et ateliers de réparation', BREIL),
    m('ess', 'Cantine solidaire Le Chaudron (fictive)', 'Repas partagés et aide alimentaire', SAORGE),
    m(
      'citoyen',
      'Collectif Les Veilleurs du Haut-Village (fictif)',
      'Veille sur les personnes isolées',
      SAORGE,
    ),
    m('citoyen', 'Collectif des parents de la haute vallée (fictif)', 'Covoiturage scolaire', LA_BRIGUE),
    m(
      'service-public',
      'Point d’accueil itinérant des démarches (fictif)',
      'Accompagnement aux démarches',
      BREIL,
    ),
    m(
      'autre',
      'Réseau d’échanges de savoirs de la vallée (fictif)',
      'Échanges de savoirs entre habitants',
      FONTAN,
    ),
  ],
};

const entreDeuxMers: SeedTerritory = {
  ownPerimeter: false,
  phases: {
    kind: 'finishing-portrait',
    start: '2026-01-12',
    interviewsDone: '2026-09-15',
    end: '2026-12-18',
    met: 34,
  },
  detail: {
    slug: 'entre-deux-mers',
    name: 'Entre-deux-Mers',
    status: 'actif',
    region: 'Nouvelle-Aquitaine',
    departements: ['33'],
    population: 18400,
    typology: ['rural', 'periurbain'],
    demo: true,
    summary:
      'Territoire viticole entre Garonne et Dordogne, aux portes de Bordeaux. Le périmètre de démonstration ' +
      'reprend les 15 communes de la communauté de communes du Créonnais. Données de démonstration.',
    communes: [
      { insee: '33140', name: 'Créon' },
      { insee: '33363', name: 'Sadirac' },
      { insee: '33505', name: 'La Sauve' },
      { insee: '33028', name: 'Baron' },
      { insee: '33252', name: 'Loupes' },
      { insee: '33201', name: 'Haux' },
      { insee: '33093', name: 'Capian' },
      { insee: '33145', name: 'Cursan' },
      { insee: '33335', name: 'Le Pout' },
      { insee: '33408', name: 'Saint-Genès-de-Lombaud' },
      { insee: '33549', name: 'Villenave-de-Rions' },
      { insee: '33086', name: 'Camiac-et-Saint-Denis' },
      { insee: '33059', name: 'Blésignac' },
      { insee: '33431', name: 'Saint-Léon' },
      { insee: '33263', name: 'Madirac' },
    ],
    vulnerabilities: [
      { kind: 'tangible', nature: 'cyclique', label: 'Crise de la viticulture et arrachage de vignes' },
      { kind: 'tangible', nature: 'structurelle', label: 'Peu de transports en commun hors de Créon' },
      { kind: 'ressentie', label: 'Impression de n’être qu’une banlieue-dortoir de Bordeaux' },
    ],
    forces: [
      { kind: 'savoir-faire', label: 'Savoir-faire viticole et circuits courts' },
      { kind: 'patrimoine', label: 'Abbaye de La Sauve-Majeure et piste Roger-Lapébie' },
      { kind: 'acteurs', label: 'Associations d’aide alimentaire actives' },
    ],
    cooperativeMaturity: 'emergente',
    binome: {
      fondation: FDF('Sud-Ouest'),
      kiif: { name: 'Membre du Kiif en Nouvelle-Aquitaine (hypothèse de démonstration)' },
    },
    benevoles: 9,
  },
  members: [
    m(
      'association',
      'Panier solidaire des Coteaux (fictif)',
      'Aide alimentaire et épicerie sociale',
      '33140',
    ),
    m('association', 'Association Roues solidaires (fictive)', 'Transport solidaire vers les soins', '33363'),
    m(
      'association',
      'Association Vignes et Partage (fictive)',
      'Insertion par le travail de la vigne',
      '33201',
    ),
    m('association', 'AMAP Le Panier des Bastides (fictive)', 'Paniers de producteurs locaux', '33335'),
    m('association', 'Club des aînés Les Vendangeurs (fictif)', 'Lutte contre l’isolement', '33086'),
    m(
      'entreprise',
      'Domaine des Trois Chênes (fictif)',
      'Emplois saisonniers et accueil de stagiaires',
      '33093',
    ),
    m('entreprise', 'Boulangerie Au Pain partagé (fictive)', 'Dons d’invendus', '33140'),
    m('entreprise', 'Chai coopératif des Deux Rives (fictif)', 'Emploi viticole et diversification', '33549'),
    m(
      'ess',
      'Légumerie coopérative Le Potager commun (fictive)',
      'Transformation de légumes locaux',
      '33505',
    ),
    m('ess', 'Groupement d’employeurs Vendanges et Saisons (fictif)', 'Partage d’emplois viticoles', '33145'),
    m('ess', 'Épicerie vrac La Bonne Mesure (fictive)', 'Circuits courts', '33059'),
    m('ess', 'Atelier vélo La Chaîne libre (fictif)', 'Réparation de vélos et mobilité douce', '33431'),
    m(
      'fondation',
      'Fonds de dotation Terres et Tables (fictif)',
      'Financement de projets alimentaires',
      '33028',
    ),
    m('citoyen', 'Collectif Les Covoitureurs du mercredi (fictif)', 'Covoiturage scolaire', '33263'),
    m('citoyen', 'Collectif Jardins de Lombaud (fictif)', 'Jardins partagés', '33408'),
    m('service-public', 'Relais petite enfance Les Petits Pas (fictif)', 'Information des familles', '33252'),
  ],
};

const forbach: SeedTerritory = {
  ownPerimeter: false,
  phases: {
    kind: 'finishing-portrait',
    start: '2026-02-02',
    interviewsDone: '2026-10-09',
    end: '2027-01-29',
    met: 27,
  },
  detail: {
    slug: 'forbach',
    name: 'Secteur de Forbach',
    status: 'actif',
    region: 'Grand Est',
    departements: ['57'],
    population: 18000,
    typology: ['urbain', 'post-industriel', 'transfrontalier'],
    demo: true,
    summary:
      'Ancien bassin minier lorrain à la frontière de la Sarre. Le périmètre de démonstration réunit trois ' +
      'communes contiguës de la communauté d’agglomération Forbach Porte de France, au contact de Sarrebruck. ' +
      'Données de démonstration.',
    communes: [
      { insee: '57660', name: 'Stiring-Wendel' },
      { insee: '57638', name: 'Schœneck' },
      { insee: '57659', name: 'Spicheren' },
    ],
    vulnerabilities: [
      { kind: 'tangible', nature: 'cyclique', label: 'Déclin économique depuis la fin des houillères' },
      { kind: 'tangible', nature: 'structurelle', label: 'Chômage des jeunes élevé' },
      { kind: 'ressentie', label: 'Manque de confiance dans l’avenir du territoire' },
    ],
    forces: [
      { kind: 'histoire', label: 'Mémoire ouvrière et culture de la solidarité minière' },
      { kind: 'acteurs', label: 'Liens transfrontaliers avec la Sarre' },
      { kind: 'patrimoine', label: 'Carreau Wendel et musée de la mine' },
    ],
    cooperativeMaturity: 'emergente',
    binome: {
      fondation: FDF('Grand Est'),
      kiif: { name: 'Membre du Kiif en Grand Est (hypothèse de démonstration)' },
    },
    benevoles: 6,
  },
  members: [
    m(
      'association',
      'Association Mémoire et Avenir du Bassin (fictive)',
      'Transmission de l’histoire minière',
      STIRING,
    ),
    m('association', 'Association Tremplin 16-25 (fictive)', 'Accompagnement des 16–25 ans', STIRING),
    m('association', 'Association Pont Sarre-Moselle (fictive)', 'Échanges franco-allemands', SPICHEREN),
    m('association', 'Chorale transfrontalière Glück Auf (fictive)', 'Chant et culture minière', SCHOENECK),
    m('association', 'Jardins ouvriers Les Terrils verts (fictifs)', 'Jardins et alimentation', SCHOENECK),
    m('association', 'Association Sport Ensemble (fictive)', 'Activités pour les jeunes', SPICHEREN),
    m('entreprise', 'Atelier de mécanique du Puits (fictif)', 'Apprentissage', STIRING),
    m('entreprise', 'Boulangerie Grenzenlos (fictive)', 'Apprentissage et produits locaux', SPICHEREN),
    m('ess', 'Régie de quartier Les Cités solidaires (fictive)', 'Emplois d’insertion', STIRING),
    m(
      'ess',
      'Garage solidaire Le Relais de la Frontière (fictif)',
      'Mobilité des demandeurs d’emploi',
      STIRING,
    ),
    m(
      'fondation',
      'Fonds Mémoire ouvrière (fondation abritée fictive)',
      'Soutien aux projets culturels',
      SCHOENECK,
    ),
    m(
      'citoyen',
      'Collectif des habitants de la cité des Tilleuls (fictif)',
      'Jardins et fêtes de quartier',
      SCHOENECK,
    ),
    m('service-public', 'Antenne emploi jeunes (fictive)', 'Emploi des jeunes', STIRING),
  ],
};

const nantes: SeedTerritory = {
  ownPerimeter: true,
  // Drawn by hand around the Nantes / Saint-Herblain border west of the city centre: approximate.
  perimeter: [
    [-1.624, 47.21],
    [-1.619, 47.219],
    [-1.609, 47.2235],
    [-1.598, 47.222],
    [-1.592, 47.215],
    [-1.596, 47.208],
    [-1.606, 47.2035],
    [-1.617, 47.204],
  ],
  phases: {
    kind: 'finishing-portrait',
    start: '2026-01-19',
    interviewsDone: '2026-09-30',
    end: '2026-12-31',
    met: 41,
  },
  detail: {
    slug: 'nantes-bellevue',
    name: 'Nantes — quartier Bellevue',
    status: 'actif',
    region: 'Pays de la Loire',
    departements: ['44'],
    population: 17500,
    typology: ['urbain', 'quartier-prioritaire'],
    demo: true,
    summary:
      'Le programme cite « un quartier prioritaire de Nantes » sans le nommer : la démonstration prend ' +
      'Bellevue, à cheval sur Nantes et Saint-Herblain. Son périmètre est celui du quartier, pas celui des ' +
      'communes, et il est approximatif : tracé à la main pour la démonstration. Données de démonstration.',
    communes: [
      { insee: '44109', name: 'Nantes' },
      { insee: '44162', name: 'Saint-Herblain' },
    ],
    vulnerabilities: [
      { kind: 'tangible', nature: 'structurelle', label: 'Revenus faibles et logements dégradés' },
      { kind: 'tangible', nature: 'conjoncturelle', label: 'Hausse des besoins d’aide alimentaire' },
      { kind: 'ressentie', label: 'Image négative du quartier' },
    ],
    forces: [
      { kind: 'acteurs', label: 'Centres sociaux et associations de locataires' },
      { kind: 'savoir-faire', label: 'Cultures et langues du monde entier' },
      { kind: 'nature', label: 'Parcs et bords de Loire proches' },
    ],
    cooperativeMaturity: 'etablie',
    binome: {
      fondation: FDF('Grand Ouest'),
      kiif: { name: 'Membre du Kiif dans le Grand Ouest (hypothèse de démonstration)' },
    },
    benevoles: 11,
  },
  members: [
    m('association', 'Maison de quartier Les Lilas (fictive)', 'Accueil et animation', NANTES),
    m(
      'association',
      'Épicerie solidaire Le Panier du quartier (fictive)',
      'Aide alimentaire',
      SAINT_HERBLAIN,
    ),
    m(
      'association',
      'Association Les Grands Frères et Grandes Sœurs (fictive)',
      'Soutien scolaire et sport',
      NANTES,
    ),
    m(
      'association',
      'Amicale des locataires Les Tours du Parc (fictive)',
      'Représentation des habitants',
      SAINT_HERBLAIN,
    ),
    m(
      'association',
      'Association Langues en partage (fictive)',
      'Cours de français et traduction',
      SAINT_HERBLAIN,
    ),
    m('association', 'Association Sport Ouvert (fictive)', 'Sport pour les jeunes', NANTES),
    m('entreprise', 'Boulangerie La Fournée du marché (fictive)', 'Dons et stages', NANTES),
    m(
      'entreprise',
      'Auto-école sociale Premier Volant (fictive)',
      'Permis de conduire à prix solidaire',
      SAINT_HERBLAIN,
    ),
    m('ess', 'Ressourcerie La Seconde Main (fictive)', 'Réemploi et emplois d’insertion', SAINT_HERBLAIN),
    m('ess', 'Cuisine partagée Les Marmites du monde (fictive)', 'Repas solidaires', NANTES),
    m(
      'fondation',
      'Fonds Quartiers solidaires (fondation amie fictive)',
      'Financement de micro-projets',
      NANTES,
    ),
    m('citoyen', 'Collectif des Mères solidaires (fictif)', 'Entraide entre familles', SAINT_HERBLAIN),
    m('citoyen', 'Collectif Jardins au pied des tours (fictif)', 'Jardins partagés', NANTES),
    m('service-public', 'Espace numérique de quartier (fictif)', 'Ateliers numériques', NANTES),
  ],
};

const ara: SeedTerritory = {
  ownPerimeter: true,
  area: ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
  phases: { kind: 'not-started' },
  detail: {
    slug: 'auvergne-rhone-alpes',
    name: 'Territoire en Auvergne-Rhône-Alpes',
    status: 'en-selection',
    region: 'Auvergne-Rhône-Alpes',
    departements: ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
    population: null,
    typology: [],
    demo: true,
    summary:
      'Territoire en cours de sélection : seule la région est connue. La carte place un repère dans la région, pas un périmètre.',
    communes: [],
    vulnerabilities: [],
    forces: [],
    cooperativeMaturity: null,
    binome: null,
    benevoles: 0,
  },
  members: [],
};

const hauteGaronne: SeedTerritory = {
  ownPerimeter: true,
  area: ['31'],
  phases: { kind: 'not-started' },
  detail: {
    slug: 'haute-garonne',
    name: 'Territoire en Haute-Garonne',
    status: 'en-selection',
    region: 'Occitanie',
    departements: ['31'],
    population: null,
    typology: [],
    demo: true,
    summary:
      'Territoire en cours de sélection : seul le département est connu. La carte place un repère dans le département, pas un périmètre.',
    communes: [],
    vulnerabilities: [],
    forces: [],
    cooperativeMaturity: null,
    binome: null,
    benevoles: 0,
  },
  members: [],
};

/** In the order the programme lists them. */
export const SEED_TERRITORIES: readonly SeedTerritory[] = [
  roya,
  entreDeuxMers,
  forbach,
  nantes,
  ara,
  hauteGaronne,
];
