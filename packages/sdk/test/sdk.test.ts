// The SDK in Node.js against the real API on a temporary database, through a loopback proxy that
// injects the faults a real server cannot produce on demand.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  TecAbortError,
  TecHttpError,
  TecNetworkError,
  TecTimeoutError,
  TecValidationError,
  createTecClient,
  getTecClient,
  type LiveNotice,
  type TecClient,
} from '@tec/sdk';
import { createTecAdmin, type TecAdmin } from '@tec/sdk/admin';
import { startFaultProxy, startTestServer, type FaultProxy, type TestServer } from '@tec/api/testing';

let server: TestServer;
let proxy: FaultProxy;
let tec: TecClient;
let admin: TecAdmin;

const signup = (opportunityId: string, email: string) => ({
  opportunityId,
  firstName: 'Camille',
  email,
  availability: ['week-end' as const],
  consent: true as const,
});

/** A client through the proxy, with short delays so that retries are quick. */
function client(options: Partial<Parameters<typeof createTecClient>[0]> = {}) {
  return createTecClient({ baseUrl: proxy.url, timeout: 2000, backoffLimit: 50, ...options });
}

async function waitFor(test: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

before(async () => {
  server = await startTestServer();
  proxy = await startFaultProxy(server.url);
  tec = client();
  admin = createTecAdmin({ baseUrl: server.url, token: server.adminToken });
});
after(async () => {
  await proxy.close();
  await server.close();
});
afterEach(() => proxy.reset());

describe('reads', () => {
  it('returns validated, typed data for every public route', async () => {
    const territories = await tec.territories.list();
    assert.equal(territories.length, 6);
    const roya = await tec.territories.get('roya');
    assert.equal(roya.binome?.kiif.name, 'InterMade');
    const phases = await tec.phases.list('roya');
    assert.deepEqual(
      phases.map((p) => p.key),
      ['portrait', 'cooperations', 'coalition'],
    );
    assert.ok((await tec.opportunities.list('roya')).length >= 3);
    assert.equal((await tec.geometry.overview()).territory, null);
    assert.equal((await tec.geometry.territory('roya')).territory, 'roya');
  });

  it('iterates every member over all pages', async () => {
    const names: string[] = [];
    for await (const m of tec.members.all('roya', { limit: 10 })) names.push(m.name);
    const first = await tec.members.page('roya', { limit: 1 });
    assert.equal(names.length, first.total);
    assert.ok(proxy.count(/\/members/) >= Math.ceil(first.total / 10));
    const associations: string[] = [];
    for await (const m of tec.members.all('roya', { kind: 'association' })) associations.push(m.kind);
    assert.ok(associations.length > 0 && associations.every((k) => k === 'association'));
  });

  it('refuses bad arguments before sending anything', async () => {
    await assert.rejects(tec.territories.get('Roya!'), (e: unknown) => {
      assert.ok(e instanceof TecValidationError);
      assert.equal(e.code, 'validation');
      assert.match(e.message, /lowercase letters, digits or hyphens/);
      return true;
    });
    await assert.rejects(tec.members.page('roya', { kind: 'secte' as never }), TecValidationError);
    await assert.rejects(tec.members.page('roya', { limit: 1000 }), TecValidationError);
    assert.equal(proxy.requests.length, 0);
  });

  it('maps a 404 problem to TecHttpError with its type', async () => {
    await assert.rejects(tec.territories.get('atlantide'), (e: unknown) => {
      assert.ok(e instanceof TecHttpError);
      assert.equal(e.status, 404);
      assert.equal(e.problem?.type, 'urn:tec:problem:not-found');
      return true;
    });
  });
});

describe('faults', () => {
  it('times out with TecTimeoutError, and retries a slow read once it is fast again', async () => {
    const impatient = client({ timeout: 200, retries: 0 });
    proxy.inject({ path: /\/phases$/, fault: { kind: 'delay', ms: 600 } });
    await assert.rejects(impatient.phases.list('roya'), TecTimeoutError);
    const patient = client({ timeout: 200, retries: 2 });
    proxy.inject({ path: /\/phases$/, fault: { kind: 'delay', ms: 600 } });
    assert.equal((await patient.phases.list('roya')).length, 3);
    assert.equal(proxy.count(/\/phases$/), 3);
  });

  it('retries a dropped connection, and reports TecNetworkError when it keeps dropping', async () => {
    proxy.inject({ path: /\/territories$/, fault: { kind: 'drop' } });
    assert.equal((await client().territories.list()).length, 6);
    proxy.inject({ path: /\/territories\/roya$/, fault: { kind: 'drop' }, times: 10 });
    await assert.rejects(client({ retries: 2 }).territories.get('roya'), TecNetworkError);
    assert.equal(proxy.count(/\/territories\/roya$/), 3);
  });

  it('retries after a 503, then succeeds', async () => {
    proxy.inject({ path: /\/opportunities$/, fault: { kind: 'status', status: 503 } });
    assert.ok((await client().opportunities.list('roya')).length >= 3);
    assert.deepEqual(
      proxy.requests.map((r) => r.status),
      [503, 200],
    );
  });

  it('honours Retry-After on a 429', async () => {
    proxy.inject({
      path: /\/territories\/forbach$/,
      fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
    });
    const start = Date.now();
    assert.equal((await client().territories.get('forbach')).slug, 'forbach');
    assert.ok(Date.now() - start >= 900, 'waited the second the server asked for');
  });

  it('rejects malformed JSON with TecValidationError', async () => {
    proxy.inject({ path: /\/territories$/, fault: { kind: 'malformed-json' } });
    await assert.rejects(client().territories.list(), (e: unknown) => {
      assert.ok(e instanceof TecValidationError);
      assert.deepEqual(e.errors, [{ path: '(root)', message: 'is not valid JSON' }]);
      return true;
    });
  });

  it('rejects a body that breaks the contract, naming the path — never a half-typed object', async () => {
    proxy.inject({
      path: /\/territories$/,
      fault: {
        kind: 'body',
        body: { items: [{ slug: 'roya', name: 'x'.repeat(500), website: 'javascript:alert(1)' }] },
      },
    });
    await assert.rejects(client().territories.list(), (e: unknown) => {
      assert.ok(e instanceof TecValidationError);
      assert.ok(e.errors.some((x) => x.path === 'items[0].name' && /at most 120/.test(x.message)));
      return true;
    });
  });

  it('aborts with TecAbortError', async () => {
    proxy.inject({ path: /\/phases$/, fault: { kind: 'delay', ms: 1000 } });
    const controller = new AbortController();
    const pending = client().phases.list('entre-deux-mers', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, TecAbortError);
  });
});

describe('sign-ups', () => {
  it('lands exactly once when the first attempt’s response is lost', async () => {
    const before = (await admin.exportEngagements('roya')).items.length;
    proxy.inject({ path: /\/engagements$/, method: 'POST', fault: { kind: 'lose-response' } });
    const receipt = await client().engagements.create('roya', signup('opp_roya_2', 'lost@example.org'));
    assert.equal(receipt.status, 'received');
    const posts = proxy.requests.filter((r) => r.method === 'POST');
    assert.equal(posts.length, 2, 'retried once');
    assert.equal(posts[0]!.headers['idempotency-key'], posts[1]!.headers['idempotency-key']);
    const items = (await admin.exportEngagements('roya')).items;
    assert.equal(items.length, before + 1);
    assert.equal(items.filter((e) => e.email === 'lost@example.org').length, 1);
  });

  it('checks the sign-up before sending it', async () => {
    await assert.rejects(
      tec.engagements.create('roya', { ...signup('opp_roya_2', 'x@example.org'), consent: false as never }),
      (e: unknown) => e instanceof TecValidationError && e.errors.some((x) => x.path === 'consent'),
    );
    await assert.rejects(
      tec.engagements.create('roya', { ...signup('opp_roya_2', 'pas-un-email') }),
      (e: unknown) => e instanceof TecValidationError && e.errors[0]!.path === 'email',
    );
    assert.equal(proxy.requests.length, 0);
  });

  it('does not retry a full opportunity (409), and says why', async () => {
    await assert.rejects(
      tec.engagements.create('roya', signup('opp_roya_4', 'full@example.org')),
      (e: unknown) => {
        assert.ok(e instanceof TecHttpError);
        assert.equal(e.problem?.type, 'urn:tec:problem:opportunity-full');
        return true;
      },
    );
    assert.equal(proxy.count(/\/engagements$/), 1);
  });

  it('keeps the sign-up when the server is down for a while (retried with the same key)', async () => {
    proxy.inject({
      path: /\/engagements$/,
      method: 'POST',
      fault: { kind: 'status', status: 503 },
      times: 2,
    });
    const receipt = await client({ retries: 3 }).engagements.create(
      'roya',
      signup('opp_roya_1', 'down@example.org'),
    );
    assert.equal(receipt.opportunityId, 'opp_roya_1');
    const keys = new Set(proxy.requests.map((r) => r.headers['idempotency-key']));
    assert.equal(keys.size, 1);
  });
});

describe('cache', () => {
  it('makes identical concurrent reads once', async () => {
    const fresh = client();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => fresh.territories.get('nantes-bellevue')),
    );
    assert.ok(results.every((r) => r === results[0]));
    assert.equal(proxy.count(/\/territories\/nantes-bellevue$/), 1);
  });

  it('serves stale data at once and revalidates with If-None-Match (a 304)', async () => {
    const stale = client({ cache: { maxAge: 0, staleWhileRevalidate: 60_000 } });
    const first = await stale.phases.list('forbach');
    const second = await stale.phases.list('forbach');
    assert.deepEqual(second, first);
    await waitFor(() => proxy.count(/forbach\/phases$/) === 2, 'the revalidation');
    const revalidation = proxy.requests.filter((r) => /forbach\/phases$/.test(r.url))[1]!;
    assert.ok(revalidation.headers['if-none-match']);
    await waitFor(() => revalidation.status !== undefined, 'the answer');
    assert.equal(revalidation.status, 304);
  });

  it('shares one client per base URL on a page', () => {
    assert.equal(getTecClient('http://127.0.0.1:1/'), getTecClient('http://127.0.0.1:1'));
    assert.notEqual(getTecClient('http://127.0.0.1:1'), getTecClient('http://127.0.0.1:2'));
  });

  it('is cleared on demand', async () => {
    const c = client();
    await c.territories.get('roya');
    c.cache.clear();
    await c.territories.get('roya');
    assert.equal(proxy.count(/\/territories\/roya$/), 2);
  });
});

