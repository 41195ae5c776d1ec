import { defineElement } from '../internal/define.js';
import { XdProductCard } from './product-card.js';

defineElement('xd-product-card', XdProductCard);

declare global {
  interface HTMLElementTagNameMap {
    'xd-product-card': XdProductCard;
  }
}
