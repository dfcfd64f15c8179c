/**
 * The WordPress plugin in a real WordPress (Debian's packages, a private MariaDB and PHP's
 * built-in server: wordpress.ts), against the real API on a temporary database and the built CDN
 * set, in Chromium: an administrator activates and sets it up, an editor (who cannot save a
 * <script>) adds each widget with the block and with the shortcode, and a resident sees them live.
 *
 * TEC_SCREENSHOTS=<folder> also saves screenshots of the editor and the page (375 and 1280 px).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { startTestServer, TEST_ADMIN_TOKEN } from '@tec/api/testing';
import { buildDemo, startDemoServer, type DemoServer } from '../../../scripts/demo.js';
import { missing, startWordPress, type WordPress } from './wordpress.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../../..');
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = process.env.TEC_SCREENSHOTS;
const WIDGETS = ['territory-map', 'phase-tracker', 'coalition-members', 'engagement-cta'];

let wp: WordPress;
let api: Awaited<ReturnType<typeof startTestServer>>;
let cdn: DemoServer;
let browser: Browser;
let blockPage = '';
let shortcodePage = '';

before(async () => {
  const lacking = missing();
  if (lacking)
    throw new Error(`The WordPress test needs Debian's packages: ${lacking} (.ci/run installs them).`);
  await buildDemo({ log: () => {} }); // the CDN set, if npm test has not built it
  execFileSync(process.execPath, [join(root, 'packages/wordpress/build.mjs')], { stdio: 'ignore' });
  wp = await startWordPress();
  api = await startTestServer({ config: { allowedOrigins: [wp.url] } });
  cdn = await startDemoServer({ apiUrl: api.url }); // serves dist/cdn as a CDN would
  browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
});

after(async () => {
  await (globalThis as unknown as { dbg?: Page }).dbg
    ?.screenshot({ path: '/tmp/wp-dbg-fail.png' })
    .catch(() => {});
  await browser?.close();
  await cdn?.close();
  await api?.close();
  await wp?.close();
});

/** A logged-in browser context for a WordPress user. */
async function login(user: { user: string; password: string }, width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${wp.url}/wp-login.php`);
  await page.fill('#user_login', user.user);
  await page.fill('#user_pass', user.password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
  await page.close();
  return context;
}

/** Opens a page, recording script errors, dialogs and layout shifts. */
async function visit(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { shift: number };
    w.shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!entry.hadRecentInput) w.shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  return { page, errors, dialogs };
}

/** Waits until every TEC widget on the page has loaded its data. */
const loaded = (page: Page, count: number) =>
  page.waitForFunction(
    (n) => {
      const tags = [...document.querySelectorAll<HTMLElement & { status?: string }>('*')].filter(
        (e) => e.localName.startsWith('tec-') && e.localName !== 'tec-provider',
      );
      return tags.length === n && tags.every((t) => t.shadowRoot && t.status === 'loaded');
    },
    count,
    { timeout: 20_000 },
  );

const text = (page: Page, tag: string) =>
  page.$eval(tag, (t) => t.shadowRoot!.textContent!.replace(/\s+/g, ' '));

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            c: unknown,
            o: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    // Twenty Twenty-Three's own skip link sits outside any landmark (axe's `region`, a best
    // practice, on the theme's markup at some widths): left out; everything else is checked.
    const result = await axe.run({ exclude: [['.skip-link']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

async function shot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: name.startsWith('page') });
}

const phpFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? phpFiles(path) : name.endsWith('.php') ? [path] : [];
  });

describe('the plugin’s sources', () => {
  it('pass PHP’s linter (php -l), every file', () => {
    const files = phpFiles(join(root, 'packages/wordpress'));
    assert.ok(files.length >= 12, files.join());
    const broken = files
      .map((f) => [f, spawnSync('php', ['-l', f], { encoding: 'utf8' })] as const)
      .filter(([, r]) => r.status !== 0)
      .map(([f, r]) => `${f}: ${r.stdout}${r.stderr}`);
    assert.deepEqual(broken, []);
  });

  it('have a French translation for every string', () => {
    const dir = join(root, 'packages/wordpress/tec-widgets');
    const sources = [...phpFiles(dir).filter((f) => !f.includes('/languages/')), join(dir, 'block/index.js')];
    const ids = new Set<string>();
    for (const file of sources)
      for (const m of readFileSync(file, 'utf8').matchAll(
        /(?:__|esc_html__|esc_attr__)\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g,
      ))
        ids.add((m[1] ?? m[2]!).replace(/\\(['"])/g, '$1'));
    const block = JSON.parse(readFileSync(join(dir, 'block/block.json'), 'utf8')) as Record<string, string>;
    ids.add(block.title!).add(block.description!);
    const table = JSON.parse(
      execFileSync('php', ['-r', `echo json_encode(array_keys(require '${dir}/languages/fr_FR.php'));`], {
        encoding: 'utf8',
      }),
    ) as string[];
    assert.ok(ids.size > 40, `${ids.size} strings found`);
    assert.deepEqual(
      [...ids].filter((id) => !table.includes(id)),
      [],
    );
  });
});

describe('WordPress with the plugin', () => {
  it('an administrator activates it and sets it up in Réglages → TEC', async () => {
    const context = await login(wp.admin);
    const { page } = await visit(context, `${wp.url}/wp-admin/plugins.php`);
    await page.click('#activate-tec-widgets');
    await page.waitForSelector('#message');
    assert.equal(await page.locator('tr.active[data-plugin="tec-widgets/tec-widgets.php"]').count(), 1);

    await page.goto(`${wp.url}/wp-admin/options-general.php?page=tec-widgets`);
    // A bad address is refused, and says so.
    await page.fill('#tec-api_url', 'javascript:alert(1)');
    await page.click('#submit');
    await page.waitForSelector('#setting-error-tec-api_url');
    assert.equal(await page.inputValue('#tec-api_url'), '');

    await page.fill('#tec-api_url', api.url);
    await page.fill('#tec-cdn_url', `${cdn.url}/cdn/`);
    await page.fill('#tec-territory', 'roya');
    await page.selectOption('#tec-theme', 'light');
    await page.fill('#tec-link_url', 'https://example.org/tec');
    await page.fill('#tec-controller', 'Commune de Saint-Exemple (fictive)');
    await page.fill('#tec-controller_contact', 'dpo@saint-exemple.example');
    await page.click('#submit');
    await page.waitForSelector('#setting-error-settings_updated');
    assert.equal(await page.inputValue('#tec-api_url'), api.url);
    // What the site's policy must allow; the page in French (the site's language).
    const csp = await page.textContent('#tec-csp');
    assert.match(csp!, new RegExp(`script-src ${cdn.url.replace(/\./g, '\\.')};`));
    assert.match(csp!, new RegExp(`connect-src ${api.url.replace(/\./g, '\\.')};`));
    assert.match((await page.textContent('.wrap h1'))!, /Widgets TEC/);
    // The suggested privacy text is in WordPress's policy guide.
    await page.goto(`${wp.url}/wp-admin/options-privacy.php?tab=policyguide`);
    assert.match((await page.textContent('body'))!, /ne déposent aucun cookie/);
    await context.close();
  });

  it('an editor, who cannot save a <script>, adds each widget with the block', async () => {
    assert.equal(wp.editor.unfilteredHtml, false, 'the editor lacks unfiltered_html');
    const context = await login(wp.editor);
    const { page, errors } = await visit(context, `${wp.url}/wp-admin/post-new.php?post_type=page`);
    (globalThis as unknown as { dbg: Page }).dbg = page;
    await page.waitForSelector('.editor-post-title__input, [aria-label="Add title"]');
    await page.click('[aria-label="Add title"]');
    await page.keyboard.type('Le programme TEC dans la Roya');
    for (const [i, widget] of WIDGETS.entries()) {
      // The inserter, as an editor uses it: search "Widget TEC", choose it.
      const search = page.locator('.block-editor-inserter__search input');
      if (!(await search.isVisible())) await page.click('button[aria-label="Toggle block inserter"]');
      await search.fill('Widget TEC');
      await page.click('button.editor-block-list-item-tec-widget');
      if (!(await page.isVisible('.interface-complementary-area')))
        await page.click('.edit-post-header button[aria-label="Settings"]');
      // Its settings, in the sidebar: the widget and the territory (listed from the API).
      const sidebar = page.locator('.interface-complementary-area');
      await sidebar.getByLabel('Widget', { exact: true }).selectOption(widget);
      if (widget !== 'territory-map') {
        const territory = sidebar.getByLabel('Territoire', { exact: true });
        await page.waitForFunction(() =>
          [...document.querySelectorAll('.interface-complementary-area option')].some(
            (o) => o.textContent === 'Vallée de la Roya',
          ),
        );
        await territory.selectOption({ label: 'Vallée de la Roya' });
      }
      // The preview is the live widget.
      await page.waitForFunction(
        ([tag, n]) => {
          const all = document.querySelectorAll<HTMLElement & { status?: string }>(
            `.editor-styles-wrapper ${tag}`,
          );
          return (
            all.length === 1 &&
            all[0]!.status === 'loaded' &&
            document.querySelectorAll('.wp-block-tec-widget').length === n
          );
        },
        [`tec-${widget}`, i + 1] as const,
        { timeout: 20_000 },
      );
    }
    assert.match(await text(page, '.editor-styles-wrapper tec-phase-tracker'), /Roya/);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('.editor-styles-wrapper tec-engagement-cta').scrollIntoViewIfNeeded();
    await shot(page, 'editor-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    await shot(page, 'editor-375');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.click('.editor-post-publish-panel__toggle');
    await page.click('.editor-post-publish-panel .editor-post-publish-button');
    await page.waitForSelector('.post-publish-panel__postpublish-header a');
    blockPage = (await page.getAttribute('.post-publish-panel__postpublish-header a', 'href'))!;
    assert.match(blockPage, /page_id=\d+|\/\?p=\d+|\/[a-z-]+\/$/);
    // The page holds the blocks' attributes only: no tag, no script in its content.
    const content = await page.evaluate(() =>
      (
        window as unknown as { wp: { data: { select(s: string): { getEditedPostContent(): string } } } }
      ).wp.data
        .select('core/editor')
        .getEditedPostContent(),
    );
    assert.equal((content.match(/<!-- wp:tec\/widget/g) ?? []).length, 4, content);
    assert.doesNotMatch(content, /<script|<tec-/);
    assert.deepEqual(
      errors.filter((e) => !/Failed to load resource/.test(e)),
      [],
    );
    await context.close();
  });

  it('a resident sees each widget with live data, axe-clean, without layout shift', async () => {
    for (const width of [1280, 375]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const { page, errors } = await visit(context, blockPage);
      await loaded(page, 4);
      assert.match(await text(page, 'tec-phase-tracker'), /Roya/);
      assert.match(await text(page, 'tec-coalition-members'), /Roya|membre/i);
      assert.match(await text(page, 'tec-engagement-cta'), /Vallée de la Roya.*places restantes/);
      // The settings' data controller, for the sign-up form's notice.
      assert.equal(
        await page.getAttribute('tec-engagement-cta', 'controller'),
        'Commune de Saint-Exemple (fictive)',
      );
      assert.ok(
        await page.$eval(
          'tec-territory-map',
          (m) => m.shadowRoot!.querySelectorAll('[part~="place"]').length >= 6,
        ),
      );
      // The loader and the style sheet, once each, checked against their hashes.
      const assets = await page.$$eval('script[src*="/tec.js"], link[href*="/tec.css"]', (els) =>
        els.map((e) => `${e.localName} ${e.getAttribute('integrity')} ${e.getAttribute('crossorigin')}`),
      );
      assert.equal(assets.length, 2, assets.join('\n'));
      for (const a of assets) assert.match(a, / sha384-[A-Za-z0-9+/=]{64} anonymous$/);
      assert.equal(await page.getAttribute('script[src*="/tec.js"]', 'type'), 'module');
      await page.waitForTimeout(300);
      assert.equal(
        await page.evaluate(() => (window as unknown as { shift: number }).shift),
        0,
        `layout shift at ${width} px`,
      );
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
      await page.locator('tec-phase-tracker').scrollIntoViewIfNeeded();
      await shot(page, `page-${width}`);
      await context.close();
    }
  });

  it('shows a change made through the admin API, live', async () => {
    const context = await browser.newContext();
    const { page } = await visit(context, blockPage);
    await loaded(page, 4);
    const name = `Abri solidaire e2e ${Date.now()}`;
    const response = await fetch(`${api.url}/v1/admin/territories/roya/members`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        kind: 'association',
        joinedAt: '2026-11-20',
        commune: null,
        website: null,
        logo: null,
      }),
    });
    assert.equal(response.status, 201, await response.text());
    await page.waitForFunction(
      (n) => document.querySelector('tec-coalition-members')!.shadowRoot!.textContent!.includes(n),
      name,
      { timeout: 10_000 },
    );
    await context.close();
  });

  it('an editor’s shortcodes render, and hostile ones render safely', async () => {
    const context = await login(wp.editor);
    const { page } = await visit(context, `${wp.url}/wp-admin/post-new.php?post_type=page`);
    await page.waitForSelector('.editor-post-title__input, [aria-label="Add title"]');
    // The editor's own session saves the page through the REST API, as the editor does.
    const content = [
      '<!-- wp:shortcode -->[tec widget="phase-tracker" territory="roya" theme="dark"]<!-- /wp:shortcode -->',
      '<!-- wp:shortcode -->[tec widget="../../x"]<!-- /wp:shortcode -->',
      '<!-- wp:shortcode -->[tec widget="phase-tracker" territory="<script>alert(1)</script>"]<!-- /wp:shortcode -->',
      '<!-- wp:shortcode -->[tec widget="phase-tracker" territory="roya" theme="x&quot; onmouseover=&quot;alert(2)"]<!-- /wp:shortcode -->',
      '<!-- wp:shortcode -->[tec widget="coalition-members" layout="grid" data-x="1"]<!-- /wp:shortcode -->',
      '<!-- wp:tec/widget {"widget":"phase-tracker","territory":"\\u003cimg src=x onerror=alert(3)\\u003e"} /-->',
    ].join('\n');
    const link = await page.evaluate(async (c) => {
      const wpApi = (window as unknown as { wp: { apiFetch(o: unknown): Promise<{ link: string }> } }).wp;
      const created = await wpApi.apiFetch({
        path: '/wp/v2/pages',
        method: 'POST',
        data: { title: 'Shortcodes', content: c, status: 'publish' },
      });
      return created.link;
    }, content);
    shortcodePage = link;
    await context.close();

    const resident = await browser.newContext();
    const { page: view, dialogs, errors } = await visit(resident, shortcodePage);
    await loaded(view, 2);
    const html = await view.content();
    // Valid ones: live, with their attributes.
    assert.equal(await view.getAttribute('tec-phase-tracker', 'theme'), 'dark');
    assert.equal(await view.getAttribute('tec-coalition-members', 'layout'), 'grid');
    // Hostile ones: the fallback link after a comment saying why; nothing runs.
    assert.match(html, /<!-- TEC: widget "\.\.\/\.\.\/x" inconnu/);
    assert.match(html, /<!-- TEC: le territoire "[^"]*" n’est pas un identifiant de territoire/);
    assert.match(html, /<!-- TEC: le thème "x&quot; onmouseover=&quot;alert\(2\)" n’est pas/);
    assert.match(html, /<!-- TEC: attribut "data-x" ignoré/);
    assert.equal(
      await view
        .locator('a.tec-widget-fallback:not(tec-phase-tracker a):not(tec-coalition-members a)')
        .count(),
      4,
    );
    const scripts = await view.$$eval('script', (s) =>
      s.map((e) => e.getAttribute('src') ?? e.textContent!.slice(0, 80)),
    );
    assert.ok(!scripts.some((s) => /alert/.test(s)), scripts.join('\n'));
    assert.equal(await view.locator('[onmouseover], [onerror], img[src="x"]').count(), 0);
    await view.mouse.move(10, 10);
    await view.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(await axe(view), []);
    await resident.close();
  });

  it('the renderer refuses hostile attributes by itself, without a PHP notice', () => {
    const cases = [
      { widget: '../../x' },
      { widget: ['phase-tracker'] },
      { widget: 'phase-tracker', territory: '<script>alert(1)</script>' },
      { widget: 'phase-tracker', territory: 'roya" onload="alert(1)' },
      { widget: 'phase-tracker', territory: 'roya', theme: '--><script>alert(1)</script>' },
      { widget: 'phase-tracker', territory: 'roya', layout: 'vertical"><script>' },
      { widget: 'engagement-cta', territory: 'roya', controller: '<b>x</b>' },
      { widget: 'engagement-cta', territory: 'roya', 'controller-contact': 'javascript:alert(1)' },
      { widget: 'territory-map', static: 'true' },
      { widget: 'coalition-members', territory: 'entre-deux-mers', layout: 'grid' },
    ];
    const out = execFileSync('php', [join(here, 'render-check.php')], {
      input: JSON.stringify(cases),
      encoding: 'utf8',
      env: { ...process.env, TEC_WP_SITE: wp.site, TEC_WP_HOST: new URL(wp.url).host },
    });
    const rendered = JSON.parse(out) as { shortcode: string; block: string }[];
    assert.equal(rendered.length, cases.length);
    for (const [i, r] of rendered.entries()) {
      for (const html of [r.shortcode, r.block]) {
        // Outside comments, nothing of the hostile values; inside, nothing that could end one.
        for (const c of html.match(/<!--[\s\S]*?-->/g) ?? [])
          assert.doesNotMatch(c.slice(4, -3), /[<>]|--/, c);
        const markup = html.replace(/<!--[\s\S]*?-->/g, '');
        assert.doesNotMatch(markup, /<script|onload|onerror|javascript:|<b>|alert/i, html);
      }
      if (i < 8)
        assert.match(
          r.shortcode,
          /^<!-- TEC: [^]*<a class="tec-widget-fallback" href="https:\/\/example\.org\/tec">/,
          r.shortcode,
        );
    }
    assert.match(rendered[8]!.shortcode, /^<tec-territory-map api="[^"]+" theme="light" static>/);
    assert.match(
      rendered[9]!.block,
      /^<div class="wp-block-tec-widget"><tec-coalition-members [^>]*territory="entre-deux-mers"[^>]*layout="grid"/,
    );
    assert.deepEqual(
      wp
        .debugLog()
        .split('\n')
        .filter((l) => /tec-widgets/.test(l)),
      [],
    );
  });

  it('a page without a widget loads neither the script nor the style sheet', async () => {
    const context = await browser.newContext();
    const { page } = await visit(context, `${wp.url}/?page_id=2`); // WordPress's sample page
    assert.match(await page.title(), /./);
    assert.equal(await page.locator('script[src*="/tec.js"], link[href*="/tec.css"]').count(), 0);
    await context.close();
  });

  it('logs no PHP notice from the plugin', () => {
    const log = wp.debugLog();
    assert.ok(log.length > 0, 'WordPress 6.1 on PHP 8.2 logs its own deprecations: the log is read');
    assert.deepEqual(
      log.split('\n').filter((l) => /tec-widgets|TecWidgets/.test(l)),
      [],
    );
  });
});
