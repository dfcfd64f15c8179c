/**
 * What every TEC widget shares: configuration from attributes, a `<tec-provider>` or a
 * `<meta name="tec-api">`; the shared SDK client (one cache and one live connection per page);
 * the loading / loaded / empty / error / offline states with `empty` and `error` slots; live
 * updates announced through one polite live region; language and theme.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import {
  getTecClient,
  TecHttpError,
  TecNetworkError,
  TecOriginNotAllowedError,
  TecTimeoutError,
  type LiveNotice,
  type TecClient,
} from '@tec/sdk';
import { tecConfigContext, THEMES, type TecConfig, type Theme } from './context.js';
import { schemeFor, unwatchScheme, watchScheme } from './theme.js';
import { TecErrorEvent } from './events.js';
import { VERSION } from './define.js';
import { languageOf, translate, type Lang, type StringKey } from './i18n.js';

/**
 * A heading of level 2 to 6 (`level` is clamped): for widgets whose place in the page's outline
 * the webmaster sets (lit makes no tag name from data without its static-html module).
 */
export function headingOf(
  level: number,
  content: unknown,
  { id, part }: { id?: string; part?: string } = {},
): TemplateResult {
  const i = id ?? nothing;
  const p = part ?? nothing;
  switch (Math.min(6, Math.max(2, Math.round(level) || 2))) {
    case 3:
      return html`<h3 id=${i} part=${p}>${content}</h3>`;
    case 4:
      return html`<h4 id=${i} part=${p}>${content}</h4>`;
    case 5:
      return html`<h5 id=${i} part=${p}>${content}</h5>`;
    case 6:
      return html`<h6 id=${i} part=${p}>${content}</h6>`;
    default:
      return html`<h2 id=${i} part=${p}>${content}</h2>`;
  }
}

export type WidgetStatus = 'loading' | 'loaded' | 'empty' | 'error' | 'offline';

const SLUG = /^[a-z0-9-]{1,64}$/;

/** A configuration problem a webmaster can fix, shown in the error state. */
export class TecConfigError extends Error {}

/** Why a widget shows no data, in the words a visitor reads (item 4 of the error states). */
export type FailureCause = 'offline' | 'unavailable' | 'busy' | 'forbidden' | 'config' | 'not-found';

/** How long a widget inside a `<tec-provider>` waits for it before it says it lacks its setting. */
const PROVIDER_WAIT_MS = 10_000;

/**
 * Resolves in a new task: the browser may paint and handle input in between (`scheduler.yield()`
 * where there is one, which keeps this task's place ahead of others; a zero timer elsewhere).
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The widgets settled since the last frame, each with its first measure: its reserve's box and
 * that box's height now, or nothing when it keeps its reserve (see TecElement.fitReserve()).
 */
const toFit = new Map<TecElement, () => [HTMLElement, number] | undefined>();

/**
 * Gives the space back where the data is much shorter than the reserve (TecElement.fitReserve()),
 * for every widget settled since the last frame at once: all heights read, then every reserve
 * lifted, then every natural height read — two layouts in all, however many widgets.
 */
function fitReserves(): void {
  const boxes = [...toFit.values()].map((measure) => measure());
  toFit.clear();
  const measured = boxes.filter((b): b is [HTMLElement, number] => b !== undefined);
  for (const [box] of measured) box.classList.add('fitted');
  const keep = measured.filter(([box, reserved]) => {
    const natural = box.getBoundingClientRect().height;
    const em = parseFloat(getComputedStyle(box).fontSize) || 16;
    return reserved - natural < Math.max(4 * em, 0.2 * reserved);
  });
  for (const [box] of keep) box.classList.remove('fitted');
}

export abstract class TecElement extends LitElement {
  static version = VERSION;

  /** Base URL of the TEC API. Falls back to `<tec-provider api>` then `<meta name="tec-api">`. */
  @property({ reflect: true }) api?: string;

  /** Territory slug, e.g. `roya`. */
  @property({ reflect: true }) territory?: string;

  /**
   * `auto` (the default: light on a light page, dark on a dark one, whatever the visitor's
   * system), `light`, `dark`, or `system` (follows the visitor's system).
   */
  @property() theme?: Theme;

  @consume({ context: tecConfigContext, subscribe: true })
  @state()
  protected provided?: TecConfig;

