// <tec-territory-map> against the real API: places by keyboard, the text list, phases by pattern
// and text, zoom, and the real IGN boundaries imported into the test database.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@tec/widgets/define';
import type { TecTerritoryMap, TecTerritorySelectEvent } from '@tec/widgets';
import { config, settled, shadow } from './helpers.js';

async function map(attrs = ''): Promise<TecTerritoryMap> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = `<tec-territory-map api="${config.apiUrl}" ${attrs}></tec-territory-map>`;
  const el = wrapper.querySelector<TecTerritoryMap>('tec-territory-map')!;
  await settled(el);
  return el;
}

const places = (el: Element) => [...shadow(el).querySelectorAll<SVGElement>('[part="place"]')];

describe('<tec-territory-map>', () => {
  it('shows the six territories, each named with its phase, the unnamed two as being selected', async () => {
    const el = await map();
    const labels = places(el).map((p) => p.getAttribute('aria-label'));
    expect(labels.length).to.equal(6);
    expect(labels).to.include('Vallée de la Roya — Coopérations');
    expect(labels.filter((l) => /en cours de sélection/i.test(l ?? '')).length).to.equal(2);
    // Never colour alone: each phase has its pattern and its text in the legend.
    const phases = places(el).map((p) => p.dataset.phase);
    expect(new Set(phases)).to.deep.equal(new Set(['cooperations', 'portrait', 'selection']));
    expect(getComputedStyle(places(el).find((p) => p.dataset.phase === 'cooperations')!).fill).to.match(
      /url\(/,
    );
    expect(shadow(el).querySelectorAll('.legend li').length).to.equal(4);
    expect(shadow(el).querySelector('[part="attribution"]')?.textContent).to.match(/Natural Earth/);
    await expect(el).to.be.accessible();
  });

  it('walks every place by keyboard from one tab stop, with a tooltip on focus', async () => {
    const el = await map();
    const stops = places(el).filter((p) => p.getAttribute('tabindex') === '0');
    expect(stops.length).to.equal(1);
    stops[0]!.focus();
    const visited: string[] = [];
    for (let i = 0; i < places(el).length; i += 1) {
      await el.updateComplete;
      const focused = shadow(el).activeElement as SVGElement;
      visited.push(focused.getAttribute('aria-label')!.split(' — ')[0]!);
      expect(shadow(el).querySelector('.tooltip')?.textContent).to.include(visited[i]!);
      await sendKeys({ press: 'ArrowRight' });
    }
    expect(new Set(visited).size).to.equal(6);
    await el.updateComplete;
    expect((shadow(el).activeElement as SVGElement).getAttribute('aria-label')).to.include(visited[0]!);
  });

  it('fires tec-territory-select on Enter, with the href from href-template', async () => {
    const el = await map('href-template="/territoires/{slug}"');
    const chosen: TecTerritorySelectEvent['detail'][] = [];
    el.addEventListener('tec-territory-select', (e: TecTerritorySelectEvent) => {
      e.preventDefault(); // stay on the test page
      chosen.push(e.detail);
    });
    places(el)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    expect(chosen[0]?.slug).to.match(/^[a-z-]+$/);
    expect(chosen[0]?.href).to.equal(`/territoires/${chosen[0]!.slug}`);
  });

  it('lists the same places as text, reachable directly and shown by a visible toggle', async () => {
    const el = await map();
    const list = shadow(el).querySelector<HTMLElement>('[part="list"]')!;
    const listed = [...list.querySelectorAll('li button')].map((b) => b.textContent?.trim() ?? '');
    const drawn = places(el).map((p) => p.getAttribute('aria-label')!);
    expect(listed.length).to.equal(drawn.length);
    listed.forEach((name, i) => expect(drawn[i]!.startsWith(`${name} — `), name).to.equal(true));
    expect(list.classList.contains('visually-hidden')).to.equal(true);
    const toggle = shadow(el).querySelector<HTMLButtonElement>('.toggle')!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(list.classList.contains('visually-hidden')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('zooms with its buttons and returns with reset; static has no controls', async () => {
    const el = await map();
    const group = () => shadow(el).querySelector('svg g')!.getAttribute('transform');
    const [zoomIn, , reset] = [...shadow(el).querySelectorAll<HTMLButtonElement>('.zoom')];
    zoomIn!.click();
    await el.updateComplete;
    expect(group()).to.match(/scale\(1\.5\)/);
    reset!.click();
    await el.updateComplete;
    expect(group()).to.match(/scale\(1\)/);
    const still = await map('static');
    expect(shadow(still).querySelector('.zoom')).to.equal(null);
  });

  it('draws each territory as one outline once the real boundaries are imported', async () => {
    const response = await fetch(`/__tec__/import-geo?n=${Math.random()}`, { cache: 'no-store' });
    const reports = (await response.json()) as { territory: string; rings: number }[];
    expect(reports.find((r) => r.territory === 'roya')?.rings).to.equal(1);
    const overview = await map();
    for (const name of ['Vallée de la Roya', 'Entre-deux-Mers', 'Secteur de Forbach']) {
      const outline = places(overview).find((p) => p.getAttribute('aria-label')!.startsWith(name))!;
      expect(outline.getAttribute('d')!.match(/M/g)?.length, name).to.equal(1);
    }
    const roya = await map('territory="roya"');
    const communes = places(roya).map((p) => p.getAttribute('aria-label')!.split(' — ')[0]);
    expect(communes.sort()).to.deep.equal(['Breil-sur-Roya', 'Fontan', 'La Brigue', 'Saorge', 'Tende']);
    expect(shadow(roya).querySelector('[part="attribution"]')?.textContent).to.match(
      /IGN Admin Express 2018/,
    );
    await expect(roya).to.be.accessible();
  });
});
