// Admin routes: tokens, phases, milestones, members, opportunities, exports and erasure, on PGlite and on
// PostgreSQL alike.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type Engagement, type Member, type Opportunity } from '@tec/contract';
import { ENGINES, startTestServer, type TestServer } from '@tec/api/testing';
import { admin, assertProblem, request, signup } from './helpers.js';

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
            endDate: '2027-01-29',
            closingReason: 'Restitution reportée : le portrait se termine avec la première coopération.',
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
          '/territories/forbach/phases/portrait/milestones',
          {
            title: 'Nouveau jalon',
            status: 'a-venir',
            dueDate: '2026-12-15',
            completedDate: null,
          },
        );
        assert.equal(ms.status, 201, ms.text);
        const done = await admin<{ status: string }>(
          server,
          'PATCH',
          `/territories/forbach/phases/portrait/milestones/${ms.body.id}`,
          {
            status: 'atteint',
            completedDate: '2026-11-26',
          },
        );
        assert.equal(done.body.status, 'atteint');
        assert.equal(
          (await admin(server, 'DELETE', `/territories/forbach/phases/portrait/milestones/${ms.body.id}`))
            .status,
          204,
        );
        assertProblem(
          await admin(server, 'DELETE', `/territories/forbach/phases/portrait/milestones/${ms.body.id}`),
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
  });
}
