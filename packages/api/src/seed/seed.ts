/**
 * Fills an empty database with the demo data: the six territories, their phases and milestones,
 * coalition members, calls to engage and approximate outlines. Deterministic, so that every
 * fresh demo and every test database starts from the same state.
 */
import type { MemberInput, MemberKind, OpportunityInput, PhaseKey } from '@tec/contract';
import type { Database, Sql } from '../db/database.js';
import { insertMember, insertOpportunity } from '../store.js';
import { storeApproximateGeometry } from '../geo/geometry.js';
import { seedStory } from './story.js';
import { SEED_TERRITORIES, type SeedPhases, type SeedTerritory } from './territories.js';

interface SeedMilestone {
  title: string;
  status: 'a-venir' | 'en-cours' | 'atteint';
  due: string | null;
  done?: string;
}
interface SeedPhase {
  key: PhaseKey;
  status: 'a-venir' | 'en-cours' | 'terminee';
  start: string | null;
  end: string | null;
  progress: number;
  milestones: SeedMilestone[];
}

const PORTRAIT = [
  'Rencontre du binôme et des acteurs moteurs',
  'Entretiens individuels',
  'Ateliers collectifs',
  'Portrait sensible partagé',
];
const COOPERATIONS = [
  'Choix des coopérations à accompagner',
  'Premier atelier de coopération',
  'Outils d’accompagnement adaptés',
  'Bilan à mi-parcours',
];
const COALITION = ['Cartographie des alliés', 'Charte de la coalition', 'Première assemblée de la coalition'];

function phasesFor(kind: SeedPhases): SeedPhase[] {
  const future = (titles: string[]): SeedMilestone[] =>
    titles.map((title) => ({ title, status: 'a-venir', due: null }));
  if (kind === 'not-started') {
    return [
      {
        key: 'portrait',
        status: 'a-venir',
        start: null,
        end: null,
        progress: 0,
        milestones: future(PORTRAIT),
      },
      {
        key: 'cooperations',
        status: 'a-venir',
        start: null,
        end: null,
        progress: 0,
        milestones: future(COOPERATIONS),
      },
      {
        key: 'coalition',
        status: 'a-venir',
        start: null,
        end: null,
        progress: 0,
        milestones: future(COALITION),
      },
    ];
  }
  if (kind === 'roya') {
    return [
      {
        key: 'portrait',
        status: 'terminee',
        start: '2025-11-15',
        end: '2026-05-31',
        progress: 1,
        milestones: [
          { title: PORTRAIT[0]!, status: 'atteint', due: '2025-12-15', done: '2025-12-10' },
          {
            title: `${PORTRAIT[1]!} (42 personnes rencontrées)`,
            status: 'atteint',
            due: '2026-03-31',
            done: '2026-04-08',
          },
          { title: PORTRAIT[2]!, status: 'atteint', due: '2026-05-15', done: '2026-05-12' },
          { title: PORTRAIT[3]!, status: 'atteint', due: '2026-05-31', done: '2026-05-30' },
        ],
      },
      {
        key: 'cooperations',
        status: 'en-cours',
        start: '2026-06-01',
        end: '2027-09-30',
        progress: 0.45,
        milestones: [
          { title: COOPERATIONS[0]!, status: 'atteint', due: '2026-07-15', done: '2026-07-09' },
          {
            title: `${COOPERATIONS[1]!} : mobilité dans la vallée`,
            status: 'atteint',
            due: '2026-10-15',
            done: '2026-10-03',
          },
          { title: COOPERATIONS[2]!, status: 'en-cours', due: '2027-01-31' },
          { title: COOPERATIONS[3]!, status: 'a-venir', due: '2027-04-30' },
        ],
      },
      {
        key: 'coalition',
        status: 'a-venir',
        start: '2027-10-01',
        end: '2028-11-30',
        progress: 0,
        milestones: COALITION.map((title) => ({ title, status: 'a-venir', due: null })),
      },
    ];
  }
  return [
    {
      key: 'portrait',
      status: 'en-cours',
      start: '2026-01-15',
      end: '2026-12-31',
      progress: 0.85,
      milestones: [
        { title: PORTRAIT[0]!, status: 'atteint', due: '2026-02-28', done: '2026-02-20' },
        { title: PORTRAIT[1]!, status: 'atteint', due: '2026-07-31', done: '2026-09-15' },
        { title: PORTRAIT[2]!, status: 'en-cours', due: '2026-11-30' },
        { title: PORTRAIT[3]!, status: 'a-venir', due: '2026-12-31' },
      ],
    },
    {
      key: 'cooperations',
      status: 'a-venir',
      start: '2027-01-01',
      end: '2028-03-31',
      progress: 0,
      milestones: future(COOPERATIONS),
    },
    {
      key: 'coalition',
      status: 'a-venir',
      start: '2028-04-01',
      end: '2028-11-30',
      progress: 0,
      milestones: future(COALITION),
    },
  ];
}

