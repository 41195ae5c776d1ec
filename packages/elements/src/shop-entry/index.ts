export { XdShopEntry } from './shop-entry.js';
