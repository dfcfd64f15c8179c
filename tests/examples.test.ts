/**
 * The framework examples build and run: examples/react-vite (Vite + React with @tec/react) and
 * examples/vue-vite (Vue 3 single-file component, tec-* declared as custom elements to Vue's
 * compiler) are each built once with Vite, from the workspace's packages, then served on
 * loopback and opened in Chromium against a real API: every widget loads, choosing a territory
 * on the map reaches the app through the widget's event, and nothing is logged as an error.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright';
import { freePort, startTestServer } from '@tec/api/testing';
import { buildPackages } from '../scripts/release.js';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = ['react-vite', 'vue-vite'] as const;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

describe('the framework examples, built with Vite and run in Chromium', () => {
  let api: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const out = mkdtempSync(join(tmpdir(), 'tec-examples-'));
  const servers: Server[] = [];
  const origins: Record<string, string> = {};

  before(async () => {
    buildPackages(); // @tec/react and @tec/widgets resolve to their dist/, as from npm
    api = await startTestServer();
    for (const name of EXAMPLES) {
      const dir = join(root, 'examples', name);
      const started = performance.now();
      process.env.VITE_TEC_API = api.url;
      await build({
        root: dir,
        configFile: join(dir, 'vite.config.ts'),
        logLevel: 'warn',
        // Unminified: the Vue check below reads the compiled template's calls by name.
        build: { outDir: join(out, name), emptyOutDir: true, minify: false },
      });
      console.log(`# vite build examples/${name}: ${Math.round(performance.now() - started)} ms`);
      const port = await freePort();
      const server = createServer((req, res) => {
        const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
        const file = join(out, name, path === '' ? 'index.html' : path);
        if (!file.startsWith(join(out, name)) || !existsSync(file)) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(readFileSync(file));
      });
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      servers.push(server);
      origins[name] = `http://127.0.0.1:${port}`;
    }
    delete process.env.VITE_TEC_API;
    browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
  });

  after(async () => {
    await browser?.close();
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await api?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('compiles the Vue template with the tec-* tags as custom elements, not components', () => {
    const assets = join(out, 'vue-vite', 'assets');
    const js = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('\n');
    assert.ok(/createBaseVNode\("tec-territory-map"/.test(js), 'the template makes the element itself');
    // Without isCustomElement Vue looks each tag up as a component first.
    assert.ok(!/resolveComponent\("tec-/.test(js), 'no component lookup for tec-*');
  });

  for (const name of EXAMPLES) {
    it(`examples/${name}: every widget loads from the API, and the map's choice reaches the app`, async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(origins[name]!);
      const loaded = () =>
        page.waitForFunction(() => {
          const all = [
            ...document.querySelectorAll<HTMLElement & { status?: string }>(
              'tec-territory-map, tec-phase-tracker, tec-coalition-members',
            ),
          ];
          return all.length === 3 && all.every((e) => e.status === 'loaded');
        });
      await loaded();
      assert.equal(await page.textContent('#chosen'), 'Vallée de la Roya');
      // Another territory in phase, Entre-deux-Mers, chosen with the keyboard.
      await page.locator('tec-territory-map [part="place"]').nth(1).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.getElementById('chosen')!.textContent !== 'Vallée de la Roya',
      );
      const chosen = await page.textContent('#chosen');
      await loaded();
      const tracker = await page.locator('tec-phase-tracker').evaluate((e) => ({
        territory: (e as HTMLElement & { territory: string }).territory,
        text: e.shadowRoot!.textContent ?? '',
      }));
      assert.notEqual(tracker.territory, 'roya');
      assert.ok(chosen && tracker.text.includes(chosen), `${chosen} in the tracker`);
      assert.equal(new URL(page.url()).pathname, '/', 'the app handled the choice: no navigation');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
