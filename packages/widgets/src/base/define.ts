/**
 * Registers a custom element once. A tag already defined — by another copy or another version of
 * the widgets on the page — is left alone with a warning naming both versions, never an error.
 */
import * as z from 'zod/mini';
import { VERSION } from './version.js';

export { VERSION };

/**
 * Widgets run under strict Content-Security-Policies: zod must not probe for `new Function`
 * (the probe alone reports a CSP violation), so its JIT stays off. Objects are validated the
 * interpreted way, which is fast enough for the sizes the widgets handle.
 */
z.config({ jitless: true });

export function defineElement(tag: string, element: CustomElementConstructor & { version?: string }): void {
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (existing) {
    if (existing !== element) {
      console.warn(
        `<${tag}> is already defined (version ${existing.version ?? 'unknown'}); ` +
          `this copy (version ${element.version ?? VERSION}) was not registered.`,
      );
    }
    return;
  }
  customElements.define(tag, element);
}
