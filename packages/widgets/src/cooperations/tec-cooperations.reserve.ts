/** The space <tec-cooperations> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '147.1em'],
  ['', '(min-width: 300px)', '137.2em'],
  ['', '(min-width: 310px)', '134.2em'],
  ['', '(min-width: 340px)', '131.2em'],
  ['', '(min-width: 350px)', '126.9em'],
  ['', '(min-width: 360px)', '124.1em'],
  ['', '(min-width: 390px)', '119.8em'],
  ['', '(min-width: 410px)', '115.4em'],
  ['', '(min-width: 420px)', '107.9em'],
  ['', '(min-width: 430px)', '103.4em'],
  ['', '(min-width: 460px)', '100.3em'],
  ['', '(min-width: 490px)', '97.3em'],
  ['', '(min-width: 520px)', '92.8em'],
  ['', '(min-width: 560px)', '86.8em'],
  ['', '(min-width: 600px)', '83.8em'],
  ['', '(min-width: 680px)', '90.2em'],
  ['', '(min-width: 750px)', '87.3em'],
  ['', '(min-width: 790px)', '84.3em'],
  ['', '(min-width: 810px)', '81.3em'],
  ['', '(min-width: 830px)', '76.8em'],
  ['', '(min-width: 950px)', '72.3em'],
  ['', '(min-width: 1000px)', '67.8em'],
  ['', '(min-width: 1020px)', '57.5em'],
  ['', '(min-width: 1100px)', '54.5em'],
];
