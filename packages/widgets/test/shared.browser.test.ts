// What every widget must do, written once and run for each: registration, states, language,
// theme tokens, accessibility in every state, hostile configuration, 320 px reflow.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '@tec/widgets/define';
import type { TecErrorEvent } from '@tec/widgets';
import { defineElement, type TecElement } from '@tec/widgets';
import { DEAD_API, config, settled, shadow } from './helpers.js';

const widgets = [
  {
    tag: 'tec-phase-tracker',
    heading: /Avancement du programme — Vallée de la Roya/,
    english: /Programme progress/,
  },
  { tag: 'tec-engagement-cta', heading: /Participer — Vallée de la Roya/, english: /Take part/ },
  { tag: 'tec-coalition-members', heading: /La coalition — Vallée de la Roya/, english: /The coalition/ },
  { tag: 'tec-territory-map', heading: /Carte — Vallée de la Roya/, english: /Map — Vallée de la Roya/ },
] as const;

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
      if (shadow(el).querySelector('[aria-busy="true"]')) await expect(el).to.be.accessible();
      expect(await settled(el)).to.equal('loaded');
      expect(shadow(el).querySelector('h2')?.textContent).to.match(w.heading);
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
      const el = await make(w.tag, { api: config.apiUrl, territory: 'roya' }, 'en');
      await settled(el);
      expect(shadow(el).querySelector('h2')?.textContent).to.match(w.english);
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
      const retry = shadow(el).querySelector<HTMLButtonElement>('[part="retry"]');
      expect(retry?.textContent?.trim()).to.equal('Réessayer');
      await expect(el).to.be.accessible();
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
        const el = await make(w.tag, attrs);
        expect(await settled(el)).to.equal('error');
        expect(shadow(el).textContent).to.match(/Widget mal configuré/);
        expect(shadow(el).querySelector('script')).to.equal(null);
        expect((shadow(el).textContent ?? '').length).to.be.lessThan(2000);
      });
    }

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
