// The audit log (audit.ts) and the console's sign-in route, on PGlite and on PostgreSQL: every
// admin change is recorded with its token's name, in the change's transaction; hostile text is
// kept as data; a token sees only its territories' log; an erasure never keeps the address.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AdminSession, AuditList, check, type AuditEntry, type Member } from '@tec/contract';
import { ENGINES, startTestServer, type TestServer } from '@tec/api/testing';
import { createToken } from '@tec/api';
import { admin, assertProblem, request, signup } from './helpers.js';

function valid(schema: Parameters<typeof check>[0], body: unknown) {
  const result = check(schema, body);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
}

const HOSTILE = `<img src=x onerror=alert(1)> '); drop table audit_log; -- =SUM(A1) \u00e9\u{1F600}`;

for (const engine of ENGINES) {
  describe(`audit log on ${engine}`, () => {
    let server: TestServer;
    let royaToken: string;
    before(async () => {
      server = await startTestServer({ engine });
      royaToken = await createToken(server.db, 'Équipe Roya <b>', 'roya');
    });
    after(() => server.close());

    const audit = (slug: string, token = server.adminToken, query = '') =>
      request<{ items: AuditEntry[]; nextBefore: string | null }>(
        server,
        'GET',
        `/v1/admin/territories/${slug}/audit${query}`,
        { token },
      );

    it('tells a token its name and scope, and refuses an unknown one', async () => {
      const national = await request(server, 'GET', '/v1/admin/session', { token: server.adminToken });
      assert.equal(national.status, 200, national.text);
      valid(AdminSession, national.body);
      assert.deepEqual(national.body, { name: 'bootstrap (TEC_ADMIN_TOKEN)', scope: '*' });
      const roya = await request(server, 'GET', '/v1/admin/session', { token: royaToken });
      assert.deepEqual(roya.body, { name: 'Équipe Roya <b>', scope: 'roya' });
      const unknown = await request(server, 'GET', '/v1/admin/session', {
        token: 'tec_abcdefgh_notarealsecretnotarealsecret',
      });
      assertProblem(unknown, 401, 'unauthorized');
    });

    it('records a change with who, what, when and the change itself, hostile text kept as data', async () => {
      const created = await request<Member>(server, 'POST', '/v1/admin/territories/roya/members', {
        token: royaToken,
        body: {
          name: HOSTILE,
          kind: 'association',
          joinedAt: '2026-01-02',
          commune: null,
          website: null,
          logo: null,
        },
      });
      assert.equal(created.status, 201, created.text);
      const before = Date.now();
      const reply = await audit('roya');
      assert.equal(reply.status, 200, reply.text);
      valid(AuditList, reply.body);
      const entry = reply.body.items[0]!;
      assert.equal(entry.action, 'createMember');
      assert.equal(entry.territory, 'roya');
      assert.equal(entry.actor.name, 'Équipe Roya <b>');
      assert.deepEqual(entry.target, { id: created.body.id });
      assert.equal((entry.change as { name: string }).name, HOSTILE);
      assert.ok(Math.abs(Date.parse(entry.at) - before) < 60_000, entry.at);
      // The hostile text did nothing to the table: it still answers, with the entry in it.
      const [row] = await server.db.query<{ n: number }>('select count(*)::int as n from audit_log');
      assert.ok(row!.n >= 1);
    });

    it('records nothing for a refused change (the change and its entry commit together)', async () => {
      const count = async () => (await audit('roya')).body.items.length;
      const n = await count();
      const refused = await admin(server, 'PATCH', '/territories/roya/phases/portrait', { progress: 7 });
      assert.equal(refused.status, 400, refused.text);
      const missing = await admin(server, 'DELETE', '/territories/roya/members/nope');
      assert.equal(missing.status, 404, missing.text);
      assert.equal(await count(), n);
    });

    it('records a phase change, a milestone and a removal with their route identifiers', async () => {
      await admin(server, 'PATCH', '/territories/roya/phases/coalition', { progress: 0.25 });
      const milestone = await admin<{ id: string }>(
        server,
        'POST',
        '/territories/roya/phases/coalition/milestones',
        { title: 'Premier comité', status: 'a-venir', dueDate: '2028-03-01', completedDate: null },
      );
      await admin(server, 'DELETE', `/territories/roya/phases/coalition/milestones/${milestone.body.id}`);
      const items = (await audit('roya')).body.items;
      assert.deepEqual(
        items.slice(0, 3).map((e) => [e.action, e.target, e.change]),
        [
          ['deleteMilestone', { phase: 'coalition', milestoneId: milestone.body.id }, null],
          [
            'createMilestone',
            { phase: 'coalition', id: milestone.body.id },
            { title: 'Premier comité', status: 'a-venir', dueDate: '2028-03-01', completedDate: null },
          ],
          ['updatePhase', { phase: 'coalition' }, { progress: 0.25 }],
        ],
      );
      assert.ok(
        items.every(
          (e) => e.actor.name === 'bootstrap (TEC_ADMIN_TOKEN)' || e.actor.name.startsWith('Équipe'),
        ),
      );
    });

    it('records an export and an erasure without keeping the erased address', async () => {
      const opportunities = await request<{ items: { id: string; capacity: number | null }[] }>(
        server,
        'GET',
        '/v1/territories/roya/opportunities',
      );
      const open = opportunities.body.items.find((o) => o.capacity === null)!;
      const email = 'effacer-moi@example.org';
      const signed = await request(server, 'POST', '/v1/territories/roya/engagements', {
        body: signup(open.id, { email }),
      });
      assert.equal(signed.status, 201, signed.text);
      await request(server, 'GET', '/v1/admin/territories/roya/engagements?format=csv', { token: royaToken });
      const erased = await request(server, 'POST', '/v1/admin/erasure', {
        token: royaToken,
        body: { email },
      });
      assert.deepEqual(erased.body, { deleted: 1 });
      const reply = await audit('roya', royaToken);
      const [erasure, exported] = reply.body.items;
      assert.equal(erasure!.action, 'eraseEngagements');
      assert.equal(erasure!.territory, 'roya');
      assert.deepEqual(erasure!.outcome, { deleted: 1 });
      assert.equal(erasure!.change, null);
      assert.equal(exported!.action, 'exportEngagements');
      assert.deepEqual(exported!.outcome, { format: 'csv' });
      assert.ok(!reply.text.includes(email), 'the erased address is not in the log');
      const [row] = await server.db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where change::text like '%effacer-moi%'`,
      );
      assert.equal(row!.n, 0);
    });

    it('shows a territory token its own territory’s log only, national erasures included', async () => {
      await admin(server, 'PATCH', '/territories/forbach/phases/portrait', { progress: 0.5 });
      assertProblem(await audit('forbach', royaToken), 403, 'forbidden');
      await admin(server, 'POST', '/erasure', { email: 'personne@example.org' });
      const roya = (await audit('roya', royaToken)).body.items;
      assert.ok(roya.every((e) => e.territory === 'roya' || e.territory === null));
      assert.equal(roya[0]!.action, 'eraseEngagements');
      assert.equal(roya[0]!.territory, null);
      const forbach = (await audit('forbach')).body.items;
      assert.ok(forbach.some((e) => e.action === 'updatePhase' && e.territory === 'forbach'));
      assert.ok(!forbach.some((e) => e.territory === 'roya'));
      assertProblem(await audit('nowhere'), 404, 'not-found');
      assertProblem(await request(server, 'GET', '/v1/admin/territories/roya/audit'), 401, 'unauthorized');
    });

    it('pages back with `before`, and refuses hostile query values', async () => {
      const first = await audit('roya', server.adminToken, '?limit=2');
      assert.equal(first.body.items.length, 2);
      assert.ok(first.body.nextBefore);
      const next = await audit('roya', server.adminToken, `?limit=2&before=${first.body.nextBefore}`);
      // A second page there is (nextBefore says so), older than the first, none of it twice.
      assert.ok(next.body.items.length > 0, 'a second page');
      assert.ok(next.body.items.every((e) => BigInt(e.id) < BigInt(first.body.nextBefore!)));
      const seen = new Set(first.body.items.map((e) => e.id));
      assert.ok(
        next.body.items.every((e) => !seen.has(e.id)),
        'no entry on both pages',
      );
      for (const query of [
        '?limit=0',
        '?limit=abc',
        '?limit=201',
        '?before=-1',
        "?before=1'%20or%201=1",
        '?before=99999999999999999999',
        '?other=1',
      ]) {
        assertProblem(await audit('roya', server.adminToken, query), 400, 'validation');
      }
    });
  });
}
