/** The space <tec-territory-map> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', 'calc(20.2em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  ['', '(min-width: 320px)', 'calc(17.4em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  ['', '(min-width: 420px)', 'calc(14.4em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '', 'calc(35.4em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 320px)', 'calc(28.2em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 420px)', 'calc(23.8em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 560px)', 'calc(21.8em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 640px)', 'calc(18.5em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
];
