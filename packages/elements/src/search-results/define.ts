import { defineElement } from '../internal/define.js';
import { XdSearchResults } from './search-results.js';

defineElement('xd-search-results', XdSearchResults);

declare global {
  interface HTMLElementTagNameMap {
    'xd-search-results': XdSearchResults;
  }
}
