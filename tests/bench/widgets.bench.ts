/**
 * `npm run bench:widgets` — each widget's first render with cached data, in headless Chromium.
 *
 * The widgets are bundled as the CDN will ship them (esbuild, minified), served beside the real
 * API (PGlite in memory). In the page, the shared SDK client's cache is warmed first; then each
 * widget is created 30 times and timed from `append` until it shows its data (`updateComplete`
 * after the loaded state). Side by side in the same run: the same widget with the cache emptied
 * before each render (every read goes to the server), as a ratio. Medians, in milliseconds.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { startTestServer } from '@tec/api/testing';

const RUNS = 30;
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

const bundle = await build({
  stdin: {
    contents: `import '@tec/widgets/define'; import { getTecClient } from '@tec/sdk';
      window.tec = { getTecClient };`,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['source'],
  write: false,
});
const script = bundle.outputFiles[0]!.text;

const api = await startTestServer();
const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>bench</title>
  <script type="module" src="/bundle.js"></script></head><body><main id="stage"></main></body></html>`;
const web = createServer((req, res) => {
  if (req.url === '/bundle.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
});
await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;

const browser = await chromium.launch({
  executablePath: chromePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const tab = await browser.newPage();
  await tab.goto(origin);
  await tab.waitForFunction(() => 'tec' in window && customElements.get('tec-engagement-cta'));
  // Plain JavaScript, not a function: tsx would add helpers the page does not have.
  const inPage = `(async ({ apiUrl, runs }) => {
    const stage = document.getElementById('stage');
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    async function renderOnce(tag, api) {
      const el = document.createElement(tag);
      el.setAttribute('api', api);
      el.setAttribute('territory', 'roya');
      const start = performance.now();
      stage.append(el);
      while (el.status === 'loading' || !el.shadowRoot?.querySelector('h2')) {
        await new Promise((r) => setTimeout(r, 0));
      }
      await el.updateComplete;
      const ms = performance.now() - start;
      el.remove();
      return ms;
    }
    const out = {};
    for (const tag of [
      'tec-phase-tracker',
      'tec-engagement-cta',
      'tec-territory-map',
      'tec-territory-portrait',
      'tec-cooperations',
    ]) {
      await renderOnce(tag, apiUrl); // warms the shared client's cache
      const cached = [];
      for (let i = 0; i < runs; i += 1) cached.push(await renderOnce(tag, apiUrl));
      const cold = [];
      for (let i = 0; i < runs; i += 1) {
        window.tec.getTecClient(apiUrl).cache.clear(); // every read goes to the server
        cold.push(await renderOnce(tag, apiUrl));
      }
      out[tag] = { cached: median(cached), cold: median(cold) };
    }
    return out;
  })(${JSON.stringify({ apiUrl: api.url, runs: RUNS })})`;
  const results = (await tab.evaluate(inPage)) as Record<string, { cached: number; cold: number }>;
  console.log(
    `| widget (median of ${RUNS}, headless Chromium) | first render, cached data (ms) | cold client (ms) | cached / cold |`,
  );
  console.log('| --- | ---: | ---: | ---: |');
  for (const [tag, r] of Object.entries(results)) {
    console.log(
      `| \`<${tag}>\` | ${r.cached.toFixed(1)} | ${r.cold.toFixed(1)} | ${(r.cached / r.cold).toFixed(2)} |`,
    );
  }
} finally {
  await browser.close();
  web.close();
  await api.close();
}
