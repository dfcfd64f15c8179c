/**
 * End to end, in Chromium: a partner page on an origin the API was never told about, with the
 * built CDN set and a real API on a temporary database (as `npm start` runs them, minus the
 * allowlist `npm start` adds for the console). Reads and a sign-up through the widget work, the
 * sign-up is stored with the page's origin; an operator who restricts sign-ups refuses the page
 * with a 403 that the page can read.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright';
import { startTestServer, type TestServer } from '@tec/api/testing';
import type { Engagement } from '@tec/contract';
import type { Config } from '@tec/api';
import { buildDemo, settled, startDemoServer, type DemoServer } from '../../scripts/demo.js';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

let browser: Browser;
const stops: (() => Promise<void>)[] = [];

before(async () => {
  await buildDemo({ log: () => {} });
  browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  for (const stop of stops.reverse()) await stop();
});

/** An API with the given configuration, and the demo sites pointed at it on a port of their own. */
async function site(config: Partial<Config> = {}) {
  const api = await startTestServer({ config });
  const demo = await startDemoServer({ apiUrl: api.url });
  stops.push(
    () => api.close(),
    () => demo.close(),
  );
  return { api, demo };
}

async function exported(api: TestServer): Promise<Engagement[]> {
  const response = await fetch(`${api.url}/v1/admin/territories/roya/engagements`, {
    headers: { authorization: `Bearer ${api.adminToken}` },
  });
  return ((await response.json()) as { items: Engagement[] }).items;
}

/**
 * The residents' demo page in Chromium, with the first call's sign-up form filled in (not sent):
 * the page, the widget, and the console errors it logs.
 */
async function fillSignUp(demo: DemoServer, email: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${demo.url}/habitants/`);
  await settled(page, ['loaded']);
  const cta = page.locator('tec-engagement-cta').first();
  await cta.locator('[data-choose]').first().click();
  await cta.locator('#firstName').fill('Inès');
  await cta.locator('#email').fill(email);
  await cta.locator('#availability').check();
  await cta.locator('#consent').check();
  return { context, page, cta, errors };
}

describe('a partner page on a new origin', () => {
  let api: TestServer;
  let demo: DemoServer;
  before(async () => {
    ({ api, demo } = await site());
  });

  it('loads every widget and signs up through the form; the team sees which site it came from', async () => {
    assert.equal(api.url.includes(new URL(demo.url).port), false);
    const { context, page, cta, errors } = await fillSignUp(demo, 'nouveau-site@example.org');
    const receipt = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document
            .querySelector('tec-engagement-cta')!
            .addEventListener(
              'tec-engagement-success',
              (e) => resolve((e as CustomEvent).detail.receipt.id),
              {
                once: true,
              },
            ),
        ),
    );
    const post = page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/engagements$/.test(r.url()),
    );
    await cta.locator('button[type="submit"]').click();
    const response = await post;
    assert.equal(response.status(), 201);
    assert.equal(response.headers()['access-control-allow-origin'], demo.url);
    const id = await receipt;

    const stored = (await exported(api)).find((e) => e.id === id);
    assert.equal(stored?.email, 'nouveau-site@example.org');
    assert.equal(stored?.origin, demo.url);
    assert.deepEqual(
      errors.filter((e) => /CORS|blocked/i.test(e)),
      [],
    );
    await context.close();
  });
});

describe('an operator who accepts sign-ups only from listed sites', () => {
  it('refuses this page with a 403 problem the page reads, and stores nothing', async () => {
    const { api, demo } = await site({
      signupOrigins: 'allowed',
      allowedOrigins: ['https://mairie.example.fr'],
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${demo.url}/habitants/`);
    await settled(page, ['loaded']);
    // What the SDK does, by hand: a JSON POST with an Idempotency-Key, so a preflight first.
    const answer = await page.evaluate(async (apiUrl) => {
      const response = await fetch(`${apiUrl}/v1/territories/roya/engagements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-refused-0001' },
        body: JSON.stringify({
          opportunityId: 'opp_roya_1',
          firstName: 'Inès',
          email: 'refusee@example.org',
          availability: ['week-end'],
          consent: true,
        }),
      });
      return { status: response.status, body: (await response.json()) as { type: string; detail: string } };
    }, api.url);
    assert.equal(answer.status, 403);
    assert.equal(answer.body.type, 'urn:tec:problem:origin-not-allowed');
    assert.match(answer.body.detail, /TEC_ALLOWED_ORIGINS/);
    assert.equal((await exported(api)).filter((e) => e.email === 'refusee@example.org').length, 0);
    await context.close();
  });

  it('has the form say so to the resident, keep the answers, and tell the webmaster the fix', async () => {
    const { api, demo } = await site({
      signupOrigins: 'allowed',
      allowedOrigins: ['https://mairie.example.fr'],
    });
    const { context, cta, errors } = await fillSignUp(demo, 'refusee-formulaire@example.org');
    await cta.locator('button[type="submit"]').click();
    const message = await cta.locator('#send-error').textContent();
    assert.match(message ?? '', /ce site n’est pas autorisé à transmettre des inscriptions/);
    assert.equal(await cta.locator('#email').inputValue(), 'refusee-formulaire@example.org');
    assert.ok(
      errors.some((e) => e.includes(`add ${demo.url} to TEC_ALLOWED_ORIGINS`)),
      errors.join('\n'),
    );
    assert.equal((await exported(api)).filter((e) => e.email === 'refusee-formulaire@example.org').length, 0);
    await context.close();
  });
});
