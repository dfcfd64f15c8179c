/**
 * The console's entry: registers its elements and points it at the API named by
 * `<meta name="tec-api" content="…">` (empty: the page's own origin, as when the API serves it).
 */
import './tec-console.js';

const api = document.querySelector<HTMLMetaElement>('meta[name="tec-api"]')?.content ?? '';
const app = document.querySelector('tec-console');
if (app && api) app.api = api;
// The documentation site (its embed configurator); empty: the root of the API's host.
const docs = document.querySelector<HTMLMetaElement>('meta[name="tec-docs"]')?.content ?? '';
if (app && docs) app.docs = docs;
export { TecConsole } from './tec-console.js';
