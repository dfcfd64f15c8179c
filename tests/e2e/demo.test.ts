/**
 * End to end, in Chromium: the built CDN set (dist/cdn, built by `npm test` before this runs) on
 * the demo partner sites, served on their own origin beside a real API on a temporary database —
 * as `npm start` runs them. What a partner webmaster and a resident would see, checked per page.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { freePort, startTestServer, TEST_ADMIN_TOKEN } from '@tec/api/testing';
import {
  buildDemo,
  consoleDir,
  DEMO_PAGES,
  pageHeights,
  settled,
  startDemoServer,
  type DemoServer,
} from '../../scripts/demo.js';
import { measureFits, measureVariant, VARIANTS } from '../../scripts/reserve.js';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAGES = DEMO_PAGES;

/**
 * A partner page whose widgets take their settings from `<tec-provider>` alone, but one that
 * names its own territory (which wins): what the guides show.
 */
const PROVIDER_PAGE = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <title>Provider</title>
    <link rel="stylesheet" href="{{STYLESHEET}}" integrity="{{STYLESHEET_INTEGRITY}}" crossorigin="anonymous" />
    <script type="module" src="{{LOADER}}" integrity="{{INTEGRITY}}" crossorigin="anonymous"></script>
  </head>
  <body>
    <main>
      <tec-provider api="{{API}}" territory="roya" lang="en">
        <tec-phase-tracker></tec-phase-tracker>
        <tec-coalition-members></tec-coalition-members>
        <tec-phase-tracker id="own" territory="forbach" lang="fr"></tec-phase-tracker>
      </tec-provider>
    </main>
  </body>
</html>`;

let api: Awaited<ReturnType<typeof startTestServer>>;
let demo: DemoServer;
let browser: Browser;

before(async () => {
  await buildDemo({ log: () => {} });
  // The API must allow the demo's origin, so the demo's port is chosen first.
  const port = await freePort();
  api = await startTestServer({ config: { allowedOrigins: [`http://127.0.0.1:${port}`], consoleDir } });
  demo = await startDemoServer({ apiUrl: api.url, port, pages: { '/provider/': PROVIDER_PAGE } });
  browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  await demo?.close();
  await api?.close();
});

/** Records every request, CSP violation, console error and layout shift of a page. */
async function open(path: string, context?: BrowserContext, width = 1024) {
  const ctx = context ?? (await browser.newContext({ viewport: { width, height: 800 } }));
  const page = await ctx.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[]; shift: number; tecErrors: string[] };
    w.violations = [];
    w.shift = 0;
    w.tecErrors = [];
    document.addEventListener('tec-error', (e) =>
      w.tecErrors.push(`${(e.target as Element).localName}: ${String((e as CustomEvent).detail.error)}`),
    );
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
  await page.goto(`${demo.url}${path}`);
  return { page, requests, errors, context: ctx };
}

const cdnFiles = (requests: string[]) =>
  requests
    .filter((u) => u.includes('/cdn/'))
    .map((u) =>
      new URL(u).pathname
        .split('/')
        .pop()!
        .replace(/-[a-z0-9]{8}\.js$/, ''),
    );

