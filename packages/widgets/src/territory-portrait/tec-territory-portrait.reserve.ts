/** The space <tec-territory-portrait> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '85.6em'],
  ['', '(min-width: 290px)', '82.6em'],
  ['', '(min-width: 310px)', '78.1em'],
  ['', '(min-width: 360px)', '73.6em'],
  ['', '(min-width: 370px)', '70.1em'],
  ['', '(min-width: 400px)', '66.9em'],
  ['', '(min-width: 470px)', '118.5em'],
  ['', '(min-width: 490px)', '114.0em'],
  ['', '(min-width: 500px)', '111.0em'],
  ['', '(min-width: 510px)', '108.0em'],
  ['', '(min-width: 530px)', '104.8em'],
  ['', '(min-width: 590px)', '101.8em'],
  ['', '(min-width: 610px)', '98.8em'],
  ['', '(min-width: 650px)', '95.8em'],
  ['', '(min-width: 660px)', '92.8em'],
  ['', '(min-width: 810px)', '89.8em'],
];
