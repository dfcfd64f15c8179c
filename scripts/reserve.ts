/**
 * Measures how tall each widget's content is, across widths, on the demo pages and their data —
 * what `packages/widgets/src/base/reserve.ts` must hold so that nothing moves on the page.
 *
 *   npm run reserve     writes each widget's rows, in packages/widgets/src/<widget>/*.reserve.ts
 *
 * After a change to a widget's layout, run it, review the diff of the rows, and run the tests:
 * tests/e2e/demo.test.ts checks that no content outgrows its reserve and that the demo pages
 * shift by 0.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright';
import { WIDGETS, folderOf } from '../packages/widgets/src/widgets.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What `npm run reserve` measures of each visible widget, from the one list (widgets.ts). */
const SHOWN = WIDGETS.filter((w) => w.shows);

/**
 * Pages and attribute variants measured: [page, tag, attribute, value, row selector]. Every demo
 * page a widget names is measured as it is; then each `[name=value]` variant is set on that
 * widget's tags on its page. Other variants (`:not([territory])`) are found on the pages.
 */
export const VARIANTS: [string, string, string, string, string][] = [
  ...[...new Set(SHOWN.map((w) => w.shows!.page))].map(
    (page) => [page, '', '', '', ''] as [string, string, string, string, string],
  ),
  ...SHOWN.flatMap(({ tag, shows }) =>
    (shows!.variants ?? []).flatMap((selector) => {
      const set = /^\[([a-z-]+)=([a-z0-9-]+)\]$/.exec(selector);
      return set
        ? [[shows!.page, tag, set[1]!, set[2]!, selector] as [string, string, string, string, string]]
        : [];
    }),
  ),
];

/** For each tag, the selectors that get rows of their own; the first one a tag matches wins. */
const ROW_SELECTORS: Record<string, string[]> = Object.fromEntries(
  SHOWN.map(({ tag, shows }) => [tag, shows!.variants ?? []]),
);

export interface Fit {
  tag: string;
  row: string;
  width: number;
  /** Height of the content in px, and of the space held (both at the widget's text size). */
  content: number;
  held: number;
  em: number;
}

/**
 * Sets every widget of the (loaded) page to each width in turn and measures its content with
 * nothing held, then the space held. Widths are set on the tags, so one page load serves all.
 */
export async function measureFits(page: Page, widths: number[]): Promise<Fit[]> {
  return page.evaluate(
    async ([widths, selectors]) => {
      const widgets = [...document.querySelectorAll<HTMLElement>('*')].filter(
        (e) => e.localName in selectors,
      );
      const fits: Fit[] = [];
      for (const width of widths) {
        for (const e of widgets) e.style.width = `${width}px`;
        // Three frames: a widget that changes its layout by width (the portrait's disclosures
        // below 480 px) hears of the new width from a ResizeObserver, then renders.
        for (let frame = 0; frame < 3; frame += 1) await new Promise(requestAnimationFrame);
        for (const e of widgets) {
          const box = e.shadowRoot!.querySelector<HTMLElement>('.reserve')!;
          // The row's height, even where the widget gave it back (a short content: `fitted`).
          const fitted = box.classList.contains('fitted');
          box.classList.remove('fitted');
          const held = parseFloat(getComputedStyle(box).minHeight);
          box.style.minHeight = '0px';
          const content = box.getBoundingClientRect().height;
          box.style.minHeight = '';
          if (fitted) box.classList.add('fitted');
          const em = parseFloat(getComputedStyle(box).fontSize);
          // The row selector of the widget as measured (see VARIANTS), e.g. `[layout=compact]`.
          const row = (selectors[e.localName] ?? []).find((s) => e.matches(s)) ?? '';
          fits.push({ tag: e.localName, row, width, content, held, em });
        }
      }
      for (const e of widgets) e.style.width = '';
      return fits;
    },
    [widths, ROW_SELECTORS] as const,
  );
}

