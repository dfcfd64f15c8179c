import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { tecConfigContext } from '../base/context.js';
import { VERSION } from '../base/define.js';

/**
 * Sets the API once for every widget inside it; its `lang` applies to them too.
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

  private readonly provider = new ContextProvider(this, { context: tecConfigContext, initialValue: {} });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api')) this.provider.setValue({ api: this.api });
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
