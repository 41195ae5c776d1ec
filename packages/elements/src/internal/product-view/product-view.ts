import { html, nothing, type TemplateResult } from 'lit';
import { formatFen, formatFenRange, statusName, type Product } from '@xiaodian/model';
import type { Intent } from '../../events/intent.js';
import type { ProductCardMessages } from '../../product-card/product-card.messages.js';
import { renderBox, type BoxOptions } from '../box.js';
import { formatCount, type Locale } from '../i18n.js';
import { pictureUrl } from '../picture-url.js';

/**
 * The product view written once: what `<xd-product-card>` and `<xd-search-tile>` both show of a product
 * (image, shop logo, title, price, sales, guarantees, shop name, buy button or why it cannot be bought) and
 * the box around it. Each element keeps its own layout (its styles) and decides what its title shows.
 */
export interface ProductViewOptions {
  /** The title as the element shows it: text, or DOM built from text (a search hit's highlights). */
  title: string | TemplateResult | Array<string | TemplateResult>;
  /** The price as shown, when the element shortens it (the text link's 「¥99.90起」); else the range. */
  shownPrice?: string;
  /** What a tap asks for (see `intentFor`). */
  intent: Intent;
  open: () => void;
}

/** Gifts only for products the shop lets people give, buying only what is in stock; else the detail page. */
export function intentFor(requested: Intent, product: Product): Intent {
  if (requested === 'gift' && product.giftable !== true) return 'product';
  if (requested === 'buy' && product.availability === 'sold_out') return 'product';
  return requested;
}

/** Why the product cannot be bought, or '' when it can. */
export function unavailableReason(product: Product, t: ProductCardMessages): string {
  if (product.availability !== 'unavailable') return '';
  const status = statusName(product.status);
  return t.status[status === 'on_sale' ? 'unknown' : status];
}

export function renderProductView(
  box: BoxOptions,
  product: Product,
  t: ProductCardMessages,
  locale: Locale,
  { title, shownPrice, intent, open }: ProductViewOptions,
): TemplateResult {
  const price = formatFenRange(product.minPrice, product.maxPrice, locale);
  const original =
    product.originalPrice !== undefined && product.originalPrice > product.minPrice
      ? html`<s class="original" aria-hidden="true">${formatFen(product.originalPrice, locale)}</s>`
      : nothing;
  const unavailable = unavailableReason(product, t);
  const soldOut = product.availability === 'sold_out';
  const sales = html`<span class="sales">${t.sales(formatCount(product.sales, locale))}</span>`;
  const guarantees = product.guarantees.map((g) => html`<span>${t.guarantee[g]}</span>`);
  const action: TemplateResult = unavailable
    ? html`<span class="notice">${unavailable}</span>`
    : html`<span part="buy-button" class="buy" ?data-disabled=${soldOut}
        >${soldOut ? t.soldOut : intent === 'gift' ? t.gift : t.buy}</span
      >`;
  const content = html`<span class="media">
      <img part="image" src=${pictureUrl(product.images[0]) ?? nothing} alt="" loading="lazy" decoding="async" />
      <img class="logo" src=${pictureUrl(product.shop.logoUrl) ?? nothing} alt="" />
    </span>
    <span class="body">
      <span part="title" class="title">${title}</span>
      <span
        class=${product.minPrice === product.maxPrice ? 'meta' : 'meta range'}
        ?data-quiet=${!!unavailable || soldOut}
        ><span part="price" class="price">${shownPrice ?? price}</span>${original}</span
      >
      <span class="guarantees" id="guarantees" aria-hidden="true">${sales}${guarantees}</span>
      <span class="footer" id="footer" aria-hidden="true"><span class="shop">${product.shop.name}</span>${action}</span>
    </span>`;
  // The name is the title and the price (the visible text they are); the rest is the description.
  return renderBox(
    box,
    unavailable ? { label: `${product.title}, ${price}, ${unavailable}` } : { open, describedBy: 'guarantees footer' },
    content,
  );
}

/** The grey bars that hold the view's boxes before it has data. */
export const productSkeleton = html`<span class="media pulse"></span>
  <span class="body" aria-hidden="true">
    <span class="title"><span class="bar"></span><span class="bar"></span></span>
    <span class="meta"><span class="bar"></span></span>
    <span class="guarantees"><span class="bar"></span></span>
    <span class="footer"><span class="bar"></span></span>
  </span>`;
