import { defineElement } from '../base/define.js';
import { TecProvider } from './tec-provider.js';

defineElement('tec-provider', TecProvider);
