import { defineElement } from '../internal/define.js';
import { XdSearchTile } from './search-tile.js';

defineElement('xd-search-tile', XdSearchTile);

declare global {
  interface HTMLElementTagNameMap {
    'xd-search-tile': XdSearchTile;
  }
}
