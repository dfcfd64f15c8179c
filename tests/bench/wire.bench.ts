/**
 * `npm run bench:wire` — bytes on the wire for the residents' page (examples/habitants: all four
 * widgets), cold cache, as Chromium counts them (`encodedDataLength`: headers and body as they
 * crossed the network, compressed or not), from navigation until every widget shows its data.
 * Split by what carried them: the page, the CDN set, the API's JSON, the live stream;
 * `WIRE_DETAIL=1` also lists each request of the last load, largest first.
 *
 * Imports the API and the demo server by relative path, so that the same file run from an older
 * checkout measures that checkout (how docs/benchmarks.md's "before" was measured).
 */
import { chromium } from 'playwright';
import { startTestServer } from '../../packages/api/src/testing/index.js';
import { buildDemo, settled, startDemoServer } from '../../scripts/demo.js';

const RUNS = Number(process.env.RUNS ?? 3);
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

await buildDemo({ log: () => {} });
const api = await startTestServer();
const demo = await startDemoServer({ apiUrl: api.url });
const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });

type Part = 'page' | 'cdn' | 'api' | 'live';
const partOf = (url: string): Part =>
  url.startsWith(api.url)
    ? url.includes('/v1/events')
      ? 'live'
      : 'api'
    : url.includes('/cdn/')
      ? 'cdn'
      : 'page';

async function load() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  const bytes: Record<Part, number> = { page: 0, cdn: 0, api: 0, live: 0 };
  const plain: Record<Part, number> = { page: 0, cdn: 0, api: 0, live: 0 };
  const encodings = new Map<string, string>();
  const each = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.responseReceived', (e) => {
    const encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
    encodings.set(e.requestId, String(encoding?.[1] ?? 'none'));
  });
  // Streams never finish: what they carried so far is counted as it arrives.
  cdp.on('Network.dataReceived', (e) => {
    const url = urls.get(e.requestId) ?? '';
    if (partOf(url) === 'live') bytes.live += e.encodedDataLength;
    plain[partOf(url)] += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId) ?? '';
    if (partOf(url) !== 'live') bytes[partOf(url)] += e.encodedDataLength;
    each.set(url, e.encodedDataLength);
  });
  await page.goto(`${demo.url}/habitants/`);
  await settled(page, ['loaded']);
  await page.waitForTimeout(300); // let the last responses' loadingFinished arrive
  const used = [...new Set([...encodings.values()])].sort().join(', ');
  await context.close();
  return { bytes, plain, requests: urls.size, encodings: used, each };
}

const results: Awaited<ReturnType<typeof load>>[] = [];
for (let i = 0; i < RUNS; i += 1) results.push(await load());
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const parts: Part[] = ['page', 'cdn', 'api', 'live'];
console.log(`/habitants/, cold cache, median of ${RUNS} loads (encodings seen: ${results[0]!.encodings})`);
console.log('| part | on the wire | decoded |');
console.log('| --- | ---: | ---: |');
for (const part of parts) {
  console.log(
    `| ${part} | ${kB(median(results.map((r) => r.bytes[part])))} | ${kB(median(results.map((r) => r.plain[part])))} |`,
  );
}
const total = (r: (typeof results)[number], k: 'bytes' | 'plain') => parts.reduce((s, p) => s + r[k][p], 0);
console.log(
  `| total (${results[0]!.requests} requests) | ${kB(median(results.map((r) => total(r, 'bytes'))))} | ${kB(median(results.map((r) => total(r, 'plain'))))} |`,
);

// WIRE_DETAIL=1: each request of the last load, largest first.
if (process.env.WIRE_DETAIL) {
  const last = results[results.length - 1]!.each;
  for (const [url, n] of [...last].sort((a, b) => b[1] - a[1])) console.log(`${kB(n).padStart(9)}  ${url}`);
}

await browser.close();
await demo.close();
await api.close();
