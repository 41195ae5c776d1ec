import { html, type PropertyValues } from 'lit';
import { XiaodianError, formatFen, type Product, type ProductRef } from '@xiaodian/model';
import { checkOption, checkProductRef } from '../internal/attribute-check.js';
import { XdElement } from '../internal/element.js';
import { ImpressionController } from '../internal/impression-controller.js';
import type { BoxOptions } from '../internal/box.js';
import { renderPending } from '../internal/pending-view.js';
import { DataController } from '../internal/data-controller.js';
import { intentFor, productSkeleton, renderProductView } from '../internal/product-view/product-view.js';
import { activate } from '../intents/activate.js';
import type { Intent, IntentDetail } from '../events/intent.js';
import { XdImpressionEvent } from '../events/xd-impression.js';
import { productCardMessages, type ProductCardMessages } from './product-card.messages.js';
import {
  logoPositions,
  type LogoPosition,
  productCardOpenPages,
  productCardVariants,
  type ProductCardOpenPage,
  type ProductCardVariant,
} from './product-card.options.js';
import { productCardStyles } from './product-card.styles.js';

const intentOf: Partial<Record<string, Intent>> & Record<ProductCardOpenPage, Intent> = {
  'product-detail': 'product',
  'gift-product-detail': 'gift',
  buy: 'buy',
  gift: 'gift',
};

/**
 * @tagname xd-product-card
 * @summary A WeChat Mini Store product card in one of the four article card types: image, title, price,
 * sales, guarantees, the shop's logo and a buy (or 送礼) button. The whole card is one target.
 *
 * @slot placeholder - Shown over the grey placeholder while loading, in the same reserved box.
 * @slot error - Replaces the message of the error state.
 *
 * @csspart card - The card's box (the button, when the product can be opened).
 * @csspart image - The product image.
 * @csspart title - The product title (clamped; its size is fixed).
 * @csspart price - The price or price range.
 * @csspart buy-button - The buy or 送礼 button (its height and font size are fixed).
 *
 * @cssproperty --xd-product-card-background - Card background.
 * @cssproperty --xd-product-card-title-color - Title colour.
 * @cssproperty --xd-product-card-price-color - Price colour.
 * @cssproperty --xd-product-card-button-width - Buy button width.
 * @cssproperty --xd-product-card-button-radius - Buy button corner radius.
 * @cssproperty --xd-product-card-button-color - Buy button text colour.
 * @cssproperty --xd-product-card-button-background - Buy button background.
 * @cssproperty --xd-product-card-button-disabled-color - Text colour of the sold-out button.
 * @cssproperty --xd-product-card-button-disabled-background - Background of the sold-out button.
 * @cssproperty --xd-product-card-text-width - Width of the `text` variant when the page wrote no text inside it (14em).
 *
 * @event {XdClickEvent} xd-click - The card was activated (analytics).
 * @event {XdOpenEvent} xd-open - Cancelable: the card asks to open the product, buy it or send it as a gift.
 * @event {XdImpressionEvent} xd-impression - The card was at least half visible for one second (once).
 *
 * @attr {DataState} state - Read-only, reflected by the card: where its data is (see the custom states).
 * @cssstate loading - No data yet: the reserved skeleton (also `[state='loading']`).
 * @cssstate ready - The product is shown.
 * @cssstate stale - A cached product is shown while a refresh runs.
 * @cssstate error - The error over the skeleton, with a retry where retrying can help.
 */
export class XdProductCard extends XdElement {
  static override styles = productCardStyles;

  static override properties = {
    appid: { type: String },
    productId: { type: String, attribute: 'product-id' },
    productPromotionLink: { type: String, attribute: 'product-promotion-link' },
    mediaId: { type: String, attribute: 'media-id' },
    variant: { type: String, reflect: true },
    openPage: { type: String, attribute: 'open-page' },
    logoPosition: { type: String, attribute: 'logo-position', reflect: true },
  };

  /** The shop's 小店 appid (`wx` + 16 hex characters). */
  declare appid: string | undefined;
  /** The product id (a decimal uint64). */
  declare productId: string | undefined;
  /** A promoter's `product_promotion_link`; read once, at first load, as WeChat does. */
  declare productPromotionLink: string | undefined;
  /** The article's media id; read once, at first load. */
  declare mediaId: string | undefined;
  /** `large` (default), `small`, `text` or `strip`. */
  declare variant: ProductCardVariant;
  /** `product-detail` (default), `gift-product-detail`, `buy` or `gift`. */
  declare openPage: ProductCardOpenPage;
  /** `bottom-left` (default) or `bottom-right`. */
  declare logoPosition: LogoPosition;

