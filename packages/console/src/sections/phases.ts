/**
 * Phases and milestones: each phase's status, dates and progress, and its milestones (add,
 * change, remove). The API's consistency rules come back as the form's errors.
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  MilestoneStatus,
  PhaseStatus,
  type Milestone,
  type MilestoneInput,
  type Phase,
  type PhasePatch,
} from '@tec/contract';
import { formatDate } from '@tec/widgets/base/localize.js';
import { colon, labels } from '../i18n/index.js';
import { ConsoleSection, value } from '../section.js';

@customElement('tec-console-phases')
export class TecConsolePhases extends ConsoleSection {
  @state() private phases: Phase[] | undefined;

  protected async load(): Promise<void> {
    await this.latest(
      () => this.client.phases.list(this.territory.slug),
      (phases) => (this.phases = phases),
    );
  }

  private phaseName(phase: Phase) {
    return labels[this.lang].phase[phase.key];
  }

  private async savePhase(event: SubmitEvent, phase: Phase) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const key = `phase-${phase.key}`;
    const progressText = value(data, 'progress');
    const percent = progressText === null ? 0 : Number(progressText.replace(',', '.'));
    // Typed in percent, sent as a fraction: the range is said in the form's own unit.
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
      await this.refuse(key, this.t('fixFields', { n: 1 }), { progress: this.t('progressRange') });
      return;
    }
    const patch: PhasePatch = {
      status: data.get('status') as PhasePatch['status'],
      startDate: value(data, 'startDate'),
      endDate: value(data, 'endDate'),
      progress: percent / 100,
      closingReason: value(data, 'closingReason'),
    };
    await this.run(key, async () => {
      const saved = await this.admin.updatePhase(this.territory.slug, phase.key, patch);
      this.phases = this.phases?.map((p) => (p.key === saved.key ? saved : p));
      return this.t('phaseSaved', { name: this.phaseName(phase) });
    });
  }

  private milestoneInput(data: FormData): MilestoneInput {
    const description = value(data, 'description');
    return {
      title: value(data, 'title') ?? '',
      ...(description ? { description } : {}),
      status: data.get('status') as MilestoneInput['status'],
      dueDate: value(data, 'dueDate'),
      completedDate: value(data, 'completedDate'),
    };
  }

  private async createMilestone(event: SubmitEvent, phase: Phase) {
    await this.submitted(
      event,
      `new-${phase.key}`,
      async (data) => {
        const input = this.milestoneInput(data);
        await this.admin.createMilestone(this.territory.slug, phase.key, input);
        await this.load();
        return this.t('created', { name: input.title });
      },
      { reset: true },
    );
  }

  private async updateMilestone(event: SubmitEvent, phase: Phase, milestone: Milestone) {
    // The edit form is gone once saved: the result is said in the phase's list status instead.
    await this.submitted(
      event,
      `ms-${milestone.id}`,
      async (data) => {
        const input = this.milestoneInput(data);
        await this.admin.updateMilestone(this.territory.slug, phase.key, milestone.id, input);
        await this.load();
        return this.t('updated', { name: input.title });
      },
      { closeInto: `list-${phase.key}` },
    );
  }

  private async removeMilestone(phase: Phase, milestone: Milestone) {
    await this.run(`list-${phase.key}`, async () => {
      await this.admin.deleteMilestone(this.territory.slug, phase.key, milestone.id);
      this.confirming = '';
      await this.load();
      return this.t('removed', { name: milestone.title });
    });
  }

  private milestoneFields(key: string, m?: Milestone) {
    const statuses = MilestoneStatus.options.map((s) => [s, labels[this.lang].milestoneStatus[s]] as const);
    return html`
      ${this.field(key, { name: 'title', label: this.t('milestoneTitle'), value: m?.title, required: true })}
      <div class="grid">
        ${this.field(key, {
          name: 'status',
          label: this.t('milestoneStatus'),
          options: statuses,
          value: m?.status ?? 'a-venir',
          required: true,
        })}
        ${this.field(key, { name: 'dueDate', label: this.t('dueDate'), type: 'date', value: m?.dueDate })}
        ${this.field(key, {
          name: 'completedDate',
          label: this.t('completedDate'),
          type: 'date',
          value: m?.completedDate,
        })}
      </div>
      ${this.field(key, {
        name: 'description',
        label: this.t('description'),
        textarea: true,
        value: m?.description,
      })}
    `;
  }

  private renderMilestone(phase: Phase, m: Milestone) {
    const key = `ms-${m.id}`;
    if (this.editing === m.id) {
      return html`<li>
        <form novalidate data-form=${key} @submit=${(e: SubmitEvent) => this.updateMilestone(e, phase, m)}>
          <fieldset>
            <legend>${this.t('editItem', { name: m.title })}</legend>
            ${this.milestoneFields(key, m)}
          </fieldset>
          ${this.submit(key, this.t('save'), () => (this.editing = ''))}
        </form>
      </li>`;
    }
    return html`<li>
      <div>
        <strong>${m.title}</strong> <span class="badge">${labels[this.lang].milestoneStatus[m.status]}</span>
      </div>
      ${
        m.dueDate || m.completedDate
          ? html`<div class="meta">
              ${
                m.completedDate
                  ? `${this.t('completedDate')} ${formatDate(this.lang, m.completedDate)}`
                  : `${this.t('dueDate')}${colon(this.lang)}${formatDate(this.lang, m.dueDate!)}`
              }
            </div>`
          : nothing
      }
      ${this.itemActions(m.id, m.title, () => this.removeMilestone(phase, m))}
    </li>`;
  }

  override render() {
    if (!this.phases) return html`<p role="status">${this.t('loading')}</p>`;
    const statuses = PhaseStatus.options.map((s) => [s, labels[this.lang].phaseStatus[s]] as const);
    return this.phases.map((phase) => {
      const key = `phase-${phase.key}`;
      return html`<section class="block" aria-labelledby="h-${phase.key}" data-phase=${phase.key}>
        <h2 id="h-${phase.key}">
          ${phase.order}. ${this.phaseName(phase)}
          <span class="badge">${labels[this.lang].phaseStatus[phase.status]}</span>
        </h2>
        <form novalidate data-form=${key} @submit=${(e: SubmitEvent) => this.savePhase(e, phase)}>
          <div class="grid">
            ${this.field(key, {
              name: 'status',
              label: this.t('phaseStatus'),
              options: statuses,
              value: phase.status,
              required: true,
            })}
            ${this.field(key, { name: 'startDate', label: this.t('startDate'), type: 'date', value: phase.startDate })}
            ${this.field(key, { name: 'endDate', label: this.t('endDate'), type: 'date', value: phase.endDate })}
            ${this.field(key, {
              name: 'progress',
              label: this.t('progress'),
              type: 'number',
              min: 0,
              max: 100,
              step: '1',
              value: String(Math.round(phase.progress * 100)),
              required: true,
            })}
          </div>
          ${this.field(key, {
            name: 'closingReason',
            label: this.t('closingReason'),
            textarea: true,
            value: phase.closingReason,
            hint: this.t('closingReasonHint'),
          })}
          ${this.submit(key, this.t('savePhase'))}
        </form>
        <h3>${this.t('milestones')}</h3>
        ${this.status(`list-${phase.key}`)}
        ${
          phase.milestones.length
            ? html`<ul class="cards">
                ${phase.milestones.map((m) => this.renderMilestone(phase, m))}
              </ul>`
            : html`<p class="meta">${this.t('empty')}</p>`
        }
        <details class="add" ?open=${this.form(`new-${phase.key}`).kind !== ''}>
          <summary>${this.t('addMilestone')}</summary>
          <form
            novalidate
            data-form="new-${phase.key}"
            @submit=${(e: SubmitEvent) => this.createMilestone(e, phase)}
          >
            <fieldset>
              <legend class="visually-hidden">${this.t('addMilestone')}</legend>
              ${this.milestoneFields(`new-${phase.key}`)}
            </fieldset>
            ${this.submit(`new-${phase.key}`, this.t('addMilestone'))}
          </form>
        </details>
      </section>`;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-console-phases': TecConsolePhases;
  }
}
