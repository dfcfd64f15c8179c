/**
 * The documentation site (`npm run docs`), served at /docs/ by the demo server beside a real API
 * on a temporary database, as `npm start` runs it, in Chromium: every page axe-clean, under its
 * strict CSP with no violation, no request outside the demo's and the API's origins, no cookie,
 * no layout shift; the configurator's snippet works when pasted into a blank page of another
 * origin, its iframe variant in a host page; the guides' stand-in hash is refused by the browser.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright';
import { freePort, startTestServer } from '@tec/api/testing';
import { buildDemo, startDemoServer, type DemoServer } from '../../scripts/demo.js';
import { buildDocs, cdnManifest, STAND_IN, widgetsFromManifest } from '../../scripts/docs.js';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/**
 * Another origin, for the partner's blank page: a bare server on `localhost` (another origin than
 * the demo's `127.0.0.1`, on loopback too, as Chromium refuses a public page's requests to
 * loopback). It serves `partnerPage`, which each test sets.
 */
let PARTNER = 'http://localhost:9';
let partnerPage = '';
let partner: Server;

const TAGS = widgetsFromManifest().map((w) => w.tagName);
const PAGES = [
  '/docs/',
  '/docs/fr/index.html',
  '/docs/en/index.html',
  '/docs/fr/guide.html',
  '/docs/en/guide.html',
  '/docs/fr/widgets/index.html',
  ...TAGS.map((t) => `/docs/fr/widgets/${t}.html`),
  ...TAGS.map((t) => `/docs/en/widgets/${t}.html`),
  '/docs/fr/theme.html',
  '/docs/en/theming.html',
  '/docs/fr/configurateur.html',
  '/docs/en/configurator.html',
  '/docs/fr/api.html',
  '/docs/en/benchmarks.html',
  '/docs/en/changelog.html',
  '/docs/sdk/index.html',
  '/docs/embed.html?widget=tec-phase-tracker&territory=roya&lang=fr&theme=auto',
];

let api: Awaited<ReturnType<typeof startTestServer>>;
let demo: DemoServer;
let browser: Browser;

before(async () => {
  await buildDemo({ log: () => {} });
  // The CDN set was just rebuilt by npm test: the site must carry its hashes (TypeDoc pages kept
  // when built before).
  await buildDocs({ log: () => {}, sdk: false });
  const port = await freePort();
  const partnerPort = await freePort();
  PARTNER = `http://localhost:${partnerPort}`;
  partner = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(partnerPage),
  );
  await new Promise<void>((resolve) => partner.listen(partnerPort, '127.0.0.1', resolve));
  api = await startTestServer({ config: { allowedOrigins: [`http://127.0.0.1:${port}`, PARTNER] } });
  demo = await startDemoServer({ apiUrl: api.url, port });
  browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  await demo?.close();
  await api?.close();
  partner?.closeAllConnections();
  await new Promise((resolve) => partner?.close(resolve));
});

/** Opens a page and records its requests, console errors, CSP violations and layout shifts. */
async function open(path: string, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[]; shift: number };
    w.violations = [];
    w.shift = 0;
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!entry.hadRecentInput) w.shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const response = await page.goto(path.startsWith('http') ? path : `${demo.url}${path}`);
  return { page, context, requests, errors, response };
}

/** Waits until every widget of the page has data (or an empty state). */
async function widgetsLoaded(page: Page) {
  await page.waitForFunction(() => {
    const widgets = [...document.querySelectorAll<HTMLElement & { status?: string }>('*')].filter(
      (e) => e.localName.startsWith('tec-') && e.localName !== 'tec-provider',
    );
    return widgets.every((w) => w.shadowRoot && ['loaded', 'empty'].includes(w.status ?? ''));
  });
}

