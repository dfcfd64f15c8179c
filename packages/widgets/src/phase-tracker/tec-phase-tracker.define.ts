import { defineElement } from '../base/define.js';
import { TecPhaseTracker } from './tec-phase-tracker.js';

defineElement('tec-phase-tracker', TecPhaseTracker);
