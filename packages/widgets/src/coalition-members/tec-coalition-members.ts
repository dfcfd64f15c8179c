import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import { MEMBER_KINDS, type Member, type MemberKind, type TerritoryDetail } from '@tec/contract';
import type { LiveNotice, TecClient } from '@tec/sdk';
import { TecElement } from '../base/tec-element.js';
import { reserveFor, tokens } from '../base/styles.js';
import { formatDate } from '../base/i18n.js';
import { labels } from '../base/labels.js';
import { isOwn, text, type Key } from './strings.js';
import type { StringKey } from '../base/i18n.js';
import { TecMemberSelectEvent, type TecMemberFocusEvent } from '../base/events.js';
import { styles } from './tec-coalition-members.styles.js';
import { reserve } from './tec-coalition-members.reserve.js';

/** The page address of a member in the list: `#tec-member-<id>` (what `<tec-cooperations>` links to). */
export const memberHash = (id: string): string => `#tec-member-${encodeURIComponent(id)}`;
const MEMBER_HASH = /^#tec-member-([^/?#]{1,100})$/;

/** Above this many loaded members, only those in view are in the DOM. */
const VIRTUALIZE_ABOVE = 100;
const PAGE = 50;

/** A rendered row's index in the list (its `aria-rowindex` counts from 1). */
const rowIndex = (row: Element): number => Number(row.getAttribute('aria-rowindex')) - 1;

/** Lowercase without accents: the order and the search of the API. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

function initials(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return (words[0]?.[0] ?? '?').toUpperCase() + (words[1]?.[0] ?? '').toUpperCase();
}

/**
 * Before phase 3 the list presents « Les acteurs engagés », the forces vives met so far; once
 * the coalition phase has begun, « La coalition » and its members. The heading, the counts and
 * what is announced follow a live change of phase.
 *
 * The coalition's members with their kind, role, commune, joined date, website and logo; a
 * search box and filters by kind with counts (chips, or a select on a narrow widget); pages load
 * as the list scrolls, and above 100 members only those in view are rendered
 * (`@lit-labs/virtualizer`).
 *
 * The list is one stop of the Tab key (the ARIA grid pattern): the arrow keys move between
 * members (Home, End, Page Up and Page Down too), Enter or Space opens a member's details (kind,
 * commune, role, date joined, website), the right arrow reaches its website link.
 *
 * Other widgets and the page show one member with `showMember(id)`, with the `tec-member-focus`
 * event (what `<tec-cooperations>` fires when a visitor follows an actor's link), or with the
 * page address `#tec-member-<id>` (on arrival and when it changes): the list shows that member,
 * opens its details and moves the focus to it.
 *
 * @summary The members of a territorial coalition, searchable and live.
 * @tagname tec-coalition-members
 *
 * @slot - Shown until the script runs (e.g. a link to the coalition's page).
 * @slot empty - Replaces the text shown when the coalition has no member yet.
 * @slot error - Replaces the text shown when the data cannot be loaded.
 *
 * @csspart base - The frame around the widget.
 * @csspart title - The heading.
 * @csspart demo-mark - The « Données de démonstration » mark beside the heading (demo data only).
 * @csspart search - The search box.
 * @csspart chip - Each filter chip.
 * @csspart list - The scrolling list.
 * @csspart member - Each member.
 * @csspart badge - The kind of a member, as text.
 *
 * @cssprop --tec-min-height - The height the widget holds on the page in every state (by default, what
 *   its content takes at its width on the demo data; given back once when the data is much
 *   shorter): set it when yours is longer, and it is then held whatever the data.
 * @cssprop --tec-members-height - Height of the scrolling list (default 32em).
 * @cssprop --tec-color-accent - Links, chips and focus.
 *
 * @fires tec-member-select - A visitor chose a member (`detail.member`).
 * @fires tec-error - The members could not be loaded.
 */
export class TecCoalitionMembers extends TecElement {
  static override styles = [tokens, reserveFor(reserve), styles];

