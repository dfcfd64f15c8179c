// <tec-coalition-members> against the real API: content, filters and search, live additions,
// 10,000 members in a small DOM, hostile data, privacy of logos.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@tec/widgets/define';
import { TecMemberFocusEvent, type TecCoalitionMembers, type TecMemberSelectEvent } from '@tec/widgets';
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

describe('<tec-coalition-members> shows one member on request (what <tec-cooperations> links to)', () => {
  /** The focused element inside the widget's shadow root. */
  const focused = (el: Element) => shadow(el).activeElement as HTMLElement | null;
  const isOpen = (el: Element, name: string) =>
    rows(el).some(
      (r) =>
        r.querySelector('.name')?.textContent?.trim() === name &&
        r.querySelector('.name')?.getAttribute('aria-expanded') === 'true',
    );

  it('showMember(id) clears a filter that hides the member, opens its details and focuses it', async () => {
    const el = await members('roya');
    const target = rows(el).at(-1)!;
    const name = target.querySelector('.name')!.textContent!.trim();
    const kind = target.querySelector('[part="badge"]')!.textContent!.trim();
    // A kind filter that hides it.
    const other = [...shadow(el).querySelectorAll<HTMLButtonElement>('.chip')].find(
      (c) => c.textContent!.trim() !== '' && !c.textContent!.includes(kind) && !/Tous/.test(c.textContent!),
    )!;
    other.click();
    await waitFor(() => !names(el).includes(name), 'the filter to hide the member');
    const id = await idOf(el, name);
    expect(await el.showMember(id, name)).to.equal(true);
    expect(names(el)).to.include(name);
    expect(isOpen(el, name)).to.equal(true);
    expect(focused(el)?.textContent?.trim()).to.equal(name);
    await expect(el).to.be.accessible();
    expect(await el.showMember('mbr_nobody', 'Personne de ce nom')).to.equal(false);
  });

  it('follows the tec-member-focus event of its territory only, and the page address #tec-member-<id>', async () => {
    const el = await members('roya');
    const [a, b] = names(el).slice(-2) as [string, string];
    const [idA, idB] = [await idOf(el, a), await idOf(el, b)];
    // Another territory's event for member a, then this territory's for member b: once b is
    // open and focused, a must not be (were the territory not checked, it would have opened first).
    document.body.dispatchEvent(new TecMemberFocusEvent({ territory: 'forbach', memberId: idA, name: a }));
    document.body.dispatchEvent(new TecMemberFocusEvent({ territory: 'roya', memberId: idB, name: b }));
    await waitFor(() => isOpen(el, b), 'the member the event names');
    await waitFor(() => focused(el)?.textContent?.trim() === b, 'the focus on it');
    expect(isOpen(el, a), 'another territory’s actor').to.equal(false);
    const before = location.hash;
    location.hash = `#tec-member-${idA}`;
    try {
      await waitFor(() => isOpen(el, a), 'the member the address names');
    } finally {
      history.replaceState(null, '', before || location.pathname + location.search);
    }
  });
});

/** A member's id, from the API (the list shows names, not ids). */
async function idOf(el: TecCoalitionMembers, name: string): Promise<string> {
  const page = await fetch(`${config.apiUrl}/v1/territories/${el.territory}/members?limit=100`).then(
    (r) => r.json() as Promise<{ items: { id: string; name: string }[] }>,
  );
  const id = page.items.find((m) => m.name === name)?.id;
  if (!id) throw new Error(`no member named ${name}`);
  return id;
}

