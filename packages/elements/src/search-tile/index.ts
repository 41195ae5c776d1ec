export { XdSearchTile } from './search-tile.js';