/** Invented organisations built from the territory's communes, to reach a realistic count. */
const GENERATED: [MemberKind, (commune: string) => string, string][] = [
  ['association', (c) => `Comité des fêtes de ${c}`, 'Fêtes de village et lien social'],
  ['citoyen', (c) => `Collectif d’habitants de ${c}`, 'Veille et entraide de voisinage'],
  ['association', (c) => `Association des parents d’élèves de ${c}`, 'Vie scolaire'],
  ['entreprise', (c) => `Artisans réunis de ${c}`, 'Chantiers et apprentissage'],
  ['ess', (c) => `Épicerie participative de ${c}`, 'Circuits courts'],
  ['association', (c) => `Club des aînés de ${c}`, 'Lutte contre l’isolement'],
  ['service-public', (c) => `Bibliothèque de ${c}`, 'Lieu d’accueil des ateliers'],
  ['autre', (c) => `Paroisse et œuvres de ${c}`, 'Accueil et distribution'],
  ['association', (c) => `Sport pour tous ${c}`, 'Activités pour les jeunes'],
];

function membersFor(t: SeedTerritory): MemberInput[] {
  const out: MemberInput[] = [];
  const communes = t.detail.communes;
  const communeAt = (i: number) => (communes.length ? communes[i % communes.length]! : undefined);
  const joined = (i: number) => {
    // Spread the joins from December 2025 to November 2026, deterministically.
    const day = new Date(Date.UTC(2025, 11, 1) + ((i * 7919) % 355) * 86_400_000);
    return day.toISOString().slice(0, 10);
  };
  const site = (name: string) =>
    `https://example.org/${t.detail.slug}/${name
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`;
  t.members.forEach(([kind, name, role], i) => {
    const commune = communeAt(i);
    out.push({
      name,
      kind,
      role,
      joinedAt: joined(i),
      commune: commune ? { insee: commune.insee, name: commune.name } : null,
      website: i % 3 === 2 ? null : site(name),
      logo: null,
      description: `${role}. Membre fictif de la coalition, pour la démonstration.`,
    });
  });
  const combinations = GENERATED.length * communes.length;
  for (let i = 0; out.length < t.memberTarget && i < combinations; i += 1) {
    const commune = communeAt(i)!;
    const [kind, makeName, role] =
      GENERATED[Math.floor(i / Math.max(1, communes.length)) % GENERATED.length]!;
    const name = makeName(commune.name);
    if (out.some((m) => m.name === name)) continue;
    out.push({
      name,
      kind,
      role,
      joinedAt: joined(out.length),
      commune: { insee: commune.insee, name: commune.name },
      website: null,
      logo: null,
    });
  }
  return out;
}

