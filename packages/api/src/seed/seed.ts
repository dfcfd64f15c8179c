/**
 * Fills an empty database with the demo data: the six territories, their phases and milestones,
 * the invented actors met so far, calls to engage and the outlines of the committed extract of the
 * official boundaries. Deterministic but for the calls' dates, which follow the day of seeding.
 */
import type { MemberInput, OpportunityInput, PhaseKey } from '@tec/contract';
import type { Database, Sql } from '../db/database.js';
import { insertMember, insertOpportunity } from '../store.js';
import { storeDemoGeometry } from './demo-geometry.js';
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

/** A day (YYYY-MM-DD) plus some days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today in France, where the demo's dates are read. */
export function parisDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}

/** Paris's offset from UTC on that day: '+01:00' in winter, '+02:00' in summer. */
function parisOffset(day: string): string {
  const name = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return /^[+-]\d\d:\d\d$/.test(offset) ? offset : '+00:00';
}

/** The first given weekday (0 Sunday … 6 Saturday) at least `days` after the seed day. */
function weekdayAfter(seedDay: string, days: number, weekday: number): string {
  const day = addDays(seedDay, days);
  const current = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, (weekday - current + 7) % 7);
}

/** A local time in France on that day, as an ISO date-time with its offset. */
function at(day: string, time: string): string {
  return `${day}T${time}:00${parisOffset(day)}`;
}

function phasesFor(phases: SeedPhases): SeedPhase[] {
  const future = (titles: string[]): SeedMilestone[] =>
    titles.map((title) => ({ title, status: 'a-venir', due: null }));
  // A territory being selected has its three phases still to come: no dates, no milestones (they
  // are set when it is chosen), so that the team can start its portrait then.
  if (phases.kind === 'not-started')
    return (['portrait', 'cooperations', 'coalition'] as const).map((key) => ({
      key,
      status: 'a-venir',
      start: null,
      end: null,
      progress: 0,
      milestones: [],
    }));
  if (phases.kind === 'roya') {
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
        milestones: future(COALITION),
      },
    ];
  }
  const { start, interviewsDone, end, met } = phases;
  return [
    {
      key: 'portrait',
      status: 'en-cours',
      start,
      end,
      progress: 0.8,
      milestones: [
        { title: PORTRAIT[0]!, status: 'atteint', due: addDays(start, 45), done: addDays(start, 38) },
        {
          title: `${PORTRAIT[1]!} (${met} personnes rencontrées)`,
          status: 'atteint',
          due: interviewsDone,
          done: interviewsDone,
        },
        { title: PORTRAIT[2]!, status: 'en-cours', due: addDays(end, -18) },
        { title: PORTRAIT[3]!, status: 'a-venir', due: end },
      ],
    },
    {
      key: 'cooperations',
      status: 'a-venir',
      start: addDays(end, 1),
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

/** A member's web address: an example.org page, never a real site. */
function website(slug: string, name: string): string {
  return `https://example.org/${slug}/${name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** The invented members of a territory, each in one of its communes. */
export function membersFor(t: SeedTerritory): MemberInput[] {
  const communes = new Map(t.detail.communes.map((c) => [c.insee, c]));
  return t.members.map(({ kind, name, role, commune: insee }, i) => {
    const commune = communes.get(insee);
    if (!commune)
      throw new Error(`${t.detail.slug}: ${name} is in ${insee}, not one of the territory's communes`);
    // Spread the joins from December 2025 to early November 2026, deterministically.
    const joinedAt = addDays('2025-12-01', (i * 7919) % 340);
    return {
      name,
      kind,
      role,
      joinedAt,
      commune: { insee: commune.insee, name: commune.name },
      website: i % 3 === 2 ? null : website(t.detail.slug, name),
      logo: null,
      description: `${role}. Membre fictif : une organisation inventée pour la démonstration.`,
    };
  });
}

export interface SeedOpportunity {
  input: OpportunityInput;
  /** Places already taken (for a call with a capacity). */
  taken: number;
}

/**
 * The calls to engage of a territory, as its phase and needs suggest: the Roya, whose portrait
 * is finished, offers cooperation work; a territory finishing its portrait offers interviews and
 * its restitution. Dated calls fall on set weekdays a few weeks after the seed day, so the demo
 * never shows a past call; their places are invented (« lieu fictif »).
 */
