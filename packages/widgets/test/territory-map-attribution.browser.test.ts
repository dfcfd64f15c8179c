// <tec-territory-map> on the demo's own geometry (the committed extract of IGN Admin Express 2018,
// no import needed): the attribution the Licence Ouverte asks for, in French and in English, and
// the Nantes neighbourhood's hand-drawn perimeter said to be approximate.
import { expect, fixture, html } from '@open-wc/testing';
import '@tec/widgets/define';
import type { TecTerritoryMap } from '@tec/widgets';
import { config, settled, shadow } from './helpers.js';

async function map(attrs = '', lang = 'fr'): Promise<TecTerritoryMap> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.lang = lang;
  wrapper.innerHTML = `<tec-territory-map api="${config.apiUrl}" ${attrs}></tec-territory-map>`;
  const el = wrapper.querySelector<TecTerritoryMap>('tec-territory-map')!;
  await settled(el);
  return el;
}

const attribution = (el: Element) =>
  (shadow(el).querySelector('[part="attribution"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<tec-territory-map> attribution of the demo boundaries', () => {
  it('credits IGN Admin Express under the Licence Ouverte on a territory made of communes', async () => {
    const roya = await map('territory="roya"');
    expect(attribution(roya)).to.equal('Contours : IGN Admin Express 2018, Licence Ouverte');
    const communes = [...shadow(roya).querySelectorAll('[part="place"]')].map(
      (p) => p.getAttribute('aria-label')!.split(' — ')[0],
    );
    expect(communes.sort()).to.deep.equal(['Breil-sur-Roya', 'Fontan', 'La Brigue', 'Saorge', 'Tende']);
  });

  it('says it in English on an English page', async () => {
    const roya = await map('territory="roya"', 'en');
    expect(attribution(roya)).to.equal('Boundaries: IGN Admin Express 2018, Licence Ouverte (Open Licence)');
    const overview = await map('', 'en');
    expect(attribution(overview)).to.match(/^Base map: Natural Earth \(public domain\); Boundaries: IGN/);
    expect(attribution(overview)).to.match(/approximate outline of Nantes — quartier Bellevue \(demo\)/);
  });

  it('says that the Nantes neighbourhood’s perimeter is approximate, on its map and on the overview', async () => {
    const bellevue = await map('territory="nantes-bellevue"');
    expect(attribution(bellevue)).to.match(/^Contour du quartier approximatif, tracé pour la démonstration/);
    expect(attribution(bellevue)).to.match(/IGN Admin Express 2018, Licence Ouverte/);
    const overview = await map();
    expect(attribution(overview)).to.match(
      /contour de Nantes — quartier Bellevue approximatif \(démonstration\)/,
    );
    expect(attribution(overview)).to.match(/Contours : IGN Admin Express 2018, Licence Ouverte/);
    await expect(bellevue).to.be.accessible();
  });
});
