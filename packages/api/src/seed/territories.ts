/**
 * The six TEC territories, as the demo database holds them.
 *
 * Facts come from the programme's announcement of 3 November 2025 (named territories, the Roya's
 * binôme, the three phases). Everything else — perimeters of the unnamed territories, other
 * binômes, figures, members, opportunities, milestones — is demonstration data: invented,
 * plausible, and flagged `demo: true`. No real person is named.
 */
import type { Binome, Commune, Force, MemberKind, TerritoryDetail, Vulnerability } from '@tec/contract';

export interface SeedCommune extends Commune {
  /** Approximate position (longitude, latitude) for the demo map; real shapes come from import. */
  at: [number, number];
}

export interface SeedTerritory {
  detail: Omit<TerritoryDetail, 'currentPhase' | 'updatedAt' | 'communes'> & { communes: SeedCommune[] };
  /** The perimeter is its own polygon (a neighbourhood), not the union of its communes. */
  ownPerimeter: boolean;
  /** A rough outline drawn by hand for the demo (longitude, latitude), flagged approximate. */
  outline: [number, number][];
  phases: SeedPhases;
  /** Invented members: [kind, name, role] — completed by the generator in members.ts. */
  members: [MemberKind, string, string][];
  memberTarget: number;
}

export type SeedPhases = 'roya' | 'finishing-portrait' | 'not-started';

const FDF = (region: string): Binome['fondation'] => ({
  name: `Fondation de France ${region}`,
  website: 'https://www.fondationdefrance.org/',
});

