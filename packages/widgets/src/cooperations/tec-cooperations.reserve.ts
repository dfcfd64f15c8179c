/** The space <tec-cooperations> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '147.1em'],
  ['', '(min-width: 300px)', '137.2em'],
  ['', '(min-width: 320px)', '134.2em'],
  ['', '(min-width: 340px)', '131.2em'],
  ['', '(min-width: 360px)', '124.1em'],
  ['', '(min-width: 400px)', '119.8em'],
  ['', '(min-width: 420px)', '107.9em'],
  ['', '(min-width: 440px)', '103.4em'],
  ['', '(min-width: 460px)', '100.3em'],
  ['', '(min-width: 500px)', '95.8em'],
  ['', '(min-width: 520px)', '92.8em'],
  ['', '(min-width: 560px)', '86.8em'],
  ['', '(min-width: 600px)', '83.8em'],
  ['', '(min-width: 680px)', '88.7em'],
  ['', '(min-width: 780px)', '85.8em'],
  ['', '(min-width: 800px)', '82.8em'],
  ['', '(min-width: 840px)', '76.8em'],
  ['', '(min-width: 960px)', '72.3em'],
  ['', '(min-width: 1000px)', '67.8em'],
  ['', '(min-width: 1020px)', '57.5em'],
  ['', '(min-width: 1100px)', '54.5em'],
];
