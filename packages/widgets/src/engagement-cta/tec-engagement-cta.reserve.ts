/** The space <tec-engagement-cta> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [
  ['', '', '107.1em'],
  ['', '(min-width: 300px)', '97.3em'],
  ['', '(min-width: 320px)', '93.9em'],
  ['', '(min-width: 340px)', '86.1em'],
  ['', '(min-width: 360px)', '81.6em'],
  ['', '(min-width: 380px)', '76.4em'],
  ['', '(min-width: 480px)', '73.2em'],
  ['', '(min-width: 600px)', '70.1em'],
  ['', '(min-width: 660px)', '65.4em'],
  ['[variant=banner]', '', '41.1em'],
  ['[variant=banner]', '(min-width: 300px)', '34.7em'],
  ['[variant=banner]', '(min-width: 380px)', '28.0em'],
  ['[variant=banner]', '(min-width: 640px)', '24.4em'],
  ['[variant=banner]', '(min-width: 720px)', '19.6em'],
  ['[variant=button]', '', '7.3em'],
];
