import { defineElement } from '../base/define.js';
import { TecCoalitionMembers } from './tec-coalition-members.js';

defineElement('tec-coalition-members', TecCoalitionMembers);
