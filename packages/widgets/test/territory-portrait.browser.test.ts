// <tec-territory-portrait> against the real API: the published portrait, one still being made,
// one to come, its headings' level, disclosures on a phone, live changes.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '@tec/widgets/define';
import type { TecTerritoryPortrait } from '@tec/widgets';
import { admin, config, liveRegion, settled, shadow, waitFor } from './helpers.js';

async function portrait(territory: string, level?: number): Promise<TecTerritoryPortrait> {
  const el = await fixture<TecTerritoryPortrait>(
    html`<tec-territory-portrait
      api=${config.apiUrl}
      territory=${territory}
      heading-level=${level ?? 2}
    ></tec-territory-portrait>`,
  );
  await settled(el);
  return el;
}

/** What the API says of a territory's portrait, to compare with what the widget shows. */
const fromApi = (slug: string) =>
  fetch(`${config.apiUrl}/v1/territories/${slug}/portrait`).then(
    (r) =>
      r.json() as Promise<{
        status: string;
        summary: string | null;
        entretiens: number;
        benevoles: number;
        binome: { fondation: { team: string }; kiif: { member: string }; contact: { label: string } } | null;
        vulnerabilites: { tangibles: { label: string }[] };
      }>,
  );

const text = (el: Element) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ');

describe('<tec-territory-portrait>', () => {
  it('shows the Roya’s portrait: summary, forces vives, vulnerabilities with their nature, maturity, binôme', async () => {
    const el = await portrait('roya');
    const data = await fromApi('roya');
    if (data.summary) expect(text(el)).to.include(data.summary.replace(/\s+/g, ' ').slice(0, 40));
    expect(text(el)).to.match(/Les forces vives/);
    expect(text(el)).to.match(/Les vulnérabilités/);
    if (data.vulnerabilites.tangibles.length)
      expect(shadow(el).querySelector('[part="nature"]')?.textContent).to.match(
        /Structurelle|Cyclique|Conjoncturelle/,
      );
    expect(text(el)).to.match(/\d+ entretiens? menés?/);
    expect(text(el)).to.match(/\d+ bénévoles?/);
    if (data.binome) {
      expect(text(el)).to.include(data.binome.fondation.team);
      expect(text(el)).to.include(data.binome.kiif.member);
      const contact = shadow(el).querySelector<HTMLAnchorElement>('a[part="contact"]')!;
      expect(contact.textContent).to.include(data.binome.contact.label);
      expect(contact.href).not.to.match(/^mailto:/);
    }
    // Headings in order: the title, then the sections one level below.
    expect(shadow(el).querySelector('h2#title')).to.not.equal(null);
    expect(shadow(el).querySelectorAll('section h3').length).to.be.greaterThan(1);
    await expect(el).to.be.accessible();
  });

  it('says what a portrait still being made is, and shows what has been gathered', async () => {
    const el = await portrait('entre-deux-mers');
    const data = await fromApi('entre-deux-mers');
    if (data.status !== 'en-cours') return; // the seed has it otherwise: nothing to check here
    expect(shadow(el).querySelector('[part="status"]')?.textContent).to.match(
      /Portrait en cours de réalisation/,
    );
    expect(text(el)).to.match(new RegExp(`${data.entretiens} entretiens? menés?`));
    await expect(el).to.be.accessible();
  });

  it('says « Portrait à venir » for a territory being selected', async () => {
    const el = await portrait('haute-garonne');
    expect(shadow(el).querySelector('[part="status"]')?.textContent).to.match(/Portrait à venir/);
    expect(text(el)).not.to.match(/Les forces vives/);
    await expect(el).to.be.accessible();
  });

  it('takes its place in the page’s outline: heading-level="3" makes the title an h3 and the sections h4', async () => {
    const el = await portrait('roya', 3);
    expect(shadow(el).querySelector('h2')).to.equal(null);
    expect(shadow(el).querySelector('h3#title')?.textContent).to.match(/Le portrait — Vallée de la Roya/);
    expect(shadow(el).querySelectorAll('section h4').length).to.be.greaterThan(1);
    await expect(el).to.be.accessible();
  });

  it('puts its long sections in disclosures on a phone, opened by keyboard', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await portrait('roya');
      await waitFor(() => shadow(el).querySelector('details') !== null, 'the disclosures');
      const details = shadow(el).querySelector<HTMLDetailsElement>('details')!;
      expect(details.open).to.equal(false);
      const summary = details.querySelector('summary')!;
      expect(summary.getBoundingClientRect().height).to.be.at.least(24);
      // The arrow is drawn with an empty alternative text, so that screen readers do not read it
      // as part of the section's name (« ▸ Les forces vives »).
      expect(getComputedStyle(summary, '::before').content).to.equal('"▸" / ""');
      summary.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => details.open, 'the disclosure open');
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it('updates when the binôme changes the portrait, and announces it politely', async () => {
    const el = await portrait('forbach');
    const summary = 'Un bassin de vie transfrontalier qui se raconte par ses associations.';
    await admin.updatePortrait('forbach', { summary });
    await waitFor(() => text(el).includes(summary), 'the new summary');
    await waitFor(() => /Mise à jour\s: le portrait du territoire/.test(liveRegion(el)), 'the announcement');
  });
});
