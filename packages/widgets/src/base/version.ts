/**
 * The version of this build, shown when two copies of the widgets meet on one page. The build
 * writes in the root package.json's version (rollup.config.mjs for the CDN set, `npm run build`
 * for the package's `dist/`, the esbuild `define` of the tests and of `npm run size`); nothing
 * writes it by hand. From the sources with no build step, it is `source`.
 */
declare const __TEC_VERSION__: string;

export const VERSION: string = typeof __TEC_VERSION__ === 'string' ? __TEC_VERSION__ : 'source';