/** Gives the widgets of a loaded demo page a variant's attribute, then measures those widgets. */
export async function measureVariant(
  page: Page,
  [, tag, attribute, value]: (typeof VARIANTS)[number],
  widths: number[],
): Promise<Fit[]> {
  if (tag) {
    await page.evaluate(
      ([tag, attribute, value]) =>
        document.querySelectorAll(tag).forEach((e) => e.setAttribute(attribute, value)),
      [tag, attribute, value] as const,
    );
  }
  return (await measureFits(page, widths)).filter((f) => !tag || f.tag === tag);
}

/** The map's box keeps the SVG's aspect ratio, 48em wide at most; the rest is a constant. */
export const MAP_BOX = 'min(100cqi - 2em - 2px, 48em) * 14 / 15';
const mapBox = (width: number, em: number) => (Math.min(width - 2 * em - 2, 48 * em) * 14) / 15;

/**
 * Bands of widths where the content height (for the map: the part beside its box) drops by at
 * least `step` em; each band holds the tallest content measured in it, plus `margin` em.
 */
export function rows(fits: Fit[], step = 2, margin = 0.25): Record<string, [string, string, string][]> {
  const table: Record<string, [string, string, string][]> = {};
  const groups = new Map<string, Fit[]>();
  for (const fit of fits) {
    const key = `${fit.tag} ${fit.row}`;
    groups.set(key, [...(groups.get(key) ?? []), fit]);
  }
  for (const [key, group] of [...groups].sort()) {
    const [tag, row] = key.split(' ') as [string, string];
    const map = tag === 'tec-territory-map';
    const byWidth = new Map<number, number>();
    for (const f of group) {
      const em = (f.content - (map ? mapBox(f.width, f.em) : 0)) / f.em;
      byWidth.set(f.width, Math.max(byWidth.get(f.width) ?? 0, em));
    }
    const widths = [...byWidth.keys()].sort((a, b) => a - b);
    const bands: { from: number; height: number }[] = [];
    for (const width of widths) {
      const height = byWidth.get(width)!;
      const band = bands.at(-1);
      if (!band || height < band.height - step) bands.push({ from: width, height });
      else band.height = Math.max(band.height, height);
    }
    table[tag] ??= [];
    bands.forEach((band, i) => {
      const em = (Math.ceil((band.height + margin) * 10) / 10).toFixed(1);
      table[tag]!.push([
        row,
        i === 0 ? '' : `(min-width: ${band.from}px)`,
        map ? `calc(${em}em + ${MAP_BOX})` : `${em}em`,
      ]);
    });
  }
  return table;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { chromium } = await import('playwright');
  const { freePort, startTestServer } = await import('@tec/api/testing');
  const { buildDemo, settled, startDemoServer } = await import('./demo.js');
  await buildDemo({ log: () => {} });
  const port = await freePort();
  const api = await startTestServer({ config: { allowedOrigins: [`http://127.0.0.1:${port}`] } });
  const demo = await startDemoServer({ apiUrl: api.url, port });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  // Every 10 px: a grid of cards (the cooperations) can be taller between two widths 20 px apart
  // than at either, when its columns change.
  const widths = Array.from({ length: 83 }, (_, i) => 280 + i * 10);
  const fits: Fit[] = [];
  for (const variant of VARIANTS) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${demo.url}${variant[0]}`);
    await settled(page, ['loaded']);
    fits.push(...(await measureVariant(page, variant, widths)));
    await page.close();
  }
  for (const [tag, list] of Object.entries(rows(fits))) {
    const file = join(root, `packages/widgets/src/${folderOf(tag)}/${tag}.reserve.ts`);
    const lines = list.map((row) => `  [${row.map((v) => `'${v}'`).join(', ')}],`);
    writeFileSync(
      file,
      `/** The space <${tag}> holds on the page, written by \`npm run reserve\` (see base/reserve.ts). */\n` +
        `import type { Row } from '../base/reserve.js';\n\nexport const reserve: Row[] = [\n${lines.join('\n')}\n];\n`,
    );
    console.log(`${relative(root, file)}: ${list.length} rows`);
  }
  await browser.close();
  await demo.close();
  await api.close();
}