  constructor() {
    super();
    this.variant = 'large';
    this.openPage = 'product-detail';
    this.logoPosition = 'bottom-left';
    new ImpressionController(
      this,
      () => this.product.value !== undefined,
      () => this.dispatchEvent(new XdImpressionEvent(this.detail('product'))),
    );
  }

  /**
   * The attribution as it was when this product first loaded: later changes are ignored, as WeChat's card
   * does, until the element shows another product (a framework reusing it must not carry a commission
   * link over to a different product).
   */
  private attribution: Pick<ProductRef, 'promotionLink' | 'mediaId'> | undefined;
  private attributedTo: string | undefined;

  /** The checked ref, or why the attributes name none (checked once per update, in `willUpdate`). */
  private ref: ProductRef | XiaodianError = new XiaodianError('invalid_ref', 'No product yet');

  private readonly product = new DataController(this, {
    // Always args: a card whose attributes name no product goes to the error state instead of loading forever.
    args: () => [this.ref] as const,
    task: ([ref], { signal, client }) =>
      ref instanceof XiaodianError
        ? Promise.reject(ref) // nothing invalid reaches a request
        : client.readProduct(ref, { signal }),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Enumerated attributes fall back to their default (with a warning), so no junk reaches styles or events.
    if (changed.has('variant')) this.variant = checkOption(this, 'variant', this.variant, productCardVariants);
    if (changed.has('openPage')) {
      this.openPage = checkOption(this, 'open-page', this.openPage, productCardOpenPages);
    }
    if (changed.has('logoPosition')) {
      this.logoPosition = checkOption(this, 'logo-position', this.logoPosition, logoPositions);
    }
    const product = `${this.appid}:${this.productId}`;
    if (this.attributedTo === product) return;
    this.attributedTo = product;
    this.attribution = {
      ...(this.productPromotionLink ? { promotionLink: this.productPromotionLink } : {}),
      ...(this.mediaId ? { mediaId: this.mediaId } : {}),
    };
    this.ref = checkProductRef(this, this.appid, this.productId, this.attribution);
  }

  private detail(intent: Intent): IntentDetail {
    const product = this.product.value;
    const ref = this.ref instanceof XiaodianError ? { appid: '', productId: '' } : this.ref;
    return {
      intent,
      ref: { appid: ref.appid, productId: ref.productId },
      ...this.attribution,
      openPage: this.openPage,
      ...(product?.h5Url ? { h5Url: product.h5Url } : {}),
      ...(product ? { title: product.title } : {}),
    };
  }

  private open(intent: Intent): void {
    activate(this, this.detail(intent));
  }

  protected override render() {
    const view = this.renderView();
    // The text link is as wide as the title and price the page wrote inside it, measured by an invisible copy
    // in the flow (the box is drawn over it): the same width before definition (reserve.css), loading and
    // ready. Its live title is the short one, the title a creator writes.
    return this.variant === 'text' ? html`<span class="sizer" aria-hidden="true"><slot></slot></span>${view}` : view;
  }

  private renderView() {
    const t = productCardMessages(this.locale, () => this.requestUpdate());
    const value = this.product.value;
    if (t && value) return this.renderProduct(value, t);
    return renderPending(this, this.box, productSkeleton, this.product, t);
  }

  private renderProduct(product: Product, t: ProductCardMessages) {
    const locale = this.locale;
    const text = this.variant === 'text';
    // In running text a range takes the room of one price: 「¥99.90起」.
    const shownPrice =
      text && product.minPrice !== product.maxPrice ? t.priceFrom(formatFen(product.minPrice, locale)) : undefined;
    const intent = intentFor(intentOf[this.openPage] ?? 'product', product);
    return renderProductView(this.box, product, t, locale, {
      title: text ? (product.shortTitle ?? product.title) : product.title,
      ...(shownPrice ? { shownPrice } : {}),
      intent,
      open: () => this.open(intent),
    });
  }

  private get box(): BoxOptions {
    return { part: 'card', inline: this.variant === 'text' };
  }
}
