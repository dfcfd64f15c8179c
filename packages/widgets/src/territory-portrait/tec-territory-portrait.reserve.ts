/** The space <tec-territory-portrait> holds on the page, written by `npm run reserve` (see base/reserve.ts). */
import type { Row } from '../base/reserve.js';

export const reserve: Row[] = [['', '', '40.0em']];
