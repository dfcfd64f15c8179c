/** Shared helpers of the widgets' browser tests: the real API started by the test runner. */
import { getTecClient } from '@tec/sdk';
import { createTecAdmin } from '@tec/sdk/admin';

export interface TestConfig {
  apiUrl: string;
  proxyUrl: string;
  adminToken: string;
}

export const config = ((await import('/__tec__/config.js' as string)) as { default: TestConfig }).default;
export const admin = createTecAdmin({ baseUrl: config.apiUrl, token: config.adminToken });

/** A port where nothing listens: the API "unreachable". */
export const DEAD_API = 'http://127.0.0.1:9';

export async function waitFor(
  test: () => boolean | Promise<boolean>,
  what: string,
  ms = 8000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function proxyStats(path: string, reset = false): Promise<{ count: number; open: number }> {
  // A fresh URL each time: the test server may cache what its plugins serve.
  const nonce = `&n=${Date.now()}-${Math.random()}`;
  const response = await fetch(
    `/__tec__/proxy?path=${encodeURIComponent(path)}${reset ? '&reset=1' : ''}${nonce}`,
    {
      cache: 'no-store',
    },
  );
  return (await response.json()) as { count: number; open: number };
}

export async function inject(path: string, fault: unknown, times = 1, method?: string): Promise<void> {
  const query = new URLSearchParams({ path, fault: JSON.stringify(fault), times: String(times) });
  if (method) query.set('method', method);
  query.set('n', `${Date.now()}-${Math.random()}`); // never served from a cache
  await fetch(`/__tec__/inject?${query.toString()}`, { cache: 'no-store' });
}

/** The widget's status once it has settled (loaded, empty, error or offline). */
export async function settled(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<string> {
  const status = () => (el as unknown as { status: string }).status;
  await el.updateComplete; // a change of attribute starts its reload in the next update
  await waitFor(() => status() !== 'loading', `<${el.localName}> to settle`);
  await el.updateComplete;
  return status();
}

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

/** The text of the widget's polite live region. */
export function liveRegion(el: Element): string {
  return shadow(el).querySelector('[role="status"][aria-live="polite"]')?.textContent?.trim() ?? '';
}

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

/** The e-mails the test SMTP server received for `to`, once `n` have arrived. */
export async function mailTo(to: string, n = 1): Promise<ReceivedMail[]> {
  const nonce = `&nonce=${Date.now()}-${Math.random()}`;
  const response = await fetch(`/__tec__/mail?to=${encodeURIComponent(to)}&n=${n}${nonce}`);
  return (await response.json()) as ReceivedMail[];
}

/**
 * Marks a territory's data as real (`false`, what a real deployment serves) or as demonstration
 * data (`true`, the seed's) in the test database, and forgets this page's cached answers.
 */
export async function setDemo(territory: string, demo: boolean): Promise<void> {
  const query = new URLSearchParams({
    territory,
    demo: demo ? '1' : '0',
    n: `${Date.now()}-${Math.random()}`,
  });
  await fetch(`/__tec__/demo?${query.toString()}`, { cache: 'no-store' });
  for (const url of [config.apiUrl, config.proxyUrl]) getTecClient(url).cache.clear();
}
