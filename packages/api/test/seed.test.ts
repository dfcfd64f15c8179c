// The demo data tells the truth (issue 14, items 5 and 6): invented actors are invented
// organisations in their territory's communes; calls to engage follow each territory's phase,
// differ from one territory to another and stay in the future; a territory being selected has
// nothing yet; the phases obey the API's consistency rules; the committed geometry is the real
// communes' (IGN Admin Express 2018), valid and small. Read through the real API on a fresh
// database, seeded as the demo is.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { Geometry, MemberPage, OpportunityList, Phase, TerritoryDetail } from '@tec/contract';
import { startTestServer, type TestServer } from '@tec/api/testing';
import { get } from './helpers.js';
import { SEED_TERRITORIES } from '../src/seed/territories.js';
import { addDays, opportunitiesFor, parisDay } from '../src/seed/seed.js';
import { DEMO_GEOMETRY_FILE, demoExtract } from '../src/seed/demo-geometry.js';
import { DEFAULT_EXTRACT_OPTIONS, buildDemoExtract, conflictingArcs, isConvex } from '../src/geo/extract.js';

const SLUGS = SEED_TERRITORIES.map((t) => t.detail.slug);
const SELECTING = SEED_TERRITORIES.filter((t) => t.detail.status === 'en-selection').map(
  (t) => t.detail.slug,
);
const REAL_BODY = /Commune de|Mairie de|Ville de|Bibliothèque de|Maire|Adjoint|Conseill|Élu/;

interface Seeded {
  detail: TerritoryDetail;
  phases: Phase[];
  members: MemberPage['items'];
  opportunities: OpportunityList['items'];
  geometry: Geometry;
}

