/** The space <tec-engagement-cta> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '115.5em'],
  ['', '(min-width: 290px)', '111.4em'],
  ['', '(min-width: 300px)', '104.7em'],
  ['', '(min-width: 330px)', '98.2em'],
  ['', '(min-width: 340px)', '95.2em'],
  ['', '(min-width: 350px)', '92.2em'],
  ['', '(min-width: 370px)', '89.2em'],
  ['', '(min-width: 390px)', '86.1em'],
  ['', '(min-width: 410px)', '80.8em'],
  ['', '(min-width: 450px)', '77.4em'],
  ['', '(min-width: 480px)', '73.9em'],
  ['', '(min-width: 570px)', '70.7em'],
  ['', '(min-width: 600px)', '66.1em'],
  ['', '(min-width: 760px)', '63.1em'],
  ['[variant=banner]', '', '41.9em'],
  ['[variant=banner]', '(min-width: 300px)', '39.0em'],
  ['[variant=banner]', '(min-width: 340px)', '35.8em'],
  ['[variant=banner]', '(min-width: 370px)', '32.8em'],
  ['[variant=banner]', '(min-width: 400px)', '29.2em'],
  ['[variant=banner]', '(min-width: 420px)', '25.4em'],
  ['[variant=banner]', '(min-width: 600px)', '22.3em'],
  ['[variant=banner]', '(min-width: 770px)', '17.5em'],
  ['[variant=button]', '', '7.6em'],
];
