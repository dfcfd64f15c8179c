import { defineElement } from '../base/define.js';
import { TecTerritoryMap } from './tec-territory-map.js';

defineElement('tec-territory-map', TecTerritoryMap);
