/**
 * The space each widget holds on the page, from the first frame to the last, so that nothing
 * around it moves when its script or its data arrives (cumulative layout shift 0).
 *
 * One set of rows per widget (`<widget>/<tag>.reserve.ts`), two uses:
 * - before the widget's script runs, the loader (and `tec.css`, for pages that want it before the
 *   loader itself arrives) gives the still-unknown tag a `::before` of that height;
 * - once defined, every state of the widget (skeleton, loaded, empty, error, offline) sits in a
 *   box with that minimum height — except when the data turns out much shorter than the demo
 *   data the rows were measured on (a territory being selected, nothing published yet): the
 *   widget then gives the space back once (`fitted`, see TecElement), one shift up rather than
 *   a blank card of hundreds of pixels under a sentence.
 *
 * The heights follow the widget's own width (container queries on the tag) and its attributes, in
 * em of the widget's text size, so the two uses agree on every page. `npm run reserve` measures
 * them on the demo data and writes the rows; `tests/e2e/demo.test.ts` fails when some content
 * outgrows them. A page whose content is longer sets `--tec-min-height` on the tag.
 *
 * @module
 */

/** [selector on the tag (attributes, `:not(…)`), container condition, height]; later rows win. */
export type Row = [on: string, container: string, height: string];

const rules = (rows: Row[], on: (extra: string) => string) =>
  rows
    .map(([extra, container, height]) => {
      const rule = `${on(extra)}{--_r:${height}}`;
      return container ? `@container ${container}{${rule}}` : rule;
    })
    .join('');

/** The rules for a widget's shadow root: its `.reserve` box gets the height for its size. */
export const shadowReserve = (rows: Row[]): string =>
  rules(rows, (extra) => `${extra ? `:host(${extra})` : ':host'} .reserve`);

/**
 * The page-level rules for the tags not defined yet: what the loader adopts, and `tec.css`.
 * Written at build time (rollup.config.mjs), from the rows of every widget in widgets.ts.
 */
export function pageReserve(table: Record<string, Row[]>): string {
  const tags = Object.keys(table);
  const all = `:where(${tags.join(',')}):not(:defined)`;
  return (
    `${all}{display:flow-root;container-type:inline-size}` +
    `${all}::before{content:""!important;display:block!important;float:left!important;` +
    `width:0!important;margin:0!important;padding:0!important;border:0!important;` +
    `font-size:var(--tec-font-size,medium)!important;height:var(--tec-min-height,var(--_r))!important}` +
    tags.map((tag) => rules(table[tag]!, (extra) => `${tag}:not(:defined)${extra}::before`)).join('')
  );
}
