import type { Context, Hono } from 'hono';
import type { ProductSource, StorefrontBackend } from '@xiaodian/model';
import type { CachePolicy, ResponseCacheStore } from './cache/response-cache.js';
import type { RedisConnection } from './cache/redis-connection.js';
import type { PushSettings, PushTarget } from './wechat/push.js';

/** One line of `/readyz`: what was checked, whether it passed, and what an operator should know. */
export interface ReadinessCheck {
  name: string;
  ok: boolean;
  detail: string;
  [field: string]: unknown;
}

/** The ways to share a shop or a product that WeChat hands out: H5 short link, QR code image URL, 口令. */
export interface ShareLinks {
  h5Url?: string;
  qrCodeUrl?: string;
  /** 口令 (tag link): text a person pastes into WeChat. */
  tagLink?: string;
}

/**
 * What the gateway serves from. Every route needs its method; a backend that serves only products (a
 * merchant's own product source, a test double) still works, and the other routes answer 501.
 */
export type GatewayBackend = ProductSource &
  Partial<StorefrontBackend> & {
    /** Why a method is missing, said in the 501 (which credentials or settings would enable it). */
    readonly notServed?: Partial<Record<keyof StorefrontBackend, string>>;
    /** Checks for `/readyz`: whether the backend's upstream accepts us, and its quota. */
    readiness?(): Promise<ReadinessCheck[]>;
    shopLinks?(appid: string, options?: { signal?: AbortSignal }): Promise<ShareLinks>;
    changeFromPush?: PushTarget['changeFromPush'];
    applyChange?: PushTarget['applyChange'];
    productLinks?(appid: string, productId: string, options?: { signal?: AbortSignal }): Promise<ShareLinks>;
    /**
     * The shops this backend serves, when it knows them (the demo does): `POST /v1/resolve` offers the ones
     * selling a product id pasted without its shop, for the creator to pick from.
     */
    readonly shops?: ReadonlyArray<{ readonly appid: string; readonly name: string }>;
    /** The backend's own clock, when it keeps one (the demo's simulation): live streams send clients this time. */
    now?(): number;
  };

/** One structured log line; written as JSON, one object per line. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  [field: string]: unknown;
}

export interface GatewayAsset {
  body: string | Uint8Array;
  contentType: string;
}

export interface GatewayOptions {
  backend: GatewayBackend;
  /** Shown by `/healthz` and in logs: `demo`, `wechat` or your own. */
  backendName?: string;
  /** Origins allowed to call the API from a browser: a list, or `'*'` for any (the default). */
  corsOrigins?: readonly string[] | '*';
  /** Per-client fixed-window limit on `/v1/*`; `false` turns it off. Default 600 requests a minute. */
  rateLimit?: { limit: number; windowMs: number } | false;
  /** Who "a client" is for the rate limit. The Node server passes the peer address. */
  clientKey?: (c: Context) => string;
  /** Largest accepted request body, bytes. Default 512 KiB (`maxResolveBodyBytes`). */
  maxBodyBytes?: number;
  /** Where cached answers live; in-process by default. A store with `readiness` is checked by `/readyz`. */
  cacheStore?: ResponseCacheStore & { readiness?(): Promise<ReadinessCheck> };
  /**
   * WeChat's push settings (Token, EncodingAESKey, the shop's appid): with them and a backend that applies
   * changes, `/v1/wechat/push` keeps the index and caches current.
   */
  push?: PushSettings;
  /** Shared by replicas: applied pushes are announced over it, and events are claimed once across them. */
  redis?: RedisConnection;
  /** More checks for `/readyz`, beside the backend's and the cache store's. */
  readinessChecks?: ReadonlyArray<() => Promise<ReadinessCheck>>;
  /** Freshness per kind of answer; merged over the defaults. */
  cachePolicies?: Partial<Record<CacheKind, CachePolicy>>;
  /** Live streams: comment heartbeats keep proxies from closing idle connections. */
  heartbeatMs?: number;
  /** A stream is closed cleanly after this long; the client resumes with `Last-Event-ID`. 0 = never. */
  maxStreamMs?: number;
  /** Open live streams allowed at once, across clients; more get a 503. */
  maxStreams?: number;
  /** Files under `/demo-images/*` (the demo catalog's pictures). */
  assets?: (path: string) => GatewayAsset | undefined;
  /** Where other routes go (the built examples, when served); defaults to a JSON 404. */
  fallback?: Hono;
  /** Structured log sink; default one JSON line per entry on stdout. `false` silences it. */
  log?: ((entry: LogEntry) => void) | false;
  now?: () => number;
}

export type CacheKind = 'products' | 'shops' | 'lists' | 'search' | 'suggest' | 'live';

/** Product data changes rarely and WeChat quotas are tight; live rooms change by the second. */
export const defaultCachePolicies: Record<CacheKind, CachePolicy> = {
  products: { freshMs: 30_000, staleMs: 300_000 },
  shops: { freshMs: 300_000, staleMs: 3_600_000 },
  lists: { freshMs: 60_000, staleMs: 600_000 },
  search: { freshMs: 60_000, staleMs: 600_000 },
  suggest: { freshMs: 300_000, staleMs: 3_600_000 },
  live: { freshMs: 2_000, staleMs: 10_000 },
};

export const defaultRateLimit = { limit: 600, windowMs: 60_000 };

export function jsonLineLog(entry: LogEntry): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), ...entry }));
}
