/**
 * `npm run bench:embed` — the residents' page (examples/habitants: all four widgets) as a partner
 * site embeds it, against the same content embedded the way peer platforms do it: one `<iframe>`
 * per widget, each a page of the platform's own origin with the widget in it. Side by side in the
 * same run, in headless Chromium on a phone-sized viewport, every load from a cold cache:
 *
 * - bytes transferred (what the network carried: brotli where the server had it), requests, and
 *   live (SSE) connections opened;
 * - main-thread blocking time under 4× CPU throttling: the sum, over every task longer than 50 ms
 *   in any frame of the page, of its part beyond 50 ms (as Lighthouse's TBT), from navigation
 *   until every widget shows its data;
 * - time until every widget has rendered its data (the last one's DOM updated with it: checked
 *   every 10 ms, as Chromium paints no cross-origin iframe out of view), and the page's first
 *   contentful paint;
 *
 * under two networks: this machine's loopback, and a slow 4G (150 ms, 1.6 Mbit/s down) emulated
 * by Chromium. A third variant, the same page with no widgets (the four tags, `tec.css` and
 * `tec.js` removed), gives the first contentful paint the widgets are measured against (its own
 * TBT is the page's floor). Medians of RUNS loads per variant, the variants alternating.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { freePort, startTestServer } from '@tec/api/testing';
import { buildDemo, settled, startDemoServer } from '../../scripts/demo.js';

const RUNS = Number(process.env.RUNS ?? 5);
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const root = fileURLToPath(new URL('../../', import.meta.url));
const viewport = { width: 412, height: 915 };

await buildDemo({ log: () => {} });
const [partnerPort, platformPort] = [await freePort(), await freePort()];
const partner = `http://127.0.0.1:${partnerPort}`;
const platform = `http://127.0.0.1:${platformPort}`;
const api = await startTestServer({ config: { allowedOrigins: [partner, platform] } });

// ----- the two pages -----------------------------------------------------------------------------
const page = readFileSync(`${root}examples/habitants/index.html`, 'utf8');
const widgets = [...page.matchAll(/<(tec-[a-z-]+)\b([^>]*)>([\s\S]*?)<\/\1>/g)].map((m) => ({
  tag: m[1]!,
  source: m[0],
  title: m[3]!.replace(/<[^>]+>/g, '').trim(),
}));
if (widgets.length !== 4) throw new Error(`expected the four widgets, found ${widgets.length}`);

/** The platform's embed page for one widget: its style sheet, its loader, the tag. */
const embedPage = (source: string) => `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Widget TEC</title>
    <link rel="stylesheet" href="{{STYLESHEET}}" integrity="{{STYLESHEET_INTEGRITY}}" crossorigin="anonymous" />
    <script type="module" src="{{LOADER}}" integrity="{{INTEGRITY}}" crossorigin="anonymous"></script>
  </head>
  <body style="margin: 0">
    ${source}
  </body>
</html>`;

/** Iframe heights: each widget's height on the widgets' page, so neither page scrolls inside. */
async function heights(browser: Browser): Promise<Record<string, number>> {
  const context = await browser.newContext({ viewport });
  const tab = await context.newPage();
  await tab.goto(`${partner}/habitants/`);
  await settled(tab, ['loaded']);
  const measured = await tab.$$eval('[api]', (tags) =>
    Object.fromEntries(tags.map((t) => [t.localName, Math.ceil(t.getBoundingClientRect().height)])),
  );
  await context.close();
  return measured;
}

const iframePage = (height: Record<string, number>) =>
  widgets.reduce(
    (html, w) =>
      html.replace(
        w.source,
        `<iframe src="${platform}/embed/${w.tag}" title="${w.title}" width="100%" height="${height[w.tag]}"
        style="border: 0; display: block"></iframe>`,
      ),
    page
      .replace(/\s*<link\s+rel="stylesheet"\s+href="\{\{STYLESHEET\}\}"[^>]*\/>/, '')
      .replace(/\s*<script type="module" src="\{\{LOADER\}\}"[^>]*><\/script>/, ''),
  );

/** The same page without the widgets: no tags, no `tec.css`, no `tec.js` (the first paint's floor). */
const barePage = widgets.reduce(
  (html, w) => html.replace(w.source, ''),
  page
    .replace(/\s*<link\s+rel="stylesheet"\s+href="\{\{STYLESHEET\}\}"[^>]*\/>/, '')
    .replace(/\s*<script type="module" src="\{\{LOADER\}\}"[^>]*><\/script>/, ''),
);
if (barePage.includes('{{LOADER}}') || barePage.includes('{{STYLESHEET}}') || /<tec-/.test(barePage))
  throw new Error('the page without widgets still holds a widget, tec.css or tec.js');

// ----- one load ----------------------------------------------------------------------------------
interface Load {
  bytes: number;
  apiBytes: number;
  requests: number;
  live: number;
  blocking: number;
  rendered: number;
  fcp: number;
}

/** In every frame: long tasks, and when all this frame's widgets have shown their data. */
const probe = `
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push([performance.timeOrigin + e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // Timers, not animation frames: Chromium gives no frames to cross-origin iframes out of view.
  window.__done = new Promise((resolve) => {
    const check = async () => {
      const tags = [...document.querySelectorAll('[api]')].filter((e) => e.localName.startsWith('tec-'));
      if (tags.length && tags.every((t) => t.status === 'loaded')) {
        await Promise.all(tags.map((t) => t.updateComplete));
        resolve(performance.timeOrigin + performance.now());
      } else setTimeout(check, 10);
    };
    setTimeout(check, 10);
  });
`;

