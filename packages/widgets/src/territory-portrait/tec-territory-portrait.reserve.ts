/** The space <tec-territory-portrait> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '84.1em'],
  ['', '(min-width: 290px)', '81.1em'],
  ['', '(min-width: 310px)', '78.1em'],
  ['', '(min-width: 340px)', '75.1em'],
  ['', '(min-width: 370px)', '70.1em'],
  ['', '(min-width: 390px)', '66.9em'],
  ['', '(min-width: 470px)', '118.5em'],
  ['', '(min-width: 490px)', '114.0em'],
  ['', '(min-width: 500px)', '109.5em'],
  ['', '(min-width: 510px)', '106.5em'],
  ['', '(min-width: 560px)', '103.3em'],
  ['', '(min-width: 600px)', '100.3em'],
  ['', '(min-width: 630px)', '97.3em'],
  ['', '(min-width: 650px)', '94.3em'],
  ['', '(min-width: 750px)', '91.3em'],
  ['', '(min-width: 810px)', '88.3em'],
];
