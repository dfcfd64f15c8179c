/**
 * The widgets' strings and formatters as one module, for the console and other code outside the
 * CDN set: the base's (i18n.ts, in the runtime chunk) and the labels of the contract's enums
 * (labels.ts, in the chunks of the widgets that show them). The widgets import those two
 * directly, so that the runtime does not carry the labels.
 */
export * from './i18n.js';
export { labels } from './labels.js';
