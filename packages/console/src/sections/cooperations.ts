/**
 * Cooperations (phase 2): what each does, its status, when it started, the territory's members
 * who take part (chosen among them), its communes (among the territory's) and the needs it
 * answers. A territory being selected takes none: the API's `selection-has-content` rule comes
 * back as the form's error.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { CooperationStatus, type Cooperation, type CooperationInput, type Member } from '@tec/contract';
import { formatDate } from '@tec/widgets/base/localize.js';
import { colon, labels, storyLabels } from '../i18n/index.js';
import { ListSection } from '../list-section.js';
import { value } from '../section.js';

@customElement('tec-console-cooperations')
export class TecConsoleCooperations extends ListSection<Cooperation, CooperationInput> {
  protected readonly formPrefix = 'c';
  protected readonly words = {
    add: 'addCooperation',
    addId: 'new-cooperation',
    title: 'cooperations',
    titleId: 'cooperations-title',
  } as const;
  /** The territory's members, the actors a cooperation may name. */
  @state() private members: Member[] = [];

  protected async load(): Promise<void> {
    await this.latest(
      async () => {
        const members: Member[] = [];
        for await (const member of this.client.members.all(this.territory.slug)) members.push(member);
        const list = await this.client.cooperations.list(this.territory.slug);
        return { members, items: list.items };
      },
      ({ members, items }) => {
        this.members = members;
        this.items = items;
      },
    );
  }

  protected input(data: FormData): CooperationInput {
    return {
      title: value(data, 'title') ?? '',
      summary: value(data, 'summary') ?? '',
      status: data.get('status') as CooperationInput['status'],
      startedAt: value(data, 'startedAt'),
      actorIds: data.getAll('actorIds').map(String),
      communes: data.getAll('communes').map(String),
      needs: (value(data, 'needs') ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    };
  }

  protected nameOf(x: Cooperation | CooperationInput): string {
    return x.title;
  }

  protected createItem(input: CooperationInput) {
    return this.admin.createCooperation(this.territory.slug, input);
  }

  protected updateItem(c: Cooperation, input: CooperationInput) {
    return this.admin.updateCooperation(this.territory.slug, c.id, input);
  }

  protected deleteItem(c: Cooperation) {
    return this.admin.deleteCooperation(this.territory.slug, c.id);
  }

  /** A group of checkboxes with its legend, hint and error (the API names the list: `actorIds`). */
  private choices(
    key: string,
    name: string,
    legend: string,
    options: readonly (readonly [string, string])[],
    chosen: readonly string[],
    { hint, none }: { hint?: string; none: string },
  ): TemplateResult {
    const id = `${key}-${name}`.replace(/[^\w-]/g, '-');
    const error = this.form(key).fields[name];
    const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<fieldset class="choices" aria-describedby=${described || nothing} data-choices=${name}>
      <legend>${legend} <span class="hint">${this.t('optional')}</span></legend>
      ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
      ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing}
      ${
        options.length === 0
          ? html`<p class="meta">${none}</p>`
          : html`<ul class="choices">
              ${options.map(
                ([v, label], i) =>
                  html`<li>
                    <input
                      type="checkbox"
                      id="${id}-${i}"
                      name=${name}
                      value=${v}
                      aria-invalid=${error ? 'true' : 'false'}
                      .checked=${chosen.includes(v)}
                    />
                    <label for="${id}-${i}">${label}</label>
                  </li>`,
              )}
            </ul>`
      }
    </fieldset>`;
  }

  protected fields(key: string, c?: Cooperation) {
    const statuses = CooperationStatus.options.map(
      (s) => [s, storyLabels[this.lang].cooperationStatus[s]] as const,
    );
    // A member who left keeps showing while the cooperation still names them.
    const actors = [
      ...this.members.map((m) => [m.id, `${m.name} (${labels[this.lang].memberKind[m.kind]})`] as const),
      ...(c?.actors ?? [])
        .filter((a) => !this.members.some((m) => m.id === a.id))
        .map((a) => [a.id, a.name] as const),
    ];
    const communes = this.territory.communes.map((x) => [x.insee, x.name] as const);
    return html`
      <div class="grid">
        ${this.field(key, { name: 'title', label: this.t('cooperationTitle'), value: c?.title, required: true })}
        ${this.field(key, { name: 'status', label: this.t('cooperationStatus'), options: statuses, value: c?.status ?? 'en-preparation', required: true })}
        ${this.field(key, { name: 'startedAt', label: this.t('startedAt'), type: 'date', value: c?.startedAt })}
      </div>
      ${this.field(key, { name: 'summary', label: this.t('cooperationSummary'), textarea: true, value: c?.summary, required: true })}
      ${this.choices(key, 'actorIds', this.t('actors'), actors, c?.actors.map((a) => a.id) ?? [], {
        hint: this.t('actorsHint'),
        none: this.t('noMembers'),
      })}
      ${this.choices(key, 'communes', this.t('communes'), communes, c?.communes.map((x) => x.insee) ?? [], {
        none: this.t('noCommunes'),
      })}
      ${this.field(key, { name: 'needs', label: this.t('needs'), textarea: true, value: c?.needs.join('\n'), hint: this.t('needsHint') })}
    `;
  }

  protected card(c: Cooperation, actions: TemplateResult) {
    const l = storyLabels[this.lang];
    return html`<li data-cooperation=${c.id}>
      <div><strong>${c.title}</strong> <span class="badge">${l.cooperationStatus[c.status]}</span></div>
      <div class="meta">
        ${[
          c.startedAt ? `${this.t('startedAt')} ${formatDate(this.lang, c.startedAt)}` : this.t('notStarted'),
          c.communes.map((x) => x.name).join(', '),
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
      <p class="summary">${c.summary}</p>
      ${
        c.actors.length
          ? html`<div class="meta">
              ${this.t('actors')}${colon(this.lang)}${c.actors.map((a) => a.name).join(', ')}
            </div>`
          : nothing
      }
      ${
        c.needs.length
          ? html`<div class="meta">${this.t('needs')}${colon(this.lang)}${c.needs.join(' · ')}</div>`
          : nothing
      }
      ${actions}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-console-cooperations': TecConsoleCooperations;
  }
}
