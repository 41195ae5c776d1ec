import { LitElement, html, nothing } from 'lit';
import { formatFenRange, productRef, type Product } from '@xiaodian/model';
import { formatSales, messages, resolveLocale, type Messages } from '../internal/i18n.js';
import { ResourceController } from '../internal/resource-controller.js';
import { productCardStyles } from './product-card.styles.js';

/**
 * @summary A WeChat Mini Store product card: image, title, price, sales and shop.
 *
 * @csspart card - The card's box.
 * @csspart image - The product image.
 * @csspart title - The product title (two lines, clamped).
 * @csspart price - The price or price range.
 * @csspart shop - The shop row with its logo, which is always visible.
 *
 * @cssproperty --xd-product-card-background - Card background.
 * @cssproperty --xd-product-card-title-color - Title colour.
 * @cssproperty --xd-product-card-price-color - Price colour.
 */
export class XdProductCard extends LitElement {
  static override styles = productCardStyles;

  static override properties = {
    appid: { type: String },
    productId: { type: String, attribute: 'product-id' },
  };

  /** The shop's 小店 appid (`wx` + 16 hex characters). */
  declare appid: string | undefined;
  /** The product id (a decimal uint64). */
  declare productId: string | undefined;

  private readonly product = new ResourceController<Product>(this, {
    key: () => (this.appid && this.productId ? `${this.appid}:${this.productId}` : undefined),
    load: (client) => client.getProduct(productRef(this.appid ?? '', this.productId ?? '')),
  });

  /** The nearest `lang` attribute or `<xd-store locale>`, else the document's language. */
  private get locale() {
    const scope = this.closest('[lang], xd-store[locale]');
    return resolveLocale(scope?.getAttribute('lang') ?? scope?.getAttribute('locale') ?? document.documentElement.lang);
  }

  protected override render() {
    const t = messages(this.locale);
    const { state, value, error } = this.product;
    if (state === 'ready' && value) return this.renderProduct(value, t);
    const placeholder = html`
      <div class="media"></div>
      <div class="body" aria-hidden="true">
        <p class="title"><span class="bar"></span><span class="bar"></span></p>
        <div class="meta"><span class="bar"></span></div>
        <div class="shop"><span class="bar"></span></div>
      </div>
    `;
    if (state === 'error') {
      const text = error?.code === 'not_found' ? t.notFound : error?.code === 'offline' ? t.offline : t.loadFailed;
      return html`<div part="card" class="card">
        ${placeholder}
        <div class="error" role="alert">
          <span>${text}</span>
          ${
            error?.code === 'not_found' || error?.code === 'invalid_ref'
              ? nothing
              : html`<button type="button" @click=${() => this.product.reload()}>${t.retry}</button>`
          }
        </div>
      </div>`;
    }
    return html`<div part="card" class="card" role="status" aria-label=${t.loading} aria-busy="true">
      ${placeholder}
    </div>`;
  }

  private renderProduct(product: Product, t: Messages) {
    const price = formatFenRange(product.minPrice, product.maxPrice, this.locale);
    const status =
      product.availability === 'sold_out'
        ? t.soldOut
        : product.availability === 'unavailable'
          ? t.unavailable
          : undefined;
    return html`<article part="card" class="card" aria-label=${`${product.title}, ${price}`}>
      <div class="media">
        <img part="image" src=${product.images[0] ?? ''} alt="" loading="lazy" decoding="async" />
      </div>
      <div class="body">
        <h3 part="title" class="title">${product.title}</h3>
        <div class="meta">
          <span part="price" class="price">${price}</span>
          ${
            status
              ? html`<span class="availability">${status}</span>`
              : html`<span class="sales">${t.sales(formatSales(product.sales, this.locale))}</span>`
          }
        </div>
        <div part="shop" class="shop">
          <img src=${product.shop.logoUrl} alt="" width="20" height="20" />
          <span>${product.shop.name}</span>
        </div>
      </div>
    </article>`;
  }
}
