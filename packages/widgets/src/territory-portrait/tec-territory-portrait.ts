import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Portrait, TerritoryDetail } from '@tec/contract';
import type { LiveNotice, TecClient } from '@tec/sdk';
import { TecElement, headingOf } from '../base/tec-element.js';
import { reserveFor, tokens } from '../base/styles.js';
import { formatDate } from '../base/i18n.js';
import { styles } from './tec-territory-portrait.styles.js';
import { reserve } from './tec-territory-portrait.reserve.js';
import { maturityLabels, natureLabels, text } from './strings.js';

/** An item of the portrait: a label, and what it means when the binôme wrote it. */
interface Item {
  label: string;
  description?: string | undefined;
}

/** Below this width (a phone), the long sections are closed disclosures the visitor opens. */
const NARROW = 480;

/**
 * Phase 1 of TEC: the *portrait sensible et vivant* of a territory, as its binôme publishes it —
 * the summary; the forces vives (acteurs moteurs, ressources, savoir-faire); the vulnérabilités,
 * tangible (with their nature: structural, cyclical or conjunctural) and felt; the maturité
 * coopérative and what it means; the culture locale; the number of interviews held; the binôme
 * (the Fondation de France's regional team and the Kiif member, with a public contact link) and
 * the volunteers.
 *
 * While the portrait is being made (`en-cours`) it says so and shows what has been gathered so
 * far; before it starts (and while the territory is being selected) it says « Portrait à venir ».
 * On a narrow widget (a phone) the long sections are disclosures. A change of the portrait
 * appears live, announced politely.
 *
 * @summary A territory's portrait, its binôme and its volunteers, live.
 * @tagname tec-territory-portrait
 *
 * @slot - Shown until the script runs (e.g. a link to the territory's portrait).
 * @slot error - Replaces the text shown when the data cannot be loaded.
 *
 * @csspart base - The frame around the widget.
 * @csspart title - The heading.
 * @csspart demo-mark - The « Données de démonstration » mark beside the heading (demo data only).
 * @csspart status - What the portrait is: to come, in progress, or published (with its date).
 * @csspart figures - The interviews held and the volunteers.
 * @csspart section - Each section (forces vives, vulnerabilities, maturity, culture, binôme).
 * @csspart nature - The nature of a tangible vulnerability, as text.
 * @csspart contact - The binôme's public contact link.
 * @csspart error - The error notice.
 * @csspart retry - The retry button.
 *
 * @cssprop --tec-min-height - The height the widget holds on the page in every state (by default, what
 *   its content takes at its width on the demo data; given back once when the data is much
 *   shorter): set it when yours is longer, and it is then held whatever the data.
 * @cssprop --tec-color-accent - Links and the section markers.
 * @cssprop --tec-color-text - Text.
 * @cssprop --tec-color-surface - Background.
 * @cssprop --tec-color-subtle - The background of the figures and of the status notice.
 * @cssprop --tec-font-family - Font (system fonts by default).
 * @cssprop --tec-radius - Corner radius.
 *
 * @fires tec-error - The portrait could not be loaded.
 */
export class TecTerritoryPortrait extends TecElement {
  static override styles = [tokens, reserveFor(reserve), styles];

  /**
   * The level of the widget's heading in the page's outline, 2 to 5 (default 2); its sections'
   * headings are one level below.
   */
  @property({ attribute: 'heading-level', type: Number, reflect: true }) headingLevel = 2;

  @state() private territoryData?: TerritoryDetail;
  @state() private portrait?: Portrait;
  /** Whether the widget is narrow (a phone): then the long sections start closed. */
  @state() private narrow = false;
  private resizer?: ResizeObserver;

  private s(key: Parameters<typeof text>[1], params?: Record<string, string | number>): string {
    return text(this.language, key, params);
  }

  private get level(): number {
    return Math.min(5, Math.max(2, Math.round(this.headingLevel) || 2));
  }

  protected override async load(client: TecClient, signal: AbortSignal): Promise<'loaded' | 'empty'> {
    const [territory, portrait] = await Promise.all([
      client.territories.get(this.slug, { signal }),
      client.portraits.get(this.slug, { signal }),
    ]);
    this.territoryData = territory;
    this.portrait = portrait;
    this.demo = portrait.demo;
    return 'loaded';
  }

  protected override describeChange(notice: LiveNotice): string | undefined {
    return notice.type === 'portrait.updated' ? this.s('updated') : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizer ??= new ResizeObserver(([entry]) => {
      const narrow = (entry?.contentRect.width ?? NARROW) < NARROW;
      // In the next frame: a change of layout inside the observer's callback would loop.
      if (narrow !== this.narrow) requestAnimationFrame(() => (this.narrow = narrow));
    });
    this.resizer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
  }

  protected override headingText(): string {
    const territory = this.territoryData;
    return territory ? this.s('title', { territory: territory.name }) : this.s('heading');
  }

  /** A section with its heading; a disclosure on a narrow widget when `long`. */
  private section(id: string, title: string, body: unknown, long = true): TemplateResult {
    const sub = this.level + 1;
    if (long && this.narrow)
      return html`<details class="section" part="section" data-section=${id}>
        <summary>${headingOf(sub, title)}</summary>
        <div class="body">${body}</div>
      </details>`;
    return html`<section class="section" part="section" data-section=${id} aria-labelledby="h-${id}">
      ${headingOf(sub, title, { id: `h-${id}` })}
      <div class="body">${body}</div>
    </section>`;
  }

