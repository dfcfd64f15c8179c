/** The space <tec-territory-map> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', 'calc(21.5em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  ['', '(min-width: 310px)', 'calc(18.7em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  ['', '(min-width: 410px)', 'calc(15.8em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  ['', '(min-width: 580px)', 'calc(13.0em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '', 'calc(39.3em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 310px)', 'calc(35.2em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 320px)', 'calc(32.2em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 390px)', 'calc(29.4em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 440px)', 'calc(26.4em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 560px)', 'calc(24.4em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 630px)', 'calc(21.1em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
  [':not([territory])', '(min-width: 650px)', 'calc(18.4em + min(100cqi - 2em - 2px, 48em) * 14 / 15)'],
];
