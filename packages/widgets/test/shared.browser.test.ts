// What every widget must do, written once and run for each: registration, states, language,
// theme tokens, accessibility in every state, hostile configuration, 320 px reflow.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '@tec/widgets/define';
import type { TecErrorEvent } from '@tec/widgets';
import { defineElement, type TecElement } from '@tec/widgets';
import { getTecClient } from '@tec/sdk';
import { WIDGETS } from '../src/widgets.js';
import {
  DEAD_API,
  config,
  inject,
  liveRegion,
  proxyStats,
  setDemo,
  settled,
  shadow,
  waitFor,
} from './helpers.js';

/** Faults for the next requests through the proxy, with nothing cached that would hide them. */
async function faults(path: string, fault: unknown, times: number): Promise<void> {
  await proxyStats('.', true); // forgets earlier tests' unused faults
  getTecClient(config.proxyUrl).cache.clear();
  await inject(path, fault, times);
}

/** What the error state shows: its title, its message, whether it offers a retry, the fallback. */
function errorView(el: Element) {
  const root = shadow(el);
  const fallback = root.querySelector<HTMLSlotElement>('[part="fallback"] slot');
  return {
    title: root.querySelector('h2')?.textContent?.trim() ?? '',
    message: root.querySelector('[part="error"] p')?.textContent?.trim() ?? '',
    retry: root.querySelector('[part="retry"]') !== null,
    fallback: fallback?.assignedElements().map((e) => e.textContent?.trim()) ?? [],
  };
}

/** Console errors while `run` runs (what a webmaster reads in the browser's console). */
async function consoleErrors(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return seen;
}

/** Every visible widget of the one list (src/widgets.ts): a widget added there gets this suite. */
const widgets = WIDGETS.filter((w) => w.shows).map(({ tag }) => ({ tag }));

/** The Roya's name, in every widget's heading once loaded, in both languages. */
const ROYA = 'Vallée de la Roya';

async function make(tag: string, attrs: Record<string, string>, parentLang?: string): Promise<TecElement> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  if (parentLang) wrapper.setAttribute('lang', parentLang);
  const el = document.createElement(tag) as TecElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.innerHTML = '<a href="https://example.org/roya">Voir la page du territoire</a>';
  wrapper.append(el);
  return el;
}