  /** Its own strings (strings.ts, in its chunk), then the base's. */
  protected override t(key: StringKey | Key, params?: Record<string, string | number>): string {
    return isOwn(key) ? text(this.language, key, params) : super.t(key, params);
  }

  /** `list` (one per row) or `grid` (cards). */
  @property({ reflect: true }) layout: 'list' | 'grid' = 'list';

  @state() private territoryData?: TerritoryDetail;
  @state() private items: Member[] = [];
  @state() private total = 0;
  @state() private kinds: Partial<Record<MemberKind, number>> = {};
  @state() private query = '';
  @state() private kind?: MemberKind;
  @state() private loadingMore = false;
  /** The member that holds the list's one tab stop. */
  @state() private active = 0;
  /** The members whose details are open, by id. */
  @state() private open = new Set<string>();
  /**
   * The virtualizer's layout, imported when the list first passes 100 rows (in a chunk of its
   * own, which the CDN's loader checks against its hash). Given to the virtualizer, which then
   * has its layout from its start: left to import it itself, it had none for a moment, and
   * `showMember()` bringing a row into view in that moment threw.
   */
  @state() private flowLayout?: typeof FlowLayout;
  /** Whether its import has started (once, in `willUpdate`). */
  private flowRequested = false;
  /** Whether the list was virtualized at the last render. */
  private virtualized = false;

  /** The virtualizer's layout when only the rows in view are rendered (past 100, once imported). */
  private get virtualLayout(): typeof FlowLayout | undefined {
    return this.items.length > VIRTUALIZE_ABOVE ? this.flowLayout : undefined;
  }
  private cursor: string | null = null;
  /** Index of the last row in view (virtualized list), to keep loading while it is near the end. */
  private lastVisible = 0;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private observer?: IntersectionObserver;
  private generation = 0;
  private apiOrigin = '';

  /**
   * Shows one member: clears the filters when it is not in view (searching for `name` when given,
   * else loading the next pages), opens its details, brings it into view and moves the focus to
   * it. Resolves to whether the member was found. Fires no `tec-member-select` (not a choice of
   * the visitor's in this list).
   */
  async showMember(id: string, name?: string): Promise<boolean> {
    await this.updateComplete;
    const find = () => this.items.findIndex((m) => m.id === id);
    if (find() < 0 && (this.kind || this.query !== (name ?? ''))) {
      this.kind = undefined;
      this.query = name?.slice(0, 100) ?? '';
      await this.reload(true);
    }
    for (let pages = 0; find() < 0 && this.cursor && pages < 20; pages++) await this.more();
    const index = find();
    if (index < 0) return false;
    this.open = new Set([...this.open, id]);
    await this.updateComplete;
    this.scrollIntoView({ block: 'nearest' });
    await this.focusMember(index);
    return true;
  }

  private readonly onMemberFocus = (event: TecMemberFocusEvent): void => {
    if (event.detail.territory === this.chosenTerritory)
      void this.showMember(event.detail.memberId, event.detail.name);
  };

  private readonly onHash = (): void => {
    const id = MEMBER_HASH.exec(location.hash)?.[1];
    if (!id) return;
    let decoded: string;
    try {
      decoded = decodeURIComponent(id);
    } catch {
      return;
    }
    void this.showMember(decoded);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('tec-member-focus', this.onMemberFocus);
    window.addEventListener('hashchange', this.onHash);
  }

  /** The page's address names a member on arrival: shown once the list has loaded. */
  private hashFollowed = false;

  protected override async load(client: TecClient, signal: AbortSignal): Promise<'loaded' | 'empty'> {
    const generation = ++this.generation;
    const [territory, page] = await Promise.all([
      client.territories.get(this.slug, { signal }),
      client.members.page(this.slug, this.pageQuery(), { signal }),
    ]);
    if (generation !== this.generation) return this.items.length ? 'loaded' : 'empty';
    this.apiOrigin = new URL(client.baseUrl).origin;
    this.territoryData = territory;
    this.demo = territory.demo;
    this.items = page.items;
    this.lastVisible = 0;
    this.active = 0;
    this.total = page.total;
    this.kinds = page.kinds;
    this.cursor = page.nextCursor;
    // No member at all is "empty"; no member for this search is a loaded view with a message.
    const everyone = Object.values(page.kinds).reduce((a, b) => a + (b ?? 0), 0);
    if (!this.hashFollowed && MEMBER_HASH.test(location.hash)) {
      this.hashFollowed = true;
      setTimeout(this.onHash);
    }
    return everyone === 0 && !this.query ? 'empty' : 'loaded';
  }

