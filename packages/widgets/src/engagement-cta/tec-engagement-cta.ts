import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  EngagementRequest,
  check,
  type Availability,
  type EngagementReceipt,
  type Opportunity,
  type TerritoryDetail,
} from '@tec/contract';
import {
  TecHttpError,
  TecNetworkError,
  TecOriginNotAllowedError,
  TecTimeoutError,
  TecValidationError,
  newIdempotencyKey,
  type LiveNotice,
  type TecClient,
} from '@tec/sdk';
import { TecElement } from '../base/tec-element.js';
import { reserveFor, tokens } from '../base/styles.js';
import { formatDuration, formatWhen } from '../base/i18n.js';
import { labels } from '../base/labels.js';
import { isOwn, text, type Key } from './strings.js';
import type { StringKey } from '../base/i18n.js';
import {
  TecEngagementErrorEvent,
  TecEngagementSubmitEvent,
  TecEngagementSuccessEvent,
} from '../base/events.js';
import { styles } from './tec-engagement-cta.styles.js';
import { reserve } from './tec-engagement-cta.reserve.js';

type Field = 'firstName' | 'email' | 'phone' | 'availability' | 'message' | 'consent';
const FIELDS: Field[] = ['firstName', 'email', 'phone', 'availability', 'message', 'consent'];
const FIELD_ERROR: Record<Field, Key> = {
  firstName: 'errFirstName',
  email: 'errEmail',
  phone: 'errPhone',
  availability: 'errAvailability',
  message: 'errMessage',
  consent: 'errConsent',
};
const AVAILABILITIES: Availability[] = ['semaine-journee', 'semaine-soir', 'week-end'];

interface FormValues {
  firstName: string;
  email: string;
  phone: string;
  availability: Availability[];
  message: string;
  consent: boolean;
  website: string;
}

const emptyForm = (): FormValues => ({
  firstName: '',
  email: '',
  phone: '',
  availability: [],
  message: '',
  consent: false,
  website: '',
});

/**
 * The territory's open calls to engage — what, when, where, places left — and an inline sign-up
 * form (never a pop-up) with the RGPD notice, explicit consent and a honeypot. Submission goes
 * through the SDK with an idempotency key: a failure keeps everything typed and offers to retry.
 *
 * @summary Calls to engage and the sign-up form of one territory.
 * @tagname tec-engagement-cta
 *
 * @slot - Shown until the script runs (e.g. a link to the sign-up page).
 * @slot empty - Replaces the text shown when no call is open.
 * @slot error - Replaces the text shown when the data cannot be loaded.
 *
 * @csspart base - The frame around the widget.
 * @csspart title - The heading.
 * @csspart demo-mark - The « Données de démonstration » mark beside the heading (demo data only).
 * @csspart opportunity - Each call to engage.
 * @csspart more - The button that shows the calls beyond `limit`.
 * @csspart button - The "take part" and submit buttons.
 * @csspart form - The sign-up form.
 * @csspart privacy - The data-protection notice.
 * @csspart confirmation - The confirmation after a sign-up.
 *
 * @cssprop --tec-min-height - The height the widget holds on the page in every state (by default, what
 *   its content takes at its width on the demo data; given back once when the data is much
 *   shorter): set it when yours is longer, and it is then held whatever the data.
 * @cssprop --tec-color-accent - Buttons and links.
 * @cssprop --tec-color-danger - Error messages.
 * @cssprop --tec-color-success - The confirmation.
 *
 * @fires tec-engagement-submit - The resident sends the form (no personal data in the event).
 * @fires tec-engagement-success - The sign-up is recorded (`detail.receipt`).
 * @fires tec-engagement-error - The sign-up failed (`detail.error`); what was typed is kept.
 * @fires tec-error - The calls could not be loaded.
 */
export class TecEngagementCta extends TecElement {
  static override styles = [tokens, reserveFor(reserve), styles];

  /** Its own strings (strings.ts, in its chunk), then the base's. */
  protected override t(key: StringKey | Key, params?: Record<string, string | number>): string {
    return isOwn(key) ? text(this.language, key, params) : super.t(key, params);
  }
  static formAssociated = true;

