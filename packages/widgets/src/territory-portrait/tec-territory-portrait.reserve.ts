/** The space <tec-territory-portrait> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '168.7em'],
  ['', '(min-width: 300px)', '155.2em'],
  ['', '(min-width: 320px)', '78.1em'],
  ['', '(min-width: 360px)', '73.6em'],
  ['', '(min-width: 380px)', '70.1em'],
  ['', '(min-width: 400px)', '66.9em'],
  ['', '(min-width: 480px)', '111.0em'],
  ['', '(min-width: 520px)', '107.8em'],
  ['', '(min-width: 540px)', '104.8em'],
  ['', '(min-width: 600px)', '100.3em'],
  ['', '(min-width: 640px)', '97.3em'],
  ['', '(min-width: 660px)', '92.8em'],
  ['', '(min-width: 820px)', '89.8em'],
];
