export { XdSearchResults } from './search-results.js';