const roya: SeedTerritory = {
  ownPerimeter: false,
  phases: 'roya',
  memberTarget: 42,
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
      'Données de démonstration : membres, chiffres et jalons sont fictifs.',
    communes: [
      { insee: '06163', name: 'Tende', at: [7.594, 44.087] },
      { insee: '06162', name: 'La Brigue', at: [7.617, 44.063] },
      { insee: '06062', name: 'Fontan', at: [7.552, 44.001] },
      { insee: '06132', name: 'Saorge', at: [7.553, 43.987] },
      { insee: '06023', name: 'Breil-sur-Roya', at: [7.514, 43.937] },
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
  outline: [
    [7.47, 43.89],
    [7.45, 43.95],
    [7.48, 44.02],
    [7.5, 44.1],
    [7.55, 44.15],
    [7.63, 44.17],
    [7.7, 44.14],
    [7.72, 44.08],
    [7.66, 44.02],
    [7.6, 43.96],
    [7.56, 43.9],
    [7.5, 43.88],
  ],
  members: [
    ['association', 'Roya Entraide', 'Coordination de l’aide entre voisins'],
    ['association', 'Les Jardins suspendus de Saorge', 'Jardins partagés en terrasses'],
    ['association', 'Mobilités Roya-Bévéra', 'Covoiturage et transport solidaire'],
    ['association', 'Amicale des bénévoles de la tempête', 'Mémoire et accueil des nouveaux bénévoles'],
    ['entreprise', 'Scierie de la Haute-Roya', 'Bois local pour la reconstruction'],
    ['entreprise', 'Gîtes du Col de Tende', 'Hébergement de saisonniers'],
    ['entreprise', 'Épicerie-relais de Fontan', 'Point de dépôt et de retrait'],
    ['collectivite', 'Commune de Breil-sur-Roya', 'Mise à disposition de salles'],
    ['collectivite', 'Commune de La Brigue', 'Soutien au logement saisonnier'],
    ['elu', 'Élue déléguée à la vie associative de Tende', 'Lien avec le conseil municipal'],
    ['fondation', 'Fonds Solidarité Vallées (fondation abritée)', 'Soutien financier aux projets'],
    ['ess', 'Coopérative Roya Bois-Énergie', 'Filière bois de chauffage'],
    ['ess', 'Ressourcerie de la Vallée', 'Réemploi et ateliers de réparation'],
    ['citoyen', 'Collectif d’habitants du Haut-Village', 'Veille sur les personnes isolées'],
    ['service-public', 'Maison de services de la vallée', 'Accompagnement aux démarches'],
  ],
};

const entreDeuxMers: SeedTerritory = {
  ownPerimeter: false,
  phases: 'finishing-portrait',
  memberTarget: 36,
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
      { insee: '33140', name: 'Créon', at: [-0.348, 44.775] },
      { insee: '33363', name: 'Sadirac', at: [-0.411, 44.781] },
      { insee: '33505', name: 'La Sauve', at: [-0.315, 44.769] },
      { insee: '33028', name: 'Baron', at: [-0.318, 44.791] },
      { insee: '33252', name: 'Loupes', at: [-0.385, 44.802] },
      { insee: '33201', name: 'Haux', at: [-0.381, 44.737] },
      { insee: '33093', name: 'Capian', at: [-0.334, 44.708] },
      { insee: '33145', name: 'Cursan', at: [-0.332, 44.8] },
      { insee: '33335', name: 'Le Pout', at: [-0.357, 44.8] },
      { insee: '33408', name: 'Saint-Genès-de-Lombaud', at: [-0.369, 44.756] },
      { insee: '33549', name: 'Villenave-de-Rions', at: [-0.291, 44.692] },
      { insee: '33086', name: 'Camiac-et-Saint-Denis', at: [-0.281, 44.787] },
      { insee: '33059', name: 'Blésignac', at: [-0.265, 44.775] },
      { insee: '33431', name: 'Saint-Léon', at: [-0.287, 44.764] },
      { insee: '33263', name: 'Madirac', at: [-0.407, 44.753] },
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
      kiif: { name: 'ATIS' },
    },
    benevoles: 9,
  },
  outline: [
    [-0.43, 44.76],
    [-0.42, 44.8],
    [-0.38, 44.82],
    [-0.32, 44.815],
    [-0.27, 44.8],
    [-0.25, 44.77],
    [-0.27, 44.72],
    [-0.29, 44.685],
    [-0.33, 44.69],
    [-0.37, 44.72],
    [-0.41, 44.74],
  ],
  members: [
    ['association', 'Panier solidaire du Créonnais', 'Aide alimentaire et épicerie sociale'],
    ['association', 'Les Roues de l’Entre-deux-Mers', 'Transport solidaire vers les soins'],
    ['association', 'Vignes et Partage', 'Insertion par le travail de la vigne'],
    ['entreprise', 'Domaine des Coteaux de Haux', 'Emplois saisonniers et accueil de stagiaires'],
    ['entreprise', 'Boulangerie du Marché de Créon', 'Dons d’invendus'],
    ['collectivite', 'Commune de Créon', 'Accueil des ateliers'],
    ['collectivite', 'Commune de Sadirac', 'Lien avec le centre social'],
    ['elu', 'Conseiller délégué aux mobilités de La Sauve', 'Relais auprès des élus'],
    ['ess', 'Légumerie coopérative du Créonnais', 'Transformation de légumes locaux'],
    ['ess', 'Groupement d’employeurs agricoles (démo)', 'Partage d’emplois viticoles'],
    ['fondation', 'Fonds de dotation Terres d’Entre-deux-Mers', 'Financement de projets alimentaires'],
    ['citoyen', 'Collectif des parents de Madirac', 'Covoiturage scolaire'],
    ['service-public', 'Relais petite enfance du Créonnais', 'Information des familles'],
  ],
};

const forbach: SeedTerritory = {
  ownPerimeter: false,
  phases: 'finishing-portrait',
  memberTarget: 27,
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
      { insee: '57660', name: 'Stiring-Wendel', at: [6.93, 49.203] },
      { insee: '57638', name: 'Schœneck', at: [6.915, 49.217] },
      { insee: '57659', name: 'Spicheren', at: [6.965, 49.193] },
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
      kiif: { name: 'Membre du Kiif en Grand Est (à confirmer)' },
    },
    benevoles: 6,
  },
  outline: [
    [6.83, 49.2],
    [6.85, 49.225],
    [6.89, 49.23],
    [6.94, 49.215],
    [6.97, 49.19],
    [6.96, 49.155],
    [6.92, 49.15],
    [6.9, 49.17],
    [6.86, 49.185],
  ],
  members: [
    ['association', 'Mémoire et Avenir du Bassin', 'Transmission de l’histoire minière'],
    ['association', 'Jeunes du Wiesberg', 'Accompagnement des 16–25 ans'],
    ['association', 'Pont Sarre-Moselle', 'Échanges franco-allemands'],
    ['entreprise', 'Atelier de mécanique de Stiring', 'Apprentissage'],
    ['collectivite', 'Commune de Stiring-Wendel', 'Politique de la ville'],
    ['elu', 'Adjointe à la jeunesse de Schœneck', 'Relais auprès des élus'],
    ['ess', 'Régie de quartier de Stiring', 'Emplois d’insertion'],
    ['fondation', 'Fonds mémoire ouvrière (fondation abritée)', 'Soutien aux projets culturels'],
    ['citoyen', 'Collectif des habitants de la cité de Verrerie-Sophie', 'Jardins et fêtes de quartier'],
    ['service-public', 'Mission locale (antenne de démonstration)', 'Emploi des jeunes'],
  ],
};

