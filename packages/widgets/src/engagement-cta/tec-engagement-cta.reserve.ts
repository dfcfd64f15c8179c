/** The space <tec-engagement-cta> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '111.9em'],
  ['', '(min-width: 300px)', '101.1em'],
  ['', '(min-width: 340px)', '91.6em'],
  ['', '(min-width: 360px)', '87.1em'],
  ['', '(min-width: 380px)', '84.0em'],
  ['', '(min-width: 420px)', '76.8em'],
  ['', '(min-width: 480px)', '71.7em'],
  ['', '(min-width: 580px)', '66.9em'],
  ['', '(min-width: 660px)', '63.9em'],
  ['[variant=banner]', '', '42.6em'],
  ['[variant=banner]', '(min-width: 300px)', '39.6em'],
  ['[variant=banner]', '(min-width: 340px)', '36.4em'],
  ['[variant=banner]', '(min-width: 380px)', '31.8em'],
  ['[variant=banner]', '(min-width: 420px)', '26.0em'],
  ['[variant=banner]', '(min-width: 660px)', '22.9em'],
  ['[variant=banner]', '(min-width: 780px)', '19.6em'],
  ['[variant=button]', '', '7.3em'],
];
