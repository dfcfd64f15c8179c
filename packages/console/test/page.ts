/**
 * What the console's end-to-end tests share: Chromium launched from Debian's binary, a console
 * page opened on the API that serves it (CSP violations and script errors recorded, and checked
 * at close), sign-in, the section buttons, axe, and the screenshots `TEC_SCREENSHOTS=1` writes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';

export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const site = fileURLToPath(new URL('../dist/site/', import.meta.url));
/** Where `TEC_SCREENSHOTS=1` writes what the console looks like at 375 and 1280 px. */
const shots = fileURLToPath(new URL('../../../tmp/screenshots/console/', import.meta.url));

export interface Opened {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** Opens the console at `url`, recording CSP violations and script errors. */
export async function open(browser: Browser, url: string, width = 1280): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/401|403|404|400|409|422/.test(m.text())) errors.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { violations: string[] }).violations.push(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
    (window as unknown as { violations: string[] }).violations = [];
  });
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('tec-console') !== undefined);
  return {
    page,
    errors,
    close: async () => {
      const violations = await page.evaluate(
        () => (window as unknown as { violations: string[] }).violations,
      );
      assert.deepEqual(violations, [], 'no CSP violation');
      assert.deepEqual(errors, [], 'no script error');
      await context.close();
    },
  };
}

export async function signIn(page: Page, token: string) {
  await page.fill('#token', token);
  await page.click('form[data-form="signin"] button[type="submit"]');
  await page.waitForSelector('#territory');
}

/** The section element shown, to scope locators (Playwright pierces shadow roots). */
export const section = (page: Page, name: string) => page.locator(`tec-console-${name}`);

export async function go(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
}

export async function axe(page: Page, what: string) {
  // Evaluated by the browser's devtools protocol: the page's Trusted Types policy stays on.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: {
          run: (
            c: unknown,
            o: unknown,
          ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}: ${JSON.stringify(v.nodes[0]?.target)})`);
  });
  assert.deepEqual(result, [], `axe violations ${what}`);
}

export async function shot(page: Page, name: string) {
  if (!process.env.TEC_SCREENSHOTS) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}${name}.png` });
  await page.screenshot({ path: `${shots}${name}-full.png`, fullPage: true });
}

/** Waits until `check` holds (a live change arriving), or fails with `what` after 10 s. */
export async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 10_000;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) assert.fail(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The name of the element that has the focus, through the shadow roots. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('name') ?? el?.getAttribute('data-add') ?? el?.textContent?.trim() ?? '';
  });
}
