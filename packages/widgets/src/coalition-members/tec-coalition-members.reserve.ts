/** The space <tec-coalition-members> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '60.2em'],
  ['', '(min-width: 620px)', '55.6em'],
];