  private pageQuery(cursor?: string) {
    return {
      limit: PAGE,
      ...(this.query ? { q: this.query.slice(0, 100) } : {}),
      ...(this.kind ? { kind: this.kind } : {}),
      ...(cursor ? { cursor } : {}),
    };
  }

  /** Loads the next page, once at a time. */
  private async more(): Promise<void> {
    if (!this.cursor || this.loadingMore) return;
    const generation = this.generation;
    this.loadingMore = true;
    try {
      const page = await this.client.members.page(this.slug, this.pageQuery(this.cursor));
      if (generation !== this.generation) return;
      const seen = new Set(this.items.map((m) => m.id));
      this.items = [...this.items, ...page.items.filter((m) => !seen.has(m.id))];
      this.cursor = page.nextCursor;
    } catch {
      // The next scroll tries again.
      return;
    } finally {
      this.loadingMore = false;
    }
    // Still at the end (a fast scroll, a tall screen): the next page follows at once.
    if (this.lastVisible >= this.items.length - 20) void this.more();
  }

  private async search(): Promise<void> {
    await this.reload(true);
    // New results are read from their top.
    await this.updateComplete;
    this.renderRoot.querySelector('.scroller')?.scrollTo({ top: 0 });
    this.announce(this.total ? this.count(this.total) : this.t('noResults'));
  }

