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
  /** The item whose edit form is open, and the one whose removal waits for confirmation. */
  @state() protected editing = '';
  @state() protected confirming = '';

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
      await this.refuse(key, failure.form, failure.fields);
      return false;
    }
  }

  /**
   * Says why the form `key` was refused: its message beside the button, each field's beside the
   * field; the first wrong field takes the focus, else the message is brought into view.
   */
  protected async refuse(key: string, message: string, fields: Record<string, string>): Promise<void> {
    this.setForm(key, { busy: false, message, kind: 'error', fields });
    await this.updateComplete;
    const first = Object.keys(fields)[0];
    const field = first
      ? this.renderRoot.querySelector<HTMLElement>(`[data-form="${key}"] [name="${CSS.escape(first)}"]`)
      : null;
    if (field) field.focus();
    else await this.reveal(key);
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

  /**
   * A form's submission: the page does not navigate, the action runs as `run` runs it (busy,
   * result announced beside the button, field errors beside their fields). On success a form that
   * adds something is emptied (`reset`), and an item's edit form closes, its result then said in
   * the list's status (`closeInto`), as the form that said it is gone.
   */
  protected async submitted(
    event: SubmitEvent,
    key: string,
    action: (data: FormData) => Promise<string>,
    after: { reset?: boolean; closeInto?: string } = {},
  ): Promise<boolean> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const ok = await this.run(key, () => action(data));
    if (ok && after.reset) form.reset();
    if (ok && after.closeInto !== undefined) {
      this.editing = '';
      this.setForm(after.closeInto, this.form(key));
    }
    return ok;
  }

  /**
   * The buttons under a form and its feedback: the submit button (disabled while the action
   * runs), a cancel button when `cancel` is given, and the status, a live region.
   */
  protected submit(key: string, label: string, cancel?: () => void): TemplateResult {
    const s = this.form(key);
    return html`<div class="actions">
      <button class="button" type="submit" ?disabled=${s.busy} aria-disabled=${s.busy ? 'true' : 'false'}>
        ${label}
      </button>
      ${
        cancel
          ? html`<button class="button secondary" type="button" @click=${cancel}>${this.t('cancel')}</button>`
          : nothing
      }
      ${this.status(key)}
    </div>`;
  }

  /**
   * An item's own actions: « Modifier » and « Supprimer » (named for screen readers), or, once
   * « Supprimer » is pressed, the question and its confirmation. `remove` runs on confirmation.
   */
  protected itemActions(
    id: string,
    name: string,
    remove: () => void,
    words: {
      question?: string;
      removeLabel?: string;
      confirmLabel?: string;
      hidden?: string;
      edit?: boolean;
    } = {},
  ): TemplateResult {
    if (this.confirming === id)
      return html`<div class="confirm">
        <p>${words.question ?? this.t('confirmRemove', { name })}</p>
        <div class="actions">
          <button class="button danger" type="button" @click=${remove}>
            ${words.confirmLabel ?? this.t('confirm')}
          </button>
          <button class="button secondary" type="button" @click=${() => (this.confirming = '')}>
            ${this.t('cancel')}
          </button>
        </div>
      </div>`;
    const hidden = words.hidden ?? ` « ${name} »`;
    return html`<div class="actions">
      ${
        words.edit === false
          ? nothing
          : html`<button class="button secondary small" type="button" @click=${() => (this.editing = id)}>
              ${this.t('edit')}<span class="visually-hidden">${hidden}</span>
            </button>`
      }
      <button class="button danger secondary small" type="button" @click=${() => (this.confirming = id)}>
        ${words.removeLabel ?? this.t('remove')}<span class="visually-hidden">${hidden}</span>
      </button>
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
