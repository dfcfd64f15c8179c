// The API's routes against the real server, on PGlite and on PostgreSQL alike.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { get as httpGet, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  EngagementReceipt,
  Geometry,
  Health,
  MemberPage,
  OpportunityList,
  PhaseList,
  TerritoryDetail,
  TerritoryList,
  check,
  type Engagement,
  type Member,
  type MemberPage as MemberPageT,
  type Opportunity,
} from '@tec/contract';
import { ENGINES, startTestServer, type TestServer } from '@tec/api/testing';
import { admin, assertProblem, get, openStream, request, signup } from './helpers.js';
import { pickEncoding } from '../src/http/compression.js';

function valid(schema: Parameters<typeof check>[0], body: unknown) {
  const result = check(schema, body);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
}

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
        assert.equal(one.body.approximate, true);
        assert.match(one.body.attribution, /approximatif/);
        assert.match(one.headers.get('cache-control') ?? '', /max-age=86400/);
        const overview = await get<{ topology: { objects: Record<string, { geometries: unknown[] }> } }>(
          server,
          '/v1/geometry',
        );
        valid(Geometry, overview.body);
        assert.equal(overview.body.topology.objects.territories!.geometries.length, 6);
        assert.equal(overview.body.topology.objects.france!.geometries.length, 1);
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

    describe('members', () => {
      it('pages through every member once, in name order', async () => {
        const seen: Member[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const path: string = `/v1/territories/roya/members?limit=7${cursor ? `&cursor=${cursor}` : ''}`;
          const reply: { body: MemberPageT } = await get<MemberPageT>(server, path);
          valid(MemberPage, reply.body);
          seen.push(...reply.body.items);
          cursor = reply.body.nextCursor;
          pages += 1;
        } while (cursor);
        const first = await get<MemberPageT>(server, '/v1/territories/roya/members?limit=1');
        assert.equal(seen.length, first.body.total);
        assert.equal(new Set(seen.map((m) => m.id)).size, seen.length);
        assert.equal(pages, Math.ceil(seen.length / 7));
        const names = seen.map((m) =>
          m.name
            .normalize('NFD')
            .replace(/\p{Diacritic}/gu, '')
            .toLowerCase(),
        );
        assert.deepEqual(names, [...names].sort());
      });

      it('keeps a cursor stable while members are added', async () => {
        const page1 = await get<MemberPageT>(server, '/v1/territories/forbach/members?limit=10');
        // Members added before and after the cursor position while a reader is between pages.
        for (const name of ['AAA Premier ajout', 'Zzz Dernier ajout']) {
          const created = await admin(server, 'POST', '/territories/forbach/members', {
            name,
            kind: 'association',
            joinedAt: '2026-11-26',
            commune: null,
            website: null,
            logo: null,
          });
          assert.equal(created.status, 201, created.text);
        }
        const rest: Member[] = [];
        let cursor = page1.body.nextCursor;
        while (cursor) {
          const reply: { body: MemberPageT } = await get<MemberPageT>(
            server,
            `/v1/territories/forbach/members?limit=10&cursor=${cursor}`,
          );
          rest.push(...reply.body.items);
          cursor = reply.body.nextCursor;
        }
        const ids = [...page1.body.items, ...rest].map((m) => m.id);
        assert.equal(new Set(ids).size, ids.length, 'no member twice');
        assert.ok(
          rest.some((m) => m.name === 'Zzz Dernier ajout'),
          'a member added after the cursor appears',
        );
        assert.ok(!ids.some((id, i) => ids.indexOf(id) !== i));
      });

      it('filters by kind and searches across accents and case, with kind counts', async () => {
        const all = await get<MemberPageT>(server, '/v1/territories/roya/members?limit=100');
        const associations = await get<MemberPageT>(
          server,
          '/v1/territories/roya/members?kind=association&limit=100',
        );
        assert.ok(associations.body.items.length > 0);
        assert.ok(associations.body.items.every((m) => m.kind === 'association'));
        assert.equal(associations.body.total, all.body.kinds.association);
        assert.deepEqual(associations.body.kinds, all.body.kinds, 'counts ignore the kind filter');
        const search = await get<MemberPageT>(
          server,
          `/v1/territories/roya/members?q=${encodeURIComponent('SAORGE')}`,
        );
        assert.ok(search.body.items.length > 0);
        assert.ok(search.body.items.every((m) => /saorge/i.test(`${m.name} ${m.commune?.name} ${m.role}`)));
        const accents = await get<MemberPageT>(server, `/v1/territories/roya/members?q=benevoles`);
        assert.ok(accents.body.items.some((m) => m.name.includes('bénévoles')));
        const none = await get<MemberPageT>(
          server,
          `/v1/territories/roya/members?q=${encodeURIComponent('%_\\')}`,
        );
        assert.equal(none.body.total, 0, 'LIKE wildcards are searched literally');
      });

      it('refuses bad queries with plain-words errors', async () => {
        const kind = assertProblem(
          await get(server, '/v1/territories/roya/members?kind=secte'),
          400,
          'validation',
        );
        assert.equal(kind.errors?.[0]?.path, 'query.kind');
        assertProblem(await get(server, '/v1/territories/roya/members?limit=0'), 400, 'validation');
        assertProblem(await get(server, '/v1/territories/roya/members?limit=abc'), 400, 'validation');
        assertProblem(await get(server, '/v1/territories/roya/members?sort=name'), 400, 'validation');
        assertProblem(
          await get(server, `/v1/territories/roya/members?q=${'x'.repeat(101)}`),
          400,
          'validation',
        );
        const cursor = assertProblem(
          await get(server, '/v1/territories/roya/members?cursor=bm90LWEtY3Vyc29y'),
          400,
          'validation',
        );
        assert.equal(cursor.errors?.[0]?.path, 'query.cursor');
      });
    });

    describe('sign-ups', () => {
      let open: Opportunity;
      before(async () => {
        const list = await get<OpportunityList>(server, '/v1/territories/roya/opportunities');
        open = list.body.items.find((o) => o.placesLeft !== null && o.placesLeft > 0)!;
      });
      const post = (body: unknown, headers: Record<string, string> = {}, slug = 'roya') =>
        request(server, 'POST', `/v1/territories/${slug}/engagements`, { body, headers });
      const exported = async (slug = 'roya') =>
        (await admin<{ items: Engagement[] }>(server, 'GET', `/territories/${slug}/engagements`)).body.items;

      it('takes a place and returns a receipt', async () => {
        const reply = await post(signup(open.id));
        assert.equal(reply.status, 201, reply.text);
        valid(EngagementReceipt, reply.body);
        assert.equal((reply.body as { placesLeft: number }).placesLeft, open.placesLeft! - 1);
        const after = await get<OpportunityList>(server, '/v1/territories/roya/opportunities');
        assert.equal(after.body.items.find((o) => o.id === open.id)!.placesLeft, open.placesLeft! - 1);
      });

      it('returns the same receipt for a replayed Idempotency-Key, storing it once', async () => {
        const before = (await exported()).length;
        const body = signup(open.id, { email: 'replay@example.org' });
        const key = { 'idempotency-key': 'key-replay-0001' };
        const first = await post(body, key);
        const second = await post(body, key);
        assert.equal(first.status, 201);
        assert.equal(second.status, 201);
        assert.deepEqual(second.body, first.body);
        assert.equal(second.headers.get('idempotent-replayed'), 'true');
        assert.equal((await exported()).length, before + 1);
        const other = await post(signup(open.id, { email: 'someone-else@example.org' }), key);
        assertProblem(other, 409, 'idempotency-conflict');
        assert.equal((await exported()).length, before + 1);
        assertProblem(await post(body, { 'idempotency-key': 'short' }), 400, 'validation');
      });

      it('refuses malformed JSON, a wrong content type and an oversized body', async () => {
        const before = (await exported()).length;
        assertProblem(
          await request(server, 'POST', '/v1/territories/roya/engagements', {
            raw: '{"opportunityId": ',
            headers: { 'content-type': 'application/json' },
          }),
          400,
          'validation',
        );
        assertProblem(
          await request(server, 'POST', '/v1/territories/roya/engagements', {
            raw: JSON.stringify(signup(open.id)),
            headers: { 'content-type': 'text/plain' },
          }),
          415,
          'unsupported-media-type',
        );
        assertProblem(
          await request(server, 'POST', '/v1/territories/roya/engagements', {
            raw: JSON.stringify(signup(open.id, { message: 'x'.repeat(17_000) })),
            headers: { 'content-type': 'application/json' },
          }),
          413,
          'payload-too-large',
        );
        assert.equal((await exported()).length, before);
      });

      it('refuses unknown fields, wrong types, and a missing or false consent, naming each field', async () => {
        const cases: [unknown, string][] = [
          [{ ...signup(open.id), lastName: 'Martin' }, 'body'],
          [signup(open.id, { availability: 'week-end' }), 'body.availability'],
          [signup(open.id, { firstName: 42 }), 'body.firstName'],
          [signup(open.id, { consent: false }), 'body.consent'],
          [signup(open.id, { consent: 'true' }), 'body.consent'],
          [signup(open.id, { email: 'pas-un-email' }), 'body.email'],
          [signup(open.id, { firstName: 'x'.repeat(81) }), 'body.firstName'],
          [[], 'body'],
          [null, 'body'],
        ];
        for (const [body, path] of cases) {
          const problem = assertProblem(await post(body), 400, 'validation');
          assert.ok(
            problem.errors?.some((e) => e.path === path),
            `${JSON.stringify(body).slice(0, 60)} → ${JSON.stringify(problem.errors)}`,
          );
        }
        const { consent: _c, ...noConsent } = signup(open.id);
        const missing = assertProblem(await post(noConsent), 400, 'validation');
        assert.deepEqual(missing.errors, [
          { path: 'body.consent', message: 'must be true: the person must tick the consent box' },
        ]);
      });

      it('stores script and HTML as plain text and returns it as JSON strings', async () => {
        const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
        const reply = await post(
          signup(open.id, {
            // Its own address: the same one again would be « already registered » (200).
            email: 'hostile@example.org',
            firstName: hostile.slice(0, 80),
            message: `${hostile} "'; drop table engagements;--`,
          }),
        );
        assert.equal(reply.status, 201, reply.text);
        const stored = (await exported()).find((e) => e.firstName === hostile.slice(0, 80));
        assert.ok(stored);
        assert.equal(stored.message, `${hostile} "'; drop table engagements;--`);
      });

      it('answers a filled honeypot like a success but stores nothing', async () => {
        const before = await exported();
        const reply = await post(
          signup(open.id, { website: 'https://spam.example', email: 'bot@example.org' }),
        );
        assert.equal(reply.status, 201);
        const after = await exported();
        assert.equal(after.length, before.length);
        assert.ok(!after.some((e) => e.email === 'bot@example.org'));
      });

      it('refuses an unknown territory or opportunity, and a full opportunity', async () => {
        assertProblem(await post(signup(open.id), {}, 'atlantide'), 404, 'not-found');
        assertProblem(await post(signup('opp_does_not_exist')), 404, 'not-found');
        const full = (
          await get<OpportunityList>(server, '/v1/territories/roya/opportunities')
        ).body.items.find((o) => o.placesLeft === 0)!;
        assertProblem(await post(signup(full.id)), 409, 'opportunity-full');
      });

      it('gives 100 concurrent sign-ups for the last 10 places exactly 10 receipts', async () => {
        const created = await admin<Opportunity>(
          server,
          'POST',
          '/territories/nantes-bellevue/opportunities',
          {
            kind: 'atelier-cooperation',
            title: 'Atelier très demandé',
            startsAt: '2027-02-01T10:00:00+01:00',
            endsAt: null,
            place: null,
            capacity: 10,
          },
        );
        assert.equal(created.status, 201, created.text);
        const replies = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            post(signup(created.body.id, { email: `rush${i}@example.org` }), {}, 'nantes-bellevue'),
          ),
        );
        const statuses = replies.map((r) => r.status);
        assert.equal(statuses.filter((s) => s === 201).length, 10, JSON.stringify(statuses));
        assert.equal(statuses.filter((s) => s === 409).length, 90);
        const left = (
          await get<OpportunityList>(server, '/v1/territories/nantes-bellevue/opportunities')
        ).body.items.find((o) => o.id === created.body.id);
        assert.equal(left?.placesLeft, 0);
        const stored = (await exported('nantes-bellevue')).filter((e) => e.opportunityId === created.body.id);
        assert.equal(stored.length, 10);
      });

      it('takes sign-ups from a page of any origin, and records that origin for the team', async () => {
        const page = 'https://nouveau-partenaire.example';
        const preflight = await request(server, 'OPTIONS', '/v1/territories/roya/engagements', {
          headers: {
            origin: page,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type, idempotency-key',
          },
        });
        assert.equal(preflight.status, 204);
        assert.equal(preflight.headers.get('access-control-allow-origin'), page);
        assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
        assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
        assert.match(preflight.headers.get('vary') ?? '', /Origin/);
        assert.equal(preflight.headers.get('access-control-allow-credentials'), null);

        const reply = await post(signup(open.id, { email: 'partenaire@example.org' }), {
          origin: page,
          'idempotency-key': 'key-new-origin-01',
        });
        assert.equal(reply.status, 201, reply.text);
        assert.equal(reply.headers.get('access-control-allow-origin'), page);
        assert.match(reply.headers.get('vary') ?? '', /Origin/);
        assert.match(reply.headers.get('access-control-expose-headers') ?? '', /Idempotent-Replayed/);
        // A server-to-server sign-up has no page: its origin is null. A path is never kept.
        assert.equal((await post(signup(open.id, { email: 'backend@example.org' }))).status, 201);
        const odd = await post(signup(open.id, { email: 'sandbox@example.org' }), { origin: 'null' });
        assert.equal(odd.status, 201);
        assert.equal(odd.headers.get('access-control-allow-origin'), '*');

        const items = await exported();
        const by = (email: string) => items.find((e) => e.email === email);
        assert.equal(by('partenaire@example.org')?.origin, page);
        assert.equal(by('backend@example.org')?.origin, null);
        assert.equal(by('sandbox@example.org')?.origin, null);
        const csv = await request(server, 'GET', '/v1/admin/territories/roya/engagements?format=csv', {
          token: server.adminToken,
        });
        assert.match(csv.text.split('\r\n')[0]!, /,"?origin"?$/);
        assert.ok(csv.text.includes(`"${page}"`));
      });

      it('answers reads from any page with *, and keeps admin routes to the listed origins', async () => {
        const page = 'https://nouveau-partenaire.example';
        const read = await get(server, '/v1/territories/roya/phases', { origin: page });
        assert.equal(read.headers.get('access-control-allow-origin'), '*');
        const readPreflight = await request(server, 'OPTIONS', '/v1/territories/roya/members', {
          headers: { origin: page, 'access-control-request-method': 'GET' },
        });
        assert.equal(readPreflight.status, 204);
        assert.equal(readPreflight.headers.get('access-control-allow-origin'), '*');

        const path = '/v1/admin/territories/roya/engagements';
        const listed = await request(server, 'OPTIONS', path, {
          headers: { origin: 'https://mairie-tende.example', 'access-control-request-method': 'GET' },
        });
        assert.equal(listed.status, 204);
        assert.equal(listed.headers.get('access-control-allow-origin'), 'https://mairie-tende.example');
        const refused = await request(server, 'OPTIONS', path, {
          headers: { origin: page, 'access-control-request-method': 'GET' },
        });
        assert.equal(refused.status, 403);
        assert.equal(refused.headers.get('access-control-allow-origin'), null);
        const call = await request(server, 'GET', path, {
          token: server.adminToken,
          headers: { origin: page },
        });
        assertProblem(call, 403, 'origin-not-allowed');
        assert.equal(call.headers.get('access-control-allow-origin'), null);
      });
    });

    describe('admin', () => {
      it('refuses a missing, malformed, wrong or out-of-scope token', async () => {
        const path = '/v1/admin/territories/roya/phases/portrait';
        assertProblem(await request(server, 'PATCH', path, { body: { progress: 1 } }), 401, 'unauthorized');
        assertProblem(
          await request(server, 'PATCH', path, { body: { progress: 1 }, token: 'x' }),
          401,
          'unauthorized',
        );
        assertProblem(
          await request(server, 'PATCH', path, {
            body: { progress: 1 },
            token: 'tec_abcdefgh_wrongwrongwrongwrongwrong',
          }),
          401,
          'unauthorized',
        );
        const { createToken } = await import('@tec/api');
        const forbach = await createToken(server.db, 'Forbach only', 'forbach');
        assertProblem(
          await request(server, 'PATCH', path, { body: { progress: 1 }, token: forbach }),
          403,
          'forbidden',
        );
        const own = await request(server, 'PATCH', '/v1/admin/territories/forbach/phases/portrait', {
          body: { progress: 0.9 },
          token: forbach,
        });
        assert.equal(own.status, 200, own.text);
        const { revokeToken } = await import('@tec/api');
        await revokeToken(server.db, forbach.split('_')[1]!);
        assertProblem(
          await request(server, 'PATCH', '/v1/admin/territories/forbach/phases/portrait', {
            body: { progress: 0.9 },
            token: forbach,
          }),
          401,
          'unauthorized',
        );
      });

      it('updates phases and milestones, validating every field', async () => {
        const reply = await admin<{ status: string; progress: number }>(
          server,
          'PATCH',
          '/territories/forbach/phases/portrait',
          {
            status: 'terminee',
            progress: 1,
            endDate: '2026-11-26',
          },
        );
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.status, 'terminee');
        assertProblem(
          await admin(server, 'PATCH', '/territories/forbach/phases/portrait', { progress: 2 }),
          400,
          'validation',
        );
        assertProblem(
          await admin(server, 'PATCH', '/territories/forbach/phases/phase-4', { progress: 1 }),
          400,
          'validation',
        );
        assertProblem(
          await admin(server, 'PATCH', '/territories/forbach/phases/portrait', { hacked: true }),
          400,
          'validation',
        );
        const ms = await admin<{ id: string }>(
          server,
          'POST',
          '/territories/forbach/phases/cooperations/milestones',
          {
            title: 'Nouveau jalon',
            status: 'a-venir',
            dueDate: '2027-03-01',
            completedDate: null,
          },
        );
        assert.equal(ms.status, 201, ms.text);
        const done = await admin<{ status: string }>(
          server,
          'PATCH',
          `/territories/forbach/phases/cooperations/milestones/${ms.body.id}`,
          {
            status: 'atteint',
            completedDate: '2026-11-26',
          },
        );
        assert.equal(done.body.status, 'atteint');
        assert.equal(
          (await admin(server, 'DELETE', `/territories/forbach/phases/cooperations/milestones/${ms.body.id}`))
            .status,
          204,
        );
        assertProblem(
          await admin(server, 'DELETE', `/territories/forbach/phases/cooperations/milestones/${ms.body.id}`),
          404,
          'not-found',
        );
      });

      it('adds, edits and removes members and opportunities; refuses unsafe URLs', async () => {
        assertProblem(
          await admin(server, 'POST', '/territories/roya/members', {
            name: 'X',
            kind: 'association',
            joinedAt: '2026-11-26',
            commune: null,
            website: 'javascript:alert(1)',
            logo: null,
          }),
          400,
          'validation',
        );
        const created = await admin<Member>(server, 'POST', '/territories/roya/members', {
          name: 'Association test <b>gras</b>',
          kind: 'ess',
          joinedAt: '2026-11-26',
          commune: { insee: '06163', name: 'Tende' },
          website: 'https://example.org/test',
          logo: null,
        });
        assert.equal(created.status, 201);
        assert.equal(created.body.name, 'Association test <b>gras</b>');
        const edited = await admin<Member>(server, 'PATCH', `/territories/roya/members/${created.body.id}`, {
          role: 'Nouveau rôle',
        });
        assert.equal(edited.body.role, 'Nouveau rôle');
        assert.equal(edited.body.kind, 'ess');
        assert.equal(
          (await admin(server, 'DELETE', `/territories/roya/members/${created.body.id}`)).status,
          204,
        );
        assertProblem(
          await admin(server, 'PATCH', `/territories/roya/members/${created.body.id}`, { role: 'x' }),
          404,
          'not-found',
        );

        const opp = await admin<Opportunity>(server, 'POST', '/territories/roya/opportunities', {
          kind: 'evenement',
          title: 'Fête de la vallée',
          startsAt: '2027-06-21T18:00:00+02:00',
          endsAt: null,
          place: { name: 'Place du village' },
          capacity: 5,
        });
        assert.equal(opp.body.placesLeft, 5);
        await request(server, 'POST', '/v1/territories/roya/engagements', {
          body: signup(opp.body.id, { email: 'f@example.org' }),
        });
        const bigger = await admin<Opportunity>(
          server,
          'PATCH',
          `/territories/roya/opportunities/${opp.body.id}`,
          { capacity: 8 },
        );
        assert.equal(bigger.body.placesLeft, 7, 'places already taken stay taken');
        const smaller = await admin<Opportunity>(
          server,
          'PATCH',
          `/territories/roya/opportunities/${opp.body.id}`,
          { capacity: 1 },
        );
        assert.equal(smaller.body.placesLeft, 0, 'never below zero');
        assert.equal(
          (await admin(server, 'DELETE', `/territories/roya/opportunities/${opp.body.id}`)).status,
          204,
        );
      });

      it('exports sign-ups as JSON and as spreadsheet-safe CSV', async () => {
        await request(server, 'POST', '/v1/territories/entre-deux-mers/engagements', {
          body: signup('opp_entre-deux-mers_3', {
            firstName: '=HYPERLINK("http://evil")',
            email: 'csv@example.org',
          }),
        });
        const json = await admin<{ items: Engagement[] }>(
          server,
          'GET',
          '/territories/entre-deux-mers/engagements',
        );
        assert.equal(json.status, 200);
        assert.ok(json.body.items.some((e) => e.email === 'csv@example.org'));
        assert.equal(json.headers.get('cache-control'), 'no-store');
        const csv = await admin(server, 'GET', '/territories/entre-deux-mers/engagements?format=csv');
        assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
        assert.match(csv.text, /^id,createdAt,opportunityId,firstName,email/);
        assert.ok(csv.text.includes(`"'=HYPERLINK(""http://evil"")"`), csv.text);
      });

      it('erases one person’s sign-ups, within the token’s scope', async () => {
        for (const slug of ['roya', 'forbach']) {
          const reply = await request(server, 'POST', `/v1/territories/${slug}/engagements`, {
            body: signup(`opp_${slug}_1`, { email: 'Effacer.Moi@example.org' }),
          });
          assert.equal(reply.status, 201, reply.text);
        }
        const { createToken } = await import('@tec/api');
        const royaOnly = await createToken(server.db, 'Roya only', 'roya');
        const scoped = await request<{ deleted: number }>(server, 'POST', '/v1/admin/erasure', {
          body: { email: 'effacer.moi@example.org' },
          token: royaOnly,
        });
        assert.deepEqual(scoped.body, { deleted: 1 });
        const all = await admin<{ deleted: number }>(server, 'POST', '/erasure', {
          email: 'EFFACER.MOI@example.org',
        });
        assert.deepEqual(all.body, { deleted: 1 });
        assertProblem(await admin(server, 'POST', '/erasure', { email: 'not-an-email' }), 400, 'validation');
      });

      it('purges sign-ups older than the retention period', async () => {
        await server.db.query(
          `insert into engagements (id, territory, opportunity_id, first_name, email, availability, lang, created_at, request_hash)
           values ('eng_old', 'roya', 'opp_roya_1', 'Ancien', 'old@example.org', '["week-end"]', 'fr', now() - interval '800 days', 'x')`,
        );
        const reply = await admin<{ deleted: number; before: string }>(server, 'POST', '/purge');
        assert.equal(reply.status, 200);
        assert.ok(reply.body.deleted >= 1);
        assert.ok(
          !(
            await admin<{ items: Engagement[] }>(server, 'GET', '/territories/roya/engagements')
          ).body.items.some((e) => e.id === 'eng_old'),
        );
      });
    });

    describe('live events', () => {
      it('streams an admin change to subscribers of its territory only', async () => {
        const roya = openStream(`${server.url}/v1/events?territory=roya`);
        const nantes = openStream(`${server.url}/v1/events?territory=nantes-bellevue`);
        await roya.until('ready');
        await nantes.until('ready');
        const created = await admin<Member>(server, 'POST', '/territories/roya/members', {
          name: 'Membre en direct',
          kind: 'citoyen',
          joinedAt: '2026-11-26',
          commune: null,
          website: null,
          logo: null,
        });
        const [event] = await roya.until('member.added');
        const payload = JSON.parse(event!.data) as { member: Member; territory: string; id: string };
        assert.equal(payload.member.id, created.body.id);
        assert.equal(payload.id, event!.id);
        await new Promise((r) => setTimeout(r, 200));
        assert.equal(nantes.named('member.added').length, 0);
        roya.close();
        nantes.close();
      });

      it('resumes with Last-Event-ID: a client that was away receives what it missed, once', async () => {
        const first = openStream(`${server.url}/v1/events?territory=forbach`);
        await first.until('ready');
        await admin(server, 'PATCH', '/territories/forbach/phases/cooperations', { progress: 0.1 });
        const [seen] = await first.until('phase.updated');
        first.close();
        // While away: two changes.
        await admin(server, 'PATCH', '/territories/forbach/phases/cooperations', { progress: 0.2 });
        await admin(server, 'PATCH', '/territories/forbach/phases/cooperations', { progress: 0.3 });
        const resumed = openStream(`${server.url}/v1/events?territory=forbach`, {
          'last-event-id': seen!.id!,
        });
        const missed = await resumed.until('phase.updated', 2);
        const progress = missed.map(
          (e) => (JSON.parse(e.data) as { phase: { progress: number } }).phase.progress,
        );
        assert.deepEqual(progress, [0.2, 0.3]);
        await admin(server, 'PATCH', '/territories/forbach/phases/cooperations', { progress: 0.4 });
        const all = await resumed.until('phase.updated', 3);
        const ids = resumed.events.filter((e) => e.id).map((e) => BigInt(e.id!));
        assert.deepEqual(
          ids,
          [...ids].sort((a, b) => (a < b ? -1 : 1)),
          'ids increase',
        );
        assert.equal(new Set(ids).size, ids.length, 'no event twice');
        assert.equal(all.length, 3);
        resumed.close();
      });

      it('delivers every event once and in id order, past id 9 (ids compare as numbers, not text)', async () => {
        // A fresh database, so that event ids cross from 9 to 10 inside one transaction's pair.
        const fresh = await startTestServer({ engine });
        after(() => fresh.close());
        const stream = openStream(`${fresh.url}/v1/events?territory=haute-garonne`);
        await stream.until('ready');
        for (let n = 1; n <= 12; n += 1) {
          await admin(fresh, 'PATCH', '/territories/haute-garonne/phases/portrait', { progress: n / 100 });
        }
        const events = await stream.until('phase.updated', 12);
        const progress = events.map(
          (e) => (JSON.parse(e.data) as { phase: { progress: number } }).phase.progress,
        );
        assert.deepEqual(
          progress,
          Array.from({ length: 12 }, (_, i) => (i + 1) / 100),
        );
        const ids = stream.events.filter((e) => e.id).map((e) => Number(e.id));
        assert.ok(ids.length >= 24 && ids.every((id, i) => i === 0 || id > ids[i - 1]!), JSON.stringify(ids));
        stream.close();
      });

      it('announces places left after each sign-up', async () => {
        const stream = openStream(`${server.url}/v1/events?territory=entre-deux-mers`);
        await stream.until('ready');
        const reply = await request<{ placesLeft: number }>(
          server,
          'POST',
          '/v1/territories/entre-deux-mers/engagements',
          {
            body: signup('opp_entre-deux-mers_2', { email: 'live@example.org' }),
          },
        );
        const [event] = await stream.until('places.changed');
        assert.equal((JSON.parse(event!.data) as { placesLeft: number }).placesLeft, reply.body.placesLeft);
        stream.close();
      });

      it('refuses a malformed territory filter', async () => {
        assertProblem(await get(server, '/v1/events?territory=Roya,,x'), 400, 'validation');
      });
    });
  });
}