  private onInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.search(), 250);
  }

  private choose(kind: MemberKind | undefined): void {
    this.kind = this.kind === kind ? undefined : kind;
    void this.search();
  }

  private inView(m: Member): boolean {
    if (this.kind && m.kind !== this.kind) return false;
    return (
      !this.query || fold(`${m.name} ${m.role ?? ''} ${m.commune?.name ?? ''}`).includes(fold(this.query))
    );
  }

  /** Whether the territory's coalition phase has begun: then its actors are the coalition. */
  private get coalition(): boolean {
    return this.territoryData?.currentPhase === 'coalition';
  }

  /** « 12 membres » of the coalition, or « 12 acteurs » before it. */
  private count(n: number): string {
    return this.t(this.coalition ? 'results' : 'actorResults', { n });
  }

  /** Set by a live change that began (or undid) the coalition phase, for its announcement. */
  private becameCoalition?: boolean;

  /** A member added, changed or removed appears in place, without reloading the list. */
  protected override async applyLive(notice: LiveNotice): Promise<void> {
    this.becameCoalition = undefined;
    if (notice.type === 'phase.updated' || notice.type === 'territory.updated' || notice.type === 'resync') {
      const before = this.coalition;
      await this.reload(true);
      if (this.coalition !== before) this.becameCoalition = this.coalition;
      return;
    }
    if (
      notice.type !== 'member.added' &&
      notice.type !== 'member.updated' &&
      notice.type !== 'member.removed'
    )
      return;
    // The rows are keyed by member: the one with the focus keeps it when others come or go above
    // it, and the list's Tab stop stays on it. If it is the one removed, the focus goes to the
    // row that takes its place.
    const root = this.renderRoot as ShadowRoot;
    const hadFocus = Boolean(root.activeElement?.closest('.items'));
    const activeId = this.items[this.active]?.id;
    const id = notice.type === 'member.removed' ? notice.memberId : notice.member.id;
    const old = this.items.find((x) => x.id === id);
    this.removed = notice.type === 'member.removed' ? old : undefined;
    const items = this.items.filter((x) => x.id !== id);
    const kinds = { ...this.kinds };
    if (old && notice.type !== 'member.added') kinds[old.kind] = Math.max(0, (kinds[old.kind] ?? 0) - 1);
    if (notice.type === 'member.removed') {
      if (old) this.total = Math.max(0, this.total - 1);
    } else {
      const m = notice.member;
      if (this.inView(m)) {
        const at = items.findIndex((x) => fold(x.name) > fold(m.name));
        // Beyond the loaded pages it comes with the next page; within them, in its place.
        if (at >= 0) items.splice(at, 0, m);
        else if (!this.cursor) items.push(m);
        if (notice.type === 'member.added') this.total += 1;
      }
      if (notice.type === 'member.added' || old) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
    }
    this.kinds = kinds;
    this.items = items;
    const at = items.findIndex((x) => x.id === activeId);
    this.active = at >= 0 ? at : Math.max(0, Math.min(this.active, items.length - 1));
    if (hadFocus && at < 0 && items.length) {
      await this.updateComplete;
      if (this.focusFell()) await this.focusMember(this.active);
    }
  }

  /** The member a live change has just removed (for its announcement). */
  private removed?: Member;

  protected override describeChange(notice: LiveNotice): string | undefined {
    if (this.becameCoalition) return this.t('coalitionBegun');
    if (notice.type === 'member.removed' && this.removed)
      return this.t(this.coalition ? 'memberRemoved' : 'actorRemoved', { name: this.removed.name });
    if (notice.type !== 'member.added') return undefined;
    return this.t(this.coalition ? 'memberAdded' : 'actorAdded', { name: notice.member.name });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.items.length > VIRTUALIZE_ABOVE && !this.flowRequested) {
      this.flowRequested = true;
      import('@lit-labs/virtualizer/layouts/flow.js').then(
        (module) => {
          this.flowLayout = module.FlowLayout;
        },
        (error: unknown) => {
          // Not loaded (offline, or refused by its hash): the rows stay rendered in full.
          console.error('TEC: the member list’s layout could not be loaded; all rows stay rendered.', error);
        },
      );
    }
    // The list is about to become virtualized (the first time, or again after a search brought it
    // under 100 rows): its rows will be rendered anew, from the top. What the reader sees and what
    // has the focus are read now, from the rows still there, and given back after the render.
    const virtual = Boolean(this.virtualLayout);
    if (virtual && !this.virtualized) {
      const root = this.renderRoot as ShadowRoot;
      const scroller = root.querySelector('.scroller');
      const top = scroller?.getBoundingClientRect().top ?? 0;
      const first = [...root.querySelectorAll('.items > .member')].find(
        (r) => r.getBoundingClientRect().bottom > top,
      );
      const place =
        first && scroller?.scrollTop
          ? { index: rowIndex(first), at: first.getBoundingClientRect().top - top }
          : null;
      void this.keepPlace(place, root.activeElement?.closest('.items [data-index]'));
    }
    this.virtualized = virtual;
  }

  protected override updated(): void {
    const sentinel = this.renderRoot.querySelector('.sentinel');
    const root = this.renderRoot.querySelector('.scroller');
    this.observer?.disconnect();
    if (sentinel && root) {
      this.observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) void this.more();
        },
        { root, rootMargin: '200px' },
      );
      this.observer.observe(sentinel);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('tec-member-focus', this.onMemberFocus);
    window.removeEventListener('hashchange', this.onHash);
    this.observer?.disconnect();
    clearTimeout(this.searchTimer);
  }

  private logo(member: Member): TemplateResult {
    // Only logos served by the API's own host: a widget never calls a third party.
    const sameHost = member.logo && new URL(member.logo).origin === this.apiOrigin;
    return html`<span class="avatar" aria-hidden="true"
      >${
        sameHost
          ? html`<img
              src=${member.logo!}
              alt=""
              loading="lazy"
              width="40"
              height="40"
              @error=${(e: Event) => ((e.target as HTMLImageElement).hidden = true)}
            />`
          : nothing
      }<span>${initials(member.name)}</span></span
    >`;
  }

  private toggle(member: Member, index: number): void {
    const open = new Set(this.open);
    if (open.has(member.id)) open.delete(member.id);
    else {
      open.add(member.id);
      this.dispatchEvent(new TecMemberSelectEvent(member));
    }
    this.open = open;
    this.active = index;
  }

  /** The list's keyboard: the grid pattern's keys, between members and into a member's link. */
  private onGridKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const index = Number(target.closest('[data-index]')?.getAttribute('data-index'));
    if (!Number.isInteger(index)) return;
    const last = this.items.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: last,
      PageDown: index + 10,
      PageUp: index - 10,
    };
    if (event.key in moves) {
      event.preventDefault();
      void this.focusMember(Math.max(0, Math.min(last, moves[event.key]!)));
      // Near the end of what is loaded: the next page comes.
      if (moves[event.key]! >= last - 5) void this.more();
      return;
    }
    const link = this.renderRoot.querySelector<HTMLElement>(`a[data-index="${index}"]`);
    if (event.key === 'ArrowRight' && link && target !== link) {
      event.preventDefault();
      link.focus();
    } else if (event.key === 'ArrowLeft' && target === link) {
      event.preventDefault();
      void this.focusMember(index);
    } else if (event.key === 'Escape' && this.open.has(this.items[index]?.id ?? '')) {
      event.preventDefault();
      this.toggle(this.items[index]!, index);
      void this.focusMember(index);
    }
  }

  /**
   * Brings member `index` into view and gives its row once rendered: the nearest way (the page
   * too, if need be), or `at` pixels below the top of the list's scroll box (the page left as it
   * is). At once when the row is rendered; else (virtualized, the row not rendered) by scrolling
   * the box to where the rendered rows say it is and waiting for the virtualizer to render the
   * rows there, a few frames at most. The virtualizer's own `element(i).scrollIntoView()` is not
   * used: with the scroll box an ancestor of its host, it scrolls past the row and then renders
   * no row at all (lit/lit#4767; its fix, lit/lit#5279, is not in 2.1.1, the latest release).
   */
  private async reveal(index: number, at?: number): Promise<HTMLElement | null> {
    const root = this.renderRoot;
    for (let frame = 0; frame < 12; frame += 1) {
      const row = root.querySelector<HTMLElement>(`.member[aria-rowindex="${index + 1}"]`);
      const scroller = root.querySelector<HTMLElement>('.scroller');
      if (row && scroller) {
        if (at === undefined) row.scrollIntoView({ block: 'nearest' });
        else
          scroller.scrollTop += row.getBoundingClientRect().top - scroller.getBoundingClientRect().top - at;
        return row;
      }
      const rows = [...root.querySelectorAll<HTMLElement>('.items > .member')];
      if (scroller && rows.length) {
        // The nearest rendered row, and the rows' mean height for the ones between.
        const near = rows.reduce((a, b) =>
          Math.abs(rowIndex(b) - index) < Math.abs(rowIndex(a) - index) ? b : a,
        );
        const height = rows.reduce((sum, r) => sum + r.offsetHeight, 0) / rows.length;
        // Rows are placed by transforms: their place is read from their boxes, not offsetTop.
        const top =
          near.getBoundingClientRect().top -
          scroller.getBoundingClientRect().top -
          scroller.clientTop +
          scroller.scrollTop +
          (index - rowIndex(near)) * height;
        scroller.scrollTop = top - (at ?? (scroller.clientHeight - height) / 2);
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return null;
  }

  /**
   * The list has just become virtualized: its rows are rendered anew, from the top, in a new grid
   * element. The virtualizer met that element before it was in the page, so it found no scroll box
   * around it: it is connected again, now that it is there (lit/lit#4232's way round). The reader
   * keeps their place (the row at the top of the scroll box, `at` pixels from it), and a name or
   * link that had the focus gets it back, unless the visitor has moved the focus elsewhere
   * meanwhile.
   */
  private async keepPlace(
    place: { index: number; at: number } | null,
    focused: Element | null | undefined,
  ): Promise<void> {
    await this.updateComplete;
    const host = this.renderRoot.querySelector('.items') as (Element & VirtualizerHostElement) | null;
    const virtualizer = host?.[virtualizerRef];
    virtualizer?.disconnected();
    virtualizer?.connected();
    const root = this.renderRoot as ShadowRoot;
    if (focused instanceof HTMLElement) {
      const index = Number(focused.dataset.index);
      await this.reveal(index);
      if (this.focusFell())
        root
          .querySelector<HTMLElement>(`${focused.localName}[data-index="${index}"]`)
          ?.focus({ preventScroll: true });
    } else if (place) await this.reveal(place.index, place.at);
  }

  /** Moves the tab stop to a member, brings it into view and focuses it. */
  private async focusMember(index: number): Promise<void> {
    this.active = index;
    await this.updateComplete;
    const row = await this.reveal(index);
    row?.querySelector<HTMLElement>('button.name')?.focus({ preventScroll: true });
  }

  private renderMember(member: Member, index: number): TemplateResult {
    const lang = this.language;
    const open = this.open.has(member.id);
    const active = index === this.active;
    return html`<div class="member" part="member" role="row" aria-rowindex=${index + 1}>
      <div class="cell" role="gridcell">
        ${this.logo(member)}
        <div class="details">
          <button
            class="name"
            data-index=${index}
            tabindex=${active ? '0' : '-1'}
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${open ? `more-${member.id}` : nothing}
            @click=${() => this.toggle(member, index)}
            @focus=${() => (this.active = index)}
          >
            ${member.name}
          </button>
          <span class="badge" part="badge" data-kind=${member.kind}
            >${labels[lang].memberKind[member.kind]}</span
          >
          ${member.commune ? html`<span class="meta">${member.commune.name}</span>` : nothing}
          ${open ? this.renderDetails(member, index) : nothing}
        </div>
      </div>
    </div>`;
  }

  /** An open member's details (rendered only when open: 10,000 members stay a small DOM). */
  private renderDetails(member: Member, index: number): TemplateResult {
    const lang = this.language;
    const active = index === this.active;
    return html`<dl class="more" id="more-${member.id}">
      <div>
        <dt>${this.t('memberKind')}</dt>
        <dd>${labels[lang].memberKind[member.kind]}</dd>
      </div>
      ${
        member.commune
          ? html`<div>
              <dt>${this.t('memberCommune')}</dt>
              <dd>${member.commune.name}</dd>
            </div>`
          : nothing
      }
      ${
        member.role
          ? html`<div>
              <dt>${this.t('memberRole')}</dt>
              <dd>${member.role}</dd>
            </div>`
          : nothing
      }
      <div>
        <dt>${this.t('memberJoined')}</dt>
        <dd>${formatDate(lang, member.joinedAt)}</dd>
      </div>
      ${
        member.website
          ? html`<div>
              <dt>${this.t('website')}</dt>
              <dd>
                <a
                  href=${member.website}
                  data-index=${index}
                  tabindex=${active ? '0' : '-1'}
                  target="_blank"
                  rel="noopener noreferrer"
                  referrerpolicy="no-referrer"
                  >${new URL(member.website).hostname}<span class="visually-hidden">
                    — ${this.t('newWindow', { name: member.name })}</span
                  ></a
                >
              </dd>
            </div>`
          : nothing
      }
    </dl>`;
  }

  private renderList(): TemplateResult {
    if (!this.items.length) return html`<p class="none">${this.t('noResults')}</p>`;
    const virtual = this.virtualLayout;
    // A new grid element each time the list becomes virtualized or stops being so: the
    // virtualizer leaves its own styles on the element it had (a height for all the rows, size
    // containment), under which a short list of search results was laid out out of view.
    return html`<div class="scroller" part="list">
      ${keyed(
        Boolean(virtual),
        html`<div
          role="grid"
          class="items"
          aria-label=${this.t(this.coalition ? 'members' : 'actors')}
          aria-rowcount=${this.total}
          aria-describedby="grid-help"
          @keydown=${this.onGridKey}
          @rangeChanged=${(e: RangeChangedEvent) => {
            if (e.last >= this.items.length - 20) void this.more();
          }}
        >
          ${
            virtual
              ? virtualize({
                  layout: { type: virtual },
                  items: this.items,
                  keyFunction: (m: Member) => m.id,
                  renderItem: (m: Member, i: number) => this.renderMember(m, i),
                })
              : repeat(
                  this.items,
                  (m) => m.id,
                  (m, i) => this.renderMember(m, i),
                )
          }
        </div>`,
      )}
      ${this.cursor ? html`<p class="sentinel">${this.loadingMore ? this.t('loadingMore') : ''}</p>` : nothing}
    </div>`;
  }

  protected override headingText(): string {
    const territory = this.territoryData;
    if (!territory) return this.t('membersHeading');
    return this.t(this.coalition ? 'membersTitle' : 'actorsTitle', { territory: territory.name });
  }

  /** A territory being selected has no calls or actors yet: it says so, not « nothing to show ». */
  protected override renderEmpty(): TemplateResult {
    if (this.territoryData?.status !== 'en-selection') return super.renderEmpty();
    return html`<div class="frame state" part="base">
      <slot name="empty"><p part="empty">${this.t('selecting')}</p></slot>
    </div>`;
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div class="frame" part="base">
      <span class="skeleton skeleton-title"></span>
      <span class="skeleton skeleton-controls"></span>
      <span class="skeleton skeleton-list"></span>
    </div>`;
  }

  protected override renderContent(): TemplateResult | typeof nothing {
    const territory = this.territoryData;
    if (!territory) return nothing;
    const lang = this.language;
    const all = Object.values(this.kinds).reduce((a, b) => a + (b ?? 0), 0);
    return html`<section class="frame" part="base" aria-labelledby="title">
      ${this.renderHeading()}
      <div class="controls">
        <label for="search">${this.t(this.coalition ? 'search' : 'searchActors')}</label>
        <p class="hint" id="search-hint">${this.t('searchHint')}</p>
        <input
          id="search"
          part="search"
          type="search"
          maxlength="100"
          autocomplete="off"
          aria-describedby="search-hint"
          .value=${this.query}
          @input=${this.onInput}
        />
        <label class="kind-select" for="kind">${this.t('filterByKind')}</label>
        <select
          id="kind"
          class="kind-select"
          part="filter"
          .value=${this.kind ?? ''}
          @change=${(e: Event) =>
            this.choose(((e.target as HTMLSelectElement).value || undefined) as MemberKind | undefined)}
        >
          <option value="" ?selected=${!this.kind}>${this.t('allKinds', { n: all })}</option>
          ${MEMBER_KINDS.filter((k) => this.kinds[k] || this.kind === k).map(
            (k) =>
              html`<option value=${k} ?selected=${this.kind === k}>
                ${labels[lang].memberKind[k]} (${this.kinds[k] ?? 0})
              </option>`,
          )}
        </select>
        <div class="chips" role="group" aria-label=${this.t('filterByKind')}>
          <button
            class="chip"
            part="chip"
            aria-pressed=${this.kind ? 'false' : 'true'}
            @click=${() => this.choose(undefined)}
          >
            ${this.t('allKinds', { n: all })}
          </button>
          ${MEMBER_KINDS.filter((k) => this.kinds[k] || this.kind === k).map(
            (k) =>
              html`<button
                class="chip"
                part="chip"
                aria-pressed=${this.kind === k ? 'true' : 'false'}
                @click=${() => this.choose(k)}
              >
                ${labels[lang].memberKind[k]} (${this.kinds[k] ?? 0})
              </button>`,
          )}
        </div>
        <p class="count">${this.count(this.total)}</p>
      </div>
      <p id="grid-help" class="hint">${this.t('membersHelp')}</p>
      ${this.renderList()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-coalition-members': TecCoalitionMembers;
  }
}
