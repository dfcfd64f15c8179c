/** The space <tec-territory-map> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', 'calc(20.2em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  ['', '(min-width: 320px)', 'calc(17.4em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  ['', '(min-width: 420px)', 'calc(14.4em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '', 'calc(38.0em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 320px)', 'calc(30.9em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 400px)', 'calc(28.0em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 440px)', 'calc(25.1em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 560px)', 'calc(23.1em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 640px)', 'calc(19.8em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
];