  /** The state a visitor sees. */
  @state() protected status: WidgetStatus = 'loading';
  /**
   * Whether what the widget shows is demonstration data (the API's `demo`): set by each widget's
   * `load()`; the heading then carries the « Données de démonstration » mark (renderHeading()).
   */
  @state() protected demo = false;
  @state() protected failure?: unknown;
  @state() private announcement = '';
  /** Why the data is missing, once known (the service is probed when the network failed). */
  @state() private cause?: FailureCause;

  /** The element's internals: its custom states (the palette), and a form value for the CTA. */
  protected readonly internals = this.attachInternals();
  private providerTimer?: ReturnType<typeof setTimeout>;

  private stopLive?: () => void;
  private liveKey = '';
  /** The status whose height was last compared with the reserve (see fitReserve()). */
  private fittedFor?: WidgetStatus;

  constructor() {
    super();
    // After every render, whatever the widget's own updated() does.
    this.addController({ hostUpdated: () => this.fitReserve() });
  }

  /**
   * The reserve holds the height the demo data takes, so that nothing moves while the data comes.
   * When the data turns out much shorter (a territory being selected, no cooperation yet), the
   * widget gives the space back once, rather than leave a blank card under its content: one
   * shift up, where keeping the reserve would leave a tail of hundreds of pixels. Errors and the
   * skeleton keep the reserve (a retry may bring the full content); so does a page that sets
   * `--tec-min-height` itself.
   *
   * Measuring takes layouts, so it is not done in the render's task: the widgets settled since the
   * last frame are measured together just before that frame is painted (fitReserves(): two
   * layouts for all of them, where each widget measuring itself forced two of its own).
   */
  private fitReserve(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.reserve');
    if (!box) return;
    const settled = this.status === 'loaded' || this.status === 'empty';
    if (!settled) {
      if (this.status === 'loading') {
        box.classList.remove('fitted');
        this.fittedFor = undefined;
      }
      return;
    }
    if (this.fittedFor === this.status) return;
    this.fittedFor = this.status;
    toFit.set(this, () => this.measureReserve());
    if (toFit.size === 1) requestAnimationFrame(fitReserves);
  }

  /** fitReserves()'s first step: the reserve's box and its height now, unless it is kept after all. */
  private measureReserve(): [HTMLElement, number] | undefined {
    const box = this.renderRoot.querySelector<HTMLElement>('.reserve');
    if (!box || !this.isConnected) return undefined;
    // Loading again since it settled: the skeleton keeps the reserve.
    if (this.status !== 'loaded' && this.status !== 'empty') return undefined;
    if (getComputedStyle(this).getPropertyValue('--tec-min-height').trim()) return undefined;
    const height = box.getBoundingClientRect().height;
    // Taller than its reserve: the content sets the height and there is nothing to give back, so
    // no second layout to measure it without the reserve (the map, a long list: the usual case).
    if (height > parseFloat(getComputedStyle(box).minHeight) + 1) return undefined;
    return [box, height];
  }

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

  /** The territory asked for: the widget's own attribute, else its provider's. */
  protected get chosenTerritory(): string | undefined {
    return this.territory?.trim() || this.provided?.territory || undefined;
  }

  /**
   * Whether a `<tec-provider>` around the widget has a setting the widget lacks but has not
   * passed it on yet (its chunk may arrive after the widget's): then the widget keeps loading.
   */
  private get awaitingProvider(): boolean {
    let node: Node | null = this.parentNode;
    while (node && !(node instanceof Element && node.localName === 'tec-provider'))
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    if (!node) return false;
    const provider = node as Element;
    const lacks = (name: 'api' | 'territory') =>
      !this[name] && provider.hasAttribute(name) && !this.provided?.[name];
    return lacks('api') || lacks('territory');
  }

  /** Shows the palette of the theme (a custom state, `:state(dark)`: no attribute is written). */
  applyScheme(): void {
    const asked = this.theme ?? this.provided?.theme ?? 'auto';
    const theme = THEMES.includes(asked) ? asked : 'auto';
    const dark = schemeFor(theme, this) === 'dark';
    if (dark) this.internals.states.add('dark');
    else this.internals.states.delete('dark');
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
    const slug = this.chosenTerritory ?? '';
    if (!SLUG.test(slug)) throw new TecConfigError(`territory="${slug.slice(0, 80)}"`);
    return slug;
  }

  /** Whether this widget needs a territory (most do). */
  protected needsTerritory = true;

  /** The territory this widget shows, if any (checked): its live updates are filtered on it. */
  private get scope(): string | undefined {
    return this.needsTerritory || this.chosenTerritory ? this.slug : undefined;
  }

  /** Loads the widget's data; resolves to the state to show. */
  protected abstract load(client: TecClient, signal: AbortSignal): Promise<'loaded' | 'empty'>;

