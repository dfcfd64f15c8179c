/**
 * `npm run bench:startup` — what the widgets' code costs the main thread before any data, in
 * headless Chromium at 4× CPU throttling, each page fresh (no cache, no compiled code):
 *
 * 1. the CDN runtime chunk (Lit, the SDK, the contract, the base): time from `import()` to its
 *    resolution on a page that has nothing else (fetch over loopback, compile, evaluate — one
 *    task), for each checkout of `BENCH_ROOTS` (comma-separated, default this one; each built
 *    with `npx rollup -c rollup.config.mjs` first), the checkouts taking turns;
 * 2. the browser's first `Intl` formatter of a page (it loads the locale data), beside a plural
 *    rule: what a widget pays the first time it writes a number or a date through `Intl`.
 *
 * Medians of `BENCH_RUNS` pages (default 9). Loopback only; nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ROOTS = (process.env.BENCH_ROOTS ?? root).split(',').map((r) => resolve(root, r));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Each checkout's CDN folder and its runtime chunk's file name (from its manifest). */
const sets = ROOTS.map((dir) => {
  const { version } = JSON.parse(readFileSync(`${dir}/packages/widgets/package.json`, 'utf8')) as {
    version: string;
  };
  const cdn = `${dir}/dist/cdn/${version}/`;
  const manifest = JSON.parse(readFileSync(`${cdn}manifest.json`, 'utf8')) as {
    files: Record<string, { brotli: number }>;
  };
  const runtime = Object.keys(manifest.files).find((f) => f.startsWith('tec-runtime-'));
  if (!runtime) throw new Error(`no runtime chunk in ${cdn}manifest.json: build it first`);
  return { dir, cdn, runtime, brotli: manifest.files[runtime]!.brotli };
});

const page = (script: string) =>
  `<!doctype html><html lang="fr"><title>bench</title><script type="module">
  await new Promise((r) => setTimeout(r, 200));
  ${script}</script>`;
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const set = sets[Number(url.searchParams.get('set') ?? 0)]!;
  if (url.pathname === '/runtime')
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      page(`const t0 = performance.now(); await import('/cdn/${set.runtime}?set=${url.searchParams.get('set')}');
      window.result = performance.now() - t0;`),
    );
  else if (url.pathname === '/intl')
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      page(`const code = ${JSON.stringify(url.searchParams.get('code'))};
      const t0 = performance.now(); new Function(code)(); window.result = performance.now() - t0;`),
    );
  else if (url.pathname.startsWith('/cdn/')) {
    try {
      const body = readFileSync(set.cdn + url.pathname.slice('/cdn/'.length));
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  } else res.writeHead(404).end();
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function once(browser: Browser, path: string): Promise<number> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await tab.goto(`${origin}${path}`);
  await tab.waitForFunction(() => 'result' in window, undefined, { timeout: 30_000 });
  const result = (await tab.evaluate(() => (window as unknown as { result: number }).result)) as number;
  await context.close();
  return result;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
try {
  const runtime: number[][] = sets.map(() => []);
  for (let run = 0; run < RUNS; run += 1)
    for (let i = 0; i < sets.length; i += 1) runtime[i]!.push(await once(browser, `/runtime?set=${i}`));
  console.log(`Runtime chunk, import() to resolution, 4× CPU, median of ${RUNS} fresh pages\n`);
  console.log('| checkout | runtime chunk | brotli | ms (median) | each page |');
  console.log('| --- | --- | ---: | ---: | --- |');
  sets.forEach((set, i) =>
    console.log(
      `| ${set.dir} | ${set.runtime} | ${(set.brotli / 1000).toFixed(1)} kB | ${Math.round(median(runtime[i]!))} | ${runtime[i]!.map(Math.round).join(', ')} |`,
    ),
  );

  const cases: Record<string, string> = {
    'Intl.PluralRules (fr)': `new Intl.PluralRules('fr-FR').select(2)`,
    'Intl.NumberFormat (fr)': `new Intl.NumberFormat('fr-FR').format(1234)`,
    'Intl.DateTimeFormat, long date (fr)': `new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date())`,
    'Intl.DateTimeFormat, time in Paris (fr)': `new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(new Date())`,
  };
  const intl: Record<string, number[]> = {};
  for (let run = 0; run < RUNS; run += 1)
    for (const [name, code] of Object.entries(cases))
      (intl[name] ??= []).push(await once(browser, `/intl?code=${encodeURIComponent(code)}`));
  console.log(`\nFirst Intl object of a fresh page, 4× CPU, median of ${RUNS}\n`);
  console.log('| first use on the page | ms (median) | each page |');
  console.log('| --- | ---: | --- |');
  for (const [name, times] of Object.entries(intl))
    console.log(`| ${name} | ${Math.round(median(times))} | ${times.map(Math.round).join(', ')} |`);
} finally {
  await browser.close();
  server.close();
}
