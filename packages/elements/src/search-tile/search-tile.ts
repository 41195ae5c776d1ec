import type { PropertyValues } from 'lit';
import { XiaodianError, type Product, type ProductRef } from '@xiaodian/model';
import { checkOption, checkProductRef } from '../internal/attribute-check.js';
import type { BoxOptions } from '../internal/box.js';
import { DataController } from '../internal/data-controller.js';
import { XdElement } from '../internal/element.js';
import { renderPending } from '../internal/pending-view.js';
import { highlightTitle, type TitleRange } from '../internal/product-view/highlight.js';
import { productSkeleton, renderProductView } from '../internal/product-view/product-view.js';
import { activate } from '../intents/activate.js';
import { productCardMessages } from '../product-card/product-card.messages.js';
import { searchTileLayouts, type SearchTileLayout } from './search-tile.options.js';
import { searchTileStyles } from './search-tile.styles.js';

const box: BoxOptions = { part: 'tile' };

/**
 * @tagname xd-search-tile
 * @summary One search result: image, title with what matched highlighted, price, sales, guarantees and shop.
 * The whole tile is one target that opens the product. `<xd-search-results>` makes these; a page can also
 * show one by `appid` and `product-id`, or hand it a `product` (and the hit's `ranges`).
 *
 * @slot placeholder - Shown over the grey placeholder while loading, in the same reserved box.
 * @slot error - Replaces the message of the error state.
 *
 * @csspart tile - The tile's box (the button, when the product can be opened).
 * @csspart image - The product image.
 * @csspart title - The product title (clamped to two lines).
 * @csspart match - A highlighted part of the title (what the query matched).
 * @csspart price - The price or price range.
 * @csspart buy-button - 已售罄 on a sold-out product (a tile has no buy button of its own).
 *
 * @cssproperty --xd-search-tile-background - Tile background.
 * @cssproperty --xd-search-tile-match-color - Colour of the matched parts of the title.
 *
 * @event {XdClickEvent} xd-click - The tile was activated (analytics).
 * @event {XdOpenEvent} xd-open - Cancelable: the tile asks to open the product.
 *
 * @attr {DataState} state - Read-only, reflected by the tile: where its data is (see the custom states).
 * @cssstate loading - No data yet: the reserved skeleton (also `[state='loading']`).
 * @cssstate ready - The product is shown.
 * @cssstate stale - A cached product is shown while a refresh runs.
 * @cssstate error - The error over the skeleton, with a retry where retrying can help.
 */
export class XdSearchTile extends XdElement {
  static override styles = searchTileStyles;

  static override properties = {
    appid: { type: String },
    productId: { type: String, attribute: 'product-id' },
    layout: { type: String, reflect: true },
    product: { attribute: false },
    ranges: { attribute: false },
    itemError: { attribute: false },
  };

  /** The shop's 小店 appid; with `product-id`, loads the product when no `product` is given. */
  declare appid: string | undefined;
  /** The product id (a decimal uint64). */
  declare productId: string | undefined;
  /** `grid` (default) or `list`. */
  declare layout: SearchTileLayout;
  /** The product to show, as a search page gave it (no request). */
  declare product: Product | undefined;
  /** The title's matched ranges (UTF-16 offsets, end exclusive), highlighted. */
  declare ranges: readonly TitleRange[] | undefined;
  /** A result that failed validation on its own: the tile shows the error in its box. */
  declare itemError: XiaodianError | undefined;

  constructor() {
    super();
    this.layout = 'grid';
  }

  /** The checked ref the attributes name (undefined when they name none: a tile waiting for its product). */
  private ref: ProductRef | XiaodianError | undefined;

  private readonly data = new DataController(this, {
    args: () =>
      this.product || this.itemError || this.ref ? ([this.product, this.itemError, this.ref] as const) : undefined,
    task: ([product, itemError, ref], { signal, client }) => {
      if (itemError) return Promise.reject(itemError);
      if (product) return Promise.resolve({ value: product });
      if (ref instanceof XiaodianError) return Promise.reject(ref); // nothing invalid reaches a request
      return client.readProduct(ref!, { signal });
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layout')) this.layout = checkOption(this, 'layout', this.layout, searchTileLayouts);
    if (changed.has('appid') || changed.has('productId')) {
      this.ref =
        this.appid === undefined && this.productId === undefined
          ? undefined
          : checkProductRef(this, this.appid, this.productId, {});
    }
  }

  private open(product: Product): void {
    activate(this, {
      intent: 'product',
      ref: { appid: product.appid, productId: product.productId },
      ...(product.h5Url ? { h5Url: product.h5Url } : {}),
      title: product.title,
    });
  }

  protected override render() {
    const t = productCardMessages(this.locale, () => this.requestUpdate());
    const product = this.data.value;
    if (!t || !product) return renderPending(this, box, productSkeleton, this.data, t);
    return renderProductView(box, product, t, this.locale, {
      title: highlightTitle(product.title, this.product === product ? this.ranges : undefined),
      intent: 'product',
      open: () => this.open(product),
    });
  }
}