  /** The loaded (or offline) view. */
  protected abstract renderContent(): TemplateResult | typeof nothing;

  /** A placeholder of the final size, so that the page does not shift when data arrives. */
  protected abstract renderSkeleton(): TemplateResult;

  /** The widget's title, with the territory's name once known: kept in the error state. */
  protected abstract headingText(): string;

  /**
   * The widget's heading, and beside it, when its data is demonstration data, the mark that says
   * so (part `demo-mark`): visible text, not a tooltip, never shown for real data. `hidden` keeps
   * the heading for screen readers only (the mark stays visible).
   */
  protected renderHeading({
    hidden = false,
    level = 2,
  }: { hidden?: boolean; level?: number } = {}): TemplateResult {
    const heading = hidden
      ? html`<h2 id="title" class="visually-hidden">${this.headingText()}</h2>`
      : headingOf(level, this.headingText(), { id: 'title', part: 'title' });
    if (!this.demo) return heading;
    return html`<div class="heading">
      ${heading}
      <p class="demo-mark" part="demo-mark">${this.t('demoData')}</p>
    </div>`;
  }

  /** Text to announce after a live change was applied (undefined: say nothing). */
  protected describeChange(_notice: LiveNotice): string | undefined {
    return undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    watchScheme(this);
    this.applyScheme();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    unwatchScheme(this);
    clearTimeout(this.providerTimer);
    this.stopLive?.();
    this.stopLive = undefined;
    this.liveKey = '';
    this.loadAbort?.abort();
  }