function opportunitiesFor(t: SeedTerritory): { input: OpportunityInput; taken: number }[] {
  const [first, second] = t.detail.communes;
  if (!first) return [];
  const place = (name: string, commune = first) => ({
    name,
    commune: { insee: commune.insee, name: commune.name },
  });
  const base: { input: OpportunityInput; taken: number }[] = [
    {
      input: {
        kind: 'entretien-portrait',
        title: 'Racontez votre territoire : entretien pour le portrait',
        description:
          'Une heure d’échange avec un membre du binôme, chez vous ou dans un lieu de votre choix.',
        startsAt: null,
        endsAt: null,
        place: null,
        capacity: null,
      },
      taken: 0,
    },
    {
      input: {
        kind: 'atelier-cooperation',
        title: 'Atelier de coopération : mieux se déplacer au quotidien',
        description: 'Trois heures pour imaginer ensemble des solutions de mobilité.',
        startsAt: '2026-12-12T14:00:00+01:00',
        endsAt: '2026-12-12T17:00:00+01:00',
        place: place('Salle des fêtes'),
        capacity: 24,
      },
      taken: 17,
    },
    {
      input: {
        kind: 'benevolat',
        title: 'Devenir bénévole du programme',
        description:
          'Aider à organiser les ateliers et à accueillir les habitants, selon vos disponibilités.',
        startsAt: null,
        endsAt: null,
        place: null,
        capacity: null,
      },
      taken: 0,
    },
    {
      input: {
        kind: 'evenement',
        title: 'Soirée de restitution du portrait',
        description: 'Présentation du portrait sensible du territoire, suivie d’un repas partagé.',
        startsAt: '2027-01-23T18:30:00+01:00',
        endsAt: '2027-01-23T21:30:00+01:00',
        place: place('Médiathèque', second ?? first),
        capacity: 80,
      },
      taken: 80,
    },
  ];
  if (t.phases === 'roya') {
    base.push({
      input: {
        kind: 'rejoindre-coalition',
        title: 'Rejoindre la future coalition de la vallée',
        description: 'Se faire connaître comme acteur prêt à s’allier pour la phase 3.',
        startsAt: null,
        endsAt: null,
        place: null,
        capacity: null,
      },
      taken: 0,
    });
  }
  return base;
}

async function seedTerritory(tx: Sql, t: SeedTerritory, position: number): Promise<void> {
  const { slug, status, communes, ...rest } = t.detail;
  const data = { ...rest, communes: communes.map(({ at: _at, ...c }) => c) };
  await tx.query(
    `insert into territories (slug, position, status, data, own_perimeter, updated_at)
     values ($1, $2, $3, $4::text::jsonb, $5, '2026-11-20T09:00:00Z')`,
    [slug, position, status, JSON.stringify(data), t.ownPerimeter],
  );
  const phases = phasesFor(t.phases);
  for (const [index, p] of phases.entries()) {
    await tx.query(
      `insert into phases (territory, key, ord, status, start_date, end_date, progress)
       values ($1, $2, $3, $4, $5::date, $6::date, $7)`,
      [slug, p.key, index + 1, p.status, p.start, p.end, p.progress],
    );
    for (const [m, milestone] of p.milestones.entries()) {
      await tx.query(
        `insert into milestones (id, territory, phase, position, title, status, due_date, completed_date)
         values ($1, $2, $3, $4, $5, $6, $7::date, $8::date)`,
        [
          `ms_${slug}_${p.key}_${m + 1}`,
          slug,
          p.key,
          m + 1,
          milestone.title,
          milestone.status,
          milestone.due,
          milestone.done ?? null,
        ],
      );
    }
  }
  for (const [i, member] of membersFor(t).entries()) {
    await insertMember(tx, slug, member, `mbr_${slug}_${String(i + 1).padStart(3, '0')}`);
  }
  for (const [i, { input, taken }] of opportunitiesFor(t).entries()) {
    await insertOpportunity(tx, slug, input, `opp_${slug}_${i + 1}`, input.capacity === null ? 0 : taken);
  }
  await seedStory(tx, slug);
  await storeApproximateGeometry(tx, t);
}

/** Seeds the demo data when the database has no territory yet; returns whether it did. */
export async function seedIfEmpty(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7402)');
    const [row] = await tx.query<{ n: number }>('select count(*)::int as n from territories');
    if ((row?.n ?? 0) > 0) return false;
    for (const [i, t] of SEED_TERRITORIES.entries()) await seedTerritory(tx, t, i + 1);
    return true;
  });
}
