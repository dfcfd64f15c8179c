import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Cooperation, CooperationList, CooperationStatus, TerritoryDetail } from '@tec/contract';
import type { LiveNotice, TecClient } from '@tec/sdk';
import { TecElement } from '../base/tec-element.js';
import { reserveFor, tokens } from '../base/styles.js';
import { formatDate } from '../base/i18n.js';
import { labels } from '../base/labels.js';
import { TecMemberFocusEvent } from '../base/events.js';
import { styles } from './tec-cooperations.styles.js';
import { reserve } from './tec-cooperations.reserve.js';
import { statusLabels, text } from './strings.js';

/** The shape beside each status, so that it never reads by colour alone: ○ ◐ ●. */
const SHAPES: Record<CooperationStatus, ReturnType<typeof svg>> = {
  'en-preparation': svg`<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2" />`,
  'en-cours': svg`<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2" /><path d="M8 2a6 6 0 0 1 0 12z" fill="currentColor" />`,
  perennisee: svg`<circle cx="8" cy="8" r="7" fill="currentColor" />`,
};

/**
 * Phase 2 of TEC: the concrete cooperations the binôme supports in a territory — what each one
 * does, its status (in words and by a shape: ○ in preparation, ◐ under way, ● made lasting), when
 * it started, the actors involved, the communes, and the needs it answers. A select filters them
 * by commune (with counts), and says so when a commune has none.
 *
 * Each actor links to that actor in the member list: the link fires `tec-member-focus`, which a
 * `<tec-coalition-members>` of the territory on the page follows (it shows the member, opens its
 * details and takes the focus), and points at `#tec-member-<id>` (or `member-href`), which the
 * member list also follows on arrival.
 *
 * Cooperations added, changed or removed appear live, announced politely.
 *
 * @summary A territory's cooperations, their status, actors and communes, live.
 * @tagname tec-cooperations
 *
 * @slot - Shown until the script runs (e.g. a link to the territory's cooperations page).
 * @slot empty - Replaces the text shown when the territory has no cooperation yet.
 * @slot error - Replaces the text shown when the data cannot be loaded.
 *
 * @csspart base - The frame around the widget.
 * @csspart title - The heading.
 * @csspart demo-mark - The « Données de démonstration » mark beside the heading (demo data only).
 * @csspart filter - The select of communes.
 * @csspart count - How many cooperations are shown.
 * @csspart list - The list of cooperations.
 * @csspart cooperation - Each cooperation.
 * @csspart status - A cooperation's status, in words with its shape.
 * @csspart actor - Each actor's link to the member list.
 * @csspart error - The error notice.
 * @csspart retry - The retry button.
 *
 * @cssprop --tec-min-height - The height the widget holds on the page in every state (by default, what
 *   its content takes at its width on the demo data; given back once when the data is much
 *   shorter): set it when yours is longer, and it is then held whatever the data.
 * @cssprop --tec-color-accent - Links, the status shape of cooperations under way.
 * @cssprop --tec-color-success - The status shape of cooperations made lasting.
 * @cssprop --tec-color-text - Text.
 * @cssprop --tec-color-surface - Background.
 * @cssprop --tec-font-family - Font (system fonts by default).
 * @cssprop --tec-radius - Corner radius.
 *
 * @fires tec-member-focus - A visitor followed an actor's link (`detail.territory`, `detail.memberId`, `detail.name`).
 * @fires tec-error - The cooperations could not be loaded.
 */
export class TecCooperations extends TecElement {
  static override styles = [tokens, reserveFor(reserve), styles];

  /**
   * Where an actor's link points; `{id}` is the member's id. By default `#tec-member-{id}`, which
   * a `<tec-coalition-members>` on the same page follows; e.g. `/roya/acteurs#tec-member-{id}`
   * when the member list is on another page.
   */
  @property({ attribute: 'member-href' }) memberHref = '#tec-member-{id}';

