import { defineElement } from '../base/define.js';
import { TecCooperations } from './tec-cooperations.js';

defineElement('tec-cooperations', TecCooperations);