const nantes: SeedTerritory = {
  ownPerimeter: true,
  phases: 'finishing-portrait',
  memberTarget: 31,
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
      'communes. Données de démonstration.',
    communes: [
      { insee: '44109', name: 'Nantes', at: [-1.554, 47.218] },
      { insee: '44162', name: 'Saint-Herblain', at: [-1.649, 47.212] },
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
      kiif: { name: 'Les Ecossolies' },
    },
    benevoles: 11,
  },
  outline: [
    [-1.635, 47.208],
    [-1.632, 47.218],
    [-1.622, 47.224],
    [-1.608, 47.223],
    [-1.597, 47.216],
    [-1.598, 47.207],
    [-1.61, 47.202],
    [-1.625, 47.203],
  ],
  members: [
    ['association', 'Centre social Bellevue (démo)', 'Accueil et animation'],
    ['association', 'Épicerie solidaire du Jamet', 'Aide alimentaire'],
    ['association', 'Bellevue Jeunesse', 'Soutien scolaire et sport'],
    ['association', 'Locataires unis de Bellevue', 'Représentation des habitants'],
    ['entreprise', 'Boulangerie de la place Mendès-France', 'Dons et stages'],
    ['collectivite', 'Ville de Nantes — équipe de quartier', 'Politique de la ville'],
    ['collectivite', 'Ville de Saint-Herblain — pôle solidarités', 'Politique de la ville'],
    ['elu', 'Conseillère municipale de quartier (Saint-Herblain)', 'Relais auprès des élus'],
    ['ess', 'Ressourcerie de l’Ouest nantais', 'Réemploi et emplois d’insertion'],
    ['ess', 'Cuisine partagée des Dervallières', 'Repas solidaires'],
    ['fondation', 'Fonds Quartiers Solidaires (fondation amie)', 'Financement de micro-projets'],
    ['citoyen', 'Mères solidaires de Bellevue', 'Entraide entre familles'],
    ['service-public', 'Médiathèque de quartier (démo)', 'Ateliers numériques'],
  ],
};

const ara: SeedTerritory = {
  ownPerimeter: true,
  phases: 'not-started',
  memberTarget: 0,
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
      'Territoire en cours de sélection : seule la région est connue. La carte montre la région, pas un périmètre.',
    communes: [],
    vulnerabilities: [],
    forces: [],
    cooperativeMaturity: null,
    binome: null,
    benevoles: 0,
  },
  outline: [
    [2.06, 45.5],
    [2.5, 46.4],
    [3.0, 46.8],
    [4.0, 46.3],
    [4.8, 46.5],
    [5.3, 46.3],
    [6.1, 46.6],
    [6.8, 46.4],
    [7.05, 45.9],
    [6.85, 45.1],
    [7.05, 44.85],
    [6.3, 44.4],
    [5.4, 44.2],
    [4.7, 44.3],
    [4.0, 44.4],
    [3.3, 44.9],
    [2.5, 44.8],
    [2.1, 45.1],
  ],
  members: [],
};

const hauteGaronne: SeedTerritory = {
  ownPerimeter: true,
  phases: 'not-started',
  memberTarget: 0,
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
      'Territoire en cours de sélection : seul le département est connu. La carte montre le département.',
    communes: [],
    vulnerabilities: [],
    forces: [],
    cooperativeMaturity: null,
    binome: null,
    benevoles: 0,
  },
  outline: [
    [0.45, 42.7],
    [0.7, 42.75],
    [0.95, 42.95],
    [1.3, 43.05],
    [1.7, 43.2],
    [1.95, 43.45],
    [1.85, 43.65],
    [1.5, 43.85],
    [1.25, 43.85],
    [1.05, 43.65],
    [0.85, 43.45],
    [0.75, 43.2],
    [1.0, 43.0],
    [0.85, 42.85],
    [0.65, 42.85],
  ],
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
