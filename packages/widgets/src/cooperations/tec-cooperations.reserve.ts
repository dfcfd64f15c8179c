/** The space <tec-cooperations> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '139.9em'],
  ['', '(min-width: 300px)', '129.9em'],
  ['', '(min-width: 340px)', '120.9em'],
  ['', '(min-width: 360px)', '109.3em'],
  ['', '(min-width: 400px)', '106.6em'],
  ['', '(min-width: 420px)', '96.2em'],
  ['', '(min-width: 440px)', '93.2em'],
  ['', '(min-width: 500px)', '90.1em'],
  ['', '(min-width: 580px)', '87.1em'],
  ['', '(min-width: 640px)', '84.1em'],
  ['', '(min-width: 700px)', '75.2em'],
  ['', '(min-width: 780px)', '72.3em'],
  ['', '(min-width: 800px)', '69.3em'],
  ['', '(min-width: 840px)', '64.8em'],
  ['', '(min-width: 1020px)', '50.0em'],
  ['', '(min-width: 1100px)', '47.0em'],
];