  /** Show only this opportunity (its id). */
  @property({ reflect: true }) opportunity?: string;

  /** `card` (each call as a card), `banner` (one compact row) or `button` (just the button). */
  @property({ reflect: true }) variant: 'card' | 'banner' | 'button' = 'card';

  /** Who is responsible for the data (RGPD notice), e.g. "Fondation de France". */
  @property() controller?: string;

  /** How to reach the controller: an e-mail address or a URL. */
  @property({ attribute: 'controller-contact' }) controllerContact?: string;

  /** How long sign-ups are kept, in days (the API's TEC_RETENTION_DAYS). */
  @property({ attribute: 'retention-days', type: Number }) retentionDays = 730;

  /**
   * How many calls the `card` variant shows before a "see the others" button (default 3): the
   * widget holds the same space on the page whether it has two calls or ten (no layout shift).
   */
  @property({ type: Number, reflect: true }) limit = 3;

  /** Name under which the receipt id is submitted when the widget sits in a host page's form. */
  @property({ reflect: true }) name?: string;

  @state() private territoryData?: TerritoryDetail;
  @state() private opportunities: Opportunity[] = [];
  @state() private selected?: string;
  @state() private showAll = false;
  @state() private values: FormValues = emptyForm();
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private sending = false;
  @state() private sendError?: string;
  @state() private receipt?: EngagementReceipt;
  @state() private confirmedName = '';
  @state() private confirmedEmail = '';
  /** An opportunity that turned out full while the form was open: its form now joins the line. */
  @state() private fullSeen?: string;

  /** One key per sign-up: kept across retries so the API stores it once; new after success. */
  private idempotencyKey = newIdempotencyKey();
  private focusAfterRender?: string;

