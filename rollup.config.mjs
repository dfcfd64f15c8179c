// The CDN set of the widgets, built from the packages' compiled JavaScript (`tsc --build` first;
// `npm run build` does both):
//
//   dist/cdn/<version>/tec.js             the loader, the one file a page includes
//   dist/cdn/<version>/<name>-<hash>.js   a chunk per widget and the shared runtime chunk
//   dist/cdn/<version>/tec.css            optional: the space the widgets hold, before tec.js runs
//   dist/cdn/<version>/manifest.json      every file with its SRI hash and sizes, and the snippets
//   dist/cdn/<version>/snippets/<tag>.html  the snippet to paste for each widget
//
// Chunk names carry their content hash, so they can be cached forever; the version folder makes
// `tec.js` immutable too. Every file of the set (manifest and snippets included) also gets its
// `.br` and `.gz` beside it, for servers that send precompressed files (nginx brotli_static and
// gzip_static look for exactly these names). The deployment's public addresses,
// TEC_PUBLIC_CDN_URL (the folder holding the version folders; default the demo's
// http://127.0.0.1:8788/cdn/) and TEC_PUBLIC_API_URL (default the demo's http://127.0.0.1:8787),
// only change the snippets' text; the manifest records them (`urls`) for the docs and the demo.
// TEC_CDN_BASE and TEC_SNIPPET_API, their former names, still work.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { minify as terser } from 'terser';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { tsImport } from 'tsx/esm/api';
import { pageReserve } from './packages/widgets/dist/base/reserve.js';
import { RESERVES } from './packages/widgets/dist/reserves.js';

/** The one list of widgets (packages/widgets/src/widgets.ts). */
const { WIDGETS, folderOf } = await tsImport('./packages/widgets/src/widgets.ts', import.meta.url);
/** The visible widgets: those with a reserve, a snippet and a size budget. */
const shown = WIDGETS.filter((w) => w.shows);

// The version comes from the root package.json, written into the loader and the widgets' base
// (`__TEC_VERSION__`, packages/widgets/src/base/version.ts) as the build runs.
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));
const cdnBase = (
  process.env.TEC_PUBLIC_CDN_URL ??
  process.env.TEC_CDN_BASE ??
  'http://127.0.0.1:8788/cdn/'
).replace(/\/?$/, '/');
const snippetApi = (
  process.env.TEC_PUBLIC_API_URL ??
  process.env.TEC_SNIPPET_API ??
  'http://127.0.0.1:8787'
).replace(/\/$/, '');

export const outDir = `dist/cdn/${version}`;

/**
 * What each widget's snippet shows: the tag with its usual attributes and its no-script content,
 * from the widget's `snippet.html`.
 */
const snippetBodies = Object.fromEntries(
  shown.map(({ tag }) => [
    tag,
    readFileSync(new URL(`packages/widgets/src/${folderOf(tag)}/snippet.html`, import.meta.url), 'utf8')
      .trimEnd()
      .replaceAll('{api}', snippetApi),
  ]),
);

/** The page-level rules that hold the widgets' space: written into the loader, and as tec.css. */
const reserveCss = pageReserve(RESERVES);

const sri = (code) => `sha384-${createHash('sha384').update(code).digest('base64')}`;

/**
 * Emits `<file>.br` and `<file>.gz` beside a file, for servers that send precompressed files
 * (nginx `brotli_static` / `gzip_static`, the demo server): every file of the set gets both.
 */
function emitCompressed(context, fileName, source) {
  const code = Buffer.from(source);
  const br = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const gz = gzipSync(code, { level: 9 });
  context.emitFile({ type: 'asset', fileName: `${fileName}.br`, source: br });
  context.emitFile({ type: 'asset', fileName: `${fileName}.gz`, source: gz });
  return { code, br, gz };
}

/**
 * Writes the version into the widgets' base (`__TEC_VERSION__`), as the loader gets it below, and
 * tells the list of widgets it is in the CDN set (`__TEC_CDN__`).
 */
