import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { tecConfigContext, THEMES, type TecConfig, type Theme } from '../base/context.js';
import { VERSION } from '../base/define.js';

/**
 * Sets the API, the territory, the theme and the language once for every widget inside it. A
 * widget's own attribute wins over the provider's. Widgets may be loaded before or after it.
 *
 * @summary Page-wide configuration of the TEC widgets.
 * @tagname tec-provider
 * @slot - The widgets (and any other content).
 */
export class TecProvider extends LitElement {
  static version = VERSION;
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the TEC API for the widgets inside. */
  @property({ reflect: true }) api?: string;

  /** Territory slug for the widgets inside that have none of their own, e.g. `roya`. */
  @property({ reflect: true }) territory?: string;

  /** Theme of the widgets inside: `auto` (follows the page), `light`, `dark` or `system`. */
  @property({ reflect: true }) theme?: Theme;

  private readonly provider = new ContextProvider(this, { context: tecConfigContext, initialValue: {} });

  override connectedCallback(): void {
    // Before the context provider announces itself (in super.connectedCallback): the widgets
    // waiting for it get the page's values, never an empty configuration first.
    this.provider.setValue(this.current());
    super.connectedCallback();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // `lang` is a native attribute, not a Lit property: passed on when it changes.
    if (name === 'lang') this.requestUpdate();
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** What the widgets inside get (the properties are set from the attributes before connecting). */
  private current(): TecConfig {
    return {
      api: this.api || undefined,
      territory: this.territory?.trim() || undefined,
      theme: this.theme && THEMES.includes(this.theme) ? this.theme : undefined,
      lang: this.getAttribute('lang') || undefined,
    };
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const value = this.current();
    const old = this.provider.value;
    if ((Object.keys(value) as (keyof TecConfig)[]).some((k) => value[k] !== old[k]))
      this.provider.setValue(value);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-provider': TecProvider;
  }
}
