// <tec-coalition-members> against the real API: content, filters and search, live additions,
// 10,000 members in a small DOM, hostile data, privacy of logos.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@tec/widgets/define';
import type { TecCoalitionMembers, TecMemberSelectEvent } from '@tec/widgets';
import { admin, config, liveRegion, settled, shadow, waitFor } from './helpers.js';

async function members(territory: string): Promise<TecCoalitionMembers> {
  const el = await fixture<TecCoalitionMembers>(
    html`<tec-coalition-members api=${config.apiUrl} territory=${territory}></tec-coalition-members>`,
  );
  await settled(el);
  return el;
}

const rows = (el: Element) => [...shadow(el).querySelectorAll('.member')];
const names = (el: Element) => rows(el).map((r) => r.querySelector('.name')?.textContent?.trim() ?? '');

describe('<tec-coalition-members>', () => {
  it('lists members with kind as text, role, commune, joined date and a safe website link', async () => {
    const el = await members('roya');
    expect(rows(el).length).to.be.within(15, 50);
    const first = rows(el)[0]!;
    expect(first.querySelector('[part="badge"]')?.textContent).to.match(
      /Association|Entreprise|ESS|Collectivité|Citoyen/,
    );
    expect(first.querySelector('.meta')?.textContent).to.match(/membre depuis le/);
    const link = shadow(el).querySelector<HTMLAnchorElement>('a[href^="https://"]')!;
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.include('noopener');
    expect(link.textContent).to.match(/nouvelle fenêtre/);
    expect(shadow(el).querySelector('[role="list"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('filters by kind with counting chips, and announces the number of results', async () => {
    const el = await members('roya');
    const chip = [...shadow(el).querySelectorAll<HTMLButtonElement>('.chip')].find((c) =>
      /Association/.test(c.textContent ?? ''),
    )!;
    const count = Number(/\((\d+)\)/.exec(chip.textContent ?? '')?.[1]);
    chip.click();
    await waitFor(
      () => rows(el).every((r) => /Association/.test(r.querySelector('[part="badge"]')?.textContent ?? '')),
      'the filter',
    );
    expect(rows(el).length).to.equal(count);
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
    await waitFor(() => new RegExp(`${count} membres`).test(liveRegion(el)), 'the announcement');
    await expect(el).to.be.accessible();
  });

  it('searches as one types, accents and case ignored, and says when nothing matches', async () => {
    const el = await members('roya');
    shadow(el).querySelector<HTMLInputElement>('#search')!.focus();
    await sendKeys({ type: 'SAORGE' });
    await waitFor(
      () => rows(el).length > 0 && rows(el).every((r) => /Saorge/i.test(r.textContent ?? '')),
      'the results',
    );
    const input = shadow(el).querySelector<HTMLInputElement>('#search')!;
    input.value = 'zzzz introuvable';
    input.dispatchEvent(new InputEvent('input'));
    await waitFor(() => /Aucun membre/.test(shadow(el).textContent ?? ''), 'no result');
    await waitFor(() => /Aucun membre/.test(liveRegion(el)), 'the announcement');
    await expect(el).to.be.accessible();
  });

  it('works by keyboard: search, then chips by Tab and Enter', async () => {
    const el = await members('entre-deux-mers');
    shadow(el).querySelector<HTMLInputElement>('#search')!.focus();
    await sendKeys({ press: 'Tab' }); // "Tous"
    await sendKeys({ press: 'Tab' }); // first kind
    const focused = shadow(el).activeElement as HTMLButtonElement;
    expect(focused.classList.contains('chip')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused.getAttribute('aria-pressed') === 'true', 'the chip');
  });

  it('shows a member added live in its place, and announces it', async () => {
    const el = await members('forbach');
    await admin.createMember('forbach', {
      name: 'Brasserie solidaire de Spicheren',
      kind: 'entreprise',
      joinedAt: '2026-11-26',
      commune: { insee: '57659', name: 'Spicheren' },
      website: null,
      logo: null,
    });
    await waitFor(() => names(el).includes('Brasserie solidaire de Spicheren'), 'the new member');
    const list = names(el).map((n) =>
      n
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase(),
    );
    expect(list).to.deep.equal([...list].sort());
    await waitFor(() => /nouveau membre : Brasserie solidaire/.test(liveRegion(el)), 'the announcement');
  });

  it('fires tec-member-select with the member', async () => {
    const el = await members('roya');
    let selected: string | undefined;
    el.addEventListener('tec-member-select', (e: TecMemberSelectEvent) => (selected = e.detail.member.id));
    rows(el)[0]!.querySelector<HTMLButtonElement>('.name')!.click();
    expect(selected).to.match(/^mbr_/);
  });

  it('shows hostile names inertly and loads no logo from another host', async () => {
    await admin.createMember('nantes-bellevue', {
      name: '<img src=x onerror="window.pwned=1">عضو جديد',
      kind: 'autre',
      joinedAt: '2026-11-26',
      commune: null,
      website: null,
      logo: 'https://tracker.example/pixel.png',
    });
    const el = await members('nantes-bellevue');
    expect(names(el).some((n) => n.startsWith('<img src=x'))).to.equal(true);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
    expect(shadow(el).textContent).to.include('عضو جديد');
  });

  it('keeps 10,000 members in a small DOM and loads pages as the list scrolls', async () => {
    // The virtualizer measures rows with a ResizeObserver; when a scroll adds rows, Chromium may
    // report "ResizeObserver loop completed with undelivered notifications", a notice (the
    // notifications come in the next frame), not an error. Only that one is kept from mocha.
    const mochaOnError = window.onerror;
    window.onerror = (message, ...rest) =>
      /ResizeObserver loop/.test(String(message))
        ? true
        : (mochaOnError?.call(window, message, ...rest) ?? false);
    try {
      await tenThousand();
    } finally {
      // Late notices of this test's frames are let through the same way until the next frame.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      window.onerror = mochaOnError;
    }
  });
});

async function tenThousand(): Promise<void> {
  {
    await fetch(`/__tec__/seed-members?territory=auvergne-rhone-alpes&n=10000&k=${Math.random()}`, {
      cache: 'no-store',
    });
    const el = await members('auvergne-rhone-alpes');
    expect(shadow(el).textContent).to.match(/10\s?000 membres/);
    const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
    const loaded = () => (el as unknown as { items: unknown[] }).items.length;
    for (let i = 0; i < 8; i += 1) {
      const before = loaded();
      // Keep scrolling to the end, as a reader does, until the next page has come.
      await waitFor(
        () => {
          scroller.scrollTop = scroller.scrollHeight;
          return loaded() > before;
        },
        `page ${i + 2}`,
      );
    }
    expect(loaded()).to.be.at.least(400);
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(shadow(el).querySelectorAll('*').length).to.be.below(400);
    expect(rows(el).length).to.be.below(100);
    await expect(el).to.be.accessible();
  }
}
