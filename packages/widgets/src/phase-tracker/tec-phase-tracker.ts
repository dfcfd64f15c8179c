import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Phase, TerritoryDetail } from '@tec/contract';
import type { LiveNotice, TecClient } from '@tec/sdk';
import { TecElement } from '../base/tec-element.js';
import { reserveFor, tokens } from '../base/styles.js';
import { formatDate, formatPercent } from '../base/i18n.js';
import { labels } from '../base/labels.js';
import { isOwn, text, type Key } from './strings.js';
import type { StringKey } from '../base/i18n.js';
import { styles } from './tec-phase-tracker.styles.js';
import { reserve } from './tec-phase-tracker.reserve.js';

/**
 * The three phases of TEC in a territory — portrait, cooperations, coalition — with their status,
 * dates, progress and milestones. The current phase stands out and carries `aria-current="step"`.
 *
 * @summary The programme’s progress in one territory, live.
 * @tagname tec-phase-tracker
 *
 * @slot - Shown until the script runs (e.g. a link to the territory's page).
 * @slot empty - Replaces the text shown when there is nothing to show.
 * @slot error - Replaces the text shown when the data cannot be loaded.
 *
 * @csspart base - The frame around the widget.
 * @csspart title - The heading.
 * @csspart demo-mark - The « Données de démonstration » mark beside the heading (demo data only).
 * @csspart list - The ordered list of phases.
 * @csspart phase - Each phase.
 * @csspart current - The current phase.
 * @csspart progress - Each progress bar.
 * @csspart error - The error notice.
 * @csspart retry - The retry button.
 *
 * @cssprop --tec-min-height - The height the widget holds on the page in every state (by default, what
 *   its content takes at its width on the demo data; given back once when the data is much
 *   shorter): set it when yours is longer, and it is then held whatever the data.
 * @cssprop --tec-color-accent - Current phase, progress and links.
 * @cssprop --tec-color-text - Text.
 * @cssprop --tec-color-surface - Background.
 * @cssprop --tec-font-family - Font (system fonts by default).
 * @cssprop --tec-radius - Corner radius.
 *
 * @fires tec-error - The data could not be loaded (`detail.error` is the SDK's error).
 */
export class TecPhaseTracker extends TecElement {
  static override styles = [tokens, reserveFor(reserve), styles];

  /** Its own strings (strings.ts, in its chunk), then the base's. */
  protected override t(key: StringKey | Key, params?: Record<string, string | number>): string {
    return isOwn(key) ? text(this.language, key, params) : super.t(key, params);
  }

  /** `auto` (by the space it has), `horizontal`, `vertical` or `compact`. */
  @property({ reflect: true }) layout: 'auto' | 'horizontal' | 'vertical' | 'compact' = 'auto';

  @state() private territoryData?: TerritoryDetail;
  @state() private phases: Phase[] = [];
  @state() private open = new Set<string>();

  protected override async load(client: TecClient, signal: AbortSignal): Promise<'loaded' | 'empty'> {
    const [territory, phases] = await Promise.all([
      client.territories.get(this.slug, { signal }),
      client.phases.list(this.slug, { signal }),
    ]);
    this.territoryData = territory;
    this.demo = territory.demo;
    this.phases = phases;
    // A territory being selected has its phases still to come: it says that it is being
    // selected, rather than « nothing to show » or three empty phases.
    return phases.length || territory.status === 'en-selection' ? 'loaded' : 'empty';
  }

  protected override describeChange(notice: LiveNotice): string | undefined {
    if (notice.type === 'phase.updated') {
      return this.t('phaseUpdated', { phase: labels[this.language].phase[notice.phase.key] });
    }
    return undefined;
  }

  private toggle(key: string): void {
    const open = new Set(this.open);
    if (open.has(key)) open.delete(key);
    else open.add(key);
    this.open = open;
  }

