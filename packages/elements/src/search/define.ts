import { defineElement } from '../internal/define.js';
import { XdSearch } from './search.js';

defineElement('xd-search', XdSearch);

declare global {
  interface HTMLElementTagNameMap {
    'xd-search': XdSearch;
  }
}
