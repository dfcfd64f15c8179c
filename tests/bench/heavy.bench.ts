/**
 * `npm run bench:heavy` — the two heavy widgets at their worst, in headless Chromium, each beside
 * a reference in the same run:
 *
 * 1. `<tec-territory-map>` with the communes of the five départements of ../shared/data/geo
 *    (2,223 polygons, about 126,000 vertices): first render, and the longest frame while the
 *    pointer sweeps across the map (hover tooltips); beside it Leaflet drawing the same GeoJSON
 *    (SVG renderer, no tiles), the same sweep.
 * 2. `<tec-coalition-members>` with 10,000 members: first render of the first page, elements in
 *    the shadow root once 1,000 rows are loaded, and the longest frame of a fast scroll; beside it
 *    the same 1,000 rows rendered without virtualization.
 *
 * Frames are measured with requestAnimationFrame deltas. Medians of 5 runs where repeated.
 *
 * `BENCH_ROOTS` (comma-separated checkouts, default this one; e.g. `BENCH_ROOTS=/work/main,.`)
 * puts the map of each checkout side by side in one run, each with Leaflet on its own page;
 * `BENCH_RUNS` (default 1) repeats the map's measure in that many fresh browser contexts (a cold
 * start each: no cache, no compiled code) and reports the medians, the roots taking turns.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright';
import { topology } from 'topojson-server';
import { mergeArcs } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { startTestServer } from '@tec/api/testing';

const root = fileURLToPath(new URL('../../', import.meta.url));
const geoDir = fileURLToPath(new URL('../../../shared/data/geo/', import.meta.url));
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

// ----- data --------------------------------------------------------------------------------------
const communes: FeatureCollection = { type: 'FeatureCollection', features: [] };
for (const file of readdirSync(geoDir).filter((f) => f.startsWith('communes-'))) {
  const fc = JSON.parse(readFileSync(`${geoDir}${file}`, 'utf8')) as FeatureCollection;
  for (const f of fc.features) {
    const p = f.properties as { code: string; nom: string };
    communes.features.push({ ...f, properties: { insee: p.code, name: p.nom } });
  }
}
const vertices = JSON.stringify(communes).match(/\[-?\d+\.\d+,-?\d+\.\d+\]/g)?.length ?? 0;

const api = await startTestServer({ config: { streamsPerClient: 0 } });
const { rewindForD3 } = await import('../../packages/api/src/geo/rewind.js');
const rewound: FeatureCollection = {
  type: 'FeatureCollection',
  features: communes.features.map((f) => ({ ...f, geometry: rewindForD3(f.geometry) })),
};
// As `geo:import` stores a territory: its communes, and their union as the outline.
const benchTopology = topology({ communes: rewound }, 1e5);
const communeObjects = benchTopology.objects.communes as GeometryCollection;
benchTopology.objects.outline = mergeArcs(benchTopology, communeObjects.geometries as never);
await api.db.query(
  `insert into territories (slug, position, status, data, own_perimeter)
   values ('bench', 99, 'actif', $1::text::jsonb, false)`,
  [
    JSON.stringify({
      name: 'Cinq départements (banc d’essai)',
      region: 'France',
      departements: ['06', '31', '33', '44', '57'],
      population: null,
      typology: [],
      demo: true,
      communes: [],
      vulnerabilities: [],
      forces: [],
      cooperativeMaturity: null,
      binome: null,
      benevoles: 0,
    }),
  ],
);
await api.db.query(
  `insert into geometries (key, topology, attribution, approximate) values ('territory:bench', $1::text::jsonb, $2, false)`,
  [JSON.stringify(benchTopology), 'Contours : IGN Admin Express 2018, Licence Ouverte'],
);
// As `geo:import` ends: a `geometry.updated` event, on which the server computes and compresses
// the geometry once (geo/warm.ts); an import comes long before the first visitor.
const { appendEvent } = await import('../../packages/api/src/store/events.js');
await appendEvent(api.db, { type: 'geometry.updated', territory: 'bench' });
while (!api.cache.get('/v1/territories/bench/geometry')) await new Promise((r) => setTimeout(r, 20));
await api.db.query(
  `insert into members (id, territory, name, sort_key, search, kind, joined_at)
   select 'mbr_b_' || g, 'haute-garonne', 'Membre ' || lpad(g::text, 5, '0'), 'membre ' || lpad(g::text, 5, '0'),
     'membre ' || lpad(g::text, 5, '0'), 'association', date '2026-01-01' + (g % 300)
   from generate_series(1, 10000) g`,
);

// ----- page --------------------------------------------------------------------------------------
const ROOTS = (process.env.BENCH_ROOTS ?? root).split(',').map((r) => resolve(root, r));
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const bundles = await Promise.all(
  ROOTS.map(async (dir) => {
    const out = await build({
      stdin: {
        contents: `import '@tec/widgets/define'; import L from 'leaflet'; window.L = L;`,
        resolveDir: dir,
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      conditions: ['source'],
      write: false,
    });
    return out.outputFiles[0]!.text;
  }),
);
const leafletCss = readFileSync(`${root}node_modules/leaflet/dist/leaflet.css`, 'utf8');
const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>bench</title>
  <style>${leafletCss} body{margin:0} #stage{width:900px} #leaflet{width:900px;height:840px}</style>
  <script type="module" src="/bundle.js?root=ROOT"></script></head><body><main id="stage"></main><div id="leaflet"></div></body></html>`;
const web = createServer((req, res) => {
  const at = /^\/(?:bundle\.js)?\?root=(\d+)$/.exec(req.url ?? '');
  if (req.url?.startsWith('/bundle.js'))
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundles[Number(at?.[1] ?? 0)]);
  else if (req.url === '/communes.json')
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(communes));
  else
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(page.replace('ROOT', at?.[1] ?? String(ROOTS.length - 1)));
});
await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;

/** Plain JavaScript run in the page (tsx helpers must not leak into it). */
const FRAMES = `window.frames_ = () => { const d = []; let last = performance.now(); let on = true;
  const tick = (t) => { d.push(t - last); last = t; if (on) requestAnimationFrame(tick); };
  requestAnimationFrame(tick); return () => { on = false; return Math.max(...d.slice(1)); }; };`;