function injectVersion() {
  return {
    name: 'tec-version',
    transform(code) {
      if (!/__TEC_(VERSION|CDN)__/.test(code)) return null;
      return {
        code: code
          .replace(/typeof\s*__TEC_VERSION__/g, '"string"')
          .replaceAll('__TEC_VERSION__', JSON.stringify(version))
          // The list of widgets' build-only data (widgets.ts) is dropped from the loader.
          .replace(/typeof\s*__TEC_CDN__/g, '"boolean"'),
        map: null,
      };
    },
  };
}

/**
 * Minifies each chunk with terser (two compress passes): 2 % fewer bytes after brotli than
 * esbuild's minifier over the CDN set (69.4 -> 67.8 kB for a page of four widgets; docs/benchmarks.md).
 */
function minify() {
  return {
    name: 'tec-minify',
    async renderChunk(code) {
      const result = await terser(code, {
        module: true,
        ecma: 2022,
        compress: { passes: 2 },
        mangle: true,
        format: { comments: false },
      });
      return { code: result.code, map: null };
    },
  };
}

/**
 * Writes into the loader, for each tag, the files its chunk needs with their SRI hashes; then the
 * manifest, the snippets, and the compressed copies.
 */
function cdnManifest() {
  return {
    name: 'tec-cdn-manifest',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle).filter((f) => f.type === 'chunk');
      const byName = new Map(files.map((f) => [f.fileName, f]));
      /** A chunk and what it imports, transitively; `lazy` follows dynamic imports too. */
      const needs = (file, lazy = false, seen = new Set()) => {
        if (seen.has(file)) return seen;
        seen.add(file);
        const chunk = byName.get(file);
        for (const dep of [...(chunk?.imports ?? []), ...(lazy ? (chunk?.dynamicImports ?? []) : [])])
          needs(dep, lazy, seen);
        return seen;
      };
      const chunks = {};
      // The chunks imported later by the code of others (the virtualizer's layout, the SDK's
      // stream reader), with their hashes: the loader checks each before it is imported
      // (`laterImports()` below).
      const laterHashes = {};
      for (const file of files) {
        if (!file.isDynamicEntry) continue;
        const match = /\/(tec-[a-z-]+)\.define\.js$/.exec(file.facadeModuleId ?? '');
        if (match)
          chunks[match[1]] = [...needs(file.fileName)].map((f) => [`./${f}`, sri(byName.get(f).code)]);
        else laterHashes[`./${file.fileName}`] = sri(file.code);
      }
      // Every dynamic import outside the loader goes through its check (`laterImports`): one to a
      // chunk not in that list would be refused at run time, so it fails the build here.
      for (const file of files)
        for (const target of file.dynamicImports)
          if (file.name !== 'tec' && !laterHashes[`./${target}`])
            this.error(`${file.fileName} imports ${target} later, which the loader would refuse`);
      const loader = files.find((f) => f.isEntry && f.name === 'tec');
      loader.code = loader.code
        // The source's fallbacks (`typeof __TEC_… === 'undefined'`) are settled first, so that
        // each value is written once.
        .replace(/typeof\s*__TEC_(CHUNKS|LATER|VERSION|RESERVE)__/g, (_, name) =>
          name === 'CHUNKS' || name === 'LATER' ? '"object"' : '"string"',
        )
        .replaceAll('__TEC_CHUNKS__', JSON.stringify(chunks))
        .replaceAll('__TEC_LATER__', JSON.stringify(laterHashes))
        .replaceAll('__TEC_VERSION__', JSON.stringify(version))
        .replaceAll('__TEC_RESERVE__', JSON.stringify(reserveCss));
      if (/__TEC_(CHUNKS|LATER|VERSION|RESERVE)__/.test(loader.code))
        this.error('the loader still has a placeholder');

      const manifest = {
        version,
        urls: { cdn: cdnBase, api: snippetApi },
        files: {},
        loader: 'tec.js',
        stylesheet: 'tec.css',
        widgets: {},
        snippets: {},
      };
      // The rules the loader adopts, as a file for pages that want them before the loader runs.
      const css = { fileName: 'tec.css', code: `${reserveCss}\n` };
      this.emitFile({ type: 'asset', fileName: css.fileName, source: css.code });
      for (const file of [...files, css]) {
        const { code, br, gz } = emitCompressed(this, file.fileName, file.code);
        manifest.files[file.fileName] = {
          integrity: sri(code),
          bytes: code.length,
          gzip: gz.length,
          brotli: br.length,
        };
      }
      // The style sheet holds the widgets' space from the first frame (0.6 kB, cached for good);
      // the script loads them. Both are checked against their hashes.
      const script = `<link rel="stylesheet" href="${cdnBase}${version}/tec.css"
      integrity="${manifest.files['tec.css'].integrity}" crossorigin="anonymous">
<script type="module" src="${cdnBase}${version}/tec.js"
        integrity="${manifest.files['tec.js'].integrity}" crossorigin="anonymous"></script>`;
      const runtime = files.find((f) => f.name === 'tec-runtime');
      const runtimeLater = new Set(
        runtime ? [...needs(runtime.fileName, true)].filter((f) => !needs(runtime.fileName).has(f)) : [],
      );
      for (const [tag, body] of Object.entries(snippetBodies)) {
        const loaded = chunks[tag].map(([f]) => f.slice(2));
        const file = loaded[0];
        // What the widget's chunk imports later by itself (the virtualizer's layout), for sizes;
        // not what the runtime may import later (the SDK's stream reader without EventSource).
        const later = [...needs(file, true)].filter((f) => !loaded.includes(f) && !runtimeLater.has(f));
        manifest.widgets[tag] = { files: loaded, later };
        manifest.snippets[tag] = `${script}\n${body}\n`;
        this.emitFile({ type: 'asset', fileName: `snippets/${tag}.html`, source: manifest.snippets[tag] });
        emitCompressed(this, `snippets/${tag}.html`, manifest.snippets[tag]);
      }
      const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: manifestText });
      emitCompressed(this, 'manifest.json', manifestText);
    },
  };
}