describe('the loader on the demo sites', () => {
  it('fetches only the chunks of the widgets present, and upgrades a widget added later', async () => {
    const { page, requests, context } = await open('/kiif-roya/');
    await settled(page, ['loaded']);
    const before = cdnFiles(requests);
    assert.ok(before.includes('tec.js') && before.includes('tec-runtime'), before.join());
    assert.ok(
      before.includes('tec-phase-tracker') && before.includes('tec-coalition-members'),
      before.join(),
    );
    assert.ok(!before.includes('tec-territory-map') && !before.includes('tec-engagement-cta'), before.join());
    assert.equal(before.filter((f) => f === 'tec-runtime').length, 1, 'one runtime chunk, fetched once');

    await page.evaluate((apiUrl) => {
      const cta = document.createElement('tec-engagement-cta');
      cta.setAttribute('api', apiUrl);
      cta.setAttribute('territory', 'roya');
      document.querySelector('main')!.append(cta);
    }, api.url);
    await settled(page, ['loaded']);
    assert.ok(cdnFiles(requests).includes('tec-engagement-cta'));
    assert.ok(await page.evaluate(() => customElements.get('tec-engagement-cta') !== undefined));
    assert.ok(!cdnFiles(requests).includes('tec-territory-map'));
    await context.close();
  });

  it('loads every chunk with an integrity hash, and refuses a chunk that was changed', async () => {
    const { page, context, errors } = await open('/kiif-roya/');
    await settled(page, ['loaded']);
    const preloads = await page.$$eval('link[rel="modulepreload"]', (links) =>
      links.map((l) => [l.getAttribute('href'), l.getAttribute('integrity')]),
    );
    assert.ok(preloads.length >= 3);
    for (const [href, integrity] of preloads)
      assert.match(`${href} ${integrity}`, /\.js sha384-[A-Za-z0-9+/=]{64}$/);

    // The same page, where the CDN serves a changed tracker chunk: it is refused, nothing runs.
    const tampered = await context.newPage();
    const blocked: string[] = [];
    tampered.on('console', (m) => {
      if (m.type() === 'error') blocked.push(m.text());
    });
    await tampered.route('**/cdn/**/tec-phase-tracker-*.js', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\nwindow.tampered = true;` });
    });
    await tampered.goto(`${demo.url}/kiif-roya/`);
    await tampered.waitForFunction(() => customElements.get('tec-coalition-members'));
    await tampered.waitForTimeout(500);
    assert.equal(await tampered.evaluate(() => (window as { tampered?: boolean }).tampered), undefined);
    assert.equal(await tampered.evaluate(() => customElements.get('tec-phase-tracker')), undefined);
    assert.ok(
      blocked.some((t) => /integrity/i.test(t)),
      blocked.join('\n'),
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('checks a chunk imported later (the member list’s virtualizer layout) against its hash, and refuses a changed one', async () => {
    // Past 100 rows the member list is virtualized, and the virtualizer imports its layout then:
    // 110 more members for Roya (removed afterwards), and the list pages until the last of them.
    const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };
    const created: string[] = [];
    try {
      for (let i = 0; i < 110; i += 1) {
        const response = await fetch(`${api.url}/v1/admin/territories/roya/members`, {
          method: 'POST',
          headers: admin,
          body: JSON.stringify({
            name: `Zz membre de démonstration ${String(i).padStart(3, '0')}`,
            kind: 'association',
            joinedAt: '2026-01-15',
            commune: null,
            website: null,
            logo: null,
          }),
        });
        assert.equal(response.status, 201, await response.clone().text());
        created.push(((await response.json()) as { id: string }).id);
      }
      const last = created[created.length - 1]!;
      const showLast = (page: Page) =>
        page.evaluate(
          (id) =>
            (
              document.querySelector('tec-coalition-members') as unknown as {
                showMember(id: string): Promise<boolean>;
              }
            ).showMember(id),
          last,
        );

      const { page, context, errors, requests } = await open('/kiif-roya/');
      await settled(page, ['loaded']);
      assert.equal(
        await page.$('link[rel="modulepreload"][href*="/flow-"]'),
        null,
        'not before it is needed',
      );
      assert.equal(await showLast(page), true);
      await page.waitForSelector('link[rel="modulepreload"][href*="/flow-"]', { state: 'attached' });
      const flow = await page.$eval('link[rel="modulepreload"][href*="/flow-"]', (l) =>
        l.getAttribute('integrity'),
      );
      assert.match(flow ?? '', /^sha384-[A-Za-z0-9+/=]{64}$/);
      await page.waitForFunction(
        () =>
          document.querySelector('tec-coalition-members')!.shadowRoot!.querySelectorAll('[role="row"]')
            .length > 0,
      );
      // Fetched once: the import takes the module the browser fetched for the link and checked.
      const fetched = requests.filter((u) => /\/cdn\/.*\/flow-[a-z0-9]+\.js$/.test(u));
      assert.equal(fetched.length, 1, requests.join('\n'));
      assert.deepEqual(errors, []);

      // The CDN serves a changed layout: it is refused, and nothing of it runs.
      const tampered = await context.newPage();
      const blocked: string[] = [];
      tampered.on('console', (m) => {
        if (m.type() === 'error') blocked.push(m.text());
      });
      tampered.on('pageerror', (e) => blocked.push(e.message));
      await tampered.route('**/cdn/**/flow-*.js', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: `${await response.text()}\nwindow.tampered = true;` });
      });
      await tampered.goto(`${demo.url}/kiif-roya/`);
      await settled(tampered, ['loaded']);
      await showLast(tampered).catch(() => false);
      await tampered.waitForFunction(() =>
        document.querySelector('link[rel="modulepreload"][href*="/flow-"]'),
      );
      await tampered.waitForTimeout(500);
      assert.equal(await tampered.evaluate(() => (window as { tampered?: boolean }).tampered), undefined);
      assert.ok(
        blocked.some((t) => /integrity|does not match its hash/i.test(t)),
        blocked.join('\n'),
      );
      await context.close();
    } finally {
      for (const id of created)
        await fetch(`${api.url}/v1/admin/territories/roya/members/${id}`, {
          method: 'DELETE',
          headers: admin,
        });
    }
  });

  it('lets the loader run twice, and a second version, without a second definition', async () => {
    const { page, context, errors } = await open('/kiif-roya/');
    await settled(page, ['loaded']);
    const count = await page.evaluate(async () => {
      const src = document.querySelector<HTMLScriptElement>('script[src*="tec.js"]')!.src;
      await import(`${src}?again`); // another URL: the module runs a second time
      return document.querySelectorAll('link[rel="modulepreload"]').length;
    });
    const before = await page.$$eval('link[rel="modulepreload"]', (l) => l.length);
    assert.equal(count, before);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('the municipal site (strict CSP with Trusted Types, hostile CSS)', () => {
  it('runs every widget with no CSP or Trusted Types violation', async () => {
    const { page, context, errors } = await open('/mairie/');
    const response = await page.reload();
    assert.match(response!.headers()['content-security-policy']!, /require-trusted-types-for 'script'/);
    await settled(page, ['loaded']);
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
      [],
    );
    assert.deepEqual(
      errors.filter((e) => /Content Security Policy|TrustedHTML|TrustedScript|Trusted Type/i.test(e)),
      [],
    );
    assert.equal(
      await page.$$eval('tec-territory-map', (m) => m[0]!.shadowRoot!.querySelectorAll('.place').length > 0),
      true,
    );
    await context.close();
  });

  it('keeps the widgets as they are on a plain page, whatever the site CSS says', async () => {
    const measure = async (path: string) => {
      const { page, context } = await open(path);
      await settled(page, ['loaded']);
      const m = await page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('tec-phase-tracker')!;
        el.style.width = '600px';
        el.style.display = 'block';
        const inner = el.shadowRoot!.querySelector('h2, h3, p, li, span') as HTMLElement;
        const cs = getComputedStyle(inner);
        const box = el.getBoundingClientRect();
        return {
          width: box.width,
          height: Math.round(box.height),
          font: `${cs.fontSize} ${cs.lineHeight} ${cs.fontFamily} ${cs.textTransform} ${cs.letterSpacing}`,
        };
      });
      await context.close();
      return m;
    };
    const [hostile, plain] = [await measure('/mairie/'), await measure('/kiif-roya/')];
    assert.deepEqual(hostile, plain);
  });
});

describe('every demo page', () => {
  for (const path of PAGES) {
    it(`${path}: talks to no host but the page's and the API's, and stores nothing`, async () => {
      const { page, requests, context } = await open(path);
      await settled(page);
      await page.waitForTimeout(300);
      const allowed = new Set([new URL(demo.url).host, new URL(api.url).host]);
      if (path === '/hors-ligne/') allowed.add('127.0.0.1:9'); // that page's (unreachable) API
      const others = requests
        .map((u) => new URL(u))
        .filter((u) => u.protocol !== 'data:' && !allowed.has(u.host));
      assert.deepEqual(
        others.map((u) => u.href),
        [],
      );
      assert.deepEqual(await context.cookies(), []);
      const stored = await page.evaluate(async () => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
        idb: (await indexedDB.databases()).length,
      }));
      assert.deepEqual(stored, { cookie: '', local: 0, session: 0, idb: 0 });
      await context.close();
    });

    // A desktop and a phone: the space held follows the widgets' width.
    for (const width of [1024, 360]) {
      it(`${path}: no layout shift from the widgets, ${width} px wide`, async () => {
        const { page, context } = await open(path, undefined, width);
        await settled(page);
        await page.waitForTimeout(300);
        const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
        await context.close();
        assert.equal(shift, 0, `cumulative layout shift ${shift}`);
      });
    }

    it(`${path}: no axe violation, no script error`, async () => {
      const { page, context, errors } = await open(path);
      await settled(page);
      await page.evaluate(axeSource);
      const violations = (await page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: unknown[] }> } }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return (result.violations as { id: string; nodes: { target: unknown }[] }[]).map(
          (v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`,
        );
      })) as string[];
      assert.deepEqual(violations, []);
      // The unreachable API's page logs the failed requests, as browsers do.
      if (path !== '/hors-ligne/') assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('the React example and the console', () => {
  it('renders with @tec/react and passes typed events to onTec… props', async () => {
    const { page, context, errors } = await open('/react/');
    await settled(page, ['loaded']);
    // <Cooperations>' onTecMemberFocus (the Roya's): an actor's link, followed by keyboard.
    await page.locator('tec-cooperations').locator('a[part="actor"]').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      /Acteur demandé : /.test(document.getElementById('choice')!.textContent ?? ''),
    );
    await page.evaluate(() => history.replaceState(null, '', '/react/'));
    const map = page.locator('tec-territory-map');
    const trackerTerritory = () =>
      page.evaluate(() => document.querySelector('tec-phase-tracker')!.getAttribute('territory'));
    const before = await trackerTerritory();
    // Another territory than the tracker's (the first place is the Roya, already shown): the
    // choice must reach the tracker through React's props.
    const place = map.locator('[part="place"]').nth(1);
    const label = (await place.getAttribute('aria-label'))!.split(' — ')[0]!;
    await place.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      /Territoire choisi : /.test(document.getElementById('choice')!.textContent ?? ''),
    );
    await page.waitForFunction(
      (previous) => document.querySelector('tec-phase-tracker')!.getAttribute('territory') !== previous,
      before,
    );
    // The tracker shows the chosen territory (its heading names it, as the map's place does).
    const words = label.replace(/^(Secteur|Vallée|Quartier|Pays) (de la |de l’|du |des |de |d’)?/, '');
    assert.ok(words.length >= 4, `a name to look for in « ${label} »`);
    await page.waitForFunction(
      (w) =>
        (
          document.querySelector('tec-phase-tracker')!.shadowRoot!.querySelector('h2')?.textContent ?? ''
        ).includes(w),
      words,
    );
    assert.equal(new URL(page.url()).pathname, '/react/', 'the handler prevented the navigation');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('sends a change from the console that reaches a widget open on another page, live', async () => {
    const context = await browser.newContext();
    const { page: partner } = await open('/kiif-roya/', context);
    await settled(partner, ['loaded']);
    // The demo's /console/ leads to the console the API serves (packages/console).
    const { page: console_ } = await open('/console/', context);
    assert.equal(console_.url(), `${api.url}/console/`);
    const name = `Épicerie solidaire e2e ${Date.now()}`;
    await console_.fill('#token', TEST_ADMIN_TOKEN);
    await console_.click('form[data-form="signin"] button[type="submit"]');
    await console_.selectOption('#territory', 'roya');
    await console_.getByRole('button', { name: 'Membres', exact: true }).click();
    const form = console_.locator('tec-console-members form[data-form="new"]');
    await form.locator('input[name="name"]').fill(name);
    await form.locator('button[type="submit"]').click();
    await form.getByText(/a été ajouté/).waitFor();
    await partner.waitForFunction(
      (n) => document.querySelector('tec-coalition-members')!.shadowRoot!.textContent!.includes(n),
      name,
      { timeout: 10_000 },
    );
    await context.close();
  });
});

describe('the space each widget holds (reserve.ts)', () => {
  // Widths between those `npm run reserve` measured at (every 10 px), where a line may wrap
  // sooner than the bands of the table assume.
  const widths = [295, 315, 335, 355, 375, 415, 455, 535, 615, 685, 695, 715, 735, 775, 855, 995, 1095];

  it('holds room for every widget’s content, in every variant measured, at any width', async () => {
    const over: string[] = [];
    for (const variant of VARIANTS) {
      const { page, context } = await open(variant[0], undefined, 1200);
      await settled(page, ['loaded']);
      for (const fit of await measureVariant(page, variant, widths))
        if (fit.content > fit.held + 0.5)
          over.push(`${fit.tag}${fit.row} at ${fit.width}px: ${fit.content} > ${fit.held}`);
      await context.close();
    }
    assert.deepEqual(over, []);
  });

  it('holds the same room while loading, on error and once loaded', async () => {
    const held = async (path: string, stall = false) => {
      const { page, context } = await open(path, undefined, 1200);
      // Requests to the API that never answer: the widgets stay in their loading state.
      if (stall) await page.route(`${api.url}/**`, () => {});
      if (stall) await page.reload();
      await settled(page, stall ? ['loading'] : ['loaded', 'error']);
      const fits = await measureFits(page, [320, 700, 960]);
      await context.close();
      return fits.map((f) => `${f.tag}${f.row} ${f.width}: ${f.held} ${f.content <= f.held + 0.5}`);
    };
    const loaded = await held('/habitants/');
    assert.equal(loaded.length, 12);
    assert.ok(
      loaded.every((f) => f.endsWith('true')),
      loaded.join('\n'),
    );
    assert.deepEqual(await held('/habitants/', true), loaded);
    // The unreachable API's page: every error state fits in the room its widget holds.
    const failed = await held('/hors-ligne/');
    assert.ok(failed.length === 12 && failed.every((f) => f.endsWith('true')), failed.join('\n'));
  });

  it('holds it before the script runs: the tags get their height from tec.css', async () => {
    const { page, context } = await open('/habitants/', undefined, 1024);
    // The widgets' chunks never arrive: only the page, tec.css and the loader.
    await page.route('**/cdn/**/tec-*-*.js', () => {});
    await page.reload();
    await page.waitForLoadState('load');
    const before = await page.$$eval('tec-phase-tracker, tec-engagement-cta', (tags) =>
      tags.map((t) => [t.localName, Math.round(t.getBoundingClientRect().height)]),
    );
    await page.unroute('**/cdn/**/tec-*-*.js');
    await page.reload();
    await settled(page, ['loaded']);
    const after = await page.$$eval('tec-phase-tracker, tec-engagement-cta', (tags) =>
      tags.map((t) => [t.localName, Math.round(t.getBoundingClientRect().height)]),
    );
    await context.close();
    assert.ok(
      before.every(([, h]) => (h as number) > 200),
      JSON.stringify(before),
    );
    assert.deepEqual(before, after);
  });

  it('adopts the reserve rules only on a page without tec.css, which holds them already', async () => {
    const adopted = async (withCss: boolean) => {
      const { page, context } = await open('/habitants/', undefined, 1024);
      if (!withCss) await page.route('**/cdn/**/tec.css', (route) => route.abort());
      // The widgets' chunks never arrive: the height is the loader's (or tec.css's) alone.
      await page.route('**/cdn/**/tec-*-*.js', () => {});
      await page.reload();
      await page.waitForLoadState('load');
      const result = await page.evaluate(() => ({
        sheets: document.adoptedStyleSheets.length,
        heights: [...document.querySelectorAll('tec-phase-tracker, tec-engagement-cta')].map((t) =>
          Math.round(t.getBoundingClientRect().height),
        ),
      }));
      await context.close();
      return result;
    };
    const linked = await adopted(true);
    const alone = await adopted(false);
    assert.equal(linked.sheets, 0, 'tec.css linked: no second copy of its rules');
    assert.equal(alone.sheets, 1, 'no tec.css: the loader adopts the rules');
    assert.deepEqual(alone.heights, linked.heights);
    assert.ok(
      linked.heights.every((h) => h > 200),
      JSON.stringify(linked.heights),
    );
  });
});

describe('the loader (tec.js)', () => {
  /** The widgets' own chunks a load asked for (not the runtime's, the labels' or the loader). */
  const widgetChunks = (requests: string[]) =>
    requests
      .map((u) => new URL(u).pathname.split('/').pop() ?? '')
      .filter((f) => /^tec-[a-z-]+-[a-z0-9]{8}\.js$/.test(f) && !/^tec-(runtime|sse)-/.test(f));

  it('starts the widgets after the task that ends parsing (and its first layout), and every one', async () => {
    const { page, context, errors, requests } = await open('/habitants/');
    await settled(page, ['loaded']);
    const timing = await page.evaluate(() => ({
      parsed: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
        .domContentLoadedEventEnd,
      runtime: performance
        .getEntriesByType('resource')
        .filter((r) => /\/tec-runtime-/.test(r.name))
        .map((r) => r.startTime),
    }));
    await context.close();
    assert.deepEqual(errors, []);
    assert.equal(widgetChunks(requests).length, 4, widgetChunks(requests).join(' '));
    assert.equal(timing.runtime.length, 1, 'the runtime chunk, fetched once');
    // tec.js runs as parsing ends; the chunks are asked for in a later task, after a frame.
    assert.ok(
      timing.runtime[0]! > timing.parsed,
      `DOMContentLoaded over at ${timing.parsed} ms, runtime asked for at ${timing.runtime[0]} ms`,
    );
  });

  it('skips a tag that the page removes before its turn, without an error', async () => {
    const { page, context, errors, requests } = await open('/habitants/');
    await settled(page, ['loaded']);
    // As the first widget starts (its preload links appear), the page takes out all the others.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const links = [...document.querySelectorAll('link[rel="modulepreload"]')];
        if (!links.length) return;
        observer.disconnect();
        const tags = [...document.querySelectorAll('[api]')];
        const started = tags.find((t) =>
          links.some((l) => l.getAttribute('href')?.includes(`/${t.localName}-`)),
        );
        for (const tag of tags) if (tag !== started) tag.remove();
      }).observe(document, { childList: true, subtree: true });
    });
    requests.length = 0;
    await page.reload();
    await settled(page, ['loaded']);
    await page.waitForTimeout(300);
    const left = await page.$$eval('[api]', (tags) => tags.map((t) => t.localName));
    await context.close();
    assert.deepEqual(errors, []);
    assert.equal(left.length, 1);
    assert.deepEqual(
      widgetChunks(requests).map((f) => f.replace(/-[a-z0-9]{8}\.js$/, '')),
      left,
    );
  });
});

