// <tec-cooperations> against the real API: content, status by text and shape, the commune filter
// and its empty state, the actors' links into the member list, live changes.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '@tec/widgets/define';
import type { TecCoalitionMembers, TecCooperations, TecMemberFocusEvent } from '@tec/widgets';
import { admin, config, liveRegion, settled, shadow, waitFor } from './helpers.js';

async function cooperations(territory: string): Promise<TecCooperations> {
  const el = await fixture<TecCooperations>(
    html`<tec-cooperations api=${config.apiUrl} territory=${territory}></tec-cooperations>`,
  );
  await settled(el);
  return el;
}

const cards = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="cooperation"]')];
const select = (el: Element) => shadow(el).querySelector<HTMLSelectElement>('select[part="filter"]')!;

async function choose(el: TecCooperations, value: string): Promise<void> {
  const s = select(el);
  s.value = value;
  s.dispatchEvent(new Event('change'));
  await waitFor(() => !(el as unknown as { status: string }).status.startsWith('loading'), 'the filter');
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

describe('<tec-cooperations>', () => {
  it('lists the Roya’s cooperations: title, status in words and shape, start, actors, communes, needs', async () => {
    const el = await cooperations('roya');
    expect(cards(el).length).to.be.greaterThan(0);
    for (const card of cards(el)) {
      const status = card.querySelector('[part="status"]')!;
      expect(status.textContent).to.match(/En préparation|En cours|Pérennisée/);
      // The status never reads by colour alone: a shape beside its words.
      expect(status.querySelector('svg.shape')).to.not.equal(null);
      expect(card.querySelector('h3')?.textContent?.trim().length).to.be.greaterThan(3);
      expect(status.textContent).to.match(/Lancée le|Pas encore lancée/);
    }
    const actor = shadow(el).querySelector<HTMLAnchorElement>('a[part="actor"]')!;
    expect(actor.getAttribute('href')).to.match(/^#tec-member-/);
    expect(actor.textContent).to.match(/voir dans la liste des acteurs/);
    expect(shadow(el).textContent).to.match(/Communes/);
    expect(shadow(el).textContent).to.match(/Besoins auxquels elle répond/);
    await expect(el).to.be.accessible();
  });

  it('filters by commune with a labelled select, counts, announces, and says when a commune has none', async () => {
    const el = await cooperations('roya');
    const options = [...select(el).options];
    expect(options[0]!.textContent).to.match(/Toutes les communes \(\d+\)/);
    expect(options.length).to.be.greaterThan(1);
    const all = cards(el).length;
    const commune = options[1]!;
    const name = commune.textContent!.replace(/\s*\(\d+\)\s*$/, '').trim();
    await choose(el, commune.value);
    await waitFor(
      () => (shadow(el).querySelector('[part="count"]')?.textContent ?? '').includes(name),
      'the filtered list',
    );
    // Only the commune's cooperations, once its list has arrived.
    await waitFor(
      () => cards(el).length > 0 && cards(el).every((card) => card.textContent!.includes(name)),
      'only the commune’s cooperations',
    );
    expect(cards(el).length).to.be.within(1, all - 1);
    await waitFor(() => liveRegion(el).includes(name), 'the announced count');
    await expect(el).to.be.accessible();

    // A commune whose only cooperation goes: the filtered view says so and offers all communes.
    const [member] = (
      await fetch(`${config.apiUrl}/v1/territories/forbach/members?limit=1`).then(
        (r) => r.json() as Promise<{ items: { id: string }[] }>,
      )
    ).items;
    const geometry = await fetch(`${config.apiUrl}/v1/territories/forbach`).then(
      (r) => r.json() as Promise<{ communes: { insee: string; name: string }[] }>,
    );
    const where = geometry.communes[0]!;
    const created = await admin.createCooperation('forbach', {
      title: 'Atelier vélo partagé',
      summary: 'Un atelier de réparation de vélos ouvert aux habitants.',
      status: 'en-preparation',
      startedAt: null,
      actorIds: member ? [member.id] : [],
      communes: [where.insee],
      needs: ['Se déplacer sans voiture'],
    });
    const forbach = await cooperations('forbach');
    await choose(forbach, where.insee);
    await waitFor(() => cards(forbach).length === 1, 'the new cooperation in its commune');
    // The visitor is on its actor's link when it goes.
    const link = shadow(forbach).querySelector<HTMLElement>('a[part="actor"]');
    expect(link, 'its actor’s link').to.not.equal(null);
    link!.focus();
    await admin.deleteCooperation('forbach', created.id);
    await waitFor(
      () => /Aucune coopération à/.test(shadow(forbach).textContent ?? ''),
      'the empty state of the commune',
    );
    // Named, not by its code; the select still on it; the focus on the select, not the page.
    expect(shadow(forbach).querySelector('.none')!.textContent).to.include(
      `Aucune coopération à ${where.name}`,
    );
    expect(shadow(forbach).textContent).not.to.include(where.insee);
    const filter = shadow(forbach).querySelector<HTMLSelectElement>('#commune')!;
    expect(filter.value).to.equal(where.insee);
    expect(filter.selectedOptions[0]!.textContent).to.include(where.name);
    expect(shadow(forbach).activeElement?.id, 'the focus after the card went').to.equal('commune');
    const back = [...shadow(forbach).querySelectorAll<HTMLElement>('button')].find((b) =>
      /toutes les communes/.test(b.textContent!),
    )!;
    expect(back).to.not.equal(undefined);
    await expect(forbach).to.be.accessible();
    // « Voir toutes les communes » by keyboard. Forbach has no other cooperation: the territory's
    // empty state comes, and the focus goes to its heading (to the filter where there are some).
    back.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => /n’est encore engagée/.test(shadow(forbach).textContent ?? ''),
      'the territory’s empty state',
    );
    expect(shadow(forbach).activeElement?.id, 'the focus after « all communes »').to.equal('title');
  });

  it('says a territory has no cooperation yet, keeping its heading', async () => {
    const el = await cooperations('nantes-bellevue');
    expect(cards(el)).to.have.length(0); // the seed gives it none
    expect((el as unknown as { status: string }).status).to.equal('empty');
    expect(shadow(el).querySelector('h2')?.textContent).to.match(/Les coopérations — /);
    expect(shadow(el).textContent).to.match(/Aucune coopération n’est encore engagée/);
    await expect(el).to.be.accessible();
  });

  it('links each actor to the member list on the page: the event, then the member opened and focused', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <tec-cooperations api=${config.apiUrl} territory="roya"></tec-cooperations>
        <tec-coalition-members api=${config.apiUrl} territory="roya"></tec-coalition-members>
      </div>`,
    );
    const el = page.querySelector<TecCooperations>('tec-cooperations')!;
    const list = page.querySelector<TecCoalitionMembers>('tec-coalition-members')!;
    await settled(el);
    await settled(list);
    const events: TecMemberFocusEvent[] = [];
    page.addEventListener('tec-member-focus', (e) => events.push(e));
    const actor = shadow(el).querySelector<HTMLAnchorElement>('a[part="actor"]')!;
    const name = actor.textContent!.replace(/, voir dans la liste des acteurs/, '').trim();
    const before = location.hash;
    try {
      // By keyboard: the link takes the focus, Enter follows it.
      actor.focus();
      await sendKeys({ press: 'Enter' });
      expect(events.length).to.equal(1);
      expect(events[0]!.detail).to.include({ territory: 'roya', name });
      await waitFor(
        () =>
          [...shadow(list).querySelectorAll('button.name[aria-expanded="true"]')].some(
            (b) => b.textContent!.trim() === name,
          ),
        'the actor opened in the member list',
      );
      await waitFor(
        () => (shadow(list).activeElement as HTMLElement | null)?.textContent?.trim() === name,
        'the focus on the actor',
      );
    } finally {
      history.replaceState(null, '', before || location.pathname + location.search);
    }
  });

  it('shows a cooperation added, changed or removed live, and announces it politely', async () => {
    const el = await cooperations('entre-deux-mers');
    const before = cards(el).length;
    const created = await admin.createCooperation('entre-deux-mers', {
      title: 'Marché de producteurs itinérant',
      summary: 'Un marché qui passe chaque semaine dans les villages sans commerce.',
      status: 'en-preparation',
      startedAt: null,
      actorIds: [],
      communes: [],
      needs: [],
    });
    await waitFor(() => cards(el).length === before + 1, 'the new cooperation');
    await waitFor(
      () => /nouvelle coopération\s: Marché de producteurs/.test(liveRegion(el)),
      'the announcement',
    );
    await admin.updateCooperation('entre-deux-mers', created.id, { status: 'en-cours' });
    await waitFor(
      () => cards(el).some((c) => /Marché de producteurs[\s\S]*En cours/.test(c.textContent ?? '')),
      'the new status',
    );
    await admin.deleteCooperation('entre-deux-mers', created.id);
    await waitFor(() => cards(el).length === before, 'the cooperation removed');
    await waitFor(() => /retirée/.test(liveRegion(el)), 'the removal announced');
  });

  it('gives every actor link a target of 24 px or more, and reflows at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await cooperations('roya');
      for (const a of shadow(el).querySelectorAll('a[part="actor"]'))
        expect(a.getBoundingClientRect().height).to.be.at.least(24);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