/**
 * Every dynamic import of the CDN set, but the loader's own (which preloads each widget's chunks
 * with their hashes before importing them), goes through the loader's `tec.later@<version>`
 * function: it announces the chunk as `<link rel="modulepreload" integrity>`, waits for it, and
 * only then imports it, so that a chunk imported later (the virtualizer's layout, once a member
 * list passes 100 rows) is checked against its hash like the others; one that does not match is
 * refused and not run. Without the loader (a chunk imported by hand), the import is as written.
 */
function laterImports() {
  const key = JSON.stringify(`tec.later@${version}`);
  const own = /packages[\\/]widgets[\\/]dist[\\/](loader|widgets)\.js$/;
  return {
    name: 'tec-later-imports',
    renderDynamicImport({ moduleId }) {
      if (own.test(moduleId)) return null;
      return {
        left: `(globalThis[Symbol.for(${key})] || ((load, href) => load(href)))((href) => import(href), new URL(`,
        right: ', import.meta.url).href)',
      };
    },
  };
}

/**
 * Evaluates the CDN set in several tasks rather than one (issue 19). Building the contract's zod
 * schemas is most of the runtime chunk's evaluation: at 4× CPU, 26 ms for Lit and zod's classes,
 * 38 ms for the contract's primitives, 56 ms for its schemas, 34 ms for the rest (an instrumented
 * build, each module's start marked). In one task that was 150 ms or more in which the page
 * answered no tap; and each widget's chunk then evaluated, defined its element and rendered it in
 * the same task as the runtime's end. A top-level await before each of these modules, at the start
 * of each widget's chunk and before it defines its element lets the browser run its other tasks
 * (input, a frame) in between; each one resumes ahead of other work where `scheduler.yield()`
 * exists. A tag is only defined once its chunk has run to the end, so it keeps the page's reserve
 * (`:not(:defined)`) until its first render, in the same task. Only the CDN set does this: the
 * packages themselves have no top-level await.
 */