  private dates(phase: Phase): string {
    const lang = this.language;
    const { startDate, endDate } = phase;
    if (!startDate) return '';
    const start = formatDate(lang, startDate);
    const end = endDate ? formatDate(lang, endDate) : '';
    if (phase.status === 'a-venir' && end) return this.t('planned', { start, end });
    if (end) return this.t('fromTo', { start, end });
    return this.t('from', { date: start });
  }

  private renderPhase(phase: Phase, current: boolean): TemplateResult {
    const lang = this.language;
    const name = labels[lang].phase[phase.key];
    const done = phase.milestones.filter((m) => m.status === 'atteint').length;
    const percent = Math.round(phase.progress * 100);
    const id = `milestones-${phase.key}`;
    const open = this.open.has(phase.key);
    const dates = this.dates(phase);
    return html`<li
      class="phase"
      part=${current ? 'phase current' : 'phase'}
      data-status=${phase.status}
      aria-current=${current ? 'step' : nothing}
    >
      <span class="marker" aria-hidden="true">${phase.status === 'terminee' ? '✓' : phase.order}</span>
      <div class="body">
        <h3><span class="number">${this.t('phaseNumber', { n: phase.order })}</span>${name}</h3>
        <span class="status"
          >${current ? this.t('currentPhase') : labels[lang].phaseStatus[phase.status]}</span
        >
        ${dates ? html`<p class="dates">${dates}</p>` : nothing}
        <div
          class="bar"
          part="progress"
          role="progressbar"
          aria-label=${this.t('progress', { phase: name })}
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${percent}
          aria-valuetext=${formatPercent(lang, phase.progress)}
        >
          <div class="fill" data-percent=${percent}></div>
        </div>
        ${
          phase.milestones.length
            ? html`<button
                  class="toggle"
                  aria-expanded=${open ? 'true' : 'false'}
                  aria-controls=${id}
                  @click=${() => this.toggle(phase.key)}
                >
                  ${this.t('milestones', { done, total: phase.milestones.length })}
                </button>
                <ul class="milestones" id=${id} ?hidden=${!open}>
                  ${phase.milestones.map(
                    (m) =>
                      html`<li data-status=${m.status}>
                        ${m.title}
                        <small
                          >${
                            m.completedDate
                              ? this.t('reached', { date: formatDate(lang, m.completedDate) })
                              : `${labels[lang].milestoneStatus[m.status]}${
                                  m.dueDate
                                    ? ` — ${this.t('due', { date: formatDate(lang, m.dueDate) })}`
                                    : ''
                                }`
                          }</small
                        >
                      </li>`,
                  )}
                </ul>`
            : nothing
        }
      </div>
    </li>`;
  }

  protected override headingText(): string {
    const territory = this.territoryData;
    return territory ? this.t('phasesTitle', { territory: territory.name }) : this.t('phasesHeading');
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div class="frame" part="base">
      <span class="skeleton skeleton-title"></span>
      <div class="phases">${[1, 2, 3].map(() => html`<span class="skeleton skeleton-phase"></span>`)}</div>
    </div>`;
  }

  protected override renderContent(): TemplateResult | typeof nothing {
    const territory = this.territoryData;
    if (!territory) return nothing;
    const current = territory.currentPhase;
    return html`<section class="frame" part="base" aria-labelledby="title">
      ${this.renderHeading()}
      ${territory.status === 'en-selection' ? html`<p>${this.t('notStarted')}</p>` : nothing}
      ${
        this.phases.length && territory.status !== 'en-selection'
          ? html`<ol class="phases" part="list" aria-label=${this.t('phasesList')}>
              ${this.phases.map((p) => this.renderPhase(p, p.key === current))}
            </ol>`
          : nothing
      }
    </section>`;
  }

  protected override updated(): void {
    // Widths come from data: set through the CSSOM, never through a style attribute (CSP).
    for (const fill of this.renderRoot.querySelectorAll<HTMLElement>('.fill')) {
      fill.style.width = `${fill.dataset.percent ?? 0}%`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-phase-tracker': TecPhaseTracker;
  }
}
