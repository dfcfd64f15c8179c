/** The space <tec-territory-map> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', 'calc(24.8em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  ['', '(min-width: 310px)', 'calc(21.9em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  ['', '(min-width: 410px)', 'calc(19.0em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  ['', '(min-width: 580px)', 'calc(16.3em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '', 'calc(42.6em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 310px)', 'calc(38.4em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 320px)', 'calc(35.4em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 390px)', 'calc(32.6em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 440px)', 'calc(29.7em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 560px)', 'calc(27.7em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 630px)', 'calc(24.4em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 650px)', 'calc(21.6em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
];
