/**
 * What every TEC widget shares: configuration from attributes, a `<tec-provider>` or a
 * `<meta name="tec-api">`; the shared SDK client (one cache and one live connection per page);
 * the loading / loaded / empty / error / offline states with `empty` and `error` slots; live
 * updates announced through one polite live region; language and theme.
 */
import type { nothing } from 'lit';
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import {
  getTecClient,
  TecHttpError,
  TecNetworkError,
  TecTimeoutError,
  type LiveNotice,
  type TecClient,
} from '@tec/sdk';
import { tecConfigContext, type TecConfig } from './context.js';
import { TecErrorEvent } from './events.js';
import { VERSION } from './define.js';
import { languageOf, translate, type Lang, type StringKey } from './localize.js';

export type WidgetStatus = 'loading' | 'loaded' | 'empty' | 'error' | 'offline';

const SLUG = /^[a-z0-9-]{1,64}$/;

/** A configuration problem a webmaster can fix, shown in the error state. */
export class TecConfigError extends Error {}

export abstract class TecElement extends LitElement {
  static version = VERSION;

  /** Base URL of the TEC API. Falls back to `<tec-provider api>` then `<meta name="tec-api">`. */
  @property({ reflect: true }) api?: string;

  /** Territory slug, e.g. `roya`. */
  @property({ reflect: true }) territory?: string;

  /** `light`, `dark`, or `auto` (follows the visitor's system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  @consume({ context: tecConfigContext, subscribe: true })
  @state()
  protected provided?: TecConfig;

  /** The state a visitor sees. */
  @state() protected status: WidgetStatus = 'loading';
  @state() protected failure?: unknown;
  @state() private announcement = '';

  private stopLive?: () => void;
  private liveKey = '';
  private loadAbort?: AbortController;
  private readonly onOnline = () => {
    if (this.status === 'offline' || this.status === 'error') void this.reload();
  };
  private readonly onOffline = () => {
    if (this.status === 'loaded' || this.status === 'empty') this.status = 'offline';
  };

  /** The widget's language: `lang` on it or on the nearest ancestor; French by default. */
  protected get language(): Lang {
    return languageOf(this);
  }

  protected t(key: StringKey, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  /** The API base URL in use, or undefined when none is configured. */
  protected get apiUrl(): string | undefined {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="tec-api"]')?.content;
    return this.api || this.provided?.api || meta || undefined;
  }

  protected get client(): TecClient {
    const api = this.apiUrl;
    if (!api) throw new TecConfigError('api');
    let url: URL;
    try {
      url = new URL(api, location.href);
    } catch {
      throw new TecConfigError(`api="${api.slice(0, 80)}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new TecConfigError(`api="${api.slice(0, 80)}"`);
    return getTecClient(url.href);
  }

  /** The territory slug, checked: a bad attribute is a clear configuration error, not a request. */
  protected get slug(): string {
    const slug = this.territory?.trim() ?? '';
    if (!SLUG.test(slug)) throw new TecConfigError(`territory="${slug.slice(0, 80)}"`);
    return slug;
  }

  /** Whether this widget needs a territory (most do). */
  protected needsTerritory = true;

  /** The territory this widget shows, if any (checked): its live updates are filtered on it. */
  private get scope(): string | undefined {
    return this.needsTerritory || this.territory ? this.slug : undefined;
  }

  /** Loads the widget's data; resolves to the state to show. */
  protected abstract load(client: TecClient, signal: AbortSignal): Promise<'loaded' | 'empty'>;

  /** The loaded (or offline) view. */
  protected abstract renderContent(): TemplateResult | typeof nothing;

  /** A placeholder of the final size, so that the page does not shift when data arrives. */
  protected abstract renderSkeleton(): TemplateResult;

  /** Text to announce after a live change was applied (undefined: say nothing). */
  protected describeChange(_notice: LiveNotice): string | undefined {
    return undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.stopLive?.();
    this.stopLive = undefined;
    this.liveKey = '';
    this.loadAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('api') || changed.has('territory') || changed.has('provided')) void this.reload();
  }

  /** Loads again (the retry button, a live change, coming back online). */
  async reload(quiet = false): Promise<void> {
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    if (!quiet) {
      this.status = 'loading';
      this.failure = undefined;
    }
    try {
      const client = this.client;
      this.listen(client); // checks the territory, before any request
      const status = await this.load(client, abort.signal);
      if (abort.signal.aborted) return;
      this.status = status;
      this.failure = undefined;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failure = error;
      const offline =
        !navigator.onLine && (error instanceof TecNetworkError || error instanceof TecTimeoutError);
      this.status = offline ? 'offline' : 'error';
      this.dispatchEvent(new TecErrorEvent(error));
    }
  }

  private listen(client: TecClient): void {
    const scope = this.scope;
    const key = `${client.baseUrl} ${scope ?? '*'}`;
    if (key === this.liveKey) return;
    this.stopLive?.();
    this.liveKey = key;
    const filter = scope ? { territory: scope } : {};
    this.stopLive = client.live.subscribe(filter, (notice) => void this.onLive(notice));
  }

  private async onLive(notice: LiveNotice): Promise<void> {
    await this.applyLive(notice);
    const text = this.describeChange(notice);
    if (text) this.announce(this.t('updated', { what: text }));
  }

  /** Brings the view up to date after a live change: by default, loads again (quietly). */
  protected async applyLive(_notice: LiveNotice): Promise<void> {
    await this.reload(true);
  }

  /** Says `text` politely to screen readers, through this widget's one live region. */
  protected announce(text: string): void {
    // Cleared first, so that the same message twice is announced twice.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  protected renderError(): TemplateResult {
    const error = this.failure;
    let message = this.t('errorTitle');
    if (error instanceof TecConfigError) message = this.t('errorConfig', { detail: error.message });
    else if (error instanceof TecHttpError && error.status === 404) message = this.t('errorNotFound');
    else if (error instanceof TecNetworkError || error instanceof TecTimeoutError)
      message = this.t('errorNetwork');
    return html`<div class="frame state" part="base">
      <div class="notice" part="error">
        <slot name="error"><p>${message}</p></slot>
        <button class="button secondary" part="retry" @click=${() => void this.reload()}>
          ${this.t('retry')}
        </button>
      </div>
    </div>`;
  }

  protected renderEmpty(): TemplateResult {
    return html`<div class="frame state" part="base">
      <slot name="empty"><p part="empty">${this.t('empty')}</p></slot>
    </div>`;
  }

  protected override render(): TemplateResult {
    let body: TemplateResult | typeof nothing;
    switch (this.status) {
      case 'loading':
        body = html`<div class="busy" aria-busy="true">
          <span class="visually-hidden">${this.t('loading')}</span>${this.renderSkeleton()}
        </div>`;
        break;
      case 'error':
        body = this.renderError();
        break;
      case 'empty':
        body = this.renderEmpty();
        break;
      case 'offline':
        body = html`<p class="notice" part="offline">${this.t('offline')}</p>
          ${this.renderContent()}`;
        break;
      default:
        body = this.renderContent();
    }
    return html`<div class="reserve">${body}</div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        ${this.announcement}
      </div>`;
  }
}
