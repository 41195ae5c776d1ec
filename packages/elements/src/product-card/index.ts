export { XdProductCard } from './product-card.js';
