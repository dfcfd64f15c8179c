// Importing the real commune boundaries of ../shared/data/geo (IGN Admin Express 2018).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Geometry } from '@tec/contract';
import { importBoundaries } from '@tec/api';
import { startTestServer, type TestServer } from '@tec/api/testing';
import { appendEvent } from '../src/store/events.js';
import { get, openStream } from './helpers.js';

const geoDir = fileURLToPath(new URL('../../../../shared/data/geo/', import.meta.url));
const ROYA = ['06163', '06162', '06062', '06132', '06023'];

/** Area on the sphere whatever the ring winding (d3 reads a reversed ring as its complement). */
function area(f: Feature): number {
  const a = geoArea(f);
  return Math.min(a, 4 * Math.PI - a);
}

/** The real boundaries are not shipped with the repository: without ../shared beside it, say so. */
const missing = existsSync(geoDir)
  ? false
  : `needs the real commune boundaries in ${geoDir} (../shared/data/geo, not shipped with the repository)`;

describe('geography import', { skip: missing }, () => {
  let server: TestServer;
  let reports: Awaited<ReturnType<typeof importBoundaries>>;
  let stream: ReturnType<typeof openStream>;
  before(async () => {
    server = await startTestServer();
    stream = openStream(`${server.url}/v1/events?territory=roya`);
    await stream.until('ready');
    reports = await importBoundaries(server.db, [geoDir]);
  });
  after(async () => {
    stream.close();
    await server.close();
  });

  it('merges the Roya into one ring whose area is within 0.5 % of its five communes', async () => {
    const roya = reports.find((r) => r.territory === 'roya')!;
    assert.deepEqual(roya, { territory: 'roya', communes: 5, missing: [], rings: 1 });
    const reply = await get<Geometry>(server, '/v1/territories/roya/geometry');
    assert.equal(reply.body.approximate, false);
    assert.match(reply.body.attribution, /IGN Admin Express 2018, Licence Ouverte/);
    const topology = reply.body.topology as unknown as Parameters<typeof feature>[0];
    const outline = feature(topology, topology.objects.outline as never) as unknown as FeatureCollection<
      Polygon | MultiPolygon
    >;
    const geometry = outline.features[0]!.geometry;
    const rings =
      geometry.type === 'Polygon' ? geometry.coordinates.length : geometry.coordinates.flat().length;
    assert.equal(rings, 1);
    const communes = feature(topology, topology.objects.communes as never) as unknown as FeatureCollection;
    assert.equal(communes.features.length, 5);

    const raw = JSON.parse(
      await readFile(`${geoDir}communes-06-alpes-maritimes.geojson`, 'utf8'),
    ) as FeatureCollection;
    const sum = raw.features
      .filter((f) => ROYA.includes((f.properties as { code: string }).code))
      .reduce((s, f) => s + area(f), 0);
    const merged = area(outline.features[0]!);
    assert.ok(Math.abs(merged - sum) / sum < 0.005, `merged ${merged} vs communes ${sum}`);
    // Wound the way d3-geo reads it (exterior clockwise): the served outline is the valley, not
    // the whole globe minus the valley.
    assert.ok(geoArea(outline.features[0]!) < 0.01, 'the outline is wound for d3');
    for (const f of communes.features) assert.ok(geoArea(f) < 0.01, 'each commune is wound for d3');
  });

  it('merges every named territory made of communes, and keeps the Nantes neighbourhood’s own polygon', () => {
    for (const slug of ['entre-deux-mers', 'forbach']) {
      const report = reports.find((r) => r.territory === slug)!;
      assert.equal(report.missing.length, 0, slug);
      assert.equal(report.skipped, undefined, slug);
      assert.equal(report.rings, 1, `${slug} is one piece of land`);
    }
    assert.match(reports.find((r) => r.territory === 'nantes-bellevue')!.skipped ?? '', /own polygon/);
  });

  it('tells live maps that the geometry changed, and serves the new outline in the overview', async () => {
    await stream.until('geometry.updated');
    const overview = await get<Geometry>(server, '/v1/geometry');
    assert.match(overview.body.attribution, /IGN Admin Express/);
  });

  it('computes and compresses each imported geometry once, before anyone asks, and keeps it through the territory’s other events', async () => {
    await stream.until('geometry.updated');
    const key = '/v1/territories/roya/geometry';
    // The import's event makes the server compute the entry itself (geo/warm.ts).
    for (let i = 0; i < 500 && !server.cache.get(key); i += 1) await new Promise((r) => setTimeout(r, 20));
    const warmed = server.cache.get(key);
    assert.ok(warmed?.encoded, 'the geometry is cached, brotli and gzip, without a request');
    const res = await fetch(`${server.url}${key}`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(res.headers.get('content-encoding'), 'br');
    assert.equal(res.headers.get('etag'), warmed.etag.replace(/"$/, '.br"'));
    await res.arrayBuffer();
    const again = await fetch(`${server.url}${key}`, { headers: { 'if-none-match': warmed.etag } });
    assert.equal(again.status, 304);
    // A signup, a phase, a member of the Roya: its outline is unchanged, its entry stays.
    await appendEvent(server.db, { type: 'member.removed', territory: 'roya', memberId: 'mbr_gone' });
    await stream.until('member.removed');
    assert.equal(server.cache.get(key), warmed);
    // A new import replaces it, again before anyone asks.
    await appendEvent(server.db, { type: 'geometry.updated', territory: 'roya' });
    for (let i = 0; i < 500 && server.cache.get(key) === warmed; i += 1)
      await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 500 && !server.cache.get(key); i += 1) await new Promise((r) => setTimeout(r, 20));
    assert.ok(server.cache.get(key) && server.cache.get(key) !== warmed);
  });

  it('refuses files without commune features, naming what it looked for', async () => {
    await assert.rejects(
      importBoundaries(server.db, [fileURLToPath(new URL('../package.json', import.meta.url))]),
      /no commune feature with an INSEE "code" property/,
    );
  });
});