describe('limits', () => {
  it('rate-limits reads per client, cached or not, each request counted once', async () => {
    const server = await startTestServer({ config: { readRatePerMinute: 3 } });
    try {
      const replies = [];
      // The first read is computed by the route, the next ones answered from the cache.
      for (let i = 0; i < 5; i += 1) replies.push(await get(server, '/v1/territories'));
      assert.deepEqual(
        replies.map((r) => r.status),
        [200, 200, 200, 429, 429],
      );
      const problem = assertProblem(replies[3]!, 429, 'rate-limited');
      assert.ok(Number(replies[3]!.headers.get('retry-after')) > 0);
      assert.equal(problem.instance, '/v1/territories');
      assert.equal(replies[3]!.headers.get('access-control-allow-origin'), '*');
    } finally {
      await server.close();
    }
  });

  it('rate-limits sign-ups per client with Retry-After', async () => {
    const server = await startTestServer({ config: { signupRatePerMinute: 3 } });
    try {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 5; i += 1) {
        last = await request(server, 'POST', '/v1/territories/roya/engagements', {
          body: signup('opp_roya_1', { email: `rate${i}@example.org` }),
        });
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      const problem = assertProblem(last!, 429, 'rate-limited');
      assert.ok(Number(last!.headers.get('retry-after')) > 0);
      assert.ok((problem.retryAfter ?? 0) > 0);
    } finally {
      await server.close();
    }
  });
});

