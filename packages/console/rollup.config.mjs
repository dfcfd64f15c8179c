// The console as static files, from its compiled JavaScript (`tsc --build` first; `npm run
// build` does both): packages/console/dist/site/ holds index.html, console.js (one module: the
// console, Lit, the SDK and the three widgets it previews), console.css and the icon. Any static
// host serves that folder; the API serves it at /console/ when TEC_CONSOLE_DIR names it.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const site = here('dist/site/');

/** Minifies the bundle with esbuild (as the widgets' build does). */
function minify() {
  return {
    name: 'tec-console-minify',
    async renderChunk(code) {
      const result = await transform(code, {
        minify: true,
        format: 'esm',
        target: 'es2022',
        legalComments: 'none',
      });
      return { code: result.code, map: null };
    },
  };
}

/** Copies the page, its style sheet and its icon beside the bundle. */
function copyPublic() {
  return {
    name: 'tec-console-public',
    writeBundle() {
      mkdirSync(site, { recursive: true });
      for (const name of readdirSync(here('public/'))) copyFileSync(here(`public/${name}`), `${site}${name}`);
    },
  };
}

export default {
  input: here('dist/lib/main.js'),
  plugins: [nodeResolve({ browser: true }), minify(), copyPublic()],
  output: { file: `${site}console.js`, format: 'es', inlineDynamicImports: true },
  onwarn(warning, warn) {
    // zod's own modules import each other: harmless, and not ours to change.
    if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
    warn(warning);
  },
};
