#!/usr/bin/env node
// `npm run size`: each published entry bundled with its dependencies, minified, then measured
// brotli- and gzip-compressed, against its budget. Fails when any entry is over. A budget is
// raised only in a commit that says why. (esbuild bundles here; rollup builds the shipped CDN
// files when they exist, and this script measures those too.)
import { build } from 'esbuild';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { relative } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';
import { versionDefine } from './version.mjs';

/** Budgets in bytes, brotli. */
const entries = [
  // Issue 4 set 13 kB. Measured apart, zod/mini with the contract's schemas is 12.4 kB and ky
  // 4.5 kB (brotli), so 13 kB cannot hold a client that validates every response with them;
  // the budget holds today's 20.1 kB with a little room, and fails on any real growth.
  // 23 kB since issue 13: eventsource-parser reads the fetch stream (1.65 kB brotli; STYLE.md asks
  // for the kept library over our own parser) and the contract refuses control characters,
  // unpaired surrogates, bidi overrides and far dates (0.6 kB): 22.4 kB.
  // 23.8 kB since issue 14: the portrait and cooperation schemas and calls (+0.4 kB).
  // +0.1 kB (issue 19): the contract's text(), longText() and integer() share a schema per bounds.
  { name: '@tec/sdk', entry: 'packages/sdk/src/index.ts', brotli: 24_100, gzip: 26_700 },
  // 22.0 kB since issue 15: the console's calls (session, audit log, CSV export) and the audit
  // log's schemas (+0.2 kB brotli; measured 21.7 / 24.2).
  // 22.5 kB since issue 15's merge: the console's calls, the portrait and cooperation writes and
  // the follow-up's receipt statuses together (measured 22.2 kB).
  { name: '@tec/sdk/admin', entry: 'packages/sdk/src/admin.ts', brotli: 22_700, gzip: 25_300 },
];

/**
 * The widgets as the CDN will ship them: one entry per widget, code-split, so that what they
 * share (Lit, the SDK, the contract, the widget base) is one runtime chunk loaded once. Each
 * widget's budget is in the one list of widgets (packages/widgets/src/widgets.ts).
 */
