// The cooperations (GET /v1/territories/{slug}/cooperations and the admin routes) against the
// real server, on PGlite and on PostgreSQL alike: the Roya's seeded ones, the commune filter and
// its facet, live events (a member's change included), and hostile input refused with nothing
// written and nothing pushed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CooperationList,
  type Cooperation,
  type CooperationList as CooperationListT,
  type Member,
  type MemberPage,
} from '@tec/contract';
import { ENGINES, startTestServer, type TestServer } from '@tec/api/testing';
import { admin, assertNoEvent, assertProblem, get, openStream, valid } from './helpers.js';

for (const engine of ENGINES) {
  describe(`cooperations on ${engine}`, () => {
    let server: TestServer;
    let members: Member[];
    before(async () => {
      server = await startTestServer({ engine });
      members = (await get<MemberPage>(server, '/v1/territories/roya/members?limit=100')).body.items;
    });
    after(() => server.close());
    const list = (slug: string, query = '') =>
      get<CooperationListT>(server, `/v1/territories/${slug}/cooperations${query}`);
    const input = (overrides: Record<string, unknown> = {}) => ({
      title: 'Jardins partagés en terrasses',
      summary: 'Remettre en culture des terrasses abandonnées avec les habitants.',
      status: 'en-preparation',
      startedAt: null,
      actorIds: [members[0]!.id, members[1]!.id],
      communes: ['06132'],
      needs: ['Cultiver ensemble'],
      ...overrides,
    });

    it('lists the Roya’s cooperations: real members as actors, its own communes, a facet per commune', async () => {
      const reply = await list('roya');
      assert.equal(reply.status, 200, reply.text);
      valid(CooperationList, reply.body);
      const { items, communes } = reply.body;
      assert.ok(items.length >= 2 && items.length <= 3, `${items.length} cooperations`);
      assert.ok(items.every((c) => ['en-preparation', 'en-cours'].includes(c.status)));
      assert.ok(items.every((c) => c.demo));
      const memberIds = new Set(members.map((m) => m.id));
      for (const c of items) {
        assert.ok(c.actors.length > 0, c.title);
        assert.ok(
          c.actors.every((a) => memberIds.has(a.id)),
          `${c.title}: actors are Roya members`,
        );
        assert.ok(
          c.communes.every((k) => k.insee.startsWith('06')),
          c.title,
        );
      }
      for (const facet of communes) {
        assert.equal(
          facet.count,
          items.filter((c) => c.communes.some((k) => k.insee === facet.insee)).length,
        );
      }
      assert.equal(reply.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=300');
    });

    it('filters by commune, the facet still counting them all', async () => {
      const all = await list('roya');
      const breil = await list('roya', '?commune=06023');
      valid(CooperationList, breil.body);
      assert.ok(breil.body.items.length > 0);
      assert.ok(breil.body.items.length < all.body.items.length);
      assert.ok(breil.body.items.every((c) => c.communes.some((k) => k.insee === '06023')));
      assert.deepEqual(breil.body.communes, all.body.communes);
      assert.deepEqual((await list('roya', '?commune=33140')).body.items, []);
      assertProblem(await list('roya', '?commune=breil'), 400, 'validation');
    });

    it('has none where phase 2 has not begun, and 404 for an unknown territory', async () => {
      for (const slug of [
        'entre-deux-mers',
        'forbach',
        'nantes-bellevue',
        'auvergne-rhone-alpes',
        'haute-garonne',
      ]) {
        const reply = await list(slug);
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body.items, [], slug);
        assert.deepEqual(reply.body.communes, [], slug);
      }
      assertProblem(await list('atlantide'), 404, 'not-found');
    });

    it('adds, edits and removes a cooperation, each change a live event', async () => {
      const stream = openStream(`${server.url}/v1/events?territory=roya`);
      await stream.until('ready');
      const created = await admin<Cooperation>(server, 'POST', '/territories/roya/cooperations', input());
      assert.equal(created.status, 201, created.text);
      assert.deepEqual(
        created.body.actors.map((a) => a.id),
        [members[0]!.id, members[1]!.id],
      );
      assert.deepEqual(created.body.communes, [{ insee: '06132', name: 'Saorge' }]);
      assert.equal(created.body.demo, false);
      const [added] = await stream.until('cooperation.added');
      assert.deepEqual((JSON.parse(added!.data) as { cooperation: Cooperation }).cooperation, created.body);

      const path = `/territories/roya/cooperations/${created.body.id}`;
      const edited = await admin<Cooperation>(server, 'PATCH', path, {
        status: 'en-cours',
        startedAt: '2026-11-26',
        actorIds: [members[2]!.id],
      });
      assert.equal(edited.status, 200, edited.text);
      assert.equal(edited.body.status, 'en-cours');
      assert.deepEqual(
        edited.body.actors.map((a) => a.id),
        [members[2]!.id],
      );
      assert.equal(edited.body.title, created.body.title, 'fields not sent are kept');
      await stream.until('cooperation.updated');
      assert.ok(
        (await list('roya')).body.items.some((c) => c.id === created.body.id && c.status === 'en-cours'),
      );

      assert.equal((await admin(server, 'DELETE', path)).status, 204);
      const [removed] = await stream.until('cooperation.removed');
      assert.equal((JSON.parse(removed!.data) as { cooperationId: string }).cooperationId, created.body.id);
      assertProblem(await admin(server, 'DELETE', path), 404, 'not-found');
      assertProblem(await admin(server, 'PATCH', path, { status: 'en-cours' }), 404, 'not-found');
      stream.close();
    });

    it('tells the cooperations of a member renamed or removed', async () => {
      const member = await admin<Member>(server, 'POST', '/territories/roya/members', {
        name: 'Atelier vélo de la vallée',
        kind: 'association',
        joinedAt: '2026-11-26',
        commune: { insee: '06023', name: 'Breil-sur-Roya' },
        website: null,
        logo: null,
      });
      const coop = await admin<Cooperation>(
        server,
        'POST',
        '/territories/roya/cooperations',
        input({ actorIds: [member.body.id, members[0]!.id] }),
      );
      const stream = openStream(`${server.url}/v1/events?territory=roya`);
      await stream.until('ready');
      await admin(server, 'PATCH', `/territories/roya/members/${member.body.id}`, {
        name: 'Vélo-école de la vallée',
      });
      const [renamed] = await stream.until('cooperation.updated');
      const after1 = (JSON.parse(renamed!.data) as { cooperation: Cooperation }).cooperation;
      assert.equal(after1.actors.find((a) => a.id === member.body.id)?.name, 'Vélo-école de la vallée');
      await admin(server, 'DELETE', `/territories/roya/members/${member.body.id}`);
      const events = await stream.until('cooperation.updated', 2);
      const after2 = (JSON.parse(events[1]!.data) as { cooperation: Cooperation }).cooperation;
      assert.deepEqual(
        after2.actors.map((a) => a.id),
        [members[0]!.id],
      );
      stream.close();
      await admin(server, 'DELETE', `/territories/roya/cooperations/${coop.body.id}`);
    });

    it('refuses hostile and malformed input with a clear problem, writing nothing and pushing nothing', async () => {
      const before = (await list('roya')).text;
      const forbachMember = (await get<MemberPage>(server, '/v1/territories/forbach/members?limit=1')).body
        .items[0]!;
      await assertNoEvent(server, 'roya', async () => {
        const cases: [unknown, string][] = [
          [input({ actorIds: ['mbr_does_not_exist'] }), 'body.actorIds.0'],
          [input({ actorIds: [members[0]!.id, forbachMember.id] }), 'body.actorIds.1'],
          [input({ communes: ['06163', '57660'] }), 'body.communes.1'],
          [input({ communes: ['Tende'] }), 'body.communes'],
          [input({ actorIds: 'mbr_roya_001' }), 'body.actorIds'],
          [input({ status: 'terminee' }), 'body.status'],
          [input({ startedAt: '26/11/2026' }), 'body.startedAt'],
          [input({ title: 42 }), 'body.title'],
          [input({ needs: Array.from({ length: 200 }, (_, i) => `besoin ${i}`) }), 'body.needs'],
          [input({ actorIds: Array.from({ length: 300 }, (_, i) => `mbr_${i}`) }), 'body.actorIds'],
          [{ ...input(), owner: 'moi' }, 'body'],
          [null, 'body'],
        ];
        for (const [body, path] of cases) {
          const reply = await admin(server, 'POST', '/territories/roya/cooperations', body);
          const problem = assertProblem(reply, 400, 'validation');
          assert.ok(
            problem.errors?.some((e) => e.path.startsWith(path)),
            `${JSON.stringify(body).slice(0, 80)} → ${JSON.stringify(problem.errors)}`,
          );
        }
        const huge = await admin(
          server,
          'POST',
          '/territories/roya/cooperations',
          input({ needs: ['x'.repeat(20_000)] }),
        );
        assertProblem(huge, 413, 'payload-too-large');
        const [first] = JSON.parse(before).items as Cooperation[];
        const patch = await admin(server, 'PATCH', `/territories/roya/cooperations/${first!.id}`, {
          communes: ['33140'],
        });
        assert.equal(assertProblem(patch, 400, 'validation').errors?.[0]?.path, 'body.communes.0');
        const patchActors = await admin(server, 'PATCH', `/territories/roya/cooperations/${first!.id}`, {
          title: 'Changé',
          actorIds: ['mbr_nobody'],
        });
        assertProblem(patchActors, 400, 'validation');
        assertProblem(
          await admin(server, 'POST', '/territories/atlantide/cooperations', input()),
          404,
          'not-found',
        );
      });
      assert.equal((await list('roya')).text, before, 'nothing written');
    });
  });
}
