import { defineElement } from '../base/define.js';
import { TecEngagementCta } from './tec-engagement-cta.js';

defineElement('tec-engagement-cta', TecEngagementCta);