  private items(items: Item[], extra?: (i: number) => unknown): TemplateResult {
    return html`<ul class="items">
      ${items.map(
        (item, i) =>
          html`<li>
            <span class="label">${item.label}</span>${extra ? extra(i) : nothing}
            ${item.description ? html`<p class="description">${item.description}</p>` : nothing}
          </li>`,
      )}
    </ul>`;
  }

  /** A group of items under its own heading (two levels below the widget's), when there are any. */
  private group(
    title: string,
    items: Item[],
    extra?: (i: number) => unknown,
  ): TemplateResult | typeof nothing {
    if (!items.length) return nothing;
    return html`<div class="group">${headingOf(this.level + 2, title)} ${this.items(items, extra)}</div>`;
  }

  private renderBinome(p: Portrait): TemplateResult | typeof nothing {
    const b = p.binome;
    if (!b && !p.benevoles) return nothing;
    const site = (name: string, url: string | undefined) =>
      url
        ? html`<a href=${url} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer"
            >${name}<span class="visually-hidden">${this.s('newWindow')}</span></a
          >`
        : name;
    return this.section(
      'binome',
      this.s('binome'),
      html`<p>${this.s('binomeIntro')}</p>
        ${
          b
            ? html`<dl class="binome">
                  <div>
                    <dt>${this.s('fondation')}</dt>
                    <dd>${b.fondation.team} — ${site(b.fondation.organisation, b.fondation.website)}</dd>
                  </div>
                  <div>
                    <dt>${this.s('kiif')}</dt>
                    <dd>${b.kiif.member} — ${site(b.kiif.organisation, b.kiif.website)}</dd>
                  </div>
                </dl>
                <p>
                  <a class="contact" part="contact" href=${b.contact.url}>${b.contact.label}</a>
                </p>`
            : nothing
        }`,
      false,
    );
  }

  private renderStatus(p: Portrait): TemplateResult | typeof nothing {
    const lang = this.language;
    const message =
      p.status === 'publie'
        ? p.publishedAt
          ? this.s('published', { date: formatDate(lang, p.publishedAt) })
          : ''
        : p.status === 'en-cours'
          ? this.s('inProgress')
          : this.s('upcoming');
    return message ? html`<p class="status" part="status" data-status=${p.status}>${message}</p>` : nothing;
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div class="frame" part="base">
      <span class="skeleton skeleton-title"></span>
      <span class="skeleton skeleton-text"></span>
      <span class="skeleton skeleton-block"></span>
    </div>`;
  }

  protected override renderContent(): TemplateResult | typeof nothing {
    const p = this.portrait;
    if (!p || !this.territoryData) return nothing;
    const lang = this.language;
    const upcoming = p.status === 'a-venir' || this.territoryData.status === 'en-selection';
    if (upcoming)
      return html`<section class="frame" part="base" aria-labelledby="title">
        ${this.renderHeading({ level: this.level })}
        <p class="status" part="status" data-status="a-venir">${this.s('upcoming')}</p>
        ${this.renderBinome(p)}
      </section>`;
    const { acteursMoteurs, ressources, savoirFaire } = p.forcesVives;
    const { tangibles, ressenties } = p.vulnerabilites;
    return html`<section class="frame" part="base" aria-labelledby="title">
      ${this.renderHeading({ level: this.level })} ${this.renderStatus(p)}
      ${p.summary ? html`<p class="summary">${p.summary}</p>` : nothing}
      <ul class="figures" part="figures" aria-label=${this.s('figures')}>
        <li>${this.s('interviews', { n: p.entretiens })}</li>
        <li>${this.s('volunteers', { n: p.benevoles })}</li>
      </ul>
      ${
        acteursMoteurs.length || ressources.length || savoirFaire.length
          ? this.section(
              'forces',
              this.s('forces'),
              html`${this.group(this.s('acteursMoteurs'), acteursMoteurs)}
              ${this.group(this.s('ressources'), ressources)}
              ${this.group(this.s('savoirFaire'), savoirFaire)}`,
            )
          : nothing
      }
      ${
        tangibles.length || ressenties.length
          ? this.section(
              'vulnerabilites',
              this.s('vulnerabilities'),
              html`${this.group(
                this.s('tangibles'),
                tangibles,
                (i) =>
                  html` <span class="nature" part="nature"
                    >${natureLabels[lang][tangibles[i]!.nature]}</span
                  >`,
              )}
              ${this.group(this.s('ressenties'), ressenties)}`,
            )
          : nothing
      }
      ${
        p.maturite
          ? this.section(
              'maturite',
              this.s('maturity'),
              html`<p class="maturity" data-level=${p.maturite.level}>
                  <strong>${maturityLabels[lang][p.maturite.level]}</strong>
                </p>
                <p>${p.maturite.meaning}</p>`,
              false,
            )
          : nothing
      }
      ${p.cultureLocale ? this.section('culture', this.s('culture'), html`<p>${p.cultureLocale}</p>`) : nothing}
      ${this.renderBinome(p)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-territory-portrait': TecTerritoryPortrait;
  }
}