describe('live updates', () => {
  it('the four widgets of one territory share one live connection, filtered on it', async () => {
    const { page, requests, context } = await open('/habitants/');
    await settled(page, ['loaded']);
    await page.waitForTimeout(300);
    const streams = requests.filter((u) => new URL(u).pathname.endsWith('/v1/events'));
    await context.close();
    // Not one per widget, and not reopened unfiltered when the map (a widget that can also show
    // every territory) arrives last.
    assert.deepEqual(
      streams.map((u) => new URL(u).searchParams.get('territory')),
      ['roya'],
    );
  });
});

describe('a resident who loses the connection', () => {
  it('sees every widget say it is offline, keeping what it shows, then load again', async () => {
    const { page, context, errors } = await open('/habitants/');
    await settled(page, ['loaded']);
    const statuses = () =>
      page.$$eval('tec-phase-tracker, tec-territory-map, tec-coalition-members, tec-engagement-cta', (tags) =>
        tags.map((t) => (t as HTMLElement & { status: string }).status),
      );
    // Chromium's own offline mode: navigator.onLine is false and every request fails.
    await context.setOffline(true);
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement & { status: string }>('[api]')].every(
        (t) => t.status === 'offline',
      ),
    );
    const shown = await page.$$eval('[api]', (tags) =>
      tags.map((t) => ({
        notice: t.shadowRoot!.querySelector('[part="offline"]')?.textContent?.trim() ?? '',
        heading: t.shadowRoot!.querySelector('h2')?.textContent ?? '',
      })),
    );
    assert.equal(shown.length, 4);
    for (const { notice, heading } of shown) {
      assert.match(notice, /hors ligne/);
      assert.match(heading, /Roya/, 'the data shown before stays');
    }
    // A widget added while offline (another address: nothing cached) says so, not "no service".
    await page.evaluate((url) => {
      const tracker = document.createElement('tec-phase-tracker');
      tracker.setAttribute('api', url.replace('127.0.0.1', 'localhost'));
      tracker.setAttribute('territory', 'roya');
      tracker.id = 'late';
      document.querySelector('main')!.append(tracker);
    }, api.url);
    await page.waitForFunction(
      () =>
        (document.getElementById('late') as (HTMLElement & { status?: string }) | null)?.status === 'offline',
    );
    // It has nothing to show yet: its title, and that the visitor is offline (not the service).
    const late = await page.$eval('#late', (t) => ({
      title: t.shadowRoot!.querySelector('h2')?.textContent?.trim(),
      message: t.shadowRoot!.querySelector('[part="error"] p')?.textContent?.trim() ?? '',
    }));
    assert.match(late.title ?? '', /programme TEC/);
    assert.match(late.message, /Vous êtes hors ligne/);
    assert.doesNotMatch(late.message, /ne répond pas/);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(c: unknown): Promise<{ violations: { id: string }[] }> } }
      ).axe;
      return (await axe.run(document)).violations.map((v) => v.id);
    });
    assert.deepEqual(violations, []);

    await page.evaluate(() => document.getElementById('late')!.remove());
    await context.setOffline(false);
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement & { status: string }>('[api]')].every(
        (t) => t.status === 'loaded' && !t.shadowRoot!.querySelector('[part="offline"]'),
      ),
    );
    assert.deepEqual(await statuses(), ['loaded', 'loaded', 'loaded', 'loaded']);
    // The failed requests while offline are logged by the browser; no script error.
    assert.deepEqual(
      errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)),
      [],
    );
    await context.close();
  });
});

