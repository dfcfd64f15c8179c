/** The space <tec-engagement-cta> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '105.0em'],
  ['', '(min-width: 300px)', '96.7em'],
  ['', '(min-width: 320px)', '93.3em'],
  ['', '(min-width: 340px)', '87.3em'],
  ['', '(min-width: 360px)', '82.8em'],
  ['', '(min-width: 380px)', '79.6em'],
  ['', '(min-width: 420px)', '74.5em'],
  ['', '(min-width: 500px)', '71.1em'],
  ['', '(min-width: 600px)', '66.5em'],
  ['', '(min-width: 660px)', '61.9em'],
  ['[variant=banner]', '', '40.4em'],
  ['[variant=banner]', '(min-width: 300px)', '35.6em'],
  ['[variant=banner]', '(min-width: 360px)', '32.6em'],
  ['[variant=banner]', '(min-width: 380px)', '29.3em'],
  ['[variant=banner]', '(min-width: 420px)', '25.4em'],
  ['[variant=banner]', '(min-width: 640px)', '22.3em'],
  ['[variant=banner]', '(min-width: 780px)', '17.5em'],
  ['[variant=button]', '', '7.6em'],
];