  @state() private territoryData?: TerritoryDetail;
  @state() private list?: CooperationList;
  /** The commune chosen in the filter (INSEE code), or '' for all. */
  @state() private commune = '';
  /** The commune of the list shown (the chosen one once its cooperations have arrived). */
  @state() private shownCommune = '';
  /** How many cooperations the territory has, all communes together (from the last full load). */
  @state() private everywhere = 0;
  /**
   * The names of the communes met in the lists, by INSEE code: a commune whose last cooperation
   * has gone is no longer in the list's communes, and is still named (not by its code).
   */
  private readonly names = new Map<string, string>();

  private s(key: Parameters<typeof text>[1], params?: Record<string, string | number>): string {
    return text(this.language, key, params);
  }

  protected override async load(client: TecClient, signal: AbortSignal): Promise<'loaded' | 'empty'> {
    const commune = this.commune;
    const [territory, list] = await Promise.all([
      client.territories.get(this.slug, { signal }),
      client.cooperations.list(this.slug, commune ? { commune } : {}, { signal }),
    ]);
    this.territoryData = territory;
    for (const c of list.communes) this.names.set(c.insee, c.name);
    this.list = list;
    this.shownCommune = commune;
    this.demo = territory.demo || list.items.some((c) => c.demo);
    if (!commune) this.everywhere = list.items.length;
    return !commune && list.items.length === 0 && list.communes.length === 0 ? 'empty' : 'loaded';
  }

  protected override describeChange(notice: LiveNotice): string | undefined {
    if (notice.type === 'cooperation.added') return this.s('added', { title: notice.cooperation.title });
    if (notice.type === 'cooperation.updated') return this.s('updated', { title: notice.cooperation.title });
    if (notice.type === 'cooperation.removed') return this.s('removed');
    return undefined;
  }

  private communeName(insee: string): string {
    return this.names.get(insee) ?? insee;
  }

  /**
   * A live change reloads the list. The cards are keyed, so a focused link stays focused while its
   * card does; if its card is gone (or the list with it), the focus goes to the commune filter,
   * not to the page.
   */
  protected override async applyLive(notice: LiveNotice): Promise<void> {
    const root = this.renderRoot as ShadowRoot;
    const inList = Boolean(root.activeElement?.closest('.cooperations, .none'));
    await super.applyLive(notice);
    await this.updateComplete;
    if (inList && this.focusFell()) root.querySelector<HTMLElement>('#commune')?.focus();
  }

  /** The count shown under the filter, and announced when the filter changes. */
  private countText(): string {
    const n = this.list?.items.length ?? 0;
    return this.commune
      ? this.s('countIn', { n, commune: this.communeName(this.commune) })
      : this.s('count', { n });
  }

  private async choose(commune: string): Promise<void> {
    const root = this.renderRoot as ShadowRoot;
    const fromShowAll = Boolean(root.activeElement?.closest('.none'));
    this.commune = commune;
    await this.reload(true);
    // « Voir toutes les communes » gives way to the list: the focus goes to the filter it reset
    // (or, when the territory has no cooperation left at all, to the heading of that state).
    if (fromShowAll) {
      await this.updateComplete;
      const filter = root.querySelector<HTMLElement>('#commune');
      if (filter) filter.focus();
      else this.focusTitle();
    }
    this.announce(
      this.list?.items.length
        ? this.countText()
        : this.s('emptyCommune', { commune: this.communeName(commune) }),
    );
  }

  private hrefOf(memberId: string): string {
    return this.memberHref.replaceAll('{id}', encodeURIComponent(memberId));
  }