describe('live events (Node: fetch stream)', () => {
  it('delivers changes to subscribers of the territory and refreshes the cache', async () => {
    const live = client();
    const before = await live.phases.list('roya');
    const seen: LiveNotice[] = [];
    const other: LiveNotice[] = [];
    const stop = live.live.subscribe({ territory: 'roya' }, (e) => seen.push(e));
    const stop2 = live.live.subscribe({ territory: 'roya' }, () => {});
    const stop3 = live.live.subscribe({ territory: 'roya' }, (e) => other.push(e));
    await waitFor(() => live.live.state === 'open', 'the stream');
    assert.equal(proxy.open(/\/v1\/events/), 1, 'one connection for three subscribers');
    await admin.updatePhase('roya', 'cooperations', { progress: 0.47 });
    await waitFor(() => seen.some((e) => e.type === 'phase.updated'), 'the event');
    assert.equal(other.length, seen.length);
    const after = await live.phases.list('roya');
    assert.notEqual(after[1]!.progress, before[1]!.progress);
    assert.equal(after[1]!.progress, 0.47);
    stop();
    stop2();
    stop3();
    await waitFor(() => proxy.open(/\/v1\/events/) === 0, 'the stream to close');
    assert.equal(live.live.state, 'idle');
  });

  it('resumes after a stream dies mid-event, without losing or repeating one', async () => {
    const live = client({ live: { maxBackoff: 100 } });
    const seen: LiveNotice[] = [];
    proxy.inject({ path: /\/v1\/events/, fault: { kind: 'cut-stream', afterEvents: 2 } });
    const stop = live.live.subscribe({ territory: 'entre-deux-mers' }, (e) => seen.push(e));
    await waitFor(() => live.live.state === 'open', 'the stream');
    for (const progress of [0.86, 0.87, 0.88]) {
      await admin.updatePhase('entre-deux-mers', 'portrait', { progress });
    }
    await waitFor(
      () => seen.filter((e) => e.type === 'phase.updated').length === 3,
      'three phase events',
      8000,
    );
    const progress = seen.flatMap((e) => (e.type === 'phase.updated' ? [e.phase.progress] : []));
    assert.deepEqual(progress, [0.86, 0.87, 0.88]);
    assert.ok(proxy.count(/\/v1\/events/) >= 2, 'it reconnected');
    const resumed = proxy.requests.filter((r) => /\/v1\/events/.test(r.url))[1]!;
    assert.match(resumed.url, /lastEventId=\d+/);
    stop();
  });

  it('falls back to polling with If-None-Match and announces a resync when data changed', async () => {
    const polling = client({ live: { transport: 'poll', pollInterval: 100 } });
    await polling.opportunities.list('forbach');
    const seen: LiveNotice[] = [];
    const stop = polling.live.subscribe({ territory: 'forbach' }, (e) => seen.push(e));
    await waitFor(() => polling.live.state === 'polling', 'polling');
    await waitFor(() => proxy.count(/forbach\/opportunities$/) >= 3, 'a few polls');
    assert.equal(seen.length, 0, 'no resync while nothing changes');
    const conditional = proxy.requests.filter((r) => /forbach\/opportunities$/.test(r.url)).slice(1);
    assert.ok(conditional.every((r) => r.headers['if-none-match']));
    await admin.createOpportunity('forbach', {
      kind: 'evenement',
      title: 'Nouvelle rencontre',
      startsAt: null,
      endsAt: null,
      place: null,
      capacity: null,
    });
    await waitFor(() => seen.some((e) => e.type === 'resync'), 'a resync');
    assert.equal(proxy.count(/\/v1\/events/), 0, 'no stream opened');
    stop();
  });
});
