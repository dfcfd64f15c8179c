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
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
const bundle = await build({
  stdin: {
    contents: `import '@tec/widgets/define'; import L from 'leaflet'; window.L = L;`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['source'],
  write: false,
});
const leafletCss = readFileSync(`${root}node_modules/leaflet/dist/leaflet.css`, 'utf8');
const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>bench</title>
  <style>${leafletCss} body{margin:0} #stage{width:900px} #leaflet{width:900px;height:840px}</style>
  <script type="module" src="/bundle.js"></script></head><body><main id="stage"></main><div id="leaflet"></div></body></html>`;
const web = createServer((req, res) => {
  if (req.url === '/bundle.js')
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.outputFiles[0]!.text);
  else if (req.url === '/communes.json')
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(communes));
  else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
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
try {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await tab.goto(origin);
  await tab.waitForFunction(() => 'L' in window && customElements.get('tec-territory-map'));
  await tab.evaluate(FRAMES);
  // Warm the data into the shared client, so that first render measures drawing, not download.
  const mapRender = (await tab.evaluate(`(async () => {
    const times = [];
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
      if (i < 4) el.remove();
    }
    return { first: times[0], median: [...times.slice(1)].sort((a, b) => a - b)[2], places: document.querySelector('tec-territory-map').shadowRoot.querySelectorAll('.place').length };
  })()`)) as { first: number; median: number; places: number };
  const mapHover = await sweep(tab, 'tec-territory-map');
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
  console.log(`Map: ${mapRender.places} communes, ${vertices} vertices.\n`);
  console.log(
    '| map (headless Chromium) | first render, data downloaded (ms) | median of 4 more, data at hand (ms) | longest frame while hovering (ms) |',
  );
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| \`<tec-territory-map>\` | ${f(mapRender.first)} | ${f(mapRender.median)} | ${f(mapHover)} |`,
  );
  console.log(
    `| Leaflet 1.9.4, same GeoJSON, SVG | ${f(leafletRender.first)} | ${f(leafletRender.median)} | ${f(leafletHover)} |`,
  );
  console.log(
    `| ratio widget / Leaflet | ${f(mapRender.first / leafletRender.first)} | ${f(mapRender.median / leafletRender.median)} | ${f(mapHover / leafletHover)} |`,
  );
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
