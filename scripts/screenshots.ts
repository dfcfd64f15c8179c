#!/usr/bin/env node
/**
 * `npm run screenshots`: every demo page in Chromium, as people see it, for a review by eye before
 * a change that alters what people see is closed: full-page PNGs at 375 and 1280 px, for a visitor
 * whose system is light and one whose system is dark, written to `tmp/screenshots/` (ignored).
 *
 * It starts the API on a temporary database and the demo sites, as the end-to-end tests do, and
 * prints for each page the document's height beside the bottom of its content, so that a widget
 * that makes its host page longer than itself shows in the log as well as in the picture.
 *
 *   npm run screenshots                         every page, both widths, both visitor modes
 *   npm run screenshots -- /habitants/ /mairie/ only these pages
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { freePort, startTestServer } from '../packages/api/src/testing/index.js';
import { buildDemo, DEMO_PAGES, pageHeights, settled, startDemoServer } from './demo.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'tmp', 'screenshots');
const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));

await buildDemo();
mkdirSync(out, { recursive: true });
const port = await freePort();
const api = await startTestServer();
const demo = await startDemoServer({ apiUrl: api.url, port });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const path of paths.length ? paths : DEMO_PAGES) {
    for (const width of [375, 1280]) {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(`${demo.url}${path}`);
        await settled(page).catch(() => {});
        await page.waitForTimeout(400);
        const name = `${path.replace(/\//g, '') || 'index'}-${width}-${scheme}.png`;
        await page.screenshot({ path: join(out, name), fullPage: true });
        const { document: doc, content } = await pageHeights(page);
        console.log(`${name}: document ${doc} px, content ends at ${content} px`);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await demo.close();
  await api.close();
}
console.log(`Screenshots in ${out}`);