const EVALUATION_STEPS = [
  'contract/dist/primitives.js',
  'contract/dist/schemas.js',
  'contract/dist/story.js',
  ...WIDGETS.filter((w) => w.shows).map((w) => `widgets/dist/${folderOf(w.tag)}/${w.tag}.define.js`),
];
const YIELD_TASK =
  'await (globalThis.scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve, 0)));\n';
function evaluateInSteps() {
  const found = new Set();
  return {
    name: 'tec-evaluate-in-steps',
    transform(code, id) {
      const step = EVALUATION_STEPS.find((end) => id.replaceAll('\\', '/').endsWith(`packages/${end}`));
      if (!step) return null;
      found.add(step);
      return { code: YIELD_TASK + code, map: null };
    },
    buildEnd(error) {
      const missing = EVALUATION_STEPS.filter((step) => !found.has(step));
      if (!error && missing.length)
        this.error(`evaluateInSteps: no module ${missing.join(', ')} in the build`);
    },
    // Each widget's chunk starts with a yield too (after its imports, which rollup writes one a
    // line at the top): it then evaluates in a task of its own, not in the runtime's last one.
    renderChunk(code, chunk) {
      if (!chunk.isDynamicEntry || !WIDGETS.some((w) => chunk.name === `${w.tag}.define`)) return null;
      const lines = code.split('\n');
      let body = 0;
      while (body < lines.length && /^import\s/.test(lines[body] ?? '')) body += 1;
      lines.splice(body, 0, YIELD_TASK.trimEnd());
      return { code: lines.join('\n'), map: null };
    },
  };
}

/**
 * The loader, the list of widgets, each widget's folder (its strings too), and the enums' labels
 * (base/labels.js, shown by some widgets only): not in the runtime chunk. What several widgets
 * share of these becomes a chunk of its own, which their tags preload with its hash.
 */
const ownModules = new RegExp(
  `packages[\\\\/]widgets[\\\\/]dist[\\\\/](loader|widgets|base[\\\\/]labels|${WIDGETS.map((w) => folderOf(w.tag)).join('|')})`,
);

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: { tec: 'packages/widgets/dist/loader.js' },
    plugins: [
      nodeResolve({ browser: true }),
      injectVersion(),
      evaluateInSteps(),
      laterImports(),
      minify(),
      cdnManifest(),
    ],
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) => `${chunk.name.replace(/\.define$/, '')}-[hash].js`,
      // One runtime chunk: everything the widgets share. What only one widget uses (the
      // virtualizer for the member list) stays in that widget's chunk; the SDK's
      // reader of event streams without EventSource (eventsource-parser) is a chunk of its own,
      // which browsers never load.
      manualChunks(id) {
        if (/[\\/]eventsource-parser[\\/]/.test(id)) return 'tec-sse';
        if (/[\\/]@lit-labs[\\/]virtualizer[\\/]/.test(id)) return undefined;
        if (ownModules.test(id)) return undefined;
        return 'tec-runtime';
      },
      hashCharacters: 'base36',
    },
    onwarn(warning, warn) {
      // tsc's decorator helper reads `this` at module level (undefined in a module, as it expects);
      // zod places a comment where rollup reads annotations, and rollup drops it. Both harmless.
      if (warning.code === 'THIS_IS_UNDEFINED' && /__decorate/.test(warning.frame ?? '')) return;
      if (warning.code === 'INVALID_ANNOTATION' && /node_modules[\\/]zod/.test(warning.id ?? '')) return;
      if (
        warning.code === 'CIRCULAR_DEPENDENCY' &&
        (warning.ids ?? []).every((id) => /node_modules/.test(id))
      )
        return;
      warn(warning);
    },
  },
];
