/**
 * What a `<tec-provider>` gives the widgets inside it, and the page's one `ContextRoot`.
 *
 * The loader fetches each widget's chunk on its own, so a widget may upgrade before the provider
 * around it does. Its request for the configuration then reaches no provider; the `ContextRoot`
 * attached to the document keeps it and answers it again as soon as a provider appears (GMPX does
 * the same), so the order in which the chunks arrive does not matter.
 */
import { ContextRoot, createContext } from '@lit/context';

/** A widget's theme: `auto` follows the host page, `system` the visitor's system. */
export type Theme = 'auto' | 'light' | 'dark' | 'system';
export const THEMES: readonly Theme[] = ['auto', 'light', 'dark', 'system'];

/** What a `<tec-provider>` gives every widget inside it; a widget's own attribute wins. */
export interface TecConfig {
  api?: string | undefined;
  territory?: string | undefined;
  theme?: Theme | undefined;
  lang?: string | undefined;
}

export const tecConfigContext = createContext<TecConfig>(Symbol.for('tec-config'));

// One root per page, whichever copies or versions of the widgets are on it.
const rooted = Symbol.for('tec.context-root');
const page = globalThis as unknown as Record<symbol, boolean>;
if (!page[rooted] && typeof document !== 'undefined') {
  page[rooted] = true;
  new ContextRoot().attach(document.documentElement);
}