const { WIDGETS, folderOf } = await tsImport('../packages/widgets/src/widgets.ts', import.meta.url);
const widgetEntries = Object.fromEntries(
  WIDGETS.filter((w) => w.shows).map(({ tag, shows }) => [
    tag,
    {
      entry: `packages/widgets/src/${folderOf(tag)}/${tag}.define.ts`,
      brotli: shows.budget[0],
      gzip: shows.budget[1],
    },
  ]),
);
// Issue 5 set 20 kB for the runtime. It holds the SDK (20.1 kB alone, see above), Lit with
// @lit/context (about 7 kB) and the base with both languages' strings of every widget: 32.4 kB
// with the member list. The budget holds that with a little room; shrinking it means moving each
// widget's strings into its own chunk (not done yet).
// 33.5 kB since issue 7: the base sets its text styles again inside the shadow root (a partner
// site's `* { … !important }` reached them through the host), about 150 bytes.
// 37 kB since issue 12 (36.2 kB): the error states by cause with their console advice (+0.9 kB),
// the page-following theme (+0.6 kB), the ContextRoot that lets widgets upgrade before their
// provider (+0.4 kB), the SDK's typed TecOriginNotAllowedError (+0.1 kB), and the French and
// English texts of all this (+0.7 kB). Issue 19 brings the runtime down by moving each widget's
// strings and schemas into its own chunk.
// 39 kB since issue 13: the SDK's 2.3 kB above (eventsource-parser and the contract's refusals).
// 39.5 kB / 44 kB gzip since issue 16: `Problem['type']` is the enum of the problem type URIs
// (each URI now in the contract's runtime schema), measured 38.9 kB brotli and 43.5 kB gzip.
// 40.5 kB / 45 kB gzip since issue 14: the live stream's events now include the portrait and
// cooperations, whose schemas the runtime validates every event with (measured 39.5 / 44.2).
// Issue 19 moves each widget's schemas into its own chunk.
// 40.2 kB / 45 kB gzip since issue 15: the sign-up's follow-up states (recap, e-mail on its way,
// how to cancel, waiting list, « déjà inscrit·e ») in French and English in the shared string
// table, and the receipt's statuses in the contract; measured 39.8 kB brotli and 44.7 kB gzip.
// Issue 19's move of each widget's strings into its own chunk would take these out again.
// 41.3 kB / 46.3 kB gzip with both (issue 14's schemas, the demo mark and the en-selection
// states; issue 15's strings): measured 40.8 kB brotli and 45.8 kB gzip. Issue 19 (a runtime of
// 24 kB) is not done: it moves each widget's strings and schemas into its own chunk.
// 37.2 kB / 41.6 kB gzip since issue 19 (measured 37.1 / 41.5 here, 34.6 / 38.8 for the CDN's
// chunk): each widget's strings and the enums' labels travel in the widgets' chunks, and the
// SDK's stream reader (eventsource-parser) in a chunk browsers never load. esbuild's split above
// counts the labels' shared chunk and that reader in the runtime; rollup's does not. What is left
// for the 24 kB of issue 19: the contract's schemas (the live events' union validates every
// payload in the runtime) and the English tables loaded only when used.
// +0.2 kB for issue 19's main-thread blocking (tec-element.ts: the reserves measured together a
// frame later, a task per widget's data, the first Intl formatter in a task of its own).
// +0.3 kB for issue 19's start-up (measured 38.1 / 42.6 here, 35.6 / 40.0 for the CDN's chunk):
// numbers, percentages, durations and dates written by the base, not by Intl, whose first
// formatter of a page is a task of 140 ms at 4× CPU (`npm run bench:startup`); the contract's
// schemas shared per bounds.
// +0.3 kB for issue 19's blocking time (measured 38.4 / 42.9 here, 35.9 / 40.3 for the CDN's
// chunk): times in Paris written by the base (the European summer-time rule), not by Intl, whose
// first formatter with a time zone was a task of 130 ms at 4× CPU on pages with the
// call-to-action; and the CDN chunk's three yields between its evaluation steps (rollup.config.mjs).
// +0.4 kB in esbuild's split only (measured 38.9 / 43.5; the CDN's chunk is unchanged): Lit's
// `repeat`, used by the member list's virtualizer and now by the call-to-action's keyed list, is
// shared, so esbuild moves it from the member list's chunk into this one.
// +0.2 kB (measured 39.0 / 43.7): the retry button gives the focus back to what it brought.
const RUNTIME_BUDGET = 39_200;
const RUNTIME_GZIP_BUDGET = 43_800;