for (const w of widgets) {
  describe(`<${w.tag}> shared behaviour`, () => {
    it('is registered, and registering it again only warns, naming both versions', () => {
      expect(customElements.get(w.tag)).to.be.a('function');
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (message: string) => warnings.push(message);
      try {
        class Impostor extends HTMLElement {
          static version = '9.9.9';
        }
        expect(() => defineElement(w.tag, Impostor)).not.to.throw();
      } finally {
        console.warn = original;
      }
      expect(warnings[0]).to.match(/already defined \(version 0\.1\.0\).*9\.9\.9/);
    });

    it('shows a skeleton while loading, then its data, accessible in both states', async () => {
      const el = await make(w.tag, { api: config.apiUrl, territory: 'roya' });
      await el.updateComplete;
      // Its first render is the skeleton (the data comes in a later task at the soonest).
      expect(shadow(el).querySelector('[aria-busy="true"] .skeleton'), 'the skeleton').to.not.equal(null);
      await expect(el).to.be.accessible();
      expect(await settled(el)).to.equal('loaded');
      expect(shadow(el).querySelector('h2')?.textContent).to.include(`— ${ROYA}`);
      await expect(el).to.be.accessible();
    });

    it('takes the API from <tec-provider>, then from <meta name="tec-api">', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<tec-provider api=${config.apiUrl}><div></div></tec-provider>`,
      );
      const el = document.createElement(w.tag) as TecElement;
      el.setAttribute('territory', 'roya');
      wrapper.querySelector('div')!.append(el);
      expect(await settled(el)).to.equal('loaded');

      const meta = document.createElement('meta');
      meta.name = 'tec-api';
      meta.content = config.apiUrl;
      document.head.append(meta);
      try {
        const other = await make(w.tag, { territory: 'roya' });
        expect(await settled(other)).to.equal('loaded');
      } finally {
        meta.remove();
      }
    });

    it('speaks English under an English ancestor', async () => {
      const heading = async (lang: string) => {
        const el = await make(w.tag, { api: config.apiUrl, territory: 'roya' }, lang);
        await settled(el);
        return shadow(el).querySelector('h2')?.textContent?.trim() ?? '';
      };
      const [french, english] = [await heading('fr'), await heading('en')];
      expect(english).to.include(ROYA);
      expect(english, 'the heading is translated').not.to.equal(french);
    });

    it('shows an error with a retry button and fires tec-error when the API is unreachable', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      const errors: TecErrorEvent[] = [];
      wrapper.addEventListener('tec-error', (e) => errors.push(e));
      const el = document.createElement(w.tag) as TecElement;
      el.setAttribute('api', DEAD_API);
      el.setAttribute('territory', 'roya');
      wrapper.append(el);
      expect(await settled(el)).to.equal('error');
      expect(errors.length).to.be.greaterThan(0);
      expect(shadow(el).textContent).to.match(/ne répond pas/);
      expect(shadow(el).textContent).not.to.match(/connexion/, 'the server is at fault, not the visitor');
      const retry = shadow(el).querySelector<HTMLButtonElement>('[part="retry"]');
      expect(retry?.textContent?.trim()).to.equal('Réessayer');
      await expect(el).to.be.accessible();
      // Retried by keyboard, in vain: the focus is on the new retry button, and the failure said.
      retry!.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => shadow(el).activeElement?.getAttribute('part') === 'retry', 'the focus on retry');
      await waitFor(() => /ne répond pas/.test(liveRegion(el)), 'the failure said');
      el.setAttribute('api', config.apiUrl);
      expect(await settled(el)).to.equal('loaded');
    });

    it('lets the host page replace the error text through the error slot', async () => {
      const el = await make(w.tag, { api: DEAD_API, territory: 'roya' });
      el.innerHTML = '<p slot="error">Le service est indisponible, revenez plus tard.</p>';
      await settled(el);
      const slot = shadow(el).querySelector<HTMLSlotElement>('slot[name="error"]')!;
      expect(slot.assignedElements()[0]?.textContent).to.match(/revenez plus tard/);
    });

    for (const [attr, value] of [
      ['territory', 'Roya!<script>'],
      ['territory', 'x'.repeat(10_000)],
      ['api', 'javascript:alert(1)'],
    ] as const) {
      it(`refuses ${attr}="${value.slice(0, 20)}…" with a clear configuration error`, async () => {
        const attrs: Record<string, string> = { api: config.apiUrl, territory: 'roya', [attr]: value };
        let el!: TecElement;
        const logged = await consoleErrors(async () => {
          el = await make(w.tag, attrs);
          expect(await settled(el)).to.equal('error');
        });
        const view = errorView(el);
        expect(view.message).to.match(/Ce widget est mal configuré/);
        expect(view.title, 'the title stays').to.match(/\p{L}{4,}/u);
        expect(view.title).not.to.match(/undefined|\{/);
        expect(view.retry, 'retrying cannot help').to.equal(false);
        expect(view.fallback).to.deep.equal(['Voir la page du territoire']);
        expect(logged.join('\n')).to.match(new RegExp(`<${w.tag}> is misconfigured`));
        expect(shadow(el).querySelector('script')).to.equal(null);
        expect((shadow(el).textContent ?? '').length).to.be.lessThan(2000);
      });
    }

    it('says the service does not answer on a 503, keeping its title and the fallback link', async () => {
      await faults('/v1/', { kind: 'status', status: 503 }, 50);
      // Forbach: the answers it gets once the service is back stay in the browser's HTTP cache,
      // with their CORS headers, which a later test on the Roya must not inherit.
      const el = await make(w.tag, { api: config.proxyUrl, territory: 'forbach' });
      expect(await settled(el)).to.equal('error');
      const view = errorView(el);
      expect(view.message).to.match(/ne répond pas pour le moment/);
      expect(view.title, 'the title stays').to.match(/\p{L}{4,}/u);
      expect(view.retry).to.equal(true);
      expect(view.fallback).to.deep.equal(['Voir la page du territoire']);
      // A quiet outline of the content fills the room, not an empty frame.
      expect(shadow(el).querySelector('.quiet .skeleton')).to.not.equal(null);
      await expect(el).to.be.accessible();
      // The service is back, and the visitor retries by keyboard: the focus goes to what loaded.
      await proxyStats('.', true);
      shadow(el).querySelector<HTMLElement>('[part="retry"]')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(await settled(el)).to.be.oneOf(['loaded', 'empty']); // Forbach has no cooperation yet
      await waitFor(() => shadow(el).activeElement?.id === 'title', 'the focus on the heading');
      await proxyStats('.', true);
    });

    it('says which territory is unknown, and tells the webmaster, without a useless retry', async () => {
      let el!: TecElement;
      const logged = await consoleErrors(async () => {
        el = await make(w.tag, { api: config.apiUrl, territory: 'atlantide' });
        expect(await settled(el)).to.equal('error');
      });
      const view = errorView(el);
      expect(view.message).to.match(/Le territoire\s«\satlantide\s»\sest inconnu/);
      expect(view.retry).to.equal(false);
      expect(logged.join('\n')).to.match(/territory "atlantide" does not exist/);
      await expect(el).to.be.accessible();
    });

    it('says the site is not allowed when the API refuses its origin, and says the fix in the console', async () => {
      // The answers come without CORS headers: Chromium itself refuses them to the page.
      await faults('/v1/', { kind: 'no-cors' }, 50);
      let el!: TecElement;
      const logged = await consoleErrors(async () => {
        el = await make(w.tag, { api: config.proxyUrl, territory: 'roya' });
        expect(await settled(el)).to.equal('error');
      });
      const view = errorView(el);
      expect(view.message).to.match(/n’est pas autorisé/);
      expect(view.retry).to.equal(false);
      expect(logged.join('\n')).to.match(/does not allow this site.*TEC_ALLOWED_ORIGINS/);
      await expect(el).to.be.accessible();
      await proxyStats('.', true);
    });

    it('lets theme tokens reach the computed styles, and switches to dark', async () => {
      const el = await make(w.tag, { api: config.apiUrl, territory: 'roya' });
      await settled(el);
      el.style.setProperty('--tec-color-text', 'rgb(10, 20, 30)');
      el.style.setProperty('--tec-font-family', 'Georgia, serif');
      await el.updateComplete;
      const h2 = shadow(el).querySelector('h2')!;
      expect(getComputedStyle(h2).color).to.equal('rgb(10, 20, 30)');
      expect(getComputedStyle(h2).fontFamily).to.match(/Georgia/);
      el.style.removeProperty('--tec-color-text');
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(28, 29, 34)');
      await expect(el).to.be.accessible();
    });

    it('marks demonstration data beside its heading, contrast-checked in light and dark, and never real data', async () => {
      const mark = (el: Element) => shadow(el).querySelector<HTMLElement>('[part="demo-mark"]');
      const el = await make(w.tag, { api: config.apiUrl, territory: 'roya' });
      expect(await settled(el)).to.equal('loaded');
      expect(mark(el)?.textContent?.trim()).to.equal('Données de démonstration');
      // Visible text beside the heading, not a tooltip nor a footnote.
      expect(mark(el)!.getBoundingClientRect().height).to.be.greaterThan(10);
      expect(mark(el)!.hasAttribute('title')).to.equal(false);
      expect(mark(el)!.closest('.heading')?.querySelector('h2')).to.not.equal(null);
      await expect(el).to.be.accessible();
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      await expect(el).to.be.accessible();

      const english = await make(w.tag, { api: config.apiUrl, territory: 'roya' }, 'en');
      await settled(english);
      expect(mark(english)?.textContent?.trim()).to.equal('Demo data');

      await setDemo('roya', false);
      try {
        const real = await make(w.tag, { api: config.apiUrl, territory: 'roya' });
        expect(await settled(real)).to.equal('loaded');
        expect(mark(real), 'real data carries no mark').to.equal(null);
        expect(shadow(real).textContent).not.to.match(/Données de démonstration/i);
      } finally {
        await setDemo('roya', true);
      }
    });

    it('gives back the space it held when the data is much shorter, and keeps it for the demo data it was measured on', async () => {
      const tail = (el: Element) => {
        // The blank under the content: the box's bottom below the lowest of its leaves (the
        // card itself stretches to the box's height).
        const box = shadow(el).querySelector('.reserve')!;
        const bottoms = [...box.querySelectorAll('*')]
          .filter((e) => !e.firstElementChild && e.getBoundingClientRect().height > 0)
          .map((e) => e.getBoundingClientRect().bottom);
        return box.getBoundingClientRect().bottom - Math.max(...bottoms);
      };
      // Haute-Garonne is being selected: a sentence or two, where the Roya has its whole story.
      const short = await make(w.tag, { api: config.apiUrl, territory: 'haute-garonne' });
      // The reserve is measured just before the frame that shows the data (a frame later).
      const frame = () =>
        new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await settled(short);
      await short.updateComplete;
      await frame();
      const em = parseFloat(getComputedStyle(short).fontSize);
      expect(tail(short), 'blank under a short content').to.be.at.most(4 * em);
      const full = await make(w.tag, { api: config.apiUrl, territory: 'roya' });
      await settled(full);
      await full.updateComplete;
      await frame();
      expect(
        shadow(full).querySelector('.reserve')!.classList.contains('fitted'),
        'the Roya keeps its reserve',
      ).to.equal(false);
    });

    it('reflows at 320 px without horizontal scrolling', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const el = await make(w.tag, { api: config.apiUrl, territory: 'roya' });
        await settled(el);
        expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
        expect(el.getBoundingClientRect().width).to.be.at.most(320);
      } finally {
        await setViewport({ width: 1024, height: 768 });
      }
    });
  });
}

describe('theme: a widget belongs to its host page, not to the visitor’s system', () => {
  /** The guide's theming example (docs/integration*.md), as a webmaster pastes it. */
  const guideStyles = `tec-phase-tracker { --tec-color-accent: light-dark(#6a1b9a, #e1bee7); --tec-font-family: Georgia, serif; --tec-radius: 0; }`;
  const surface = (el: Element) => getComputedStyle(el).backgroundColor;
  const WHITE = 'rgb(255, 255, 255)';
  const DARK = 'rgb(28, 29, 34)';

  async function onPage(pageBackground: string, attrs: Record<string, string> = {}) {
    const page = await fixture<HTMLElement>(
      html`<div>
        <style>
          ${guideStyles}
        </style>
      </div>`,
    );
    page.style.background = pageBackground;
    page.style.padding = '1em';
    const el = document.createElement('tec-phase-tracker') as TecElement;
    for (const [k, v] of Object.entries({ api: config.apiUrl, territory: 'roya', ...attrs }))
      el.setAttribute(k, v);
    page.append(el);
    await settled(el);
    return { page, el };
  }

  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const visitor of ['light', 'dark'] as const) {
    it(`is light on a light page, and dark on a dark page, for a ${visitor} visitor — and the guide's theme passes contrast`, async () => {
      await emulateMedia({ colorScheme: visitor });
      const light = await onPage('#f6f6f4');
      expect(surface(light.el)).to.equal(WHITE);
      await expect(light.page).to.be.accessible();
      const dark = await onPage('#121212');
      expect(surface(dark.el)).to.equal(DARK);
      await expect(dark.page).to.be.accessible();
    });
  }

  it('follows the canvas of a page with no background, by its color-scheme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    document.documentElement.style.colorScheme = 'light dark';
    try {
      const { el } = await onPage('transparent');
      expect(surface(el)).to.equal(DARK, 'a page that follows the visitor is dark for a dark visitor');
      document.documentElement.style.colorScheme = 'light';
      await waitFor(() => surface(el) === WHITE, 'the page switching to light');
    } finally {
      document.documentElement.style.colorScheme = '';
    }
  });

  it('keeps light, dark and system as the webmaster asks, whatever the page', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    expect(surface((await onPage('#121212', { theme: 'light' })).el)).to.equal(WHITE);
    expect(surface((await onPage('#f6f6f4', { theme: 'dark' })).el)).to.equal(DARK);
    const system = (await onPage('#f6f6f4', { theme: 'system' })).el;
    expect(surface(system)).to.equal(DARK);
    await emulateMedia({ colorScheme: 'light' });
    await waitFor(() => surface(system) === WHITE, 'the system switching to light');
    // An unknown value is the default: the page's palette.
    expect(surface((await onPage('#121212', { theme: 'purple' })).el)).to.equal(DARK);
  });
});

describe('<tec-provider>', () => {
  it('passes api, territory, theme and lang to the widgets inside; a widget’s own attribute wins', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<tec-provider api=${config.apiUrl} territory="forbach" theme="dark" lang="en">
        <tec-phase-tracker id="plain"></tec-phase-tracker>
        <tec-phase-tracker id="own" territory="roya" theme="light" lang="fr"></tec-phase-tracker>
      </tec-provider>`,
    );
    const plain = wrapper.querySelector<TecElement>('#plain')!;
    const own = wrapper.querySelector<TecElement>('#own')!;
    expect(await settled(plain)).to.equal('loaded');
    expect(await settled(own)).to.equal('loaded');
    expect(shadow(plain).querySelector('h2')?.textContent).to.match(/Programme progress — .*Forbach/);
    expect(getComputedStyle(plain).backgroundColor).to.equal('rgb(28, 29, 34)');
    expect(shadow(own).querySelector('h2')?.textContent).to.match(
      /Avancement du programme — Vallée de la Roya/,
    );
    expect(getComputedStyle(own).backgroundColor).to.equal('rgb(255, 255, 255)');
    // A change on the provider reaches the widgets that follow it.
    wrapper.setAttribute('territory', 'roya');
    await waitFor(
      () => /Vallée de la Roya/.test(shadow(plain).querySelector('h2')?.textContent ?? ''),
      'the new territory',
    );
  });
});
