// The libraries' floor (issue 19): what Lit, ky and zod/mini weigh alone, in the parts this
// project's browser code uses, minified and compressed the way `npm run size` measures the SDK
// (esbuild) and the CDN set (terser), beside the SDK and the runtime chunk as they are. Whatever
// the SDK, the contract and the widgets' base do, a bundle that holds them cannot be lighter than
// the libraries it is made of.
//
//   npm run bench:floor        (the CDN row needs `npm run build` first; it is left out without)
//
// zod/mini: every function of it the browser code calls (`z.<name>` in the contract, the SDK and
// the widgets, the contract's OpenAPI writer aside), re-exported, so that each comes with what it
// needs and nothing else. Lit and @lit/context: what the widget base imports. ky: all of it.
import { build } from 'esbuild';
import { minify } from 'terser';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const root = new URL('../../', import.meta.url).pathname;
const brotli = (code: string | Uint8Array) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Every `z.<name>` (and `z.<space>.<name>`) the browser's code calls. */
function zodCalls(): string[] {
  const folders = ['packages/contract/src', 'packages/sdk/src', 'packages/widgets/src'];
  const types = new Set(['infer', 'input', 'output', 'core']);
  const names = new Set<string>();
  for (const folder of folders) {
    for (const file of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('openapi.ts')) continue;
      const text = readFileSync(join(root, folder, file), 'utf8');
      for (const [, name] of text.matchAll(/\bz\.([a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)?)\(/g))
        if (!types.has(name!.split('.')[0]!)) names.add(name!);
    }
  }
  return [...names].sort();
}

const calls = zodCalls();
const zodPart = [
  `import * as z from 'zod/mini';`,
  ...calls.map((name, i) => `export const z${i} = z.${name};`),
].join('\n');
const kyPart = `export { default as ky } from 'ky';`;
const litPart = [
  `export { LitElement, html, svg, css, unsafeCSS, nothing } from 'lit';`,
  `export { property, state } from 'lit/decorators.js';`,
  `export { ContextRoot, createContext, consume, ContextProvider } from '@lit/context';`,
].join('\n');

async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

const rows: [string, number, number][] = [];
async function measure(name: string, contents: string): Promise<void> {
  const esbuilt = await bundle(contents);
  const tersed = (await minify(esbuilt, { module: true, compress: { passes: 2 } })).code!;
  rows.push([name, brotli(esbuilt), brotli(tersed)]);
}

await measure('ky + zod/mini (the SDK’s libraries)', `${kyPart}\n${zodPart}`);
await measure('Lit + ky + zod/mini (the runtime’s libraries)', `${litPart}\n${kyPart}\n${zodPart}`);
await measure('@tec/sdk as it is', `export * from './packages/sdk/src/index.ts';`);

console.log(`zod/mini functions called by the browser's code (${calls.length}): ${calls.join(', ')}\n`);
console.log('| bundle | brotli, esbuild-minified | brotli, terser-minified |');
console.log('| --- | ---: | ---: |');
for (const [name, esbuilt, tersed] of rows) console.log(`| ${name} | ${kB(esbuilt)} | ${kB(tersed)} |`);

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const manifest = join(root, 'dist', 'cdn', version, 'manifest.json');
if (existsSync(manifest)) {
  // The build's own list (the folder may hold earlier builds' chunks too).
  const files = JSON.parse(readFileSync(manifest, 'utf8')).files as Record<string, { brotli: number }>;
  const runtime = Object.keys(files).find((f) => f.startsWith('tec-runtime-'))!;
  console.log(`| CDN runtime chunk as it is (${runtime}) | | ${kB(files[runtime]!.brotli)} |`);
} else console.log(`\n(No ${manifest}: \`npm run build\` adds the CDN runtime chunk's row.)`);