describe('sign-ups restricted by the operator (TEC_SIGNUP_ORIGINS=allowed)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      config: { allowedOrigins: ['https://mairie-tende.example'], signupOrigins: 'allowed' },
    });
  });
  after(() => server.close());
  const post = (email: string, headers: Record<string, string> = {}) =>
    request(server, 'POST', '/v1/territories/roya/engagements', {
      body: signup('opp_roya_1', { email }),
      headers,
    });

  it('refuses another site with a 403 the page can read, and stores nothing', async () => {
    const page = 'https://autre-site.example';
    // The preflight passes, so that the browser sends the request and the page reads why.
    const preflight = await request(server, 'OPTIONS', '/v1/territories/roya/engagements', {
      headers: { origin: page, 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), page);
    const refused = await post('refused@example.org', { origin: page });
    const problem = assertProblem(refused, 403, 'origin-not-allowed');
    assert.match(problem.detail ?? '', /TEC_ALLOWED_ORIGINS/);
    assert.equal(refused.headers.get('access-control-allow-origin'), page);
    assert.match(refused.headers.get('vary') ?? '', /Origin/);
    assert.equal(refused.headers.get('cache-control'), 'no-store');

    assert.equal((await post('listed@example.org', { origin: 'https://mairie-tende.example' })).status, 201);
    assert.equal((await post('server@example.org')).status, 201);
    const own = await post('own@example.org', { origin: new URL(server.url).origin });
    assert.equal(own.status, 201);
    const stored = (
      await admin<{ items: Engagement[] }>(server, 'GET', '/territories/roya/engagements')
    ).body.items.map((e) => e.email);
    assert.ok(!stored.includes('refused@example.org'));
    assert.ok(stored.includes('listed@example.org') && stored.includes('server@example.org'));
  });

  it('still answers reads from any page', async () => {
    const read = await get(server, '/v1/territories', { origin: 'https://autre-site.example' });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('access-control-allow-origin'), '*');
  });
});