async function allMembers(server: TestServer, slug: string): Promise<MemberPage['items']> {
  const items: MemberPage['items'] = [];
  let cursor: string | null = null;
  do {
    const page: { body: MemberPage } = await get<MemberPage>(
      server,
      `/v1/territories/${slug}/members?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** Twice the signed area of a ring (positive anticlockwise). */
function ringArea(ring: [number, number][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1)
    sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return sum;
}

/** Decoded absolute positions of a topology's arcs (quantized or not). */
function absoluteArcs(topo: Topology): number[][][] {
  return topo.arcs.map((arc) => {
    if (!topo.transform) return arc.map((p) => [p[0]!, p[1]!]);
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => [(x += dx!), (y += dy!)]);
  });
}

describe('demo data', () => {
  let server: TestServer;
  const seeded = new Map<string, Seeded>();
  let seedDay: string;
  before(async () => {
    seedDay = parisDay(new Date());
    server = await startTestServer();
    for (const slug of SLUGS) {
      const [detail, phases, opportunities, geometry] = await Promise.all([
        get<TerritoryDetail>(server, `/v1/territories/${slug}`),
        get<{ phases: Phase[] }>(server, `/v1/territories/${slug}/phases`),
        get<OpportunityList>(server, `/v1/territories/${slug}/opportunities`),
        get<Geometry>(server, `/v1/territories/${slug}/geometry`),
      ]);
      seeded.set(slug, {
        detail: detail.body,
        phases: phases.body.phases,
        members: await allMembers(server, slug),
        opportunities: opportunities.body.items,
        geometry: geometry.body,
      });
    }
  });
  after(() => server.close());

  it('names no real public body, office or person as a member: each is an invented organisation that says so', () => {
    let count = 0;
    for (const [slug, t] of seeded) {
      for (const m of t.members) {
        count += 1;
        assert.doesNotMatch(m.name, REAL_BODY, `${slug}: ${m.name}`);
        assert.match(
          m.name,
          /\((.+ )?(fictif|fictive|fictifs|fictives)\)$/,
          `${slug}: ${m.name} says it is invented`,
        );
        assert.match(
          m.description ?? '',
          /Membre fictif/,
          `${slug}: ${m.name} carries the « membre fictif » note`,
        );
        assert.ok(
          !['collectivite', 'elu'].includes(m.kind),
          `${slug}: ${m.name} is no public body or office`,
        );
        assert.ok(!m.website || m.website.startsWith('https://example.org/'), `${slug}: ${m.website}`);
      }
    }
    assert.ok(count >= 50, `the four chosen territories have their actors (${count})`);
  });

  it('puts every member in one of its territory’s communes', () => {
    for (const [slug, t] of seeded) {
      const communes = new Map(t.detail.communes.map((c) => [c.insee, c.name]));
      for (const m of t.members) {
        assert.ok(m.commune, `${slug}: ${m.name} has a commune`);
        assert.equal(
          communes.get(m.commune.insee),
          m.commune.name,
          `${slug}: ${m.name} in ${m.commune.name}`,
        );
      }
    }
  });

  it('dates every call to engage on or after the seed day, and gives each territory its own titles, places and dates', () => {
    const titles = new Map<string, string>();
    const places = new Map<string, string>();
    const starts = new Map<string, string>();
    for (const [slug, t] of seeded) {
      for (const o of t.opportunities) {
        for (const [seen, value] of [
          [titles, o.title],
          [places, o.place?.name],
          [starts, o.startsAt],
        ] as const) {
          if (!value) continue;
          assert.ok(
            !seen.has(value) || seen.get(value) === slug,
            `${value} in ${slug} and ${seen.get(value)}`,
          );
          seen.set(value, slug);
        }
        if (o.startsAt) {
          assert.ok(
            o.startsAt.slice(0, 10) >= seedDay,
            `${slug}: ${o.title} on ${o.startsAt} (seeded ${seedDay})`,
          );
          assert.ok(
            o.endsAt && Date.parse(o.endsAt) > Date.parse(o.startsAt),
            `${slug}: ${o.title} ends after it starts`,
          );
        }
        if (o.place?.commune) {
          const insee = o.place.commune.insee;
          assert.ok(
            t.detail.communes.some((c) => c.insee === insee),
            `${slug}: ${o.title} in its communes`,
          );
          assert.match(o.place.name, /lieu fictif/);
        }
      }
    }
    assert.ok(titles.size >= 16);
  });

  it('stays in the future whatever the day it is seeded', () => {
    for (const day of ['2026-03-29', '2027-10-30', '2031-02-28']) {
      for (const t of SEED_TERRITORIES)
        for (const { input } of opportunitiesFor(t, day)) {
          if (!input.startsAt) continue;
          assert.ok(
            input.startsAt.slice(0, 10) >= addDays(day, 6),
            `${input.title}: ${input.startsAt} from ${day}`,
          );
          // Local time in France, summer or winter.
          assert.match(input.startsAt, /T\d\d:\d\d:00\+0[12]:00$/);
        }
    }
  });

  it('offers what each phase calls for: cooperation work in the Roya, portrait interviews and its restitution elsewhere', () => {
    const roya = seeded.get('roya')!;
    assert.equal(roya.detail.currentPhase, 'cooperations');
    assert.ok(
      !roya.opportunities.some((o) => o.kind === 'entretien-portrait'),
      'the Roya’s portrait is finished',
    );
    assert.ok(roya.opportunities.filter((o) => o.kind === 'atelier-cooperation').length >= 2);
    for (const slug of ['entre-deux-mers', 'forbach', 'nantes-bellevue']) {
      const t = seeded.get(slug)!;
      assert.equal(t.detail.currentPhase, 'portrait', slug);
      assert.ok(
        t.opportunities.some((o) => o.kind === 'entretien-portrait'),
        `${slug} still interviews`,
      );
      assert.ok(
        t.opportunities.some((o) => o.kind === 'evenement' && /Restitution/.test(o.title)),
        `${slug} announces its restitution`,
      );
      assert.ok(
        !t.opportunities.some((o) => o.kind === 'atelier-cooperation'),
        `${slug} has no cooperation yet`,
      );
    }
  });

  it('gives a territory being selected its phases still to come, no member or call, and a marker area but no perimeter', () => {
    assert.deepEqual(SELECTING, ['auvergne-rhone-alpes', 'haute-garonne']);
    for (const slug of SELECTING) {
      const t = seeded.get(slug)!;
      assert.equal(t.detail.status, 'en-selection');
      assert.equal(t.detail.currentPhase, null, slug);
      // The three phases exist, to come, undated and empty, so that its portrait can start later.
      assert.deepEqual(
        t.phases.map((p) => [p.key, p.status, p.startDate, p.endDate, p.milestones.length]),
        [
          ['portrait', 'a-venir', null, null, 0],
          ['cooperations', 'a-venir', null, null, 0],
          ['coalition', 'a-venir', null, null, 0],
        ],
        slug,
      );
      assert.deepEqual(t.members, [], slug);
      assert.deepEqual(t.opportunities, [], slug);
      assert.deepEqual(t.detail.communes, [], slug);
    }
  });

  it('keeps the API’s consistency rules: finished phases met, dates in order, milestones inside, current phase agreed', () => {
    for (const [slug, t] of seeded) {
      let previousEnd = '';
      for (const p of t.phases) {
        if (p.status === 'terminee')
          assert.ok(
            p.milestones.every((m) => m.status === 'atteint'),
            `${slug} ${p.key}: finished with milestones met`,
          );
        if (p.status === 'a-venir')
          assert.ok(
            p.milestones.every((m) => m.status === 'a-venir'),
            `${slug} ${p.key}: nothing met before it starts`,
          );
        if (p.startDate && p.endDate) {
          assert.ok(p.startDate < p.endDate, `${slug} ${p.key}: starts before it ends`);
          assert.ok(p.startDate > previousEnd, `${slug} ${p.key}: after the previous phase`);
          previousEnd = p.endDate;
          for (const m of p.milestones)
            for (const date of [m.dueDate, m.completedDate])
              if (date)
                assert.ok(
                  date >= p.startDate && date <= p.endDate,
                  `${slug} ${p.key}: ${m.title} on ${date} inside ${p.startDate}–${p.endDate}`,
                );
        }
      }
      const current = t.phases.filter((p) => p.status === 'en-cours');
      assert.ok(current.length <= 1, slug);
      assert.equal(t.detail.currentPhase, current[0]?.key ?? null, slug);
    }
  });

  it('serves the real outlines from the committed extract, and says which one is drawn by hand', async () => {
    for (const [slug, t] of seeded) {
      const topo = t.geometry.topology as unknown as Topology;
      const outline = feature(topo, topo.objects.outline as never) as unknown as FeatureCollection<
        Polygon | MultiPolygon
      >;
      const shape = outline.features[0]!;
      // Wound for d3: the territory, not the globe minus it.
      assert.ok(geoArea(shape) < 0.05, `${slug}: outline wound for d3`);
      const approximate = slug === 'nantes-bellevue';
      assert.equal(t.geometry.approximate, approximate, slug);
      assert.match(t.geometry.attribution, /IGN Admin Express 2018, Licence Ouverte/, slug);
      if (approximate) assert.match(t.geometry.attribution, /approximatif/);
      const communes = feature(topo, topo.objects.communes as never) as unknown as FeatureCollection;
      assert.deepEqual(
        communes.features.map((f) => (f.properties as { insee: string }).insee).sort(),
        t.detail.communes.map((c) => c.insee).sort(),
        `${slug}: one shape per commune`,
      );
      // No outline or commune crosses itself or another (the hand-drawn Haute-Garonne did).
      assert.deepEqual([...conflictingArcs(absoluteArcs(topo))], [], `${slug}: no crossing`);
    }
    const overview = await get<Geometry>(server, '/v1/geometry');
    assert.match(overview.body.attribution, /Contours : IGN Admin Express 2018, Licence Ouverte/);
    assert.match(overview.body.attribution, /contour de Nantes — quartier Bellevue approximatif/);
  });
});

describe('the committed demo geometry', () => {
  const extract = demoExtract();

  it('holds the six territories, valid, quantized and small', () => {
    const text = readFileSync(DEMO_GEOMETRY_FILE, 'utf8');
    assert.ok(text.length < 40_000, `${text.length} bytes`);
    assert.ok(extract.transform, 'quantized');
    assert.match(
      (extract as unknown as { attribution: string }).attribution,
      /IGN Admin Express 2018, Licence Ouverte/,
    );
    assert.deepEqual(Object.keys(extract.objects), SLUGS);
    assert.deepEqual([...conflictingArcs(absoluteArcs(extract))], [], 'no arc crosses another or itself');
  });

  it('keeps each commune close to its real area, and each neighbourhood part inside its convex perimeter', () => {
    for (const t of SEED_TERRITORIES) {
      if (t.area) continue;
      const shapes = feature(
        extract,
        extract.objects[t.detail.slug] as never,
      ) as unknown as FeatureCollection;
      assert.equal(shapes.features.length, t.detail.communes.length);
      for (const f of shapes.features)
        assert.ok(geoArea(f) < 0.001, `${t.detail.slug}: a commune, wound for d3`);
      if (!t.perimeter) continue;
      assert.ok(isConvex(t.perimeter));
      const closed = [...t.perimeter, t.perimeter[0]!];
      const ring = ringArea(t.perimeter) > 0 ? closed.reverse() : closed; // clockwise for d3
      const perimeter: Feature<Polygon> = {
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [ring] },
      };
      const whole = geoArea(perimeter);
      const parts = shapes.features.reduce((s, f) => s + geoArea(f), 0);
      assert.ok(
        Math.abs(parts - whole) / whole < 0.01,
        `the parts tile the perimeter (${parts} vs ${whole})`,
      );
      // Every vertex inside the perimeter, give or take the quantization (about 10 m).
      const convex = ringArea(t.perimeter) > 0 ? t.perimeter : [...t.perimeter].reverse();
      for (const f of shapes.features)
        for (const p of (f.geometry as MultiPolygon).coordinates.flat(2))
          convex.forEach((a, i) => {
            const b = convex[(i + 1) % convex.length]!;
            const cross = (b[0] - a[0]) * (p[1]! - a[1]) - (b[1] - a[1]) * (p[0]! - a[0]);
            assert.ok(
              cross / Math.hypot(b[0] - a[0], b[1] - a[1]) > -2e-4,
              `${p.join(',')} outside the perimeter`,
            );
          });
    }
  });

  const geoDir = fileURLToPath(new URL('../../../../shared/data/geo/', import.meta.url));
  const missing = existsSync(geoDir)
    ? false
    : `needs the real boundaries in ${geoDir} (../shared/data/geo, not shipped with the repository)`;

  it(
    'is what the project’s own extract command makes from the official boundaries',
    { skip: missing },
    async () => {
      const territories = SEED_TERRITORIES.map((t) => ({
        slug: t.detail.slug,
        communes: t.detail.communes,
        ...(t.perimeter ? { perimeter: t.perimeter } : {}),
        ...(t.area ? { departements: t.area } : {}),
      }));
      const { topology, report } = await buildDemoExtract([geoDir], territories, {
        ...DEFAULT_EXTRACT_OPTIONS,
        date: '2026-11-26',
      });
      assert.deepEqual(topology.arcs, extract.arcs, 'run npm run geo:import -- --extract … again');
      assert.deepEqual(topology.objects, extract.objects);
      assert.ok(report.verticesAfter < report.verticesBefore / 2, JSON.stringify(report));
      // Simplified, each commune keeps its area within 2 %.
      const raw = new Map<string, Feature>();
      for (const file of ['06-alpes-maritimes', '33-gironde', '57-moselle']) {
        const json = JSON.parse(
          readFileSync(`${geoDir}communes-${file}.geojson`, 'utf8'),
        ) as FeatureCollection;
        for (const f of json.features) raw.set((f.properties as { code: string }).code, f);
      }
      const area = (f: Feature) => Math.min(geoArea(f), 4 * Math.PI - geoArea(f));
      for (const slug of ['roya', 'entre-deux-mers', 'forbach']) {
        const shapes = feature(extract, extract.objects[slug] as never) as unknown as FeatureCollection;
        for (const f of shapes.features) {
          const insee = (f.properties as { insee: string }).insee;
          const before = area(raw.get(insee)!);
          assert.ok(Math.abs(area(f) - before) / before < 0.02, `${slug} ${insee}: ${area(f)} vs ${before}`);
        }
      }
    },
  );
});
