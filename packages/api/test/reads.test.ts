// Public reads (territories, phases, opportunities, geometry, health, OpenAPI) against the real server, on
// PGlite and on PostgreSQL alike.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Geometry, Health, OpportunityList, PhaseList, TerritoryDetail, TerritoryList } from '@tec/contract';
import { ENGINES, startTestServer, type TestServer } from '@tec/api/testing';
import { admin, assertProblem, get, valid } from './helpers.js';

for (const engine of ENGINES) {
  describe(`API on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({
        engine,
        config: { allowedOrigins: ['https://mairie-tende.example'] },
      });
    });
    after(() => server.close());

    describe('reads', () => {
      it('lists the six territories in the contract’s shape, the unnamed two en-selection', async () => {
        const reply = await get<TerritoryList>(server, '/v1/territories');
        assert.equal(reply.status, 200);
        valid(TerritoryList, reply.body);
        assert.equal(reply.body.items.length, 6);
        assert.deepEqual(
          reply.body.items.filter((t) => t.status === 'en-selection').map((t) => t.slug),
          ['auvergne-rhone-alpes', 'haute-garonne'],
        );
        assert.ok(reply.body.items.every((t) => t.demo));
        const roya = reply.body.items.find((t) => t.slug === 'roya')!;
        assert.equal(roya.currentPhase, 'cooperations');
        assert.equal(reply.headers.get('access-control-allow-origin'), '*');
        assert.equal(reply.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=300');
      });

      it('answers 304 to a matching If-None-Match, and 200 again once the data changed', async () => {
        const first = await get(server, '/v1/territories/roya');
        const etag = first.headers.get('etag');
        // A strong ETag per encoding: fetch asks for gzip, so this is the gzip representation's.
        assert.match(etag ?? '', /^"[A-Za-z0-9_-]+(\.(br|gz))?"$/);
        const again = await get(server, '/v1/territories/roya', { 'if-none-match': etag! });
        assert.equal(again.status, 304);
        assert.equal(again.text, '');
        assert.equal(again.headers.get('etag'), etag);
        const listed = await get(server, '/v1/territories/roya', { 'if-none-match': `"other", W/${etag}` });
        assert.equal(listed.status, 304);
        await admin(server, 'PATCH', '/territories/roya/phases/coalition', { progress: 0.01 });
        const changed = await get(server, '/v1/territories/roya', { 'if-none-match': etag! });
        assert.equal(changed.status, 200);
        assert.notEqual(changed.headers.get('etag'), etag);
      });

      it('returns a territory with its portrait', async () => {
        const reply = await get<{ communes: unknown[]; binome: { kiif: { name: string } } }>(
          server,
          '/v1/territories/roya',
        );
        valid(TerritoryDetail, reply.body);
        assert.equal(reply.body.communes.length, 5);
        assert.equal(reply.body.binome.kiif.name, 'InterMade');
      });

      it('returns the three phases in order with their milestones', async () => {
        const reply = await get<PhaseList>(server, '/v1/territories/entre-deux-mers/phases');
        valid(PhaseList, reply.body);
        assert.deepEqual(
          reply.body.phases.map((p) => p.key),
          ['portrait', 'cooperations', 'coalition'],
        );
        assert.ok(reply.body.phases[0]!.milestones.length >= 3);
      });

      it('returns opportunities, one of them full', async () => {
        const reply = await get<OpportunityList>(server, '/v1/territories/forbach/opportunities');
        valid(OpportunityList, reply.body);
        assert.ok(reply.body.items.length >= 3 && reply.body.items.length <= 6);
        assert.ok(reply.body.items.some((o) => o.placesLeft === 0));
      });

      it('serves geometry as TopoJSON with its attribution and a long cache', async () => {
        const one = await get<{ approximate: boolean; attribution: string }>(
          server,
          '/v1/territories/roya/geometry',
        );
        valid(Geometry, one.body);
        // The committed extract of the official boundaries; the Nantes neighbourhood's own
        // perimeter is drawn by hand, and says so.
        assert.equal(one.body.approximate, false);
        assert.match(one.body.attribution, /IGN Admin Express 2018, Licence Ouverte/);
        const bellevue = await get<{ approximate: boolean; attribution: string }>(
          server,
          '/v1/territories/nantes-bellevue/geometry',
        );
        assert.equal(bellevue.body.approximate, true);
        assert.match(bellevue.body.attribution, /approximatif/);
        assert.match(one.headers.get('cache-control') ?? '', /max-age=86400/);
        const overview = await get<{ topology: { objects: Record<string, { geometries: unknown[] }> } }>(
          server,
          '/v1/geometry',
        );
        valid(Geometry, overview.body);
        assert.equal(overview.body.topology.objects.territories!.geometries.length, 6);
        assert.equal(overview.body.topology.objects.france!.geometries.length, 1);
      });

      it('keeps the overview up when a territory’s outline is stored as one shape, not a collection', async () => {
        // topojson-client's mergeArcs gives one MultiPolygon object; geo:import stores a
        // collection of one. Both are valid TopoJSON: the national overview must read either
        // (it answered 500 for every territory when one outline was a bare shape).
        const [row] = await server.db.query<{ topology: { objects: { outline: { geometries: object[] } } } }>(
          `select topology from geometries where key = 'territory:roya'`,
        );
        const topology = row!.topology;
        const bare = {
          ...topology,
          objects: { ...topology.objects, outline: topology.objects.outline.geometries[0] },
        };
        const store = (value: object) =>
          server.db.query(`update geometries set topology = $1::text::jsonb where key = 'territory:roya'`, [
            JSON.stringify(value),
          ]);
        await store(bare);
        server.cache.clear();
        try {
          const overview = await get<{ topology: { objects: Record<string, { geometries: unknown[] }> } }>(
            server,
            '/v1/geometry',
          );
          assert.equal(overview.status, 200);
          valid(Geometry, overview.body);
          assert.equal(overview.body.topology.objects.territories!.geometries.length, 6);
        } finally {
          await store(topology);
          server.cache.clear();
        }
      });

      it('reports health with the database engine', async () => {
        const reply = await get<{ database: { kind: string } }>(server, '/v1/health');
        valid(Health, reply.body);
        assert.equal(reply.body.database.kind, engine);
      });

      it('serves its OpenAPI document', async () => {
        const reply = await get<{ openapi: string; paths: object }>(server, '/v1/openapi.json');
        assert.equal(reply.body.openapi, '3.1.0');
        assert.ok('/v1/territories/{slug}/members' in reply.body.paths);
      });

      it('refuses a bad slug, an unknown territory and an unknown route with problems', async () => {
        const bad = assertProblem(await get(server, '/v1/territories/Roya!'), 400, 'validation');
        assert.deepEqual(bad.errors?.[0]?.path, 'path.slug');
        assertProblem(await get(server, '/v1/territories/atlantide'), 404, 'not-found');
        assertProblem(await get(server, '/v1/territories/atlantide/members'), 404, 'not-found');
        assertProblem(await get(server, '/v1/nothing-here'), 404, 'not-found');
        const long = assertProblem(await get(server, `/v1/territories/${'a'.repeat(65)}`), 400, 'validation');
        assert.match(long.detail ?? '', /slug/);
      });
    });
  });
}
