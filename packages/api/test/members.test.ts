// The member list: paging, cursors, filters and search, on PGlite and on PostgreSQL alike.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type Member, MemberPage, type MemberPage as MemberPageT } from '@tec/contract';
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
  });
}
