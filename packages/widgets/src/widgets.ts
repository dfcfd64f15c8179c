/**
 * The one list of TEC widgets. Adding a widget is its folder plus one line here.
 *
 * A widget `tec-foo-bar` lives in `src/foo-bar/`: its class `TecFooBar` in `tec-foo-bar.ts`, its
 * styles in `tec-foo-bar.styles.ts`, the module that registers the tag in `tec-foo-bar.define.ts`,
 * the space it holds in `tec-foo-bar.reserve.ts` (written by `npm run reserve`) and the snippet the
 * CDN set offers in `snippet.html` (`{api}` stands for the API's public address).
 *
 * What reads this list:
 * - the loader (`loader.ts`): the tags it looks for and the chunk each one loads;
 * - `npm run manifest` (scripts/widgets-docs.mjs): writes `define.ts`, `index.ts`, the package's
 *   `exports`, and the React wrappers from it and from the Custom Elements Manifest (`--check`,
 *   in `npm test`, says when one is stale);
 * - rollup.config.mjs: the chunks, the page-level reserve rules, the snippets;
 * - scripts/size.mjs: each widget's size budget;
 * - scripts/reserve.ts: the pages and attribute variants it measures;
 * - the shared browser suite (test/shared.browser.test.ts): every visible widget.
 *
 * @module
 */

export interface Widget {
  /** The tag; its folder is the tag without `tec-`. */
  tag: `tec-${string}`;
  /** Loads the module that registers the tag: the widget's chunk in the CDN set. */
  load: () => Promise<unknown>;
  /**
   * What a visible widget needs (`tec-provider` shows nothing, so has none): its size budget on
   * top of the runtime chunk, `[brotli, gzip]` bytes (a budget is raised only in a commit that says
   * why), and what `npm run reserve` measures: the demo page, and the attribute variants that get
   * rows of their own (a selector on the tag; `[name=value]` variants are set on the page's tags).
   */
  shows?: { budget: [brotli: number, gzip: number]; page: string; variants?: string[] };
}

declare const __TEC_CDN__: boolean | undefined;
/**
 * What only the build and the tests read (`shows`) stays out of the CDN's `tec.js`: rollup sets
 * `__TEC_CDN__`, and its minifier drops every `BUILD ? … : undefined` then.
 */
const BUILD = typeof __TEC_CDN__ === 'undefined';

/** Folder of a widget's modules, relative to `src/`. */
export const folderOf = (tag: string): string => tag.replace(/^tec-/, '');

/** Its class name: `tec-foo-bar` → `TecFooBar`. */
export const classOf = (tag: string): string =>
  tag.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());

export const WIDGETS: Widget[] = [
  { tag: 'tec-provider', load: () => import('./provider/tec-provider.define.js') },
  // Issue 19: each widget carries its own strings (French and English) and the labels of the
  // contract's enums it shows (a chunk shared by the widgets that show them), out of the runtime:
  // the budgets are the sizes measured then (the CDN's chunks or esbuild's, the larger).
  {
    tag: 'tec-phase-tracker',
    load: () => import('./phase-tracker/tec-phase-tracker.define.js'),
    shows: BUILD
      ? {
          budget: [3_800, 4_300],
          page: '/fondation/',
          variants: ['[layout=horizontal]', '[layout=vertical]', '[layout=compact]'],
        }
      : undefined,
  },
  {
    tag: 'tec-engagement-cta',
    load: () => import('./engagement-cta/tec-engagement-cta.define.js'),
    shows: BUILD
      ? {
          budget: [9_000, 10_200],
          page: '/habitants/',
          variants: ['[variant=banner]', '[variant=button]'],
        }
      : undefined,
  },
  {
    tag: 'tec-coalition-members',
    load: () => import('./coalition-members/tec-coalition-members.define.js'),
    // The virtualizer included. 13 kB since issue 12: the grid keyboard, the member details and
    // the narrow-width select (12.4 kB). +0.4 kB (14.1 / 15.7 measured) when the list began to
    // scroll to a row the virtualizer has not rendered itself (its own way empties the list,
    // lit/lit#4767), to keep the focus and the reader's place when it starts, and to give the
    // virtualized list a grid element of its own.
    shows: BUILD ? { budget: [14_200, 15_800], page: '/fondation/' } : undefined,
  },
  {
    tag: 'tec-territory-map',
    load: () => import('./territory-map/tec-territory-map.define.js'),
    // Geometry is data, not counted. Its conic is its own (projection.ts), not d3-geo's. Issue
    // 19 raised it by 0.5 kB for a first render twice as fast (communes written without a Lit
    // template each, arcs projected once, the text list written when idle); its own conic
    // instead of d3-geo's: 12.9 -> 9.1 kB in an npm bundle, 10.1 -> 9.8 kB in the CDN set.
    shows: BUILD
      ? { budget: [9_900, 11_200], page: '/fondation/', variants: [':not([territory])'] }
      : undefined,
  },
  {
    tag: 'tec-territory-portrait',
    load: () => import('./territory-portrait/tec-territory-portrait.define.js'),
    // Its strings in its own chunk (not the runtime's).
    shows: BUILD ? { budget: [3_400, 3_900], page: '/kiif-roya/' } : undefined,
  },
  {
    tag: 'tec-cooperations',
    load: () => import('./cooperations/tec-cooperations.define.js'),
    // 4.1 / 4.6 kB (measured 4.0 / 4.5 in the CDN set, 3.3 / 3.7 in an npm bundle): keyed
    // cards and options, names kept for a commune that has gone, the focus kept on live changes.
    shows: BUILD ? { budget: [4_100, 4_600], page: '/kiif-roya/' } : undefined,
  },
];