  private renderCooperation(c: Cooperation): TemplateResult {
    const lang = this.language;
    const id = `coop-${c.id}`;
    return html`<li class="cooperation" part="cooperation" data-status=${c.status}>
      <article aria-labelledby=${id}>
        <h3 id=${id}>${c.title}</h3>
        <p class="status" part="status" data-status=${c.status}>
          <svg class="shape" viewBox="0 0 16 16" aria-hidden="true">${SHAPES[c.status]}</svg>
          ${statusLabels[lang][c.status]}
          <span class="started"
            >${
              c.startedAt
                ? this.s('startedOn', { date: formatDate(lang, c.startedAt) })
                : this.s('notStarted')
            }</span
          >
        </p>
        <p class="summary">${c.summary}</p>
        <dl>
          ${
            c.actors.length
              ? html`<div>
                  <dt>${this.s('actors')}</dt>
                  <dd>
                    <ul class="actors">
                      ${c.actors.map(
                        (a) =>
                          html`<li>
                            <a
                              part="actor"
                              href=${this.hrefOf(a.id)}
                              @click=${() =>
                                this.dispatchEvent(
                                  new TecMemberFocusEvent({
                                    territory: this.slug,
                                    memberId: a.id,
                                    name: a.name,
                                  }),
                                )}
                              >${a.name}<span class="visually-hidden">${this.s('actorLink')}</span></a
                            >
                            <span class="kind">${labels[lang].memberKind[a.kind]}</span>
                          </li>`,
                      )}
                    </ul>
                  </dd>
                </div>`
              : nothing
          }
          ${
            c.communes.length
              ? html`<div>
                  <dt>${this.s('communes')}</dt>
                  <dd>${c.communes.map((m) => m.name).join(', ')}</dd>
                </div>`
              : nothing
          }
          ${
            c.needs.length
              ? html`<div>
                  <dt>${this.s('needs')}</dt>
                  <dd>
                    <ul class="needs">
                      ${c.needs.map((n) => html`<li>${n}</li>`)}
                    </ul>
                  </dd>
                </div>`
              : nothing
          }
        </dl>
      </article>
    </li>`;
  }

  protected override headingText(): string {
    const territory = this.territoryData;
    return territory ? this.s('title', { territory: territory.name }) : this.s('heading');
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div class="frame" part="base">
      <span class="skeleton skeleton-title"></span>
      <span class="skeleton skeleton-controls"></span>
      <div class="cooperations">${[1, 2].map(() => html`<span class="skeleton skeleton-card"></span>`)}</div>
    </div>`;
  }

  /** No cooperation at all: the heading stays, with the text (or the page's `empty` slot). */
  protected override renderEmpty(): TemplateResult {
    return html`<section class="frame" part="base" aria-labelledby="title">
      ${this.renderHeading()}
      <slot name="empty"><p part="empty">${this.s('empty')}</p></slot>
    </section>`;
  }

  protected override renderContent(): TemplateResult | typeof nothing {
    const list = this.list;
    if (!this.territoryData || !list) return nothing;
    const items = list.items;
    return html`<section class="frame" part="base" aria-labelledby="title">
      ${this.renderHeading()}
      <p class="intro">${this.s('intro')}</p>
      <div class="controls">
        <label for="commune">${this.s('filter')}</label>
        <select
          id="commune"
          part="filter"
          .value=${this.commune}
          @change=${(e: Event) => void this.choose((e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!this.commune}>
            ${this.s('allCommunes', { n: this.everywhere })}
          </option>
          ${repeat(
            // The chosen commune stays among the options when its last cooperation has gone (at
            // 0): otherwise the select would show another commune than the one filtered on.
            this.commune && !list.communes.some((c) => c.insee === this.commune)
              ? [...list.communes, { insee: this.commune, name: this.communeName(this.commune), count: 0 }]
              : list.communes,
            (c) => c.insee,
            (c) =>
              html`<option value=${c.insee} ?selected=${this.commune === c.insee}>
                ${this.s('commune', { name: c.name, n: c.count })}
              </option>`,
          )}
        </select>
        <p class="count" part="count">${this.countText()}</p>
      </div>
      ${
        items.length
          ? html`<ul class="cooperations" part="list" aria-label=${this.s('list')}>
              ${repeat(
                items,
                (c) => c.id,
                (c) => this.renderCooperation(c),
              )}
            </ul>`
          : html`<div class="none">
              <p>${this.s('emptyCommune', { commune: this.communeName(this.shownCommune) })}</p>
              <button class="button secondary" @click=${() => void this.choose('')}>
                ${this.s('showAll')}
              </button>
            </div>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-cooperations': TecCooperations;
  }
}