const networks = {
  loopback: undefined,
  'slow 4G': { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 94_000 },
} as const;

let traced = false;
async function load(browser: Browser, url: string, network: keyof typeof networks): Promise<Load> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(probe);
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const conditions = networks[network];
  if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions);
  const urls = new Map<string, string>();
  let bytes = 0;
  let apiBytes = 0;
  let live = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, e.request.url);
    if (e.type === 'EventSource') live += 1;
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    if (urls.get(e.requestId)?.startsWith(api.url)) apiBytes += e.encodedDataLength;
  });
  // BENCH_TRACE=<file> writes the first widgets load's Chromium trace (devtools.timeline) there.
  const trace =
    process.env.BENCH_TRACE && !traced && url.endsWith(process.env.BENCH_TRACE_PAGE ?? '/habitants/');
  if (trace) {
    traced = true;
    await browser.startTracing(tab, {
      path: process.env.BENCH_TRACE,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'],
    });
  }
  await tab.goto(url);
  const start = await tab.evaluate(() => performance.timeOrigin);
  const frames = tab.frames().filter((f) => f !== tab.mainFrame());
  // The page without widgets has nothing to wait for but its load event (goto's).
  const bare = !(await tab.mainFrame().evaluate(() => document.querySelector('[api]') !== null));
  const done = bare
    ? [await tab.evaluate(() => performance.timeOrigin + performance.now())]
    : await Promise.all(
        (frames.length ? frames : [tab.mainFrame()]).map((f) =>
          f.evaluate(() => (window as unknown as { __done: Promise<number> }).__done),
        ),
      );
  const rendered = Math.max(...done);
  await tab.waitForTimeout(300);
  let blocking = 0;
  for (const f of tab.frames()) {
    const long = await f.evaluate(() => (window as unknown as { __long: [number, number][] }).__long);
    for (const [at, duration] of long) if (at <= rendered) blocking += Math.max(0, duration - 50);
    // BENCH_LONG=1 prints each load's long tasks: start after navigation and duration, in ms.
    if (process.env.BENCH_LONG && long.length)
      console.log(
        `${network} ${url.split('/').at(-2)}: ${long.map(([at, d]) => `${Math.round(at - start)}+${Math.round(d)}`).join(' ')}`,
      );
  }
  if (trace) await browser.stopTracing();
  const fcp = await tab.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  );
  await context.close();
  return { bytes, apiBytes, requests: urls.size, live, blocking, rendered: rendered - start, fcp };
}

// ----- the run -----------------------------------------------------------------------------------
const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
// The iframes' page is added once the widgets' heights are known (the server reads `pages` on
// each request).
const partnerPages: Record<string, string> = {};
const partnerSite = await startDemoServer({ apiUrl: api.url, port: partnerPort, pages: partnerPages });
partnerPages['/habitants-iframes/'] = iframePage(await heights(browser));
partnerPages['/habitants-bare/'] = barePage;
const platformSite = await startDemoServer({
  apiUrl: api.url,
  port: platformPort,
  pages: Object.fromEntries(widgets.map((w) => [`/embed/${w.tag}`, embedPage(w.source)])),
});

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const ms = (n: number) => `${Math.round(n)} ms`;

console.log(
  `Residents' page, ${viewport.width}×${viewport.height}, cold cache, 4× CPU throttling, median of ${RUNS}\n`,
);
type Variant = 'widgets' | 'iframes' | 'bare';
const paths: Record<Variant, string> = {
  widgets: '/habitants/',
  iframes: '/habitants-iframes/',
  bare: '/habitants-bare/',
};
for (const network of Object.keys(networks) as (keyof typeof networks)[]) {
  const results: Record<Variant, Load[]> = { widgets: [], iframes: [], bare: [] };
  const variants = Object.keys(paths) as Variant[];
  // One load of each first, not counted (the API's and Chromium's first-time work).
  for (const v of variants) await load(browser, `${partner}${paths[v]}`, network);
  for (let i = 0; i < RUNS; i++)
    for (const v of variants) results[v].push(await load(browser, `${partner}${paths[v]}`, network));
  const m = (v: Variant, key: keyof Load) => median(results[v].map((r) => r[key]));
  const row = (name: string, key: keyof Load, format: (n: number) => string) => {
    const [a, b, c] = [m('widgets', key), m('iframes', key), m('bare', key)];
    const ratio = a > 0 ? `${(b / a).toFixed(1)}×` : '—';
    console.log(`| ${name} | ${format(a)} | ${format(b)} | ${ratio} | ${format(c)} |`);
  };
  console.log(`### ${network}\n`);
  console.log('| measure | widgets (tec.js) | iframes | iframes ÷ widgets | no widgets |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  row('bytes transferred', 'bytes', kB);
  row('… of which API data', 'apiBytes', kB);
  row('requests', 'requests', String);
  row('live connections (SSE)', 'live', String);
  row('main-thread blocking (TBT, 4× CPU)', 'blocking', ms);
  row('every widget rendered with data', 'rendered', ms);
  row('first contentful paint', 'fcp', ms);
  console.log(
    `\nFirst contentful paint, widgets ÷ no widgets: ${(m('widgets', 'fcp') / m('bare', 'fcp')).toFixed(2)}× ` +
      `(each load: ${results.widgets.map((r) => Math.round(r.fcp)).join(', ')} against ` +
      `${results.bare.map((r) => Math.round(r.fcp)).join(', ')} ms); TBT each load: ` +
      `${results.widgets.map((r) => Math.round(r.blocking)).join(', ')} ms\n`,
  );
}

await browser.close();
await platformSite.close();
await partnerSite.close();
await api.close();
