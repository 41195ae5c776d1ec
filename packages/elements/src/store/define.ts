import { defineElement } from '../internal/define.js';
import { XdStore } from './store.js';

defineElement('xd-store', XdStore);

declare global {
  interface HTMLElementTagNameMap {
    'xd-store': XdStore;
  }
}