describe('<tec-coalition-members>', () => {
  it('lists members by name and kind; a name opens the details: kind, commune, role, date, safe link', async function () {
    this.timeout(20_000); // axe twice over 40-odd members, on a shared machine
    const el = await members('roya');
    expect(rows(el).length).to.be.within(15, 50);
    const first = rows(el)[0]!;
    expect(first.querySelector('[part="badge"]')?.textContent).to.match(
      /Association|Entreprise|ESS|Collectivité|Citoyen/,
    );
    // A real disclosure: the name is a button that opens the member's details.
    const button = first.querySelector<HTMLButtonElement>('button.name')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(first.querySelector('.more')).to.equal(null);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const details = shadow(el).getElementById(button.getAttribute('aria-controls')!)!;
    expect(details.closest('.member')).to.equal(first);
    expect(details.textContent).to.match(/Type[\s\S]*Membre depuis le/);
    await expect(el).to.be.accessible();
    // Every member open: the website links are there, safe.
    for (const b of shadow(el).querySelectorAll<HTMLButtonElement>('button.name[aria-expanded="false"]'))
      b.click();
    await el.updateComplete;
    const link = shadow(el).querySelector<HTMLAnchorElement>('a[href^="https://"]')!;
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.include('noopener');
    expect(link.textContent).to.match(/nouvelle fenêtre/);
    expect(shadow(el).querySelector('[role="grid"] [role="row"] [role="gridcell"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('is one Tab stop, with the arrow keys, Home and End inside it (grid pattern)', async () => {
    const el = await members('roya');
    const search = shadow(el).querySelector<HTMLInputElement>('#search')!;
    const buttons = () => [...shadow(el).querySelectorAll<HTMLButtonElement>('button.name')];
    // Exactly one member can be reached by Tab.
    expect(buttons().filter((b) => b.tabIndex === 0).length).to.equal(1);
    buttons()[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(buttons()[2]);
    expect(buttons()[2]!.tabIndex).to.equal(0);
    expect(buttons().filter((b) => b.tabIndex === 0).length).to.equal(1);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(buttons().at(-1));
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(buttons()[0]);
    // Enter opens the details; the right arrow reaches the website link, the left one comes back.
    const index = (el as unknown as { items: { website: string | null }[] }).items.findIndex(
      (m) => m.website,
    );
    expect(index).to.be.at.least(0, 'the demo data has members with a website');
    for (let i = 0; i < index; i += 1) await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(buttons()[index]!.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowRight' });
    expect(shadow(el).activeElement?.localName).to.equal('a');
    await sendKeys({ press: 'ArrowLeft' });
    expect(shadow(el).activeElement).to.equal(buttons()[index]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(buttons()[index]!.getAttribute('aria-expanded')).to.equal('false');
    // Tab leaves the list at once (past its link, if the member has one): not 58 presses.
    search.focus();
    let presses = 0;
    do {
      await sendKeys({ press: 'Tab' });
      presses += 1;
    } while (shadow(el).activeElement && presses < 30);
    // Each chip, the grid's one stop, then out: not fewer (a part skipped), not more.
    expect(presses).to.equal(shadow(el).querySelectorAll('.chip').length + 2);
  });

  it('filters with a select on a narrow widget: the kinds take one row on a phone', async () => {
    const el = await members('roya');
    el.style.width = '340px';
    await el.updateComplete;
    const select = shadow(el).querySelector<HTMLSelectElement>('select#kind')!;
    expect(getComputedStyle(select).display).to.not.equal('none');
    expect(getComputedStyle(shadow(el).querySelector('.chips')!).display).to.equal('none');
    expect(select.getBoundingClientRect().height).to.be.below(60);
    select.value = 'association';
    // The option says how many there are: « Association (n) ».
    const count = Number(/\((\d+)\)/.exec(select.selectedOptions[0]!.textContent!)![1]);
    expect(count).to.be.above(0);
    select.dispatchEvent(new Event('change'));
    // As many rows as the option said, all of that kind (an empty list, or an error, is not it).
    await waitFor(
      () =>
        rows(el).length === count &&
        rows(el).every((r) => /Association/.test(r.querySelector('[part="badge"]')?.textContent ?? '')),
      'the filter',
    );
    await expect(el).to.be.accessible();
  });

  it('shows a member’s details as terms above their values on a phone, words whole', async () => {
    const el = await members('roya');
    el.style.width = '300px';
    const name = [...shadow(el).querySelectorAll<HTMLElement>('button.name')].find((b) =>
      b.closest('.member')!.querySelector('.meta'),
    )!;
    name.click();
    await el.updateComplete;
    const more = shadow(el).querySelector<HTMLElement>('.more')!;
    // Each value as wide as the box (they had a column of a few letters beside their terms).
    for (const dd of more.querySelectorAll('dd'))
      expect(dd.getBoundingClientRect().width).to.be.at.least(more.clientWidth * 0.8);
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
    await waitFor(() => new RegExp(`${count} acteurs`).test(liveRegion(el)), 'the announcement');
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
    await waitFor(() => /Aucun résultat/.test(shadow(el).textContent ?? ''), 'no result');
    await waitFor(() => /Aucun résultat/.test(liveRegion(el)), 'the announcement');
    await expect(el).to.be.accessible();
  });

  it('works by keyboard: search, then chips by Tab and Enter', async () => {
    const el = await members('entre-deux-mers');
    el.style.width = '800px';
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
    // Forbach is in phase 1: a newcomer is an actor engaged, not yet a coalition member.
    await waitFor(() => /nouvel acteur\s: Brasserie solidaire/.test(liveRegion(el)), 'the announcement');
  });

  it('keeps the focus on its member when others come or go live, and counts each kind anew', async () => {
    const el = await members('forbach');
    const focused = () => shadow(el).activeElement as HTMLElement | null;
    const chips = () => [...shadow(el).querySelectorAll('.chip')].map((c) => c.textContent!.trim());
    const stops = () =>
      [...shadow(el).querySelectorAll('button.name')].filter((b) => b.getAttribute('tabindex') === '0');
    shadow(el).querySelector<HTMLElement>('button[data-index="2"]')!.focus();
    const third = focused()!.textContent!.trim();
    expect(
      chips().some((c) => /^Autre/.test(c)),
      'no « Autre » yet in this territory',
    ).to.equal(false);
    const created = await admin.createMember('forbach', {
      name: 'AAA Atelier de test de la liste (fictif)',
      kind: 'autre',
      joinedAt: '2026-11-27',
      commune: null,
      website: null,
      logo: null,
    });
    // First in the list, above the focused member: the focus and the Tab stop stay on that member.
    await waitFor(() => names(el)[0] === 'AAA Atelier de test de la liste (fictif)', 'the new member first');
    expect(focused()?.textContent?.trim()).to.equal(third);
    expect(stops().map((b) => b.textContent!.trim())).to.deep.equal([third]);
    expect(chips()).to.include('Autre (1)');
    // The focused member removed: the focus goes to the row that takes its place, and it is said.
    shadow(el).querySelector<HTMLElement>('button[data-index="0"]')!.focus();
    const second = names(el)[1];
    await admin.deleteMember('forbach', created.id);
    await waitFor(
      () => !names(el).includes('AAA Atelier de test de la liste (fictif)'),
      'the member removed',
    );
    await waitFor(() => focused()?.textContent?.trim() === second, 'the focus on the next member');
    await waitFor(() => /acteur retiré de la liste\s:\sAAA Atelier/.test(liveRegion(el)), 'the announcement');
    expect(
      chips().some((c) => /^Autre/.test(c)),
      'no « Autre » left',
    ).to.equal(false);
  });

  it('keeps the kind chosen in view when a search leaves none of it', async () => {
    const el = await members('roya');
    const chip = (kind: string) =>
      [...shadow(el).querySelectorAll<HTMLElement>('.chip')].find((c) =>
        c.textContent!.trim().startsWith(kind),
      );
    chip('Entreprise')!.click();
    await waitFor(() => chip('Entreprise')?.getAttribute('aria-pressed') === 'true', 'the kind chosen');
    const search = shadow(el).querySelector<HTMLInputElement>('#search')!;
    search.value = 'zzz-aucun-nom-ainsi';
    search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitFor(() => rows(el).length === 0, 'no result');
    // Still there, pressed, at 0: the visitor sees the filter and can lift it.
    expect(chip('Entreprise')?.textContent?.trim()).to.equal('Entreprise (0)');
    expect(chip('Entreprise')?.getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(el).querySelector<HTMLSelectElement>('select#kind')!.value).to.equal('entreprise');
  });

  it('presents the actors engaged before phase 3, the coalition once it has begun, live', async function () {
    this.timeout(30_000); // six admin changes, each a live event the list follows
    const el = await members('entre-deux-mers');
    const heading = () => shadow(el).querySelector('h2')?.textContent?.trim() ?? '';
    expect(heading()).to.match(/^Les acteurs engagés — /);
    expect(shadow(el).querySelector('.count')?.textContent).to.match(/acteurs?$/);
    // The API's consistency rules: the phases before it are closed first (with the reason a
    // phase closed with milestones unmet needs), and reopened after.
    const reason = 'Essai : la coalition commence avant la fin des jalons.';
    await admin.updatePhase('entre-deux-mers', 'portrait', { status: 'terminee', closingReason: reason });
    await admin.updatePhase('entre-deux-mers', 'cooperations', { status: 'terminee', closingReason: reason });
    await admin.updatePhase('entre-deux-mers', 'coalition', { status: 'en-cours' });
    try {
      await waitFor(() => /^La coalition — /.test(heading()), 'the coalition heading', 10_000);
      expect(shadow(el).querySelector('.count')?.textContent).to.match(/membres?$/);
      expect(shadow(el).querySelector('[role="grid"]')?.getAttribute('aria-label')).to.equal(
        'Membres de la coalition',
      );
      await waitFor(() => /la coalition territoriale a commencé/.test(liveRegion(el)), 'the announcement');
    } finally {
      await admin.updatePhase('entre-deux-mers', 'coalition', { status: 'a-venir' });
      await admin.updatePhase('entre-deux-mers', 'cooperations', { status: 'a-venir', closingReason: null });
      await admin.updatePhase('entre-deux-mers', 'portrait', { status: 'en-cours', closingReason: null });
    }
    await waitFor(() => /^Les acteurs engagés — /.test(heading()), 'the actors heading again', 10_000);
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

  describe('with many members', () => {
    tolerateResizeObserverNotice();
    it('keeps 10,000 members in a small DOM and loads pages as the list scrolls', tenThousand);
  });
});

/**
 * The virtualizer measures rows with a ResizeObserver; when a scroll adds rows, Chromium may
 * report "ResizeObserver loop completed with undelivered notifications", a notice (the
 * notifications come in the next frame), not an error. Only that one is kept from mocha, in the
 * tests of the calling `describe`, and until the frame after each.
 */
function tolerateResizeObserverNotice(): void {
  let mochaOnError: OnErrorEventHandler = null;
  beforeEach(() => {
    mochaOnError = window.onerror;
    window.onerror = (message, ...rest) =>
      /ResizeObserver loop/.test(String(message))
        ? true
        : (mochaOnError?.call(window, message, ...rest) ?? false);
  });
  afterEach(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    window.onerror = mochaOnError;
  });
}

describe('<tec-coalition-members> past 100 rows (the list becomes virtualized)', () => {
  tolerateResizeObserverNotice();
  const focused = (el: Element) => shadow(el).activeElement as HTMLElement | null;
  const loaded = (el: Element) => (el as unknown as { items: unknown[] }).items.length;
  const virtualized = (el: Element) =>
    Boolean((el as unknown as { flowLayout?: unknown }).flowLayout) &&
    Boolean(shadow(el).querySelector('.items')?.getAttribute('style'));
  /** Two frames: the virtualizer lays out and renders its rows in the frame after an update. */
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const seed = () =>
    fetch(`/__tec__/seed-members?territory=auvergne-rhone-alpes&n=10000&k=${Math.random()}`, {
      cache: 'no-store',
    });

  it('keeps the focus on the member showMember() focused while the rows are rendered anew', async () => {
    await seed();
    const el = await members('auvergne-rhone-alpes');
    expect(virtualized(el), 'a first page of 50 rows').to.equal(false);
    // Member 130 is on the third page: showMember() loads pages until it is there, which takes
    // the list past 100 rows while the member is being focused.
    expect(await el.showMember('mbr_bulk_130')).to.equal(true);
    await waitFor(() => virtualized(el), 'the virtualizer');
    for (let i = 0; i < 5; i += 1) await frames();
    expect(focused(el)?.textContent?.trim(), 'the focus after the switch').to.equal('Membre 00130');
    // The keyboard goes on from there, inside the virtualized list.
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => focused(el)?.textContent?.trim() === 'Membre 00131', 'the next member focused');
    await expect(el).to.be.accessible();
  });

  it('keeps the focus on the member the keyboard reached, then moves it anywhere in the list', async () => {
    await seed();
    const el = await members('auvergne-rhone-alpes');
    shadow(el).querySelector<HTMLElement>('button[data-index="0"]')!.focus();
    // End twice: the last loaded member (49), then with the second page the new last one (99);
    // each End near the end loads the next page, and the third takes the list to 150 rows.
    await sendKeys({ press: 'End' });
    await waitFor(() => loaded(el) >= 100, 'the second page');
    await sendKeys({ press: 'End' });
    await waitFor(() => virtualized(el), 'the virtualizer');
    for (let i = 0; i < 5; i += 1) await frames();
    expect(focused(el)?.getAttribute('data-index'), 'the focus after the switch').to.equal('99');
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(() => focused(el)?.getAttribute('data-index') === '98', 'the member above focused');
    // Far from the rows rendered: End, then Home. The virtualizer's own scrollIntoView() left the
    // list empty and the focus on the page here (lit/lit#4767).
    const last = loaded(el) - 1; // End goes to the last member loaded when it is pressed.
    await sendKeys({ press: 'End' });
    await waitFor(() => focused(el)?.getAttribute('data-index') === String(last), 'the last member focused');
    expect(rows(el).length, 'rows rendered around it').to.be.within(5, 99);
    await sendKeys({ press: 'Home' });
    await waitFor(() => focused(el)?.getAttribute('data-index') === '0', 'the first member focused');
    expect(names(el)[0]).to.equal(focused(el)!.textContent!.trim());
    await expect(el).to.be.accessible();
  });

  it('keeps the reader’s place when scrolling takes the list past 100 rows, again after a search', async () => {
    await seed();
    const el = await members('auvergne-rhone-alpes');
    const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
    const top = () => {
      const edge = scroller.getBoundingClientRect().top;
      return rows(el).find((r) => r.getBoundingClientRect().bottom > edge + 1);
    };
    /** Scrolls to the end of the second page, where the third is loaded and the list virtualized. */
    const pastHundred = async () => {
      await waitFor(() => {
        scroller.scrollTop = scroller.scrollHeight;
        return loaded(el) >= 100;
      }, 'the second page');
      scroller.scrollTop = scroller.scrollHeight;
      const before = Number(top()!.getAttribute('aria-rowindex'));
      expect(before).to.be.above(50);
      await waitFor(() => virtualized(el), 'the virtualizer');
      for (let i = 0; i < 5; i += 1) await frames();
      // The row at the top of the box is still there (not the list's first row).
      expect(Number(top()?.getAttribute('aria-rowindex'))).to.be.within(before - 1, before + 1);
    };
    await pastHundred();
    // A search brings it under 100 rows (not virtualized), clearing it to a first page again.
    const search = shadow(el).querySelector<HTMLInputElement>('#search')!;
    for (const value of ['Membre 0001', '']) {
      search.value = value;
      search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await waitFor(() => !virtualized(el) && loaded(el) <= 50, `the list for « ${value} »`);
      // The results are in view, from their first: they were laid out out of view (a blank box)
      // under the styles the virtualizer had left on the list.
      const box = scroller.getBoundingClientRect();
      const first = rows(el)[0]!.getBoundingClientRect();
      expect(first.top, `the first result for « ${value} » in view`).to.be.within(box.top, box.bottom - 10);
    }
    await pastHundred();
  });
});

async function tenThousand(): Promise<void> {
  {
    await fetch(`/__tec__/seed-members?territory=auvergne-rhone-alpes&n=10000&k=${Math.random()}`, {
      cache: 'no-store',
    });
    const el = await members('auvergne-rhone-alpes');
    expect(shadow(el).textContent).to.match(/10\s?000 acteurs/);
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
    // …and rows there are: the ones in view, not none.
    expect(rows(el).length).to.be.above(5);
    await expect(el).to.be.accessible();
  }
}
