export { XdSearch } from './search.js';