async function sweep(tab: Page, selector: string): Promise<number> {
  const box = await tab.locator(selector).first().boundingBox();
  if (!box) throw new Error(`no ${selector}`);
  await tab.evaluate('window.stopFrames = window.frames_()');
  for (let i = 0; i <= 60; i += 1) {
    await tab.mouse.move(box.x + (box.width * i) / 60, box.y + box.height * (0.3 + (0.4 * i) / 60));
  }
  await tab.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  return (await tab.evaluate('window.stopFrames()')) as number;
}

const browser = await chromium.launch({
  executablePath: chromePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
type Render = { first: number; median: number };
/** The map's first render and four more, then Leaflet's, on a fresh page of checkout `index`. */
async function measure(tab: Page, index: number) {
  await tab.goto(`${origin}/?root=${index}`);
  await tab.waitForFunction(() => 'L' in window && customElements.get('tec-territory-map'));
  await tab.evaluate(FRAMES);
  // The first run downloads the data into the shared client; the next four have it at hand.
  const mapRender = (await tab.evaluate(`(async () => {
    const times = [];
    const lists = [];
    for (let i = 0; i < 5; i += 1) {
      const el = document.createElement('tec-territory-map');
      el.setAttribute('api', ${JSON.stringify(api.url)});
      el.setAttribute('territory', 'bench');
      el.setAttribute('static', '');
      const start = performance.now();
      document.getElementById('stage').append(el);
      while (el.status === 'loading' || !el.shadowRoot.querySelector('path.place')) await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push(performance.now() - start);
      // Then its text list of the communes (RGAA 1.1), written once the map is drawn.
      const places = el.shadowRoot.querySelectorAll('path.place').length;
      while (el.shadowRoot.querySelectorAll('.list li').length < places) await new Promise((r) => setTimeout(r, 0));
      lists.push(performance.now() - start);
      if (i < 4) el.remove();
    }
    return { first: times[0], median: [...times.slice(1)].sort((a, b) => a - b)[2], listFirst: lists[0] };
  })()`)) as Render & { listFirst: number };
  const leafletRender = (await tab.evaluate(`(async () => {
    // Like the widget's first run, Leaflet's first run downloads its data (GeoJSON) in the timing.
    let data;
    const times = [];
    for (let i = 0; i < 5; i += 1) {
      const host = document.getElementById('leaflet');
      host.replaceChildren();
      const inner = document.createElement('div'); inner.style.width = '900px'; inner.style.height = '840px'; host.append(inner);
      const start = performance.now();
      data ??= await (await fetch('/communes.json')).json();
      const map = window.L.map(inner, { renderer: window.L.svg(), zoomControl: false, attributionControl: false });
      const layer = window.L.geoJSON(data, { style: { weight: 1 } }).bindTooltip((l) => l.feature.properties.name).addTo(map);
      map.fitBounds(layer.getBounds());
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push(performance.now() - start);
    }
    return { first: times[0], median: [...times.slice(1)].sort((a, b) => a - b)[2] };
  })()`)) as { first: number; median: number };
  return { mapRender, leafletRender };
}
const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;

try {
  const side: { root: string; map: (Render & { listFirst: number })[]; leaflet: Render[] }[] = ROOTS.map(
    (r) => ({ root: r, map: [], leaflet: [] }),
  );
  for (let run = 0; run < RUNS - 1; run += 1)
    for (let i = 0; i < ROOTS.length; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
      const { mapRender, leafletRender } = await measure(await context.newPage(), i);
      side[i]!.map.push(mapRender);
      side[i]!.leaflet.push(leafletRender);
      await context.close();
    }
  for (let i = 0; i < ROOTS.length - 1; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const { mapRender, leafletRender } = await measure(await context.newPage(), i);
    side[i]!.map.push(mapRender);
    side[i]!.leaflet.push(leafletRender);
    await context.close();
  }
  // The last root (this checkout by default) is measured last, on the page the rest uses.
  const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const { mapRender, leafletRender } = await measure(tab, ROOTS.length - 1);
  side[ROOTS.length - 1]!.map.push(mapRender);
  side[ROOTS.length - 1]!.leaflet.push(leafletRender);
  const places = (await tab.evaluate(
    `document.querySelector('tec-territory-map').shadowRoot.querySelectorAll('.place').length`,
  )) as number;
  const mapHover = await sweep(tab, 'tec-territory-map');
  await tab.evaluate(`document.querySelector('tec-territory-map').remove()`);
  const leafletHover = await sweep(tab, '#leaflet');

  // ----- member list ---------------------------------------------------------------------------
  await tab.evaluate(`document.getElementById('leaflet').remove()`);
  const list = (await tab.evaluate(`(async () => {
    const firsts = [];
    let el;
    for (let i = 0; i < 5; i += 1) {
      el?.remove();
      el = document.createElement('tec-coalition-members');
      el.setAttribute('api', ${JSON.stringify(api.url)});
      el.setAttribute('territory', 'haute-garonne');
      const start = performance.now();
      document.getElementById('stage').append(el);
      while (el.status === 'loading' || !el.shadowRoot.querySelector('.member')) await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      firsts.push(performance.now() - start);
    }
    const first = firsts[0];
    const again = [...firsts.slice(1)].sort((a, b) => a - b)[2];
    const scroller = el.shadowRoot.querySelector('.scroller');
    while (el.items.length < 1000) { scroller.scrollTop = scroller.scrollHeight; await new Promise((r) => setTimeout(r, 20)); }
    await new Promise((r) => setTimeout(r, 200));
    const elements = el.shadowRoot.querySelectorAll('*').length;
    scroller.scrollTop = 0;
    await new Promise((r) => setTimeout(r, 100));
    const stop = window.frames_();
    for (let y = 0; y < scroller.scrollHeight; y += 1500) { scroller.scrollTop = y; await new Promise((r) => requestAnimationFrame(r)); }
    const frame = stop();
    // The same 1,000 rows without virtualization, beside it.
    const rows = el.items.slice(0, 1000);
    const plain = document.createElement('div'); plain.style.height = '512px'; plain.style.overflow = 'auto';
    const t0 = performance.now();
    plain.innerHTML = rows.map((m) => '<div class="member"><span class="avatar">MB</span><div><button>' + m.name + '</button><span>Association</span><span>membre depuis le ' + m.joinedAt + '</span></div></div>').join('');
    document.body.append(plain);
    plain.getBoundingClientRect();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const plainRender = performance.now() - t0;
    const stop2 = window.frames_();
    for (let y = 0; y < plain.scrollHeight; y += 1500) { plain.scrollTop = y; await new Promise((r) => requestAnimationFrame(r)); }
    const plainFrame = stop2();
    return { first, again, elements, frame, plainRender, plainElements: plain.querySelectorAll('*').length, plainFrame };
  })()`)) as Record<string, number>;

  const f = (n: number) => n.toFixed(1);
  console.log(`Map: ${places} communes, ${vertices} vertices; ${RUNS} cold start(s) per checkout.\n`);
  console.log(
    '| map (headless Chromium) | first render, data downloaded (ms) | median of 4 more, data at hand (ms) | longest frame while hovering (ms) | first run, until its text list is written (ms) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const { root: dir, map, leaflet } of side) {
    const name = ROOTS.length > 1 ? ` (${dir})` : '';
    const [mf, mm] = [median(map.map((r) => r.first)), median(map.map((r) => r.median))];
    const [lf, lm] = [median(leaflet.map((r) => r.first)), median(leaflet.map((r) => r.median))];
    const last = dir === ROOTS[ROOTS.length - 1];
    const ml = median(map.map((r) => r.listFirst));
    console.log(
      `| \`<tec-territory-map>\`${name} | ${f(mf)} | ${f(mm)} | ${last ? f(mapHover) : '—'} | ${f(ml)} |`,
    );
    console.log(
      `| Leaflet 1.9.4, same GeoJSON, SVG, same pages | ${f(lf)} | ${f(lm)} | ${last ? f(leafletHover) : '—'} | — |`,
    );
    // Ratios run by run (each map beside the Leaflet of its own page), then their median.
    const rf = median(map.map((r, i) => r.first / leaflet[i]!.first));
    const rm = median(map.map((r, i) => r.median / leaflet[i]!.median));
    console.log(
      `| ratio widget / Leaflet${name} | ${f(rf)} | ${f(rm)} | ${last ? f(mapHover / leafletHover) : '—'} | — |`,
    );
  }
  console.log(
    '\n| member list, 10,000 members | first render, page downloaded (ms) | median of 4 more, page at hand (ms) | elements once 1,000 rows loaded | longest frame, fast scroll (ms) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(
    `| \`<tec-coalition-members>\` (virtualized) | ${f(list.first!)} | ${f(list.again!)} | ${list.elements} | ${f(list.frame!)} |`,
  );
  console.log(
    `| the same 1,000 rows, not virtualized | — | ${f(list.plainRender!)} | ${list.plainElements} | ${f(list.plainFrame!)} |`,
  );
} finally {
  await browser.close();
  web.close();
  await api.close();
}
