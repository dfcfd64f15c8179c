/**
 * What every section of the console shares: the territory it shows, the clients, the language,
 * a `revision` the shell bumps when the live stream says the territory changed (the section
 * reloads), and one way to run an action — its button busy, its result announced beside it
 * (aria-live), the API's field errors beside their fields, the first wrong field focused.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TecClient } from '@tec/sdk';
import type { TecAdmin } from '@tec/sdk/admin';
import type { TerritoryDetail } from '@tec/contract';
import { consoleStyles } from './console.styles.js';
import { t, type Lang, type StringKey } from './i18n/index.js';
import { describeFailure } from './problems.js';

export interface FormState {
  busy: boolean;
  message: string;
  kind: 'ok' | 'error' | '';
  fields: Record<string, string>;
}

const IDLE: FormState = { busy: false, message: '', kind: '', fields: {} };

export interface FieldSpec {
  name: string;
  label: string;
  value?: string | null | undefined;
  type?: 'text' | 'date' | 'time' | 'number' | 'url' | 'email' | 'password';
  options?: readonly (readonly [string, string])[];
  textarea?: boolean;
  required?: boolean;
  hint?: string;
  min?: number;
  max?: number;
  step?: string;
  autocomplete?: string;
  maxlength?: number;
}

export abstract class ConsoleSection extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) client!: TecClient;
  @property({ attribute: false }) admin!: TecAdmin;
  @property({ attribute: false }) territory!: TerritoryDetail;
  @property() override lang: Lang = 'fr';
  /** Bumped by the shell on every live event of the territory: the section reloads. */
  @property({ type: Number }) revision = 0;

  @state() protected forms: Record<string, FormState> = {};

  protected t(key: StringKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  protected form(key: string): FormState {
    return this.forms[key] ?? IDLE;
  }

  protected setForm(key: string, value: FormState): void {
    this.forms = { ...this.forms, [key]: value };
  }

  private reads = 0;

  /**
   * Runs a read and applies its result only if no later read started meanwhile: live events
   * can start reads that overlap, and an older answer must not undo a newer one.
   */
  protected async latest<T>(read: () => Promise<T>, apply: (data: T) => void): Promise<void> {
    const n = ++this.reads;
    const data = await read();
    if (n === this.reads) apply(data);
  }

  /** Loads what the section shows; called on first render, territory change and live events. */
  protected abstract load(): Promise<void>;

  private shownSlug = '';

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('territory') || changed.has('revision')) {
      // Another territory: its forms start afresh. The same one reloaded (a live event): the
      // feedback beside the buttons stays.
      if (this.territory.slug !== this.shownSlug) this.forms = {};
      this.shownSlug = this.territory.slug;
      void this.load();
    }
  }

  /**
   * Runs `action` for the form `key`: busy while it runs, then the message `success` returns,
   * or the failure in words. The result is announced (the status beside the button is a live
   * region) and brought into view; on field errors the first wrong field takes the focus.
   */
  protected async run(key: string, action: () => Promise<string>): Promise<boolean> {
    this.setForm(key, { busy: true, message: this.t('saving'), kind: '', fields: {} });
    try {
      const message = await action();
      this.setForm(key, { busy: false, message, kind: 'ok', fields: {} });
      await this.reveal(key);
      return true;
    } catch (error) {
      const failure = describeFailure(this.lang, error);
      this.setForm(key, { busy: false, message: failure.form, kind: 'error', fields: failure.fields });
      await this.updateComplete;
      const first = Object.keys(failure.fields)[0];
      const field = first
        ? this.renderRoot.querySelector<HTMLElement>(`[data-form="${key}"] [name="${CSS.escape(first)}"]`)
        : null;
      if (field) field.focus();
      else await this.reveal(key);
      return false;
    }
  }

  /** Scrolls the form's status into view when it is not: feedback never stays below the fold. */
  private async reveal(key: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(`[data-status="${key}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'instant' as ScrollBehavior });
  }

  /** The status beside a form's button: a live region, present before it has anything to say. */
  protected status(key: string): TemplateResult {
    const s = this.form(key);
    return html`<p class="status ${s.kind}" role="status" aria-live="polite" data-status=${key}>
      ${s.message}
    </p>`;
  }

  protected submit(key: string, label: string): TemplateResult {
    const s = this.form(key);
    return html`<div class="actions">
      <button class="button" type="submit" ?disabled=${s.busy} aria-disabled=${s.busy ? 'true' : 'false'}>
        ${label}
      </button>
      ${this.status(key)}
    </div>`;
  }

  /** A labelled field with its hint and its error, wired by ids unique in this section. */
  protected field(key: string, spec: FieldSpec): TemplateResult {
    const id = `${key}-${spec.name}`.replace(/[^\w-]/g, '-');
    const error = this.form(key).fields[spec.name];
    const described = [spec.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const common = {
      id,
      name: spec.name,
      invalid: error ? 'true' : 'false',
      described: described || undefined,
    };
    const control = spec.options
      ? html`<select
          id=${common.id}
          name=${common.name}
          aria-invalid=${common.invalid}
          aria-describedby=${common.described ?? nothing}
          ?required=${spec.required}
        >
          ${spec.options.map(
            ([value, label]) =>
              html`<option value=${value} ?selected=${(spec.value ?? '') === value}>${label}</option>`,
          )}
        </select>`
      : spec.textarea
        ? html`<textarea
            id=${common.id}
            name=${common.name}
            aria-invalid=${common.invalid}
            aria-describedby=${common.described ?? nothing}
            ?required=${spec.required}
            .value=${spec.value ?? ''}
          ></textarea>`
        : html`<input
            id=${common.id}
            name=${common.name}
            type=${spec.type ?? 'text'}
            aria-invalid=${common.invalid}
            aria-describedby=${common.described ?? nothing}
            autocomplete=${spec.autocomplete ?? 'off'}
            ?required=${spec.required}
            min=${spec.min ?? nothing}
            max=${spec.max ?? nothing}
            step=${spec.step ?? nothing}
            .value=${spec.value ?? ''}
          />`;
    return html`<div class="field">
      <label for=${id}
        >${spec.label}${spec.required ? '' : html` <span class="hint">${this.t('optional')}</span>`}</label
      >
      ${control} ${spec.hint ? html`<span class="hint" id="${id}-hint">${spec.hint}</span>` : nothing}
      ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing}
    </div>`;
  }
}

/** The text of a form field, or null when it is empty. */
export function value(data: FormData, name: string): string | null {
  const v = data.get(name);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}
