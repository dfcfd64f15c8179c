/**
 * The demo's portraits and cooperations, as TEC's phases make them in late 2026 (TEC.md): the
 * Roya, in phase 2, has a published portrait and three cooperations; the territories finishing
 * phase 1 have a portrait in progress with what has been gathered so far, and no cooperation;
 * the two territories being selected have neither (their portrait reads `a-venir`, empty).
 *
 * Everything here is demonstration data, flagged `demo: true`. Real organisations appear only in
 * the roles the sources give them: the Fondation de France's regional teams and the Kiif members
 * of the binômes. Every actor of a cooperation is an invented member of the territory; contact
 * routes are public pages (here, example.org pages of the demo), never a person's e-mail.
 */
import type { BinomeDetail, CooperationInput, MemberKind, Portrait } from '@tec/contract';
import type { Sql } from '../db/database.js';
import { insertCooperation } from '../store/cooperations.js';
import { putPortrait } from '../store/portraits.js';

type SeedPortrait = Omit<Portrait, 'territory' | 'updatedAt' | 'demo'>;

/** An actor named as the seed names the member; if that member is gone, one of the same kind. */
type SeedActor = [kind: MemberKind, name: string];

interface SeedCooperation extends Omit<CooperationInput, 'actorIds'> {
  actors: SeedActor[];
}

interface Story {
  portrait: SeedPortrait;
  cooperations: SeedCooperation[];
}

const FONDATION = 'Fondation de France';
const FDF_SITE = 'https://www.fondationdefrance.org/';

/**
 * Only the Roya's binôme is a fact (Fondation de France Méditerranée and InterMade, TEC.md); the
 * others are demo assumptions, and say so rather than give a real organisation a role it has not.
 */
function binome(slug: string, region: string, kiifMember: string): BinomeDetail {
  const assumed = region === 'Méditerranée' ? '' : ' (hypothèse de démonstration)';
  return {
    fondation: { team: `${FONDATION} ${region}${assumed}`, organisation: FONDATION, website: FDF_SITE },
    kiif: { member: kiifMember, organisation: 'Kiif' },
    contact: {
      label: 'Écrire au binôme (page de contact de démonstration)',
      url: `https://example.org/tec/${slug}/contact`,
    },
  };
}

/** The fixed date of the demo's content, so that every fresh demo starts the same. */
const SEEDED_AT = '2026-11-20T09:00:00Z';

const DEMO_NOTE = '(Contenu inventé pour illustrer le programme.)';

