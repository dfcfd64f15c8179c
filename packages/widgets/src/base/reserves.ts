/**
 * Every widget's reserve rows, for the page-level rules (the loader, `tec.css`). Only the build
 * and the tests import it: each widget's chunk carries its own rows, not the others'.
 */
import type { Row } from './reserve.js';
import { reserve as members } from '../coalition-members/tec-coalition-members.reserve.js';
import { reserve as cta } from '../engagement-cta/tec-engagement-cta.reserve.js';
import { reserve as tracker } from '../phase-tracker/tec-phase-tracker.reserve.js';
import { reserve as map } from '../territory-map/tec-territory-map.reserve.js';

export const RESERVES: Record<string, Row[]> = {
  'tec-coalition-members': members,
  'tec-engagement-cta': cta,
  'tec-phase-tracker': tracker,
  'tec-territory-map': map,
};
