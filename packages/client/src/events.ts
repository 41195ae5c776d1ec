import type { ErrorCode } from '@xiaodian/model';

/** What a client call is about: the unit of batching, caching and the counters below. */
export type ResourceKind =
  'products' | 'shop' | 'shop_products' | 'search' | 'suggest' | 'live' | 'live_events' | 'resolve';

/**
 * What the client did, for tests, benchmarks and a devtools panel: every backend call (each attempt is
 * one HTTP request for a gateway client), every cache lookup, every retry and every failure.
 */
export type ClientEvent =
  | { type: 'request'; resource: ResourceKind; size: number; attempt: number }
  | { type: 'cache'; resource: ResourceKind; key: string; outcome: 'fresh' | 'stale' | 'miss' }
  | { type: 'retry'; resource: ResourceKind; attempt: number; delayMs: number; code: ErrorCode }
  | { type: 'error'; resource: ResourceKind; code: ErrorCode; message: string };

export interface ClientStats {
  /** Backend calls, one per attempt (HTTP requests, for a gateway client). */
  requests: number;
  /** Items asked for by callers (a product ref, a shop, a page…). */
  asks: number;
  cacheHits: number;
  /** Served stale while a refresh ran. */
  staleHits: number;
  cacheMisses: number;
  retries: number;
  failures: number;
}

export function emptyStats(): ClientStats {
  return { requests: 0, asks: 0, cacheHits: 0, staleHits: 0, cacheMisses: 0, retries: 0, failures: 0 };
}
