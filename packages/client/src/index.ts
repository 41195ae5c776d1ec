export {
  createClient,
  defaultCachePolicies,
  type CacheOptions,
  type CallOptions,
  type Cached,
  type ClientOptions,
  type PageItem,
  type ProductPage,
  type SearchResultPage,
  type XiaodianClient,
} from './client.js';
export type { ClientEvent, ClientStats, ResourceKind } from './events.js';
// Every failure is a XiaodianError with one of these codes; refs are the objects every method takes.
export {
  XiaodianError,
  errorCodes,
  type ErrorBody,
  type ErrorCode,
  type LiveRef,
  type ProductRef,
  type ShopRef,
  type UpstreamError,
} from '@xiaodian/model';
export type { LiveRequestOptions, UncheckedBackend } from './backend.js';
export { createHttpBackend, type HttpBackendOptions } from './http-backend.js';
export { createBatcher, type Batcher } from './batcher.js';
export { isProduct, checkProduct } from './validate.js';
export { createSharedRequests, type SharedRequests } from './shared-requests.js';
export { LruCache, type CacheLookup, type CachePolicy } from './cache/lru-cache.js';
export {
  webStorageStore,
  wxStorageStore,
  type PersistentStore,
  type WebStorageLike,
  type WxStorageLike,
} from './cache/persistent-store.js';
export { defaultRetryPolicy, retryDelay, type RetryPolicy } from './retry.js';
export type { Transport, TransportRequest, TransportResponse } from './transport/transport.js';
export { fetchTransport, type FetchLike } from './transport/fetch-transport.js';
export { wxTransport, type WxLike, type WxRequestOptions, type WxRequestTask } from './transport/wx-transport.js';
export { SseParser, type SseMessage } from './live/sse-parser.js';
// Live subscriptions and the article resolver are reached through the client (`client.subscribeLive`,
// `client.resolveArticle`), which loads them on first use. Exporting the functions here too would make
// esbuild ship them, and the checks they load, in every page's first chunk.
export type { LiveConnectionState, LiveSubscription, LiveSubscriptionOptions } from './live/subscribe-live.js';
export type { ArticleInput, ResolveArticleOptions, ResolvedItem } from './article.js';