  /** What the data depends on: a change loads again. */
  private source = '';

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('theme') || changed.has('provided')) this.applyScheme();
    const source = `${this.apiUrl ?? ''} ${this.chosenTerritory ?? ''} ${this.provided?.lang ?? ''}`;
    if (changed.has('api') || changed.has('territory') || source !== this.source) {
      this.source = source;
      void this.reload();
    }
  }

  /** Loads again (the retry button, a live change, coming back online). */
  async reload(quiet = false): Promise<void> {
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    if (!quiet) {
      this.status = 'loading';
      this.failure = undefined;
      this.cause = undefined;
    }
    clearTimeout(this.providerTimer);
    if (this.awaitingProvider) {
      // Its value arrives through the context (a new `provided`, which loads again); if its
      // script never comes, the widget says what it lacks instead of loading forever.
      this.providerTimer = setTimeout(() => {
        if (this.awaitingProvider) this.fail(new TecConfigError(this.api ? 'territory' : 'api'));
      }, PROVIDER_WAIT_MS);
      return;
    }
    try {
      const client = this.client;
      this.listen(client); // checks the territory, before any request
      const status = await this.load(client, abort.signal);
      // Widgets whose data came together render each in a task of its own, not all in one.
      await nextTask();
      if (abort.signal.aborted) return;
      this.status = status;
      this.failure = undefined;
    } catch (error) {
      if (abort.signal.aborted) return;
      await this.fail(error);
    }
  }

  /**
   * The retry button: loads again. The button gives way to the skeleton, and the focus to the
   * page; once the outcome is there, the focus comes back to it (the heading of what loaded, or
   * the new retry button, with what went wrong said), unless the visitor has moved it meanwhile.
   */
  private async retry(): Promise<void> {
    await this.reload();
    await this.updateComplete;
    if (!this.focusFell()) return;
    const again = this.renderRoot.querySelector<HTMLElement>('[part="retry"]');
    if (!again) return this.focusTitle();
    again.focus();
    // What the page put in the error slot, else the widget's own message.
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="error"]');
    const page = slot
      ?.assignedNodes()
      .map((n) => n.textContent ?? '')
      .join(' ')
      .trim();
    this.announce(page || this.errorMessage(this.cause ?? 'unavailable'));
  }

  /**
   * Whether the focus has fallen to the page (the element that had it was rendered away), rather
   * than been moved elsewhere by the visitor: then the widget may give it back.
   */
  protected focusFell(): boolean {
    const inside = (this.renderRoot as ShadowRoot).activeElement;
    return !inside && (!document.activeElement || document.activeElement === document.body);
  }

  /** Focuses the widget's heading (or, a state without one, its frame), focusable by script only. */
  protected focusTitle(): void {
    const title =
      this.renderRoot.querySelector<HTMLElement>('#title') ??
      this.renderRoot.querySelector<HTMLElement>('[part="base"]');
    title?.setAttribute('tabindex', '-1');
    title?.focus();
  }

  /** Shows the error state for `error`, with its cause (probing the service when needed). */
  private async fail(error: unknown): Promise<void> {
    const abort = this.loadAbort;
    const cause = await this.causeOf(error);
    if (abort !== this.loadAbort) return; // a newer load started meanwhile
    this.failure = error;
    this.cause = cause;
    this.status = cause === 'offline' ? 'offline' : 'error';
    this.explain(cause, error);
    this.dispatchEvent(new TecErrorEvent(error));
  }

  /**
   * Why a load failed. A request refused by the browser for CORS looks like a network failure;
   * the service is then asked once more without CORS (an opaque answer, no credentials): if it
   * answers, it is there and refuses this site.
   */
  private async causeOf(error: unknown): Promise<FailureCause> {
    if (error instanceof TecConfigError) return 'config';
    if (error instanceof TecHttpError) {
      if (error.status === 404) return 'not-found';
      if (error instanceof TecOriginNotAllowedError || error.status === 403) return 'forbidden';
      if (error.status === 429) return 'busy';
      return 'unavailable';
    }
    const network = error instanceof TecNetworkError || error instanceof TecTimeoutError;
    if (network && !navigator.onLine) return 'offline';
    if (error instanceof TecNetworkError && this.apiUrl) {
      try {
        const base = new URL(this.apiUrl, location.href).href.replace(/\/+$/, '');
        await fetch(`${base}/v1/health`, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
        return 'forbidden';
      } catch {
        return 'unavailable';
      }
    }
    return 'unavailable';
  }

  /** Tells the webmaster, in the browser's console, what to fix when the page can. */
  private explain(cause: FailureCause, error: unknown): void {
    const tag = `<${this.localName}>`;
    if (cause === 'forbidden')
      console.error(
        `TEC: ${tag} — the TEC API at ${this.apiUrl ?? '?'} does not allow this site (${location.origin}). ` +
          `Ask its operator to add ${location.origin} to TEC_ALLOWED_ORIGINS, or to lift the restriction (see docs/api.md).`,
      );
    else if (cause === 'config')
      console.error(
        `TEC: ${tag} is misconfigured: ${(error as Error).message}. See the attributes in docs/integration.md.`,
      );
    else if (cause === 'not-found')
      console.error(
        `TEC: ${tag} — the territory "${this.chosenTerritory ?? ''}" does not exist on ${this.apiUrl ?? '?'}. ` +
          'Check its territory attribute (see docs/integration.md).',
      );
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

  /**
   * The error state (and offline with nothing to show): the widget's title, what happened by
   * cause, a retry where retrying can help, the webmaster's fallback content (the link inside
   * the tag), and a quiet outline of the content in the rest of the space the widget holds.
   */
  /** What the error state says for `cause`. */
  private errorMessage(cause: FailureCause): string {
    const detail = this.failure instanceof TecConfigError ? this.failure.message : '';
    return {
      offline: this.t('errorOffline'),
      unavailable: this.t('errorUnavailable'),
      busy: this.t('errorBusy'),
      forbidden: this.t('errorForbidden'),
      config: this.t('errorConfig', { detail }),
      'not-found': this.t('errorNotFound', { territory: this.chosenTerritory ?? '' }),
    }[cause];
  }

  protected renderError(): TemplateResult {
    const cause = this.cause ?? 'unavailable';
    const message = this.errorMessage(cause);
    const retry = cause === 'offline' || cause === 'unavailable' || cause === 'busy';
    return html`<section class="frame failed" part="base" aria-labelledby="title" data-cause=${cause}>
      <h2 id="title" part="title">${this.headingText()}</h2>
      <div class="notice" part="error">
        <slot name="error"><p>${message}</p></slot>
        ${
          retry
            ? html`<button class="button secondary" part="retry" @click=${() => void this.retry()}>
                ${this.t('retry')}
              </button>`
            : nothing
        }
      </div>
      ${
        this.querySelector(':scope > :not([slot])')
          ? html`<div class="fallback" part="fallback"><slot></slot></div>`
          : nothing
      }
      <div class="quiet" aria-hidden="true">${this.renderSkeleton()}</div>
    </section>`;
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
      case 'offline': {
        // Offline with data: the data, under a notice; with none yet: the error state.
        const content = this.renderContent();
        body =
          content === nothing
            ? this.renderError()
            : html`<p class="notice" part="offline">${this.t('offline')}</p>
                ${content}`;
        break;
      }
      default:
        body = this.renderContent();
    }
    return html`<div class="reserve">${body}</div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        ${this.announcement}
      </div>`;
  }
}
