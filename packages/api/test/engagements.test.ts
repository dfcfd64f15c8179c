// Sign-ups: receipts, idempotency, validation, places and origins, on PGlite and on PostgreSQL alike; and
// the operator's restriction to listed sites.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OpportunityList } from '@tec/contract';
import { type Engagement, EngagementReceipt, type Opportunity } from '@tec/contract';
import { ENGINES, startTestServer, type TestServer } from '@tec/api/testing';
import { admin, assertProblem, get, request, signup, valid } from './helpers.js';

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
  });
}

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
