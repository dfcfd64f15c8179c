// <tec-phase-tracker> against the real API: content, keyboard, live changes, hostile data.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@tec/widgets/define';
import type { TecPhaseTracker } from '@tec/widgets';
import { admin, config, inject, liveRegion, settled, shadow, waitFor } from './helpers.js';

async function tracker(territory: string, api = config.apiUrl): Promise<TecPhaseTracker> {
  const el = await fixture<TecPhaseTracker>(
    html`<tec-phase-tracker api=${api} territory=${territory}></tec-phase-tracker>`,
  );
  await settled(el);
  return el;
}

describe('<tec-phase-tracker>', () => {
  it('shows the three phases in an ordered list, the current one marked aria-current="step"', async () => {
    const el = await tracker('roya');
    const items = [...shadow(el).querySelectorAll('ol > li')];
    expect(items.length).to.equal(3);
    expect(items.map((li) => li.querySelector('h3')?.textContent?.replace(/\s+/g, ' ').trim())).to.deep.equal(
      ['Phase 1Portrait sensible du territoire', 'Phase 2Coopérations', 'Phase 3Coalition territoriale'],
    );
    const current = shadow(el).querySelectorAll('[aria-current="step"]');
    expect(current.length).to.equal(1);
    expect(current[0]!.textContent).to.match(/Coopérations/);
    expect(current[0]!.textContent).to.match(/Phase en cours/);
    const bar = current[0]!.querySelector('[role="progressbar"]')!;
    // The current phase's progress as the API gives it, in percent.
    const list = (await fetch(`${config.apiUrl}/v1/territories/roya/phases`).then((r) => r.json())) as {
      phases: { order: number; progress: number }[];
    };
    const progress = list.phases.find((p) => p.order === 2)!.progress;
    expect(bar.getAttribute('aria-valuenow')).to.equal(String(Math.round(progress * 100)));
    expect(bar.getAttribute('aria-valuetext')).to.match(/%/);
    expect(shadow(el).textContent).to.match(/Données de démonstration/);
  });

  it('says that a territory being selected has not started', async () => {
    const el = await tracker('haute-garonne');
    expect(shadow(el).textContent).to.match(/en cours de sélection/);
    expect(shadow(el).querySelectorAll('[aria-current="step"]').length).to.equal(0);
    // No phases yet, so no list and no « 0 sur 4 jalons » (issue 14).
    expect(shadow(el).querySelector('.phases')).to.equal(null);
    expect(shadow(el).textContent).to.not.match(/jalon/);
    await expect(el).to.be.accessible();
  });

  it('expands milestones by keyboard alone', async () => {
    const el = await tracker('roya');
    const toggle = shadow(el).querySelector<HTMLButtonElement>('.toggle')!;
    const list = shadow(el).getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(list.hidden).to.equal(true);
    // Hidden for real, not only by attribute (a `display` rule must not override it).
    expect(list.getClientRects().length).to.equal(0);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(list.hidden).to.equal(false);
    expect(list.getClientRects().length).to.equal(1);
    expect(list.querySelectorAll('li').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(list.getClientRects().length).to.equal(0);
  });

  it('updates in place when an admin changes a phase, and announces it politely', async () => {
    const el = await tracker('entre-deux-mers');
    await admin.updatePhase('entre-deux-mers', 'portrait', { progress: 0.95 });
    await waitFor(
      () =>
        shadow(el)
          .querySelector('[aria-current="step"] [role="progressbar"]')
          ?.getAttribute('aria-valuenow') === '95',
      'the new progress',
    );
    await waitFor(() => /Mise à jour/.test(liveRegion(el)), 'the announcement');
    expect(liveRegion(el)).to.match(/Portrait sensible du territoire/);
  });

  it('shows hostile text inertly: scripts and markup as text, right-to-left text intact', async () => {
    const hostile = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script>';
    const rtl = 'مرحبا بكم في الوادي';
    await admin.createMilestone('nantes-bellevue', 'portrait', {
      title: hostile.slice(0, 200),
      status: 'a-venir',
      dueDate: null,
      completedDate: null,
    });
    await admin.createMilestone('nantes-bellevue', 'portrait', {
      title: rtl,
      status: 'a-venir',
      dueDate: null,
      completedDate: null,
    });
    const el = await tracker('nantes-bellevue');
    shadow(el).querySelector<HTMLButtonElement>('.toggle')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('img, script')).to.equal(null);
    expect(shadow(el).textContent).to.include('<img src=x onerror=');
    expect(shadow(el).textContent).to.include(rtl);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('refuses data that breaks the contract (a 10,000-character name) and shows the error state', async () => {
    await inject('/v1/territories/forbach$', {
      kind: 'body',
      body: { slug: 'forbach', name: 'x'.repeat(10_000) },
    });
    const el = await tracker('forbach', config.proxyUrl);
    expect((el as unknown as { status: string }).status).to.equal('error');
    expect((shadow(el).textContent ?? '').length).to.be.lessThan(1000);
  });

  it('lays its phases side by side from 720 px, one above the other below, with no layout attribute', async () => {
    const columns = async (width: number) => {
      const box = await fixture<HTMLElement>(html`<div style="width: ${width}px"></div>`);
      const el = document.createElement('tec-phase-tracker') as TecPhaseTracker;
      el.setAttribute('api', config.apiUrl);
      el.setAttribute('territory', 'roya');
      box.append(el);
      await settled(el);
      return getComputedStyle(shadow(el).querySelector('ol')!).gridTemplateColumns.split(' ').length;
    };
    expect(await columns(900), 'at 900 px').to.equal(3);
    expect(await columns(600), 'at 600 px').to.equal(1);
  });

  it('chooses its layout from the space it has, or from the layout attribute', async () => {
    const wide = await fixture<HTMLElement>(html`<div class="wide"></div>`);
    wide.setAttribute('data-width', '900');
    const el = document.createElement('tec-phase-tracker') as TecPhaseTracker;
    el.setAttribute('api', config.apiUrl);
    el.setAttribute('territory', 'roya');
    wide.append(el);
    wide.querySelector('tec-phase-tracker')!.setAttribute('layout', 'horizontal');
    await settled(el);
    const columns = getComputedStyle(shadow(el).querySelector('ol')!).gridTemplateColumns.split(' ').length;
    expect(columns).to.equal(3);
    el.setAttribute('layout', 'vertical');
    await el.updateComplete;
    expect(getComputedStyle(shadow(el).querySelector('ol')!).gridTemplateColumns.split(' ').length).to.equal(
      1,
    );
    el.setAttribute('layout', 'compact');
    await el.updateComplete;
    expect(getComputedStyle(shadow(el).querySelector('.dates')!).display).to.equal('none');
  });
});
