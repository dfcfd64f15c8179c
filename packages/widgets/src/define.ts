/** Registers every TEC widget tag (side effect). */
import './provider/tec-provider.define.js';
import './phase-tracker/tec-phase-tracker.define.js';
import './engagement-cta/tec-engagement-cta.define.js';
import './coalition-members/tec-coalition-members.define.js';
import './territory-map/tec-territory-map.define.js';
