/**
 * `@tec/react` on a server: `renderToString` writes each widget's tag with its attributes, its
 * fallback content (the page's children, or a line of text: never a bare tag) and the rules that
 * hold its height before its script runs. The same page, hydrated in Chromium (React's
 * development build, which reports every mismatch) against a real API: no warning, no error,
 * every widget loads, and nothing moves (layout shift 0).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright';
import { freePort, startTestServer } from '@tec/api/testing';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

describe('@tec/react rendered on a server', () => {
  let api: Awaited<ReturnType<typeof startTestServer>>;
  let server: Server;
  let origin = '';
  let browser: Browser;
  let html = '';
  let bare = '';

  before(async () => {
    api = await startTestServer();
    // A server of its own, in its own Node process: the page bundled for Node from the sources
    // (Lit's Node build, its DOM shim), React left to node_modules.
    const rendered = await build({
      entryPoints: [fileURLToPath(new URL('react-ssr/render.tsx', import.meta.url))],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      jsx: 'automatic',
      conditions: ['source'],
      external: ['react', 'react-dom'],
      logLevel: 'warning',
    });
    const child = promisify(execFile)(process.execPath, ['--input-type=module', '-', api.url], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    });
    child.child.stdin!.end(rendered.outputFiles[0]!.text);
    const { stdout } = await child;
    ({ html, bare } = JSON.parse(stdout) as { html: string; bare: string });
    const client = await build({
      entryPoints: [fileURLToPath(new URL('react-ssr/client.tsx', import.meta.url))],
      bundle: true,
      write: false,
      format: 'esm',
      jsx: 'automatic',
      // React's development build: it logs every hydration mismatch.
      define: { 'process.env.NODE_ENV': '"development"' },
      conditions: ['source'],
      logLevel: 'warning',
    });
    const script = client.outputFiles[0]!.text;
    const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>SSR</title></head><body><div id="root" data-api="${api.url}">${html}</div><script type="module" src="/client.js"></script></body></html>`;
    const port = await freePort();
    server = createServer((req, res) => {
      if (req.url === '/client.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
  });

  after(async () => {
    await browser?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await api?.close();
  });

  it('writes the tags with their attributes and fallback content, and the rules that hold their height', () => {
    assert.match(
      html,
      /<tec-phase-tracker api="[^"]+" territory="roya" layout="compact"><a href="https:\/\/example\.org\/tec\/roya">Le programme TEC dans la vallée de la Roya<\/a><\/tec-phase-tracker>/,
    );
    assert.match(
      html,
      /<tec-coalition-members api="[^"]+" territory="roya"><p>Territoires d’Engagement et de Coopération \(TEC\)<\/p><\/tec-coalition-members>/,
    );
    assert.match(html, /<style[^>]*>[^<]*tec-phase-tracker:not\(:defined\)\[layout=compact\]::before\{--_r:/);
    assert.match(html, /height:var\(--tec-min-height,var\(--_r\)\)/);
  });

  it('leaves the rules out with reserve={false} (for a strict style-src: link tec.css instead)', () => {
    assert.equal(
      bare,
      '<tec-phase-tracker territory="roya"><p>Territoires d’Engagement et de Coopération (TEC)</p></tec-phase-tracker>',
    );
  });

  it('hydrates in Chromium with no warning, loads every widget, and nothing moves', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (m) => {
      if (['error', 'warning'].includes(m.type())) messages.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => messages.push(e.message));
    await page.addInitScript(() => {
      const w = window as unknown as { shift: number };
      w.shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
          w.shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(origin);
    // Before the script: the server's text is on the page and the tags already hold their room.
    const before = await page.evaluate(() =>
      [...document.querySelectorAll('tec-phase-tracker, tec-coalition-members')].map((e) => ({
        text: e.textContent,
        height: e.getBoundingClientRect().height,
      })),
    );
    assert.ok(before.every((b) => b.text && b.text.length > 10));
    await page.waitForFunction(() =>
      [
        ...document.querySelectorAll<HTMLElement & { status?: string }>(
          'tec-phase-tracker, tec-coalition-members',
        ),
      ].every((e) => e.status === 'loaded'),
    );
    await page.waitForLoadState('networkidle');
    assert.deepEqual(messages, []);
    assert.equal(await page.evaluate(() => (window as unknown as { shift: number }).shift), 0);
    await context.close();
  });
});