/** What the page keeps in the browser: localStorage, sessionStorage and IndexedDB. */
async function storage(page: Page) {
  return page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((d) => d.name),
  }));
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const run = (
      window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await run.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; nodes: { target: unknown }[] }[]).map(
      (v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`,
    );
  });
}

describe('the documentation site', () => {
  for (const path of PAGES) {
    it(`${path}: axe-clean, strict CSP kept, no foreign request, no cookie, no shift`, async () => {
      const { page, context, requests, errors, response } = await open(path);
      assert.equal(response?.status(), 200);
      assert.match(
        response!.headers()['content-security-policy'] ?? '',
        /script-src 'self'; style-src 'self'/,
      );
      await widgetsLoaded(page);
      await page.waitForLoadState('networkidle');
      // TypeDoc's accordions (<summary> in its own markup, not ours) trip nested-interactive.
      const known = path.startsWith('/docs/sdk/') ? ['nested-interactive'] : [];
      assert.deepEqual(
        (await axe(page)).filter((v) => !known.includes(v.split(':')[0]!)),
        [],
      );
      const allowed = [new URL(demo.url).origin, new URL(api.url).origin];
      assert.deepEqual(
        requests.filter((u) => !u.startsWith('data:') && !allowed.includes(new URL(u).origin)),
        [],
      );
      assert.deepEqual(await context.cookies(), []);
      assert.deepEqual(await storage(page), { local: [], session: [], databases: [] });
      assert.deepEqual(
        await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
        [],
      );
      assert.deepEqual(errors, []);
      assert.equal(await page.evaluate(() => (window as unknown as { shift: number }).shift), 0);
      await context.close();
    });
  }

  it('SDK reference (TypeDoc): clicking its accordions, theme and filters stores nothing in the browser', async () => {
    const { page, context, errors } = await open('/docs/sdk/index.html');
    const clickAround = async () => {
      // Every accordion, by a click on its summary (TypeDoc records its state on 'toggle').
      await page.evaluate(() => {
        for (const summary of document.querySelectorAll<HTMLElement>('details > summary')) summary.click();
      });
      await page.evaluate(() => {
        for (const box of document.querySelectorAll<HTMLElement>('#tsd-filter-options input[type=checkbox]'))
          box.click();
      });
      await page.selectOption('#tsd-theme', 'dark', { force: true });
    };
    // The settings are in a closed accordion at first: open it, then use them.
    await clickAround();
    await clickAround();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    // A second page, reached by a link, reads nothing back and writes nothing either.
    await page.locator('.tsd-member-summary a, .col-content a[href$=".html"]').first().click();
    await page.waitForLoadState('load');
    await clickAround();
    assert.deepEqual(await storage(page), { local: [], session: [], databases: [] });
    assert.deepEqual(await context.cookies(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('API reference by Redoc (self-hosted): renders every route, only this origin, no cookie, no storage', async () => {
    const { page, context, requests, errors, response } = await open('/docs/api/index.html');
    const csp = response!.headers()['content-security-policy'] ?? '';
    // Scripts stay strict; only inline styles are allowed, for Redoc's styled-components.
    assert.match(csp, /script-src 'self';/);
    assert.match(csp, /style-src 'self' 'unsafe-inline'/);
    await page.waitForSelector('[data-section-id^="operation/"]');
    const spec = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as {
      paths: Record<string, unknown>;
    };
    const text = await page.locator('#redoc').innerText();
    for (const path of Object.keys(spec.paths)) assert.ok(text.includes(path), path);
    // Used a little: a menu entry, then a response's schema.
    await page.locator('li[data-item-id] > label:visible').nth(3).click();
    await page.waitForLoadState('networkidle');
    const docsOrigin = new URL(demo.url).origin;
    assert.deepEqual(
      requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== docsOrigin),
      [],
    );
    assert.ok(requests.some((u) => u.endsWith('/docs/assets/redoc.standalone.js')));
    assert.deepEqual(await context.cookies(), []);
    assert.deepEqual(await storage(page), { local: [], session: [], databases: [] });
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
      [],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('has a page per widget of the manifest, with its attributes, events, slots, parts and tokens', async () => {
    for (const w of widgetsFromManifest()) {
      const res = await fetch(`${demo.url}/docs/en/widgets/${w.tagName}.html`);
      const html = await res.text();
      for (const item of [
        ...(w.attributes ?? []),
        ...(w.events ?? []),
        ...(w.cssParts ?? []),
        ...(w.cssProperties ?? []),
      ]) {
        // An event the analyzer found without its name is listed by its class.
        const name = item.name || (item as { type?: { text: string } }).type?.text;
        assert.ok(html.includes(`<code>${name}</code>`), `${w.tagName}: ${name}`);
      }
    }
    const theming = await (await fetch(`${demo.url}/docs/en/theming.html`)).text();
    const sources = readFileSync(
      new URL('../../packages/widgets/src/base/styles.ts', import.meta.url),
      'utf8',
    );
    for (const [token] of sources.matchAll(/--tec-[a-z0-9-]+[a-z0-9]/g))
      assert.ok(theming.includes(`<code>${token}</code>`), token);
  });

  it('updates the live widget when an attribute is edited', async () => {
    const { page, context } = await open('/docs/en/widgets/tec-phase-tracker.html');
    await widgetsLoaded(page);
    await page.fill('#live-tec-phase-tracker-territory', 'forbach');
    await page.waitForFunction(
      () => document.getElementById('live-tec-phase-tracker')!.getAttribute('territory') === 'forbach',
    );
    await widgetsLoaded(page);
    const text = await page
      .locator('#live-tec-phase-tracker')
      .evaluate((e) => e.shadowRoot!.textContent ?? '');
    assert.match(text, /Forbach/);
    await context.close();
  });

  it('shows the guide with this deployment’s addresses and the real hashes, never the stand-in', async () => {
    const html = await (await fetch(`${demo.url}/docs/en/guide.html`)).text();
    assert.ok(!html.includes(STAND_IN));
    assert.ok(!html.includes('integrity=&quot;sha384-…'));
    assert.match(html, /integrity=&quot;sha384-[A-Za-z0-9+/]{64}&quot;/);
    assert.ok(html.includes(`${demo.url}/cdn/`), 'the CDN address of this server');
  });
});

describe('the embed configurator', () => {
  it('writes a snippet that works pasted into a blank page of another origin', async () => {
    const { page, context } = await open('/docs/en/configurator.html');
    await widgetsLoaded(page);
    // The member list alone (the first of the list, chosen at first).
    await page.check('#c-widgets input[value="tec-coalition-members"]');
    await page.selectOption('#c-territory', 'forbach');
    await page.selectOption('#c-lang', 'fr');
    await widgetsLoaded(page);
    const snippet = await page.inputValue('#c-snippet');
    assert.match(snippet, /<tec-coalition-members api="[^"]+" territory="forbach" lang="fr">/);
    assert.match(snippet, /integrity="sha384-[A-Za-z0-9+/]{64}"/);
    assert.ok(!snippet.includes(STAND_IN));
    assert.ok(await page.isEnabled('#c-copy'));

    const partner = await context.newPage();
    const errors: string[] = [];
    partner.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    partnerPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title></head><body><main>${snippet}</main></body></html>`;
    await partner.goto(`${PARTNER}/`);
    await widgetsLoaded(partner);
    const text = await partner
      .locator('tec-coalition-members')
      .evaluate((e) => e.shadowRoot!.textContent ?? '');
    assert.match(text, /Les acteurs engagés|La coalition/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('takes several widgets: one loader, each widget, one iframe each; pasted elsewhere, all load', async () => {
    const { page, context } = await open('/docs/en/configurator.html?widget=tec-phase-tracker');
    await widgetsLoaded(page);
    assert.deepEqual(await page.locator('#c-preview > *').evaluateAll((e) => e.map((x) => x.localName)), [
      'tec-phase-tracker',
    ]);
    await page.check('#c-widgets input[value="tec-coalition-members"]');
    await page.check('#c-widgets input[value="tec-engagement-cta"]');
    await page.fill('#c-opt-tec-engagement-cta-limit', '2');
    await page.selectOption('#c-territory', 'roya');
    await widgetsLoaded(page);
    const tags = ['tec-coalition-members', 'tec-engagement-cta', 'tec-phase-tracker'];
    assert.deepEqual(
      await page.locator('#c-preview > *').evaluateAll((e) => e.map((x) => x.localName)),
      tags,
    );
    const snippet = await page.inputValue('#c-snippet');
    assert.equal(snippet.match(/<script /g)?.length, 1, 'the loader once');
    assert.equal(snippet.match(/<link /g)?.length, 1, 'the style sheet once');
    assert.equal(snippet.match(/integrity="sha384-[A-Za-z0-9+/]{64}"/g)?.length, 2);
    for (const tag of tags)
      assert.match(snippet, new RegExp(`<${tag} api="[^"]+" territory="roya" lang="en"`));
    assert.match(snippet, /<tec-engagement-cta [^>]*limit="2">/);
    const frames = (await page.inputValue('#c-iframe')).trim().split('\n');
    assert.equal(frames.length, 3);
    for (const [i, tag] of tags.entries())
      assert.match(frames[i]!, new RegExp(`embed\\.html\\?widget=${tag}&`));
    assert.match(frames[1]!, /limit=2/);
    // None chosen: nothing to copy.
    for (const tag of tags) await page.uncheck(`#c-widgets input[value="${tag}"]`);
    assert.equal(await page.isEnabled('#c-copy'), false);
    assert.equal(await page.isEnabled('#c-copy-iframe'), false);
    assert.equal(await page.locator('#c-preview > *').count(), 0);

    const partner = await context.newPage();
    const errors: string[] = [];
    partner.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    partnerPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head><body><main>${snippet}</main></body></html>`;
    await partner.goto(`${PARTNER}/`);
    await widgetsLoaded(partner);
    assert.equal(await partner.locator('main > [territory="roya"]').count(), 3);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('takes the territory from the console’s link (?territory=), and ignores one it does not know', async () => {
    const { page, context } = await open(
      '/docs/fr/configurateur.html?territory=forbach&widget=tec-territory-portrait',
    );
    await widgetsLoaded(page);
    assert.equal(await page.inputValue('#c-territory'), 'forbach');
    assert.equal(await page.locator('#c-preview > tec-territory-portrait[territory="forbach"]').count(), 1);
    assert.match(
      await page.inputValue('#c-snippet'),
      /<tec-territory-portrait api="[^"]+" territory="forbach" lang="fr">/,
    );
    await context.close();
    for (const asked of ['nowhere', '..%2Fx', '%3Cscript%3E']) {
      const other = await open(`/docs/fr/configurateur.html?territory=${asked}`);
      await widgetsLoaded(other.page);
      assert.equal(await other.page.inputValue('#c-territory'), 'roya', asked);
      await other.context.close();
    }
  });

  it('refuses an unreadable accent colour, and copies nothing with it', async () => {
    const { page, context } = await open('/docs/fr/configurateur.html');
    await page.check('#c-use-accent');
    await page.locator('#c-accent').fill('#ffff66');
    await page.waitForFunction(() =>
      /refusée/.test(document.getElementById('c-contrast')!.textContent ?? ''),
    );
    assert.equal(await page.isEnabled('#c-copy'), false);
    assert.ok(!(await page.inputValue('#c-snippet')).includes('#ffff66'));
    await page.locator('#c-accent').fill('#7a1f1f');
    await page.waitForFunction(() =>
      /lisible/.test(document.getElementById('c-contrast')!.textContent ?? ''),
    );
    assert.ok(await page.isEnabled('#c-copy'));
    assert.match(await page.inputValue('#c-snippet'), /--tec-color-accent: #7a1f1f/);
    await context.close();
  });

  it('gives an iframe that shows the widget in a host page and reports its height', async () => {
    const { page, context } = await open('/docs/en/configurator.html');
    await widgetsLoaded(page);
    const frame = await page.inputValue('#c-iframe');
    assert.match(frame, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/docs\/embed\.html\?widget=tec-/);
    const host = await context.newPage();
    partnerPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title></head><body><main>${frame}</main></body></html>`;
    await host.addInitScript(() => {
      addEventListener('message', (e) => {
        if ((e.data as { type?: string })?.type === 'tec-embed-height')
          (window as unknown as { height: number }).height = (e.data as { height: number }).height;
      });
    });
    await host.goto(`${PARTNER}/`);
    const iframe = await host.waitForSelector('iframe');
    const inner = (await iframe.contentFrame())!;
    await inner.waitForFunction(() => {
      const w = document.querySelector<HTMLElement & { status?: string }>('#embed > :not(h1)');
      return w?.localName.startsWith('tec-') && w.status === 'loaded';
    });
    await host.waitForFunction(() => ((window as unknown as { height?: number }).height ?? 0) > 50);
    await context.close();
  });

  it('refuses an iframe query it does not know, and shows no widget', async () => {
    for (const query of [
      'widget=script',
      'widget=tec-phase-tracker&territory=../x',
      'widget=tec-phase-tracker&onload=x',
      'widget=tec-phase-tracker&accent=%23ffff00',
    ]) {
      const { page, context } = await open(`/docs/embed.html?${query}`);
      await page.waitForFunction(() => document.getElementById('embed')!.textContent!.includes('refusé'));
      assert.equal(
        await page
          .locator('#embed > *')
          .evaluateAll((e) => e.filter((x) => x.localName.startsWith('tec-')).length),
        0,
      );
      await context.close();
    }
  });
});

describe('the guides’ snippet', () => {
  it('with its stand-in hash unchanged, is refused by the browser instead of running unchecked', async () => {
    const guide = readFileSync(new URL('../../docs/integration.md', import.meta.url), 'utf8');
    assert.ok(!guide.includes('integrity="sha384-…"'), 'no malformed placeholder (browsers ignore it)');
    const block = /```html\n([\s\S]*?)```/
      .exec(guide)![1]!
      .replaceAll('http://127.0.0.1:8788/', `${demo.url}/`);
    assert.ok(block.includes(STAND_IN));
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    partnerPage = `<!doctype html><title>x</title>${block}`;
    await page.goto(`${PARTNER}/`);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.evaluate(() => customElements.get('tec-phase-tracker')), undefined);
    assert.ok(
      errors.some((e) => /integrity/i.test(e)),
      errors.join('\n'),
    );
    await context.close();
  });
});

