import type { Page, PageRequest } from './domain/common.js';
import type { LiveEvent, LiveRoom } from './domain/live.js';
import type { Product } from './domain/product.js';
import type { SearchQuery, Suggestion } from './domain/search.js';
import type { Shop } from './domain/shop.js';
import type { ErrorBody } from './errors.js';
import type { ArticleRef, ProductRef } from './refs.js';

/** One ref's answer: its product or its own error. One bad ref never fails the others. */
export type ProductResult = { ok: true; product: Product } | { ok: false; error: ErrorBody };

/** What a link turned into: the ref it names, or why it names none. */
export type LinkResolution = { ok: true; ref: ArticleRef } | { ok: false; error: ErrorBody };

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface LiveEventsOptions extends RequestOptions {
  /**
   * Resume after this event: every later event is delivered once, in order. When the id is older than
   * the retained history (or unknown), the stream starts with a `snapshot` event instead.
   */
  lastEventId?: string;
  /**
   * A sign of life from the stream: called when it opens and at each heartbeat, with the server's clock
   * (unix ms) when known and how often heartbeats follow when the server sends them. A client that stops
   * hearing them takes the connection for dead and reconnects.
   */
  onHeartbeat?(heartbeat: LiveHeartbeat): void;
  /** The server's reconnection delay (SSE `retry:`), in ms: how long to wait before reconnecting. */
  onRetry?(delayMs: number): void;
}

export interface LiveHeartbeat {
  /** The server's clock when it spoke, unix ms. */
  time?: number;
  /** How often the server sends heartbeats on this stream, in ms; absent when it sends none. */
  intervalMs?: number;
}

/**
 * What a source of storefront data must do. The demo catalog and the WeChat backend implement it; the
 * gateway serves any implementation over HTTP and the client can call one in-process.
 *
 * Inputs are already validated (refs parsed, limits clamped). Single-item methods reject with a
 * `XiaodianError` (`not_found`, `upstream`, …); batch methods answer every item, in order.
 */
export interface StorefrontBackend {
  /** Answers every ref, in order. */
  getProducts(refs: readonly ProductRef[], options?: RequestOptions): Promise<ProductResult[]>;
  getShop(appid: string, options?: RequestOptions): Promise<Shop>;
  /** The shop's products on sale, best sellers first. */
  listShopProducts(appid: string, page: PageRequest, options?: RequestOptions): Promise<Page<Product>>;
  search(query: SearchQuery, options?: RequestOptions): Promise<Page<Product>>;
  suggest(prefix: string, options?: RequestOptions): Promise<Suggestion[]>;
  /** The live room as it is now, including the id of the last event it reflects. */
  getLive(finderUserName: string, options?: RequestOptions): Promise<LiveRoom>;
  /** The room's events from now (or after `lastEventId`) until the signal aborts. */
  liveEvents(finderUserName: string, options?: LiveEventsOptions): AsyncIterable<LiveEvent>;
  /**
   * Turns links into refs, in order: canonical gateway links and WeChat's H5 short links
   * (`https://channels.weixin.qq.com/shop/a/<code>`, `https://store.weixin.qq.com/shop/a/<code>`), which
   * carry no ids and can only be looked up by the backend.
   */
  resolveLinks(links: readonly string[], options?: RequestOptions): Promise<LinkResolution[]>;
}

/** The products part of a backend: enough for product cards, and for test doubles that only serve products. */
export type ProductSource = Pick<StorefrontBackend, 'getProducts'>;
