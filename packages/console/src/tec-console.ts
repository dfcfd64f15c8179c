/**
 * The console of the programme's teams: sign in with an admin token (kept in this object only:
 * no cookie, no storage), choose one of the territories the token may change, and edit it —
 * phases and milestones, members, opportunities — see its sign-ups and its audit log, with the
 * residents' widget beside the form. Every list follows the live stream: a change made by
 * another team member appears without a reload.
 */
import { LitElement, css, html, nothing, type CSSResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { getTecClient, type TecClient } from '@tec/sdk';
import { createTecAdmin, type TecAdmin } from '@tec/sdk/admin';
import type { AdminSession, TerritoryDetail, TerritorySummary } from '@tec/contract';
import { consoleStyles } from './console.styles.js';
import { colon, labels, t, type Lang, type StringKey } from './i18n/index.js';
import { describeFailure } from './problems.js';
import './sections/phases.js';
import './sections/portrait.js';
import './sections/cooperations.js';
import './sections/members.js';
import './sections/opportunities.js';
import './sections/signups.js';
import './sections/audit.js';
import '@tec/widgets/tec-phase-tracker.define.js';
import '@tec/widgets/tec-coalition-members.define.js';
import '@tec/widgets/tec-engagement-cta.define.js';
import '@tec/widgets/tec-territory-portrait.define.js';
import '@tec/widgets/tec-cooperations.define.js';

type Section = 'phases' | 'portrait' | 'cooperations' | 'members' | 'opportunities' | 'signups' | 'audit';
const SECTIONS: Section[] = [
  'phases',
  'portrait',
  'cooperations',
  'members',
  'opportunities',
  'signups',
  'audit',
];

/** The residents' widget shown beside each section (the audit log has none). */
const PREVIEW: Record<Exclude<Section, 'audit'>, string> = {
  phases: 'tec-phase-tracker',
  portrait: 'tec-territory-portrait',
  cooperations: 'tec-cooperations',
  members: 'tec-coalition-members',
  opportunities: 'tec-engagement-cta',
  signups: 'tec-engagement-cta',
};

/**
 * The shell's styles. The shell draws in the page itself (no shadow root), so that its skip link,
 * landmarks and headings are the document's own; its rules are adopted by the document with
 * `:host` read as `tec-console` (constructed style sheets: nothing inline, CSP-clean).
 */
const shellStyles: CSSResult[] = [
  ...consoleStyles,
  css`
    :host {
      display: block;
      max-width: 80rem;
      margin-inline: auto;
      padding: 0 1rem 2rem;
    }
    .skip {
      position: absolute;
      inset-inline-start: 1rem;
      top: -10em;
      padding: 0.5em 1em;
      background: var(--_surface);
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      z-index: 1;
    }
    .skip:focus {
      top: 0.5rem;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em 1em;
      padding-block: 1rem;
      border-bottom: 1px solid var(--_border);
      margin-block-end: 1rem;
    }
    header p {
      margin: 0;
    }
    .brand {
      font-weight: 700;
      font-size: 1.15em;
    }
    .who {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 0.75em;
    }
    main:focus {
      outline: none;
    }
    h1 {
      font-size: 1.6em;
      line-height: 1.25;
      margin: 0 0 0.75rem;
    }
    .current {
      margin-block: -0.5rem 1rem;
    }
    .signin p {
      margin-block-end: 1em;
    }
    .signin {
      max-width: 36rem;
    }
    .bar {
      display: grid;
      gap: 0.75em;
      margin-block-end: 1rem;
    }
    .bar > .field {
      max-width: 28rem;
    }
    nav ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    nav button[aria-current='page'] {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .layout {
      display: grid;
      gap: 1.5rem;
      grid-template-columns: minmax(0, 1fr);
    }
    @media (min-width: 64rem) {
      .layout {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        align-items: start;
      }
      aside {
        position: sticky;
        top: 1rem;
      }
    }
    aside h2 {
      font-size: 1.1em;
      margin-block-end: 0.25em;
    }
    .live {
      color: var(--_success);
      font-weight: 600;
    }
    footer {
      margin-block-start: 2rem;
      color: var(--_muted);
      font-size: 0.9em;
    }
  `,
];

let adopted = false;
function adoptShellStyles(): void {
  if (adopted) return;
  adopted = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    shellStyles
      .map((s) => s.cssText)
      .join('\n')
      .replace(/:host\(([^)]*)\)/g, 'tec-console$1')
      .replace(/:host/g, 'tec-console'),
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

@customElement('tec-console')
export class TecConsole extends LitElement {
  override createRenderRoot() {
    adoptShellStyles();
    return this;
  }

  /** The API's address; the page's own origin when empty (the console served by the API). */
  @property() api = '';
  /**
   * The documentation site's address, whose embed configurator each territory links to; when
   * empty, the root of the API's host (where docs/deploy.md publishes the site).
   */
  @property() docs = '';
  @property({ reflect: true }) override lang: Lang = 'fr';

  @state() private session: AdminSession | undefined;
  @state() private territories: TerritorySummary[] = [];
  @state() private territory: TerritoryDetail | undefined;
  @state() private section: Section = 'phases';
  @state() private revision = 0;
  @state() private signIn = { busy: false, message: '', error: false };

  @query('main') private main!: HTMLElement;

  /** The admin client holds the token: it lives in memory only, and goes on sign-out. */
  private admin: TecAdmin | undefined;
  private unsubscribe: (() => void) | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;

  private get baseUrl(): string {
    return (this.api || location.origin).replace(/\/+$/, '');
  }

  private get client(): TecClient {
    return getTecClient(this.baseUrl);
  }

  private t(key: StringKey, params?: Record<string, string | number>) {
    return t(this.lang, key, params);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private async signInWith(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const token = String(new FormData(form).get('token') ?? '').trim();
    if (!token) {
      this.signIn = { busy: false, message: this.t('tokenRequired'), error: true };
      form.querySelector('input')?.focus();
      return;
    }
    this.signIn = { busy: true, message: this.t('signingIn'), error: false };
    const admin = createTecAdmin({ baseUrl: this.baseUrl, token, retries: 0 });
    try {
      const session = await admin.session();
      const all = await this.client.territories.list();
      this.territories = all.filter((x) => session.scope === '*' || x.slug === session.scope);
      this.admin = admin;
      this.session = session;
      form.reset();
      this.signIn = { busy: false, message: '', error: false };
      await this.choose(this.territories[0]?.slug);
      await this.updateComplete;
      this.main?.focus({ preventScroll: true });
    } catch (error) {
      this.signIn = { busy: false, message: describeFailure(this.lang, error).form, error: true };
      form.querySelector('input')?.focus();
    }
  }

  private signOut() {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.admin = undefined;
    this.session = undefined;
    this.territory = undefined;
    this.territories = [];
  }

  private async choose(slug: string | undefined) {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!slug) return;
    this.territory = await this.client.territories.get(slug);
    // A change by anyone (another team member, another console) reloads the section shown; the
    // events of one change (a phase and its territory) are taken together.
    this.unsubscribe = this.client.live.subscribe({ territory: slug }, () => {
      clearTimeout(this.pending);
      this.pending = setTimeout(() => {
        this.revision++;
        void this.client.territories.get(slug).then((detail) => {
          if (this.territory?.slug === slug) this.territory = detail;
        });
      }, 50);
    });
  }

  private toggleLanguage() {
    this.lang = this.lang === 'fr' ? 'en' : 'fr';
    document.documentElement.lang = this.lang;
    document.title = this.t('title');
  }

  private renderSignIn() {
    return html`<section class="signin block" aria-labelledby="signin-title">
      <h1 id="signin-title">${this.t('signInTitle')}</h1>
      <p>${this.t('signInIntro')}</p>
      <form novalidate data-form="signin" @submit=${(e: SubmitEvent) => this.signInWith(e)}>
        <div class="field">
          <label for="token">${this.t('token')}</label>
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="off"
            spellcheck="false"
            required
            aria-describedby="token-hint"
            aria-invalid=${this.signIn.error ? 'true' : 'false'}
          />
          <span class="hint" id="token-hint">${this.t('tokenHint')}</span>
        </div>
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.signIn.busy}>${this.t('signIn')}</button>
          <p
            class="status ${this.signIn.error ? 'error' : ''}"
            role="status"
            aria-live="polite"
            data-status="signin"
          >
            ${this.signIn.message}
          </p>
        </div>
      </form>
    </section>`;
  }

  private renderPreview(territory: TerritoryDetail) {
    const api = this.baseUrl;
    const slug = territory.slug;
    const widget =
      this.section === 'members'
        ? html`<tec-coalition-members api=${api} territory=${slug} lang=${this.lang}></tec-coalition-members>`
        : this.section === 'opportunities' || this.section === 'signups'
          ? html`<tec-engagement-cta api=${api} territory=${slug} lang=${this.lang}></tec-engagement-cta>`
          : this.section === 'portrait'
            ? html`<tec-territory-portrait
                api=${api}
                territory=${slug}
                lang=${this.lang}
                heading-level="3"
              ></tec-territory-portrait>`
            : this.section === 'cooperations'
              ? html`<tec-cooperations api=${api} territory=${slug} lang=${this.lang}></tec-cooperations>`
              : html`<tec-phase-tracker api=${api} territory=${slug} lang=${this.lang}></tec-phase-tracker>`;
    return html`<aside aria-labelledby="preview-title">
      <h2 id="preview-title">${this.t('preview')}</h2>
      <p class="hint">${this.t('previewHint')}</p>
      ${widget}
    </aside>`;
  }

  /**
   * The docs site's embed configurator with this territory (and the widget shown beside the
   * section) chosen: `?territory=…&widget=…`, which the configurator reads.
   */
  private configuratorUrl(territory: TerritoryDetail): string {
    const base = this.docs ? new URL(this.docs, location.href) : new URL('/', this.baseUrl);
    const page = this.lang === 'en' ? 'en/configurator.html' : 'fr/configurateur.html';
    const url = new URL(page, base.href.endsWith('/') ? base : `${base.href}/`);
    url.searchParams.set('territory', territory.slug);
    if (this.section !== 'audit') url.searchParams.set('widget', PREVIEW[this.section]);
    return url.href;
  }

  private renderSection(territory: TerritoryDetail) {
    const common = {
      client: this.client,
      admin: this.admin!,
      territory,
      lang: this.lang,
      revision: this.revision,
    };
    switch (this.section) {
      case 'phases':
        return html`<tec-console-phases
          .client=${common.client}
          .admin=${common.admin}
          .territory=${territory}
          .lang=${this.lang}
          .revision=${this.revision}
        ></tec-console-phases>`;
      case 'portrait':
        return html`<tec-console-portrait
          .client=${common.client}
          .admin=${common.admin}
          .territory=${territory}
          .lang=${this.lang}
          .revision=${this.revision}
        ></tec-console-portrait>`;
      case 'cooperations':
        return html`<tec-console-cooperations
          .client=${common.client}
          .admin=${common.admin}
          .territory=${territory}
          .lang=${this.lang}
          .revision=${this.revision}
        ></tec-console-cooperations>`;
      case 'members':
        return html`<tec-console-members
          .client=${common.client}
          .admin=${common.admin}
          .territory=${territory}
          .lang=${this.lang}
          .revision=${this.revision}
        ></tec-console-members>`;
      case 'opportunities':
        return html`<tec-console-opportunities
          .client=${common.client}
          .admin=${common.admin}
          .territory=${territory}
          .lang=${this.lang}
          .revision=${this.revision}
        ></tec-console-opportunities>`;
      case 'signups':
        return html`<tec-console-signups
          .client=${common.client}
          .admin=${common.admin}
          .territory=${territory}
          .lang=${this.lang}
          .revision=${this.revision}
        ></tec-console-signups>`;
      case 'audit':
        return html`<tec-console-audit
          .client=${common.client}
          .admin=${common.admin}
          .territory=${territory}
          .lang=${this.lang}
          .revision=${this.revision}
        ></tec-console-audit>`;
    }
  }

  private renderWorkspace() {
    const session = this.session!;
    const territory = this.territory;
    return html`<div class="bar">
        <div class="field">
          <label for="territory">${this.t('territory')}</label>
          <select id="territory" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
            ${this.territories.map(
              (x) =>
                html`<option value=${x.slug} ?selected=${x.slug === territory?.slug}>
                  ${x.name}${x.status === 'en-selection' ? ` (${this.t('notSelected')})` : ''}
                </option>`,
            )}
          </select>
        </div>
        <nav aria-label=${this.t('sections')}>
          <ul>
            ${SECTIONS.map(
              (s) =>
                html`<li>
                  <button
                    class="button secondary small"
                    type="button"
                    aria-current=${this.section === s ? 'page' : 'false'}
                    @click=${() => (this.section = s)}
                  >
                    ${this.t(s)}
                  </button>
                </li>`,
            )}
          </ul>
        </nav>
      </div>
      ${
        territory
          ? html`<h1>${territory.name} — ${this.t(this.section)}</h1>
              ${
                territory.currentPhase
                  ? html`<p class="meta current">
                      ${this.t('currentPhase')}${colon(this.lang)}${labels[this.lang].phase[territory.currentPhase]}
                    </p>`
                  : nothing
              }
              <p class="embed">
                <a href=${this.configuratorUrl(territory)} target="_blank" rel="noopener noreferrer"
                  >${this.t('embed')}</a
                >
                <span class="hint">— ${this.t('embedHint')}</span>
              </p>
              <div class="layout">
                <div>${this.renderSection(territory)}</div>
                ${this.section === 'audit' ? nothing : this.renderPreview(territory)}
              </div>`
          : html`<p role="status">${this.t('loading')}</p>`
      }
      <p class="visually-hidden">${session.name}</p>`;
  }

  override render() {
    const session = this.session;
    return html`<a class="skip" href="#main">${this.t('skip')}</a>
      <header>
        <p class="brand">${this.t('title')}</p>
        <div class="who">
          ${
            session
              ? html`<p>
                    ${this.t('signedInAs', { name: session.name })} —
                    ${
                      session.scope === '*'
                        ? this.t('scopeAll')
                        : this.t('scopeOne', { name: this.territories[0]?.name ?? session.scope })
                    }
                  </p>
                  <button class="button secondary small" type="button" @click=${() => this.signOut()}>
                    ${this.t('signOut')}
                  </button>`
              : nothing
          }
          <button
            class="button secondary small"
            type="button"
            lang=${this.lang === 'fr' ? 'en' : 'fr'}
            aria-label=${this.t('languageLabel')}
            @click=${() => this.toggleLanguage()}
          >
            ${this.t('language')}
          </button>
        </div>
      </header>
      <main id="main" tabindex="-1">${session ? this.renderWorkspace() : this.renderSignIn()}</main>
      <footer><p>${this.t('demo')}</p></footer>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-console': TecConsole;
  }
}
