import { defineElement } from '../base/define.js';
import { TecTerritoryPortrait } from './tec-territory-portrait.js';

defineElement('tec-territory-portrait', TecTerritoryPortrait);