export function opportunitiesFor(t: SeedTerritory, seedDay: string): SeedOpportunity[] {
  const communes = new Map(t.detail.communes.map((c) => [c.insee, c]));
  const place = (name: string, insee: string) => {
    const commune = communes.get(insee);
    if (!commune) throw new Error(`${t.detail.slug}: no commune ${insee}`);
    return { name: `${name} (lieu fictif)`, commune: { insee, name: commune.name } };
  };
  const open = (kind: OpportunityInput['kind'], title: string, description: string): SeedOpportunity => ({
    input: { kind, title, description, startsAt: null, endsAt: null, place: null, capacity: null },
    taken: 0,
  });
  const dated = (
    kind: OpportunityInput['kind'],
    title: string,
    description: string,
    when: { after: number; weekday: number; from: string; to: string },
    where: { name: string; insee: string },
    capacity: number,
    taken: number,
  ): SeedOpportunity => {
    const day = weekdayAfter(seedDay, when.after, when.weekday);
    return {
      input: {
        kind,
        title,
        description,
        startsAt: at(day, when.from),
        endsAt: at(day, when.to),
        place: place(where.name, where.insee),
        capacity,
      },
      taken,
    };
  };
  const [SAT, FRI, THU, WED, TUE] = [6, 5, 4, 3, 2];
  switch (t.detail.slug) {
    case 'roya':
      return [
        open(
          'atelier-cooperation',
          'Groupe de coopération : logement des saisonniers',
          'Chaque mois, habitants et employeurs cherchent des logements pour les saisonniers.',
        ),
        dated(
          'atelier-cooperation',
          'Atelier de coopération : covoiturage dans la vallée',
          'Trois heures pour organiser des trajets partagés entre les villages.',
          { after: 10, weekday: SAT, from: '14:00', to: '17:00' },
          { name: 'Local de l’Amicale', insee: '06062' },
          24,
          17,
        ),
        open(
          'benevolat',
          'Devenir bénévole de l’entraide',
          'Accueillir saisonniers et nouveaux habitants, quelques heures par mois.',
        ),
        dated(
          'evenement',
          'Rencontre des coopérations de la vallée',
          'Où en sont les coopérations, puis un repas partagé.',
          { after: 24, weekday: FRI, from: '18:30', to: '21:30' },
          { name: 'Grange des Cairns', insee: '06163' },
          40,
          40,
        ),
        open(
          'rejoindre-coalition',
          'Se faire connaître pour la future coalition de la vallée',
          'La phase 3 commence en 2027 : les acteurs prêts à s’allier peuvent se signaler.',
        ),
      ];
    case 'entre-deux-mers':
      return [
        open(
          'entretien-portrait',
          'Témoigner pour le portrait de l’Entre-deux-Mers',
          'Une heure d’échange avec le binôme, où vous voulez : votre regard sur le Créonnais.',
        ),
        dated(
          'entretien-portrait',
          'Entretien collectif : se nourrir et se déplacer dans le Créonnais',
          'Deux heures à plusieurs sur l’alimentation, les trajets et les emplois de la vigne.',
          { after: 8, weekday: TUE, from: '18:00', to: '20:00' },
          { name: 'Tiers-lieu La Grange aux Coteaux', insee: '33140' },
          20,
          8,
        ),
        open(
          'benevolat',
          'Aider à préparer la restitution du portrait',
          'Témoignages, accueil du public, logistique : selon vos disponibilités.',
        ),
        dated(
          'evenement',
          'Restitution du portrait de l’Entre-deux-Mers',
          'Le portrait du territoire présenté par le binôme, puis un débat.',
          { after: 40, weekday: SAT, from: '10:00', to: '12:30' },
          { name: 'Halle du Potager commun', insee: '33505' },
          120,
          37,
        ),
      ];
    case 'forbach':
      return [
        open(
          'entretien-portrait',
          'Racontez le bassin : entretien pour le portrait',
          'Une heure, en français ou en allemand, sur le passé et l’avenir du bassin.',
        ),
        dated(
          'entretien-portrait',
          'Entretien collectif des 16–25 ans : travailler en Sarre ?',
          'Emploi, formation et trajets de part et d’autre de la frontière.',
          { after: 9, weekday: WED, from: '17:30', to: '19:30' },
          { name: 'Local de l’association Tremplin 16-25', insee: '57660' },
          15,
          15,
        ),
        open(
          'benevolat',
          'Recueillir la mémoire ouvrière avec le binôme',
          'Accompagner les entretiens d’anciens mineurs et transcrire leurs récits.',
        ),
        dated(
          'evenement',
          'Restitution du portrait du secteur de Forbach',
          'Le portrait du secteur, ses forces et ses fragilités, puis un verre.',
          { after: 45, weekday: FRI, from: '18:00', to: '20:30' },
          { name: 'Salle des Terrils verts', insee: '57638' },
          90,
          12,
        ),
      ];
    case 'nantes-bellevue':
      return [
        open(
          'entretien-portrait',
          'Bellevue vu par ses habitants : entretien pour le portrait',
          'Une heure sur ce que vous aimez dans le quartier et ce qui devrait changer.',
        ),
        dated(
          'entretien-portrait',
          'Entretien collectif : l’aide alimentaire dans le quartier',
          'En plein air, avec les habitants, les épiceries solidaires et la ressourcerie.',
          { after: 6, weekday: THU, from: '16:30', to: '18:30' },
          { name: 'Cour de la Maison de quartier Les Lilas', insee: '44109' },
          25,
          11,
        ),
        open(
          'benevolat',
          'Tenir le stand du portrait au marché du quartier',
          'Inviter les passants à témoigner pour le portrait, une matinée par mois.',
        ),
        dated(
          'evenement',
          'Restitution du portrait de Bellevue, avec repas partagé',
          'Le portrait du quartier présenté à ses habitants, puis un repas.',
          { after: 33, weekday: SAT, from: '11:00', to: '14:00' },
          { name: 'Gymnase du Parc', insee: '44162' },
          100,
          64,
        ),
      ];
    default:
      // A territory being selected offers nothing yet.
      return [];
  }
}

async function seedTerritory(tx: Sql, t: SeedTerritory, position: number, seedDay: string): Promise<void> {
  const { slug, status, ...data } = t.detail;
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
  for (const [i, { input, taken }] of opportunitiesFor(t, seedDay).entries()) {
    await insertOpportunity(tx, slug, input, `opp_${slug}_${i + 1}`, input.capacity === null ? 0 : taken);
  }
  await seedStory(tx, slug);
  await storeDemoGeometry(tx, t);
}

/**
 * Seeds the demo data when the database has no territory yet; returns whether it did. The calls
 * to engage are dated from `now` (the day the demo is seeded), so they stay in the future.
 */
export async function seedIfEmpty(db: Database, now = new Date()): Promise<boolean> {
  const seedDay = parisDay(now);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7402)');
    const [row] = await tx.query<{ n: number }>('select count(*)::int as n from territories');
    if ((row?.n ?? 0) > 0) return false;
    for (const [i, t] of SEED_TERRITORIES.entries()) await seedTerritory(tx, t, i + 1, seedDay);
    return true;
  });
}
