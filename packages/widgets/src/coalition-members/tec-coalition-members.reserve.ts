/** The space <tec-coalition-members> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '72.8em'],
  ['', '(min-width: 320px)', '69.6em'],
  ['', '(min-width: 340px)', '66.3em'],
  ['', '(min-width: 380px)', '63.1em'],
  ['', '(min-width: 480px)', '58.2em'],
  ['', '(min-width: 720px)', '54.9em'],
];
