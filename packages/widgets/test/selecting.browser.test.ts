// A territory being selected (Haute-Garonne, Auvergne-Rhône-Alpes in the demo) has no phases,
// actors or calls yet: every widget says « Territoire en cours de sélection » and nothing else
// (no « 0 sur 4 jalons », no « Rien à afficher ») (issue 14, item 5).
import { expect, fixture, html } from '@open-wc/testing';
import '@tec/widgets/define';
import { config, settled, shadow } from './helpers.js';

async function widget(tag: string, territory: string): Promise<HTMLElement> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = `<${tag} api="${config.apiUrl}" territory="${territory}"></${tag}>`;
  const el = wrapper.querySelector<HTMLElement>(tag)!;
  await settled(el as never);
  return el;
}

describe('a territory being selected', () => {
  // Haute-Garonne only: the test files share one API server, and the member list's stress test
  // fills Auvergne-Rhône-Alpes with 10,000 members straight into the database.
  for (const territory of ['haute-garonne'])
    for (const tag of ['tec-phase-tracker', 'tec-coalition-members', 'tec-engagement-cta']) {
      it(`${tag} of ${territory} says it is being selected, and nothing else`, async () => {
        const el = await widget(tag, territory);
        const text = (shadow(el).textContent ?? '').replace(/\s+/g, ' ');
        expect(text).to.match(/en cours de sélection/i);
        expect(text).to.not.match(/jalon|Rien à afficher|0 acteur|0 membre|Complet/);
        await expect(el).to.be.accessible();
      });
    }
});