export const STORIES: Record<string, Story> = {
  roya: {
    portrait: {
      status: 'publie',
      publishedAt: '2026-06-12',
      summary:
        'Le portrait sensible de la vallée, restitué en juin 2026 après 42 entretiens et trois ateliers ' +
        'collectifs : une vallée qui s’est relevée de la tempête Alex grâce à l’entraide, et qui cherche ' +
        'maintenant à la faire durer au-delà de l’urgence. ' +
        DEMO_NOTE,
      forcesVives: {
        acteursMoteurs: [
          {
            label: 'Les associations d’entraide nées après la tempête',
            description: 'Elles savent mobiliser vite des bénévoles dans chaque village.',
          },
          { label: 'Les commerces et artisans restés dans la vallée' },
          { label: 'Les liens de voisinage avec les vallées italiennes' },
        ],
        ressources: [
          { label: 'Les villages perchés et la vallée des Merveilles' },
          { label: 'Le train de la vallée, seul lien qui ne dépend pas de la route' },
          { label: 'La forêt, pour le bois d’œuvre et de chauffage' },
        ],
        savoirFaire: [
          { label: 'La restauration des terrasses en pierre sèche' },
          { label: 'L’accueil des randonneurs et des saisonniers' },
          { label: 'L’organisation de l’entraide en situation de crise' },
        ],
      },
      vulnerabilites: {
        tangibles: [
          {
            nature: 'structurelle',
            label: 'Une vallée de montagne isolée, desservie par une seule route principale',
          },
          { nature: 'conjoncturelle', label: 'Les dégâts de la tempête Alex (octobre 2020)' },
          { nature: 'cyclique', label: 'Un logement saisonnier rare et cher' },
        ],
        ressenties: [
          { label: 'Le sentiment d’avoir été oubliés une fois la reconstruction lancée' },
          { label: 'La fatigue des bénévoles mobilisés depuis 2020' },
        ],
      },
      maturite: {
        level: 'en-developpement',
        meaning:
          'L’habitude de s’entraider est forte depuis 2020, mais les associations, les entreprises et les ' +
          'communes ont encore peu de lieux où décider ensemble.',
      },
      cultureLocale:
        'Une culture de village et de frontière : on parle français, italien et brigasque, on se retrouve ' +
        'aux fêtes patronales, et l’on compte sur ses voisins plus que sur les institutions.',
      entretiens: 42,
      benevoles: 14,
      binome: binome('roya', 'Méditerranée', 'InterMade'),
    },
    cooperations: [
      {
        title: 'Covoiturage solidaire de la vallée',
        summary:
          'Des habitants proposent des places dans leur voiture vers Breil, la gare et les services, ' +
          'réservées par téléphone à la maison de services pour ceux qui n’ont pas internet.',
        status: 'en-cours',
        startedAt: '2026-10-03',
        actors: [
          ['association', 'Mobilités Roya-Bévéra'],
          ['service-public', 'Maison de services de la vallée'],
          ['entreprise', 'Épicerie-relais de Fontan'],
        ],
        communes: ['06163', '06062', '06132', '06023'],
        needs: [
          'Se déplacer sans voiture vers les services et la gare',
          'Rompre l’isolement des personnes âgées',
        ],
      },
      {
        title: 'Réparer et réemployer dans la vallée',
        summary:
          'Un atelier de réparation itinérant, un samedi par mois dans un village, avec le bois et les ' +
          'objets récupérés depuis la tempête.',
        status: 'en-cours',
        startedAt: '2026-09-12',
        actors: [
          ['ess', 'Ressourcerie de la Vallée'],
          ['ess', 'Coopérative Roya Bois-Énergie'],
        ],
        communes: ['06023', '06132'],
        needs: ['Réduire les déchets', 'Transmettre des savoir-faire de réparation'],
      },
      {
        title: 'Des logements pour les saisonniers',
        summary:
          'Recenser les logements vacants et proposer aux propriétaires une location encadrée aux ' +
          'saisonniers et aux jeunes actifs de la vallée.',
        status: 'en-preparation',
        startedAt: null,
        actors: [
          ['entreprise', 'Gîtes du Col de Tende'],
          ['association', 'Roya Entraide'],
        ],
        communes: ['06163', '06162'],
        needs: ['Loger les saisonniers et les jeunes actifs'],
      },
    ],
  },
  'entre-deux-mers': {
    portrait: {
      status: 'en-cours',
      publishedAt: null,
      summary:
        'Portrait en cours : 27 entretiens menés depuis février 2026 dans les communes du Créonnais ; ' +
        'les ateliers collectifs se tiennent cet automne, la restitution est prévue fin 2026. ' +
        DEMO_NOTE,
      forcesVives: {
        acteursMoteurs: [
          { label: 'Des domaines viticoles attachés à l’emploi local' },
          { label: 'Les associations de parents et de sport des bourgs' },
        ],
        ressources: [
          { label: 'L’abbaye de La Sauve-Majeure et le patrimoine roman' },
          { label: 'La piste cyclable qui traverse le territoire' },
        ],
        savoirFaire: [{ label: 'Le travail de la vigne et du vin' }],
      },
      vulnerabilites: {
        tangibles: [
          { nature: 'cyclique', label: 'La crise de la viticulture et l’arrachage de vignes' },
          { nature: 'structurelle', label: 'La dépendance à la voiture pour rejoindre Bordeaux' },
        ],
        ressenties: [{ label: 'La crainte de devenir une banlieue-dortoir' }],
      },
      maturite: null,
      cultureLocale: null,
      entretiens: 27,
      benevoles: 9,
      binome: binome(
        'entre-deux-mers',
        'Sud-Ouest',
        'Membre du Kiif en Nouvelle-Aquitaine (hypothèse de démonstration)',
      ),
    },
    cooperations: [],
  },
  forbach: {
    portrait: {
      status: 'en-cours',
      publishedAt: null,
      summary:
        'Portrait en cours : 19 entretiens menés à Behren-lès-Forbach, Petite-Rosselle et Stiring-Wendel ; ' +
        'les ateliers collectifs commencent, avec des habitants des deux côtés de la frontière. ' +
        DEMO_NOTE,
      forcesVives: {
        acteursMoteurs: [
          { label: 'Des associations héritières des cités minières' },
          { label: 'Des habitants qui travaillent en Sarre et en rapportent des idées' },
        ],
        ressources: [{ label: 'Le patrimoine minier et les cités ouvrières' }],
        savoirFaire: [
          { label: 'Des savoir-faire industriels et techniques' },
          { label: 'Le bilinguisme franco-allemand' },
        ],
      },
      vulnerabilites: {
        tangibles: [
          { nature: 'cyclique', label: 'La fin de l’exploitation charbonnière et un chômage durable' },
        ],
        ressenties: [{ label: 'Une image dégradée du bassin, portée aussi par ses habitants' }],
      },
      maturite: null,
      cultureLocale: null,
      entretiens: 19,
      benevoles: 6,
      binome: binome('forbach', 'Grand Est', 'Membre du Kiif en Grand Est (hypothèse de démonstration)'),
    },
    cooperations: [],
  },
  'nantes-bellevue': {
    portrait: {
      status: 'en-cours',
      publishedAt: null,
      summary:
        'Portrait en cours : 33 entretiens dans le quartier, aux pieds des immeubles, au marché et au ' +
        'centre socioculturel ; la restitution aux habitants est prévue en décembre 2026. ' +
        DEMO_NOTE,
      forcesVives: {
        acteursMoteurs: [
          { label: 'Les centres socioculturels et les associations de locataires' },
          { label: 'Les mères de famille qui organisent l’aide alimentaire' },
        ],
        ressources: [
          { label: 'Des jardins partagés au pied des tours' },
          { label: 'Un projet de ressourcerie de quartier' },
        ],
        savoirFaire: [{ label: 'Des cuisines du monde et des solidarités familiales' }],
      },
      vulnerabilites: {
        tangibles: [
          { nature: 'structurelle', label: 'Un quartier d’habitat social coupé par de grands axes routiers' },
          { nature: 'conjoncturelle', label: 'La hausse des prix alimentaires' },
        ],
        ressenties: [{ label: 'Une défiance envers les institutions' }],
      },
      maturite: {
        level: 'etablie',
        meaning:
          'Les associations du quartier travaillent déjà ensemble au quotidien ; il reste à y associer ' +
          'davantage les entreprises et les habitants les moins visibles.',
      },
      cultureLocale: null,
      entretiens: 33,
      benevoles: 11,
      binome: binome(
        'nantes-bellevue',
        'Grand Ouest',
        'Membre du Kiif dans le Grand Ouest (hypothèse de démonstration)',
      ),
    },
    cooperations: [],
  },
};

/** The id of the actor the seed names: that member, else the territory's first of that kind. */
async function actorId(tx: Sql, slug: string, [kind, name]: SeedActor): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>(
    `select id from members where territory = $1 and (name = $2 or kind = $3)
     order by (name = $2) desc, sort_key, id limit 1`,
    [slug, name, kind],
  );
  return row?.id;
}

/** Seeds the territory's portrait and cooperations, after its members. */
export async function seedStory(tx: Sql, slug: string): Promise<void> {
  const story = STORIES[slug];
  if (!story) return;
  await putPortrait(tx, slug, { ...story.portrait, demo: true }, SEEDED_AT);
  for (const [i, { actors, ...input }] of story.cooperations.entries()) {
    const ids: string[] = [];
    for (const actor of actors) {
      const id = await actorId(tx, slug, actor);
      if (id && !ids.includes(id)) ids.push(id);
    }
    await insertCooperation(
      tx,
      slug,
      { ...input, actorIds: ids },
      {
        id: `coop_${slug}_${i + 1}`,
        demo: true,
        at: SEEDED_AT,
      },
    );
  }
}