  protected override async load(client: TecClient, signal: AbortSignal): Promise<'loaded' | 'empty'> {
    const [territory, opportunities] = await Promise.all([
      client.territories.get(this.slug, { signal }),
      client.opportunities.list(this.slug, { signal }),
    ]);
    this.territoryData = territory;
    this.demo = territory.demo;
    this.opportunities = this.opportunity
      ? opportunities.filter((o) => o.id === this.opportunity)
      : opportunities;
    return this.opportunities.length ? 'loaded' : 'empty';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('opportunity') && changed.get('opportunity') !== undefined) void this.reload();
    // Another territory's calls start folded again (a live update keeps them as they are).
    if (changed.has('territory') && changed.get('territory') !== undefined) this.showAll = false;
  }

  protected override describeChange(notice: LiveNotice): string | undefined {
    if (notice.type === 'places.changed') {
      // The resident's own sign-up: its confirmation is what they should hear, not a count.
      if (this.receipt?.opportunityId === notice.opportunityId) return undefined;
      const o = this.opportunities.find((x) => x.id === notice.opportunityId);
      return o ? `${o.title} — ${this.placesText(o)}` : undefined;
    }
    if (notice.type === 'opportunity.added') return notice.opportunity.title;
    return undefined;
  }

  private placesText(o: Opportunity): string {
    if (o.placesLeft === null) return this.t('unlimited');
    if (o.placesLeft === 0) return this.t('full');
    return this.t('placesLeft', { n: o.placesLeft });
  }

  private when(o: Opportunity): string {
    if (!o.startsAt) return this.t('anytime');
    return formatWhen(this.language, o.startsAt, o.endsAt);
  }

  private where(o: Opportunity): string {
    if (!o.place) return this.t('anywhere');
    return [o.place.name, o.place.address, o.place.commune?.name].filter(Boolean).join(', ');
  }

  private choose(id: string): void {
    if (this.selected !== id) {
      this.selected = id;
      this.errors = {};
      this.sendError = undefined;
      this.receipt = undefined;
    }
    this.focusAfterRender = '#form-title';
  }

  /** The `limit` attribute, checked: a whole number from 1; anything else is the default, 3. */
  private get shown(): number {
    const limit = this.limit;
    return Number.isInteger(limit) && limit >= 1 ? limit : 3;
  }

  private showOthers(): void {
    const first = this.opportunities[this.shown];
    this.showAll = true;
    if (first) this.focusAfterRender = `#title-${CSS.escape(first.id)}`;
  }

  private closeForm(): void {
    const id = this.selected;
    this.selected = undefined;
    this.focusAfterRender = id ? `[data-choose="${id}"]` : undefined;
  }

  private set<K extends keyof FormValues>(key: K, value: FormValues[K]): void {
    this.values = { ...this.values, [key]: value };
    if (key in this.errors) {
      this.errors = Object.fromEntries(Object.entries(this.errors).filter(([field]) => field !== key));
    }
  }

  private toggleAvailability(value: Availability, checked: boolean): void {
    const next = new Set(this.values.availability);
    if (checked) next.add(value);
    else next.delete(value);
    this.set(
      'availability',
      AVAILABILITIES.filter((a) => next.has(a)),
    );
  }

  /** Full, or found full on sending: the form puts the person on the waiting list. */
  private waitlisting(o: Opportunity | undefined): boolean {
    return !!o && (o.placesLeft === 0 || this.fullSeen === o.id);
  }

  private request(opportunityId: string): unknown {
    const v = this.values;
    const waitlist = this.waitlisting(this.opportunities.find((o) => o.id === opportunityId));
    return {
      opportunityId,
      firstName: v.firstName,
      email: v.email.trim(),
      ...(v.phone.trim() ? { phone: v.phone } : {}),
      availability: v.availability,
      ...(v.message.trim() ? { message: v.message } : {}),
      consent: v.consent ? true : false,
      lang: this.language,
      ...(v.website ? { website: v.website } : {}),
      ...(waitlist ? { waitlist: true } : {}),
    };
  }

  /** Maps contract errors (`email`, `body.email`…) to the form's own plain-words messages. */
  private fieldErrors(paths: string[]): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    for (const path of paths) {
      const field = FIELDS.find((f) => path === f || path === `body.${f}` || path.startsWith(`${f}[`));
      if (field) errors[field] = this.t(FIELD_ERROR[field]);
    }
    return errors;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const id = this.selected;
    if (!id || this.sending) return;
    const body = this.request(id);
    const result = check(EngagementRequest, body);
    if (!result.ok) {
      this.errors = this.fieldErrors(result.errors.map((e) => e.path));
      this.sendError = undefined;
      this.focusAfterRender = `#${FIELDS.find((f) => this.errors[f]) ?? 'firstName'}`;
      return;
    }
    this.errors = {};
    this.sendError = undefined;
    this.sending = true;
    this.dispatchEvent(new TecEngagementSubmitEvent(this.slug, id));
    try {
      const receipt = await this.client.engagements.create(this.slug, result.data, {
        idempotencyKey: this.idempotencyKey,
      });
      this.receipt = receipt;
      this.idempotencyKey = newIdempotencyKey();
      if (this.name) this.internals.setFormValue(receipt.id);
      const name = this.values.firstName.trim();
      this.confirmedName = name;
      this.confirmedEmail = result.data.email;
      this.values = emptyForm();
      this.announce(this.confirmationLines(receipt).join(' '));
      this.focusAfterRender = '#confirmation';
      this.dispatchEvent(new TecEngagementSuccessEvent(receipt));
    } catch (error) {
      if (error instanceof TecHttpError && error.problem?.type === 'urn:tec:problem:opportunity-full') {
        this.sendError = this.t('errFull');
        this.fullSeen = id;
        this.idempotencyKey = newIdempotencyKey();
      } else if (error instanceof TecHttpError && error.status === 400 && error.problem?.errors) {
        this.errors = this.fieldErrors(error.problem.errors.map((e) => e.path));
      } else if (error instanceof TecOriginNotAllowedError) {
        this.sendError = this.t('errForbidden');
        console.error(
          `TEC: <tec-engagement-cta> — the TEC API does not accept sign-ups from this site (${location.origin}). ` +
            `Ask its operator to add ${location.origin} to TEC_ALLOWED_ORIGINS (see docs/api.md).`,
        );
      } else if (error instanceof TecNetworkError || error instanceof TecTimeoutError) {
        this.sendError = this.t('errNetwork');
      } else if (error instanceof TecValidationError) {
        this.errors = this.fieldErrors(error.errors.map((e) => e.path));
      } else {
        this.sendError = this.t('errServer');
      }
      this.focusAfterRender = this.sendError
        ? '#send-error'
        : `#${FIELDS.find((f) => this.errors[f]) ?? 'firstName'}`;
      this.dispatchEvent(new TecEngagementErrorEvent(error, id));
    } finally {
      this.sending = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      this.focusAfterRender = undefined;
      target?.focus();
    }
  }

  private describedBy(field: Field, hint?: boolean): string | typeof nothing {
    const ids = [hint ? `${field}-hint` : '', this.errors[field] ? `${field}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private renderFieldError(field: Field): TemplateResult | typeof nothing {
    const message = this.errors[field];
    return message ? html`<p class="field-error" id="${field}-error">${message}</p>` : nothing;
  }

  /**
   * The number of errors and, under it, each error as a link to its field (RGAA 11.10): what the
   * summary announces is right below it.
   */
  private renderErrorSummary(count: number): TemplateResult {
    const labelOf: Record<Field, string> = {
      firstName: this.t('firstName'),
      email: this.t('email'),
      phone: this.t('phone'),
      availability: this.t('availability'),
      message: this.t('message'),
      consent: this.t('consentShort'),
    };
    return html`<div class="error-summary" role="alert">
      <p class="field-error">${this.t('errorsIntro', { n: count })}</p>
      <ul>
        ${FIELDS.filter((f) => this.errors[f]).map(
          (f) =>
            html`<li>
              <a
                href="#${f}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  this.renderRoot.querySelector<HTMLElement>(`#${f}`)?.focus();
                }}
                >${this.t('errorsLink', { field: labelOf[f], message: this.errors[f]! })}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  /** What the form says after sending, by the receipt's status: each line a sentence. */
  private confirmationLines(receipt: EngagementReceipt): string[] {
    const title = this.opportunities.find((o) => o.id === receipt.opportunityId)?.title ?? '';
    const n = receipt.waitlistPosition ?? 1;
    const email = this.t('successEmail', { email: this.confirmedEmail });
    if (receipt.status === 'already-registered') {
      return [
        receipt.waitlistPosition
          ? this.t('alreadyWaitlisted', { title, n })
          : this.t('alreadyRegistered', { title }),
      ];
    }
    if (receipt.status === 'waitlisted') {
      return [this.t('waitlisted', { name: this.confirmedName, n }), this.t('waitlistedCancel')];
    }
    return [this.t('success', { name: this.confirmedName }), email, this.t('successCancel')];
  }

  private renderConfirmation(o: Opportunity, receipt: EngagementReceipt): TemplateResult {
    const [first, ...rest] = this.confirmationLines(receipt);
    return html`<div class="confirmation" part="confirmation" data-status=${receipt.status}>
      <p id="confirmation" tabindex="-1">${first}</p>
      ${
        receipt.status === 'received'
          ? html`<dl class="recap" aria-label=${this.t('successRecap')}>
              <div>
                <dt>${this.t('what')}</dt>
                <dd>${o.title}</dd>
              </div>
              <div>
                <dt>${this.t('when')}</dt>
                <dd>${this.when(o)}</dd>
              </div>
              <div>
                <dt>${this.t('where')}</dt>
                <dd>${this.where(o)}</dd>
              </div>
            </dl>`
          : nothing
      }
      ${rest.map((line) => html`<p>${line}</p>`)}
      <button class="button secondary" @click=${() => this.closeForm()}>${this.t('successAgain')}</button>
    </div>`;
  }

  private renderPrivacy(): TemplateResult {
    const contact = this.controllerContact ? ` (${this.controllerContact})` : '';
    return html`<details class="privacy" part="privacy" open>
      <summary>${this.t('privacyTitle')}</summary>
      <ul>
        <li>
          ${this.t('privacyController', { controller: this.controller || this.t('notConfigured'), contact })}
        </li>
        <li>${this.t('privacyPurpose')}</li>
        <li>${this.t('privacyBasis')}</li>
        <li>${this.t('privacyFields')}</li>
        <li>${this.t('privacyRecipients')}</li>
        <li>${this.t('privacyEmails')}</li>
        <li>
          ${this.t('privacyRetention', { duration: formatDuration(this.language, this.retentionDays) })}
        </li>
        <li>${this.t('privacyRights')}</li>
        <li>${this.t('privacyComplaint')}</li>
      </ul>
    </details>`;
  }

  private renderForm(o: Opportunity): TemplateResult {
    const v = this.values;
    const errorCount = FIELDS.filter((f) => this.errors[f]).length;
    return html`<form
      class="form"
      part="form"
      novalidate
      @submit=${(e: Event) => void this.submit(e)}
      aria-labelledby="form-title"
    >
      <h3 id="form-title" tabindex="-1">${this.t('formTitle', { title: o.title })}</h3>
      ${this.waitlisting(o) ? html`<p class="note waitlist-note">${this.t('waitlistNote')}</p>` : nothing}
      <p class="note">${this.t('requiredNote')}</p>
      ${errorCount ? this.renderErrorSummary(errorCount) : nothing}
      <div class="field">
        <label for="firstName">${this.t('firstName')} <span aria-hidden="true">*</span></label>
        <input
          id="firstName"
          name="firstName"
          autocomplete="given-name"
          required
          maxlength="80"
          aria-invalid=${this.errors.firstName ? 'true' : 'false'}
          aria-describedby=${this.describedBy('firstName')}
          .value=${live(v.firstName)}
          @input=${(e: InputEvent) => this.set('firstName', (e.target as HTMLInputElement).value)}
        />
        ${this.renderFieldError('firstName')}
      </div>
      <div class="field">
        <label for="email">${this.t('email')} <span aria-hidden="true">*</span></label>
        <p class="hint" id="email-hint">${this.t('emailHint')}</p>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          required
          maxlength="254"
          aria-invalid=${this.errors.email ? 'true' : 'false'}
          aria-describedby=${this.describedBy('email', true)}
          .value=${live(v.email)}
          @input=${(e: InputEvent) => this.set('email', (e.target as HTMLInputElement).value)}
        />
        ${this.renderFieldError('email')}
      </div>
      <div class="field">
        <label for="phone">${this.t('phone')}</label>
        <p class="hint" id="phone-hint">${this.t('phoneHint')}</p>
        <input
          id="phone"
          name="phone"
          type="tel"
          autocomplete="tel"
          maxlength="24"
          aria-invalid=${this.errors.phone ? 'true' : 'false'}
          aria-describedby=${this.describedBy('phone', true)}
          .value=${live(v.phone)}
          @input=${(e: InputEvent) => this.set('phone', (e.target as HTMLInputElement).value)}
        />
        ${this.renderFieldError('phone')}
      </div>
      <fieldset class="field" aria-describedby=${this.describedBy('availability')}>
        <legend>${this.t('availability')} <span aria-hidden="true">*</span></legend>
        ${AVAILABILITIES.map(
          (a) =>
            html`<label class="check"
              ><input
                type="checkbox"
                name="availability"
                value=${a}
                id=${a === AVAILABILITIES[0] ? 'availability' : `availability-${a}`}
                .checked=${live(v.availability.includes(a))}
                @change=${(e: Event) => this.toggleAvailability(a, (e.target as HTMLInputElement).checked)}
              />
              ${labels[this.language].availability[a]}</label
            >`,
        )}
        ${this.renderFieldError('availability')}
      </fieldset>
      <div class="field">
        <label for="message">${this.t('message')}</label>
        <textarea
          id="message"
          name="message"
          rows="3"
          maxlength="2000"
          aria-invalid=${this.errors.message ? 'true' : 'false'}
          aria-describedby=${this.describedBy('message')}
          .value=${live(v.message)}
          @input=${(e: InputEvent) => this.set('message', (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${this.renderFieldError('message')}
      </div>
      <div class="hp" aria-hidden="true">
        <label for="website">Website</label>
        <input
          id="website"
          name="website"
          tabindex="-1"
          autocomplete="off"
          .value=${live(v.website)}
          @input=${(e: InputEvent) => this.set('website', (e.target as HTMLInputElement).value)}
        />
      </div>
      ${this.renderPrivacy()}
      <div class="field">
        <label class="check consent">
          <input
            id="consent"
            name="consent"
            type="checkbox"
            required
            aria-invalid=${this.errors.consent ? 'true' : 'false'}
            aria-describedby=${this.describedBy('consent')}
            .checked=${live(v.consent)}
            @change=${(e: Event) => this.set('consent', (e.target as HTMLInputElement).checked)}
          />
          <span>${this.t('consent')} <span aria-hidden="true">*</span></span>
        </label>
        ${this.renderFieldError('consent')}
      </div>
      ${
        this.sendError
          ? html`<p class="send-error" id="send-error" tabindex="-1" role="alert">${this.sendError}</p>`
          : nothing
      }
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? this.t('sending') : this.waitlisting(o) ? this.t('submitWaitlist') : this.t('submit')}
        </button>
        <button class="button secondary" type="button" @click=${() => this.closeForm()}>
          ${this.t('close')}
        </button>
      </div>
    </form>`;
  }

  private renderOpportunity(o: Opportunity): TemplateResult {
    const lang = this.language;
    const full = o.placesLeft === 0;
    const open = this.selected === o.id;
    return html`<li class="opportunity" part="opportunity">
      <p class="kind">${labels[lang].opportunityKind[o.kind]}</p>
      <h3 id="title-${o.id}" tabindex="-1">${o.title}</h3>
      ${o.description && this.variant === 'card' ? html`<p>${o.description}</p>` : nothing}
      <dl>
        <div>
          <dt>${this.t('when')}</dt>
          <dd>${this.when(o)}</dd>
        </div>
        <div>
          <dt>${this.t('where')}</dt>
          <dd>${this.where(o)}</dd>
        </div>
      </dl>
      <p class="places" data-full=${full ? 'true' : 'false'}>${this.placesText(o)}</p>
      <button
        class="button"
        part="button"
        data-choose=${o.id}
        data-waitlist=${full ? 'true' : 'false'}
        aria-expanded=${open ? 'true' : 'false'}
        aria-label=${this.t(full ? 'chooseWaitlistNamed' : 'chooseNamed', { title: o.title })}
        @click=${() => this.choose(o.id)}
      >
        ${full ? this.t('chooseWaitlist') : this.t('choose')}
      </button>
      ${open && !this.receipt ? this.renderForm(o) : nothing}
      ${open && this.receipt ? this.renderConfirmation(o, this.receipt) : nothing}
    </li>`;
  }

  protected override headingText(): string {
    const territory = this.territoryData;
    return territory ? this.t('ctaTitle', { territory: territory.name }) : this.t('ctaHeading');
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
      <span class="skeleton skeleton-card"></span>
    </div>`;
  }

  protected override renderContent(): TemplateResult | typeof nothing {
    const territory = this.territoryData;
    if (!territory) return nothing;
    const all = this.opportunities;
    // A call whose form is open stays in view, whatever the limit.
    const open = all.findIndex((o) => o.id === this.selected);
    const count = this.variant !== 'card' ? 1 : this.showAll ? all.length : Math.max(this.shown, open + 1);
    const list = all.slice(0, count);
    const others = all.length - list.length;
    return html`<section class="frame" part="base" aria-labelledby="title">
      ${
        this.variant === 'button'
          ? this.renderHeading({ hidden: true })
          : html`${this.renderHeading()}
              <p class="intro">${this.t('ctaIntro')}</p>`
      }
      <ul class="opportunities">
        ${
          // Keyed: a call published or moved above the one whose form is open moves the form's
          // element with it, and the field being typed in keeps its focus.
          repeat(
            list,
            (o) => o.id,
            (o) => this.renderOpportunity(o),
          )
        }
      </ul>
      ${
        others > 0 && this.variant === 'card'
          ? html`<button class="button secondary more" part="more" @click=${() => this.showOthers()}>
              ${this.t('moreOpportunities', { n: others })}
            </button>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-engagement-cta': TecEngagementCta;
  }
}