describe('every HTML example of the guides', () => {
  const blocks = (['integration.md', 'integration.fr.md'] as const).flatMap((file) =>
    [
      ...readFileSync(new URL(`../../docs/${file}`, import.meta.url), 'utf8').matchAll(
        /```html\n([\s\S]*?)```/g,
      ),
    ].map((m, i) => ({ name: `${file} #${i + 1}`, html: m[1]! })),
  );

  it('finds the examples (the tag, the provider, in both languages)', () => {
    assert.ok(blocks.length >= 4, String(blocks.length));
  });

  for (const { name, html } of blocks) {
    it(`${name}: runs on a page of another origin, every widget shows its data, no error`, async () => {
      const files = cdnManifest().files;
      // The guide's addresses are the demo's; its hashes, stand-ins that the real ones replace.
      let page = html
        .replace(
          /(tec\.(css|js)"\s*\n\s*integrity=")sha384-[A-Za-z0-9+/]+(")/g,
          (_, a: string, ext: string, b: string) => `${a}${files[`tec.${ext}`]!.integrity}${b}`,
        )
        .replaceAll('http://127.0.0.1:8788/', `${demo.url}/`)
        .replaceAll('http://127.0.0.1:8787', api.url);
      assert.ok(!page.includes(STAND_IN));
      // A fragment (the tags without the loader) runs after the guide's first lines, as it says.
      if (!page.includes('/tec.js"'))
        page = `<script type="module" src="${demo.url}/cdn/${cdnManifest().version}/tec.js" integrity="${files['tec.js']!.integrity}" crossorigin="anonymous"></script>\n${page}`;
      const context = await browser.newContext();
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      tab.on('pageerror', (e) => errors.push(e.message));
      partnerPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Exemple</title></head><body><main>${page}</main></body></html>`;
      await tab.goto(`${PARTNER}/`);
      const tags = await tab.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((e) => e.localName.startsWith('tec-'))
          .map((e) => e.localName),
      );
      assert.ok(tags.length > 0, 'the example has a widget');
      // Settled: each widget past loading, then each with its data (an error state fails here).
      await tab.waitForFunction(() =>
        [...document.querySelectorAll<HTMLElement & { status?: string }>('main *')]
          .filter((e) => e.localName.startsWith('tec-') && e.localName !== 'tec-provider')
          .every((e) => e.status !== undefined && e.status !== 'loading'),
      );
      const states = await tab.evaluate(() =>
        [...document.querySelectorAll<HTMLElement & { status?: string }>('main *')]
          .filter((e) => e.localName.startsWith('tec-') && e.localName !== 'tec-provider')
          .map((e) => `${e.localName} ${e.status}`),
      );
      for (const state of states) assert.match(state, / (loaded|empty)$/);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
