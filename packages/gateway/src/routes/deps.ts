import type { Context } from 'hono';
import type { StorefrontBackend } from '@xiaodian/model';
import type { CacheKind, GatewayBackend, LogEntry } from '../options.js';
import type { CachePolicy, CachedBody, ResponseCache } from '../cache/response-cache.js';
import { ifNoneMatchHits } from '../http/etag.js';
import { NotServed } from '../http/errors.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { CacheGeneration } from '../wechat/push.js';

/** What every route needs, built once by the app. */
export interface RouteDeps {
  backend: GatewayBackend;
  cache: ResponseCache;
  policies: Record<CacheKind, CachePolicy>;
  metrics: GatewayMetrics;
  log: (entry: LogEntry) => void;
  now: () => number;
  /** Bumped by every applied push: catalog answers cached before it are not served again. */
  generation: CacheGeneration;
}

/** Answers a push can make out of date; live rooms are not among them. */
const catalogKinds = new Set<CacheKind>(['products', 'shops', 'lists', 'search', 'suggest']);

/** The backend's method, or a 501 for a backend that does not serve it. */
export function method<K extends keyof StorefrontBackend>(deps: RouteDeps, name: K): StorefrontBackend[K] {
  const found = deps.backend[name];
  if (typeof found !== 'function') {
    const why = deps.backend.notServed?.[name];
    throw new NotServed(`This gateway's backend does not serve ${name}${why ? `: ${why}` : ''}`);
  }
  return (found as (...args: unknown[]) => unknown).bind(deps.backend) as StorefrontBackend[K];
}

/**
 * Answers from the response cache: `ETag`, `Cache-Control` with `stale-while-revalidate` (so a CDN in
 * front absorbs reads), `Age`, and a bodiless 304 when `If-None-Match` already holds this answer.
 */
export async function sendCached(
  c: Context,
  deps: RouteDeps,
  kind: CacheKind,
  key: string,
  produce: () => Promise<unknown>,
  cacheable: (value: unknown) => boolean = () => true,
): Promise<Response> {
  const policy = deps.policies[kind];
  const scope = catalogKinds.has(kind) ? `g${deps.generation.value}:` : '';
  const { entry, state } = await deps.cache.read(`${kind}:${scope}${key}`, policy, async () => {
    const value = await produce();
    return { value, cacheable: cacheable(value) };
  });
  deps.metrics.recordCache(state);
  // For the request log, which must not read response headers (that costs the Node adapter a copy).
  c.set('cacheState' as never, state as never);
  const headers = {
    ETag: entry.etag,
    'Cache-Control': `public, max-age=${Math.floor(policy.freshMs / 1000)}, stale-while-revalidate=${Math.floor(policy.staleMs / 1000)}`,
    Age: String(Math.max(0, Math.floor((deps.now() - entry.storedAt) / 1000))),
    'X-Cache': state,
  };
  if (ifNoneMatchHits(c.req.header('if-none-match'), entry.etag)) return c.body(null, 304, headers);
  return c.body(bytesOf(entry), 200, { ...headers, 'Content-Type': 'application/json; charset=UTF-8' });
}

const encoder = new TextEncoder();
const encoded = new WeakMap<CachedBody, Uint8Array<ArrayBuffer>>();

/** A hot entry is sent many times: encode its body once, not per request. */
function bytesOf(entry: CachedBody): Uint8Array<ArrayBuffer> {
  let bytes = encoded.get(entry);
  if (!bytes) {
    bytes = encoder.encode(entry.body);
    encoded.set(entry, bytes);
  }
  return bytes;
}