describe('what a visitor and a webmaster meet on a partner page', () => {
  for (const path of PAGES) {
    for (const width of [375, 1280]) {
      it(`${path}: no widget makes the page longer than its content, ${width} px wide`, async () => {
        const { page, context } = await open(path, undefined, width);
        await settled(page);
        await page.waitForTimeout(300);
        const heights = await pageHeights(page);
        await context.close();
        assert.ok(heights.document <= heights.content + 1, JSON.stringify(heights));
      });
    }
  }

  it('every page names its icon and describes itself; the icon is served', async () => {
    for (const path of [...PAGES, '/']) {
      const { page, context } = await open(path);
      const head = await page.evaluate(() => ({
        description: document.querySelector<HTMLMetaElement>('meta[name="description"]')?.content ?? '',
        icon: document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '',
      }));
      await context.close();
      assert.ok(head.description.length > 40, `${path}: ${head.description}`);
      assert.ok(head.icon.endsWith('/favicon.svg'), `${path}: ${head.icon}`);
    }
    for (const icon of ['/favicon.svg', '/favicon.ico']) {
      const response = await fetch(`${demo.url}${icon}`);
      assert.equal(response.status, 200, icon);
      assert.match(response.headers.get('content-type') ?? '', /image\/svg\+xml/);
    }
  });

  it('a provider’s widgets load whichever chunk comes first, 30 times each way, never misconfigured', async () => {
    const failures: string[] = [];
    for (const late of ['tec-provider', 'tec-phase-tracker']) {
      for (let i = 0; i < 30; i += 1) {
        const { page, context } = await open('/provider/');
        // The chosen chunk arrives last: the others upgrade first.
        await page.route(`**/cdn/**/${late}-*.js`, async (route) => {
          await new Promise((r) => setTimeout(r, 150 + (i % 3) * 100));
          await route.continue();
        });
        await page.reload();
        await settled(page, ['loaded', 'error', 'empty']);
        const seen = await page.evaluate(() => ({
          statuses: [...document.querySelectorAll<HTMLElement & { status: string }>('tec-provider > *')].map(
            (w) => w.status,
          ),
          errors: (window as unknown as { tecErrors: string[] }).tecErrors,
          headings: [...document.querySelectorAll('tec-provider > *')].map(
            (w) => w.shadowRoot!.querySelector('h2')?.textContent?.trim() ?? '',
          ),
        }));
        await context.close();
        const ok =
          seen.statuses.every((s) => s === 'loaded') &&
          seen.errors.length === 0 &&
          /^Programme progress — Vallée de la Roya/.test(seen.headings[0]!) &&
          /^Committed actors — Vallée de la Roya/.test(seen.headings[1]!) &&
          /^Avancement du programme — .*Forbach/.test(seen.headings[2]!);
        if (!ok) failures.push(`${late} late, load ${i + 1}: ${JSON.stringify(seen)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('fetches a territory’s members once on a page with the map and the list', async () => {
    for (const path of ['/habitants/', '/kiif-roya/']) {
      const { page, requests, context } = await open(path);
      await settled(page, ['loaded']);
      await page.waitForTimeout(300);
      await context.close();
      const members = requests.filter((u) => new URL(u).pathname === '/v1/territories/roya/members');
      assert.equal(members.length, 1, `${path}: ${members.join('\n')}`);
    }
  });

  it('on /fondation/, a territory chosen on the map leads to its own tracker, and each fallback link to its own page', async () => {
    const { page, context } = await open('/fondation/');
    await settled(page, ['loaded']);
    const forbach = page.locator('tec-territory-map [part="place"][aria-label^="Secteur de Forbach"]');
    await forbach.dispatchEvent('click');
    await page.waitForFunction(() => location.hash === '#territoire-forbach');
    const fallbacks = await page.$$eval('tec-phase-tracker > a', (links) =>
      links.map((a) => [a.parentElement!.getAttribute('territory'), (a as HTMLAnchorElement).href]),
    );
    await context.close();
    assert.equal(fallbacks.length, 6);
    for (const [slug, href] of fallbacks) assert.ok(href!.endsWith(`/${slug}`), `${slug}: ${href}`);
  });

  it('on an unreachable API, every widget keeps its title and fallback link and blames the service', async () => {
    const { page, context } = await open('/hors-ligne/', undefined, 1280);
    await settled(page, ['error']);
    const views = await page.$$eval('[api]', (tags) =>
      tags.map((t) => ({
        title: t.shadowRoot!.querySelector('h2')?.textContent?.trim() ?? '',
        message: t.shadowRoot!.querySelector('[part="error"] p')?.textContent?.trim() ?? '',
        retry: !!t.shadowRoot!.querySelector('[part="retry"]'),
        fallback: (t.shadowRoot!.querySelector('[part="fallback"] slot') as HTMLSlotElement | null)
          ?.assignedElements()
          .map((e) => e.textContent?.trim()),
        outline: t.shadowRoot!.querySelectorAll('.quiet .skeleton').length,
      })),
    );
    await context.close();
    assert.equal(views.length, 4);
    for (const v of views) {
      assert.ok(v.title.length > 5, JSON.stringify(v));
      assert.match(v.message, /ne répond pas pour le moment/);
      assert.doesNotMatch(v.message, /connexion/);
      assert.ok(v.retry && v.fallback?.length === 1 && v.outline > 0, JSON.stringify(v));
    }
  });

  it('listens to the wheel on a map only where it zooms (a static map leaves scrolling alone)', async () => {
    const { page, context } = await open('/habitants/');
    await settled(page, ['loaded']);
    const cdp = await context.newCDPSession(page);
    const wheel = async () => {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: `document.querySelector('tec-territory-map').shadowRoot.querySelector('.box')`,
      });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      return listeners.filter((l) => l.type === 'wheel').length;
    };
    assert.equal(await wheel(), 1, 'Ctrl + wheel zooms: one listener, which must be able to cancel');
    await page.$eval('tec-territory-map', (m) => m.setAttribute('static', ''));
    await page.waitForFunction(
      () => !document.querySelector('tec-territory-map')!.shadowRoot!.querySelector('.controls'),
    );
    assert.equal(await wheel(), 0, 'no listener at all on a static map: scrolling is never blocked');
    await context.close();
  });

  it('shows light widgets on a light page to a visitor whose system is dark', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const { page } = await open('/habitants/', context);
    await settled(page, ['loaded']);
    const backgrounds = await page.$$eval('[api]', (tags) =>
      tags.map((t) => getComputedStyle(t).backgroundColor),
    );
    await context.close();
    assert.deepEqual(backgrounds, Array(4).fill('rgb(255, 255, 255)'));
  });
});