let failed = false;
const rows = [];
/** How every entry is bundled for measuring: minified for browsers, from the TypeScript sources. */
const bundled = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  conditions: ['source'],
  define: versionDefine(),
  write: false,
  legalComments: 'none',
};
/** Sizes of a file: minified, gzip (level 9) and brotli (quality 11), as the CDN serves it. */
const sizes = (code) => ({
  min: code.length,
  gz: gzipSync(code, { level: 9 }).length,
  br: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

for (const { name, entry, brotli, gzip } of entries) {
  const result = await build({ ...bundled, entryPoints: [entry] });
  const size = sizes(result.outputFiles[0].contents);
  const ok = size.br <= brotli && size.gz <= gzip;
  failed ||= !ok;
  rows.push({ name, ...size, budget: brotli, gzBudget: gzip, ok });
}

const split = await build({
  ...bundled,
  entryPoints: Object.fromEntries(Object.entries(widgetEntries).map(([name, { entry }]) => [name, entry])),
  splitting: true,
  outdir: 'dist/size',
  chunkNames: 'runtime-[hash]',
  metafile: true,
});
const runtime = {
  name: 'widgets runtime chunk (Lit, SDK, contract, base)',
  min: 0,
  gz: 0,
  br: 0,
  budget: RUNTIME_BUDGET,
  gzBudget: RUNTIME_GZIP_BUDGET,
};
/** Sizes of each output file. A chunk imported by one widget only counts for that widget. */
const measured = new Map();
for (const file of split.outputFiles) measured.set(relative(process.cwd(), file.path), sizes(file.contents));
const importers = new Map();
for (const [path, output] of Object.entries(split.metafile.outputs)) {
  for (const imported of output.imports) {
    if (!importers.has(imported.path)) importers.set(imported.path, new Set());
    importers.get(imported.path).add(path);
  }
}
/** The entry a chunk belongs to, following imports up, or undefined when several share it. */
function owner(path, seen = new Set()) {
  const name = path.split('/').pop().replace(/\.js$/, '');
  if (name in widgetEntries) return name;
  const owners = new Set(
    [...(importers.get(path) ?? [])]
      .filter((p) => !seen.has(p))
      .map((p) => owner(p, new Set([...seen, path]))),
  );
  return owners.size === 1 ? [...owners][0] : undefined;
}
const perWidget = Object.fromEntries(
  Object.keys(widgetEntries).map((name) => [name, { min: 0, gz: 0, br: 0 }]),
);
for (const [path, size] of measured) {
  const target = owner(path);
  const sum = target ? perWidget[target] : runtime;
  sum.min += size.min;
  sum.gz += size.gz;
  sum.br += size.br;
}
for (const [name, size] of Object.entries(perWidget)) {
  const { brotli: budget, gzip: gzBudget } = widgetEntries[name];
  const ok = size.br <= budget && size.gz <= gzBudget;
  failed ||= !ok;
  rows.push({ name: `<${name}> on top of the runtime`, ...size, budget, gzBudget, ok });
}
runtime.ok = runtime.br <= runtime.budget && runtime.gz <= runtime.gzBudget;
failed ||= !runtime.ok;
rows.push(runtime);

// ----- the CDN set as rollup built it (`npm run build`; `npm test` builds it first) -------------
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const manifestPath = `dist/cdn/${version}/manifest.json`;
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const files = Object.entries(manifest.files);
  const runtimeFile = files.find(([f]) => f.startsWith('tec-runtime-'))?.[0];
  const add = (name, owned, budget, gzBudget) => {
    const size = { min: 0, gz: 0, br: 0 };
    for (const f of owned) {
      size.min += manifest.files[f].bytes;
      size.gz += manifest.files[f].gzip;
      size.br += manifest.files[f].brotli;
    }
    const ok = size.br <= budget && size.gz <= gzBudget;
    failed ||= !ok;
    rows.push({ name, ...size, budget, gzBudget, ok });
  };
  // 2.2 kB since issue 14: six widgets to load (the portrait and the cooperations), measured 2.03.
  // 2.3 / 2.8 kB since issue 19: no second copy of tec.css's rules when the page links it
  // (measured 2.25 / 2.70).
  // 2.35 / 2.85 kB since issue 19's blocking time: the tags present load after the page's first
  // frame, one per task (measured 2.33 / 2.79).
  // 2.3 / 2.8 kB since the CDN set is minified by terser (measured 2.27 / 2.78, from 2.34 / 2.79).
  // 2.7 / 3.25 kB since it checks the chunks imported later against their hashes too (the two
  // hashes, the function that announces them, its time limit and its refusal of unknown files:
  // measured 2.66 / 3.22).
  add('CDN `tec.js` (the loader)', ['tec.js'], 2_700, 3_250);
  // 1.1 kB / 1.4 kB gzip since issue 14: six widgets' rows, measured every 10 px (0.9 kB brotli).
  add('CDN `tec.css` (the space the widgets hold)', ['tec.css'], 1_100, 1_400);
  // The CDN's runtime chunk, minified by terser (rollup.config.mjs), is smaller than esbuild's
  // split above: 35.0 / 39.5 kB measured (35.8 / 40.3 with esbuild's minifier), held at that;
  // 35.2 / 39.7 kB with its one later import going through the loader's check. 35.4 / 39.9 kB
  // when the retry button began to give the focus back (measured 35.3 / 39.8).
  add('CDN runtime chunk', [runtimeFile], 35_400, 39_900);
  for (const [tag, budget] of Object.entries(widgetEntries)) {
    // The widget's chunks, and those it loads later by itself (the virtualizer's layout).
    const { files: loaded, later } = manifest.widgets[tag];
    const own = [...loaded, ...later].filter((f) => f !== runtimeFile);
    add(`CDN \`<${tag}>\` chunks`, own, budget.brotli, budget.gzip);
  }
} else {
  console.log(`(${manifestPath} is not built: run \`npm run build\` to measure the CDN set too.)\n`);
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log('| entry | minified | gzip | brotli | budget (gzip / brotli) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${kb(r.min)} | ${kb(r.gz)} | ${kb(r.br)} | ${kb(r.gzBudget)} / ${kb(r.budget)} ${r.ok ? '✓' : '✖ over'} |`,
  );
}
if (failed) {
  console.error('\nAn entry is over its size budget.');
  process.exit(1);
}