describe('compression', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  /** A GET with the raw bytes of the answer: fetch would decompress them out of sight. */
  function raw(path: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      httpGet(`${server.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      }).on('error', reject);
    });
  }

  it('picks brotli, else gzip, as Accept-Encoding asks, q=0 included', () => {
    assert.equal(pickEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(pickEncoding('gzip, deflate'), 'gzip');
    assert.equal(pickEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(pickEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
    assert.equal(pickEncoding('*'), 'br');
    assert.equal(pickEncoding('*;q=0, identity'), undefined);
    assert.equal(pickEncoding('identity'), undefined);
    assert.equal(pickEncoding(undefined), undefined);
  });

  it('sends cached reads compressed once: the same bytes from the route and from the fast path', async () => {
    const path = '/v1/territories/roya/members?limit=50';
    const first = await raw(path, { 'accept-encoding': 'gzip, deflate, br' });
    const second = await raw(path, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(first.status, 200);
    assert.equal(first.headers['content-encoding'], 'br');
    assert.match(String(first.headers.vary), /Accept-Encoding/);
    const json = brotliDecompressSync(first.body).toString();
    valid(MemberPage, JSON.parse(json));
    assert.ok(first.body.length < Buffer.byteLength(json) / 2, `${first.body.length} of ${json.length}`);
    // The second is the cache's (fast path): byte for byte what the route sent.
    assert.deepEqual(second.body, first.body);
    for (const h of ['etag', 'content-encoding', 'vary', 'cache-control', 'access-control-allow-origin'])
      assert.equal(second.headers[h], first.headers[h], h);

    const gz = await raw(path, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), json);
    const plain = await raw(path);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), json);
    assert.match(String(plain.headers.vary), /Accept-Encoding/);
    // One content, three representations: three strong validators, each good for a 304.
    const tags = new Set([first.headers.etag, gz.headers.etag, plain.headers.etag]);
    assert.equal(tags.size, 3);
    for (const tag of tags) {
      const again = await raw(path, { 'accept-encoding': 'br', 'if-none-match': String(tag) });
      assert.equal(again.status, 304);
      assert.equal(again.headers['content-encoding'], undefined);
      assert.equal(again.body.length, 0);
    }
  });

  it('compresses other JSON answers as they leave, but not small ones', async () => {
    const doc = await raw('/v1/openapi.json', { 'accept-encoding': 'br' });
    assert.equal(doc.status, 200);
    assert.equal(doc.headers['cache-control'], 'no-store');
    assert.equal(doc.headers['content-encoding'], 'br');
    assert.equal(Number(doc.headers['content-length'] ?? doc.body.length), doc.body.length);
    assert.match(String(doc.headers.vary), /Accept-Encoding/);
    const text = brotliDecompressSync(doc.body).toString();
    assert.equal((JSON.parse(text) as { openapi: string }).openapi, '3.1.0');
    assert.ok(doc.body.length < text.length / 4, `${doc.body.length} of ${text.length}`);
    const problem = await raw('/v1/territories/nowhere', { 'accept-encoding': 'br' });
    assert.equal(problem.status, 404);
    assert.equal(problem.headers['content-encoding'], undefined);
    assert.match(problem.body.toString(), /not-found/);
  });

  it('never compresses an event stream: the first event arrives at once', async () => {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      httpGet(
        `${server.url}/v1/events?territory=roya`,
        { headers: { 'accept-encoding': 'br, gzip' } },
        resolve,
      ).on('error', reject);
    });
    try {
      assert.equal(res.headers['content-type']?.startsWith('text/event-stream'), true);
      assert.equal(res.headers['content-encoding'], undefined);
      const [chunk] = (await once(res, 'data')) as [Buffer];
      assert.match(chunk.toString(), /event: ready/);
    } finally {
      res.destroy();
    }
  });
});
