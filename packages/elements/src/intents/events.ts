import type { LiveRef, ProductRef, ShopRef } from '@xiaodian/model';

/** What a shopper asked for by tapping an element. */
export const intents = ['product', 'buy', 'gift', 'shop', 'live', 'reserve'] as const;
export type Intent = (typeof intents)[number];

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
}

/**
 * `xd-open`: bubbles out of shadow roots and is cancelable. A page that handles navigation itself (a SPA
 * router, its own mini-program bridge) calls `preventDefault()`; otherwise the environment bridge acts.
 */
export class XdOpenEvent extends CustomEvent<IntentDetail> {
  constructor(detail: IntentDetail) {
    super('xd-open', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** `xd-click`: analytics, sent for every activation before `xd-open`, whoever handles it. */
export class XdClickEvent extends CustomEvent<IntentDetail> {
  constructor(detail: IntentDetail) {
    super('xd-click', { detail, bubbles: true, composed: true });
  }
}

/** `xd-impression`: analytics, sent once per element when it has been at least half visible for a second. */
export class XdImpressionEvent extends CustomEvent<Omit<IntentDetail, 'intent'>> {
  constructor(detail: Omit<IntentDetail, 'intent'>) {
    super('xd-impression', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xd-open': XdOpenEvent;
    'xd-click': XdClickEvent;
    'xd-impression': XdImpressionEvent;
  }
}
