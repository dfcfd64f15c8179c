/** The space <tec-engagement-cta> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '105.6em'],
  ['', '(min-width: 300px)', '97.3em'],
  ['', '(min-width: 320px)', '93.9em'],
  ['', '(min-width: 340px)', '88.0em'],
  ['', '(min-width: 360px)', '83.5em'],
  ['', '(min-width: 380px)', '80.2em'],
  ['', '(min-width: 420px)', '75.1em'],
  ['', '(min-width: 500px)', '71.7em'],
  ['', '(min-width: 600px)', '68.6em'],
  ['', '(min-width: 660px)', '63.9em'],
  ['[variant=banner]', '', '41.1em'],
  ['[variant=banner]', '(min-width: 300px)', '36.2em'],
  ['[variant=banner]', '(min-width: 360px)', '33.2em'],
  ['[variant=banner]', '(min-width: 380px)', '29.9em'],
  ['[variant=banner]', '(min-width: 420px)', '26.0em'],
  ['[variant=banner]', '(min-width: 660px)', '22.9em'],
  ['[variant=banner]', '(min-width: 780px)', '19.6em'],
  ['[variant=button]', '', '7.3em'],
];
