import type { LiveEventsOptions, PageRequest, ProductRef, RequestOptions, SearchQuery } from '@xiaodian/model';

/**
 * A data source as the client sees it: whatever it answers is unchecked until the client validates it,
 * item by item, so a malformed item fails alone. Every `StorefrontBackend` (the demo catalog, the WeChat
 * backend) is one; so is the HTTP backend, which hands over the gateway's JSON as it came.
 */
export interface UncheckedBackend {
  /** One answer per ref, in order. */
  getProducts(refs: readonly ProductRef[], options?: RequestOptions): Promise<readonly unknown[]>;
  getShop?(appid: string, options?: RequestOptions): Promise<unknown>;
  listShopProducts?(appid: string, page: PageRequest, options?: RequestOptions): Promise<unknown>;
  search?(query: SearchQuery, options?: RequestOptions): Promise<unknown>;
  suggest?(prefix: string, options?: RequestOptions): Promise<unknown>;
  getLive?(finderUserName: string, options?: LiveRequestOptions): Promise<unknown>;
  liveEvents?(finderUserName: string, options?: LiveEventsOptions): AsyncIterable<unknown>;
  /** One answer per link, in order: `{ok: true, ref}` or `{ok: false, error}`. */
  resolveLinks?(links: readonly string[], options?: RequestOptions): Promise<readonly unknown[]>;
  /**
   * The backend's own clock, unix ms, when it keeps one (the demo's simulation): an in-process backend is
   * the server, so a live subscription runs its countdowns on this clock.
   */
  now?(): number;
}

export interface LiveRequestOptions extends RequestOptions {
  /**
   * The server's clock (unix ms) when it answered, when the answer says (the gateway's `X-Server-Time`
   * header, else its `Date`): a live subscription that polls learns the server's time from it.
   */
  onServerTime?(time: number): void;
}
