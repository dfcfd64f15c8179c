/** The space <tec-coalition-members> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '61.8em'],
  ['', '(min-width: 580px)', '58.9em'],
  ['', '(min-width: 610px)', '55.6em'],
];
