import type { LiveRef, ProductRef, ShopRef } from '@xiaodian/model';
import type { ReservationOutcome } from '../live-widget/live-widget.options.js';

/** What a shopper asked for by tapping an element. */
export const intents = ['product', 'buy', 'gift', 'shop', 'live', 'reserve', 'replay'] as const;
export type Intent = (typeof intents)[number];

/** The detail of `xd-open` and `xd-click` (and, without `intent`, of `xd-impression`). */
export interface IntentDetail {
  intent: Intent;
  /** What it is about: a product, a shop or a live room. */
  ref: ProductRef | ShopRef | LiveRef;
  /** Affiliate attribution, exactly as the element was given it. */
  promotionLink?: string;
  mediaId?: string;
  /** The product card's `open-page` (e.g. `gift-product-detail` vs `gift`), for the mini-program page. */
  openPage?: string;
  /** WeChat's H5 short link, when known: what the WeChat browser opens and a desktop shows as a QR code. */
  h5Url?: string;
  /** A human name for it (the product title, the shop name), for dialogs and analytics. */
  title?: string;
  /** The 视频号 live room it comes from (a product bought in a live), for attribution. */
  finderUserName?: string;
  /** The live notice (预告) a `reserve` is for: what `wx.reserveChannelsLive` takes. */
  noticeId?: string;
  /** The live's feed id, when known: what `wx.openChannelsLive` takes beside the finder user name. */
  feedId?: string;
  /**
   * On `reserve`: hands the outcome back to the element that asked (a page that calls
   * `wx.reserveChannelsLive` itself passes what it returned, see `reservationOutcomeOf`).
   */
  respond?: (outcome: ReservationOutcome) => void;
}
