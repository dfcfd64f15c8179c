// The SDK in real Chromium against the real API (started by the test runner's tec-api plugin),
// through the counting proxy: the shared page cache, EventSource resume, the hidden-page pause.
import { expect } from '@open-wc/testing';
import {
  TecHttpError,
  TecOriginNotAllowedError,
  createTecClient,
  getTecClient,
  type LiveNotice,
  type TecError,
} from '@tec/sdk';
import { createTecAdmin } from '@tec/sdk/admin';

interface TestConfig {
  apiUrl: string;
  proxyUrl: string;
  adminToken: string;
  /** An API that accepts sign-ups only from listed sites, not this page's. */
  restrictedApiUrl: string;
}
const config = ((await import('/__tec__/config.js' as string)) as { default: TestConfig }).default;

async function proxyStats(
  path: string,
  reset = false,
): Promise<{ count: number; open: number; requests: string[] }> {
  // A fresh URL each time: the test server may cache what its plugins serve.
  const nonce = `&n=${Date.now()}-${Math.random()}`;
  const response = await fetch(
    `/__tec__/proxy?path=${encodeURIComponent(path)}${reset ? '&reset=1' : ''}${nonce}`,
    {
      cache: 'no-store',
    },
  );
  return (await response.json()) as { count: number; open: number; requests: string[] };
}

async function inject(path: string, fault: unknown): Promise<void> {
  const query = new URLSearchParams({
    path,
    fault: JSON.stringify(fault),
    n: `${Date.now()}-${Math.random()}`,
  });
  await fetch(`/__tec__/inject?${query.toString()}`, { cache: 'no-store' }); // never from a cache
}

async function waitFor(test: () => boolean | Promise<boolean>, what: string, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const admin = createTecAdmin({ baseUrl: config.apiUrl, token: config.adminToken });

/** Makes the page look hidden or visible to the SDK, as the browser does when a tab changes. */
function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('SDK in Chromium', () => {
  afterEach(() => {
    // Back to the browser's own property.
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('answers ten concurrent identical reads from one shared client with one request', async () => {
    await proxyStats('.', true);
    const clients = Array.from({ length: 10 }, () => getTecClient(config.proxyUrl));
    expect(new Set(clients).size).to.equal(1);
    const results = await Promise.all(clients.map((c) => c.territories.get('roya')));
    expect(results.every((r) => r.slug === 'roya')).to.equal(true);
    expect((await proxyStats('/v1/territories/roya$')).count).to.equal(1);
  });

  it('uses EventSource and resumes from the last event after the stream dies mid-event', async () => {
    const tec = createTecClient({ baseUrl: config.proxyUrl });
    const seen: LiveNotice[] = [];
    await proxyStats('.', true);
    await inject('/v1/events', { kind: 'cut-stream', afterEvents: 2 });
    const stop = tec.live.subscribe({ territory: 'forbach' }, (e) => seen.push(e));
    await waitFor(() => tec.live.state === 'open', 'the stream');
    for (const progress of [0.31, 0.32, 0.33]) {
      await admin.updatePhase('forbach', 'cooperations', { progress });
    }
    // EventSource waits the server's `retry` (3 s) before it reconnects.
    await waitFor(
      () => seen.filter((e) => e.type === 'phase.updated').length >= 3,
      'three events',
      15_000,
    ).catch(async (error: unknown) => {
      const stats = JSON.stringify(await proxyStats('/v1/events'));
      throw new Error(
        `${String(error)}; seen ${JSON.stringify(seen.map((e) => e.type))}; ${tec.live.state}; ${stats}`,
      );
    });
    const progress = seen.flatMap((e) => (e.type === 'phase.updated' ? [e.phase.progress] : []));
    expect(progress).to.deep.equal([0.31, 0.32, 0.33]);
    const streams = await proxyStats('/v1/events');
    expect(streams.count).to.be.at.least(2);
    expect(streams.requests[1]).to.match(/lastEventId=\d+/);
    stop();
    await waitFor(async () => (await proxyStats('/v1/events')).open === 0, 'the stream to close');
  });

  it('pauses while the page is hidden and catches up when it is shown again', async () => {
    const tec = createTecClient({ baseUrl: config.proxyUrl });
    const seen: LiveNotice[] = [];
    await proxyStats('.', true);
    const stop = tec.live.subscribe({ territory: 'nantes-bellevue' }, (e) => seen.push(e));
    await waitFor(() => tec.live.state === 'open', 'the stream');
    setVisibility('hidden');
    expect(tec.live.state).to.equal('paused');
    await waitFor(
      async () => (await proxyStats('/v1/events')).open === 0,
      'the stream to close while hidden',
    );
    await admin.updatePhase('nantes-bellevue', 'portrait', { progress: 0.93 });
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.length).to.equal(0);
    setVisibility('visible');
    await waitFor(() => seen.some((e) => e.type === 'phase.updated'), 'the missed event');
    const event = seen.find((e) => e.type === 'phase.updated');
    expect(event?.type === 'phase.updated' && event.phase.progress).to.equal(0.93);
    stop();
  });

  it('signs up from the browser across origins, once, with an Idempotency-Key', async () => {
    const tec = createTecClient({ baseUrl: config.apiUrl });
    const receipt = await tec.engagements.create('roya', {
      opportunityId: 'opp_roya_1',
      firstName: 'Léa',
      email: 'lea@example.org',
      availability: ['semaine-soir'],
      consent: true,
    });
    expect(receipt.status).to.equal('received');
    const all = await admin.exportEngagements('roya');
    expect(all.items.filter((e) => e.email === 'lea@example.org').length).to.equal(1);
  });

  it('tells a site the operator does not accept apart from an unreachable service', async () => {
    const tec = createTecClient({ baseUrl: config.restrictedApiUrl, retries: 0 });
    let caught: unknown;
    try {
      await tec.engagements.create('roya', {
        opportunityId: 'opp_roya_1',
        firstName: 'Léa',
        email: 'refusee@example.org',
        availability: ['semaine-soir'],
        consent: true,
      });
    } catch (error) {
      caught = error;
    }
    // The refusal crossed CORS: the page read the 403 and its problem, not a network failure.
    expect(caught).to.be.instanceOf(TecOriginNotAllowedError);
    expect(caught).to.be.instanceOf(TecHttpError);
    const error = caught as TecOriginNotAllowedError;
    expect((error as TecError).code).to.equal('origin-not-allowed');
    expect(error.status).to.equal(403);
    expect(error.problem?.type).to.equal('urn:tec:problem:origin-not-allowed');
    // Reads from the same page still work.
    expect((await tec.territories.list()).length).to.equal(6);
  });
});
