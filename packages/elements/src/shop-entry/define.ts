import { defineElement } from '../internal/define.js';
import { XdShopEntry } from './shop-entry.js';

defineElement('xd-shop-entry', XdShopEntry);

declare global {
  interface HTMLElementTagNameMap {
    'xd-shop-entry': XdShopEntry;
  }
}
