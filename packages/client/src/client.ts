import {
  XiaodianError,
  formatProductRef,
  maxRefsPerRequest,
  type LiveEvent,
  type LiveRef,
  type LiveRoom,
  type PageRequest,
  type Product,
  type ProductRef,
  type ProductSource,
  type SearchFacets,
  type SearchHitInfo,
  type SearchQuery,
  type Shop,
  type ShopRef,
  type StorefrontBackend,
  type Suggestion,
} from '@xiaodian/model';
import type { UncheckedBackend } from './backend.js';
import { createBatcher } from './batcher.js';
import type { CachePolicy } from './cache/lru-cache.js';
import type { PersistentStore } from './cache/persistent-store.js';
import { ResourceCache } from './cache/resource-cache.js';
import { emptyStats, type ClientEvent, type ClientStats, type ResourceKind } from './events.js';
import { createHttpBackend, gatewayNamespace } from './http-backend.js';
import { setCore } from './internal.js';
import { lazyModule } from './lazy.js';
import { liveRefArg, productRefArg } from './ref-args.js';
import { defaultRetryPolicy, withRetry, type RetryPolicy } from './retry.js';
import { fetchTransport, type FetchLike } from './transport/fetch-transport.js';
import type { Transport } from './transport/transport.js';
import { checkProductResult, isProduct } from './validate.js';
import type { ArticleInput, ResolveArticleOptions, ResolvedItem } from './article.js';
import type { LiveConnectionState, LiveSubscription, LiveSubscriptionOptions } from './live/subscribe-live.js';

export interface CacheOptions {
  /** Entries kept in memory, all kinds together. */
  maxEntries?: number;
  products?: CachePolicy;
  shops?: CachePolicy;
  /** Shop product pages, search results and suggestions. */
  lists?: CachePolicy;
  /** Where products and shops persist across visits; `false` keeps them in memory only. */
  store?: PersistentStore | false;
  /** Entries kept in the persistent store (default 500); the least recently written go first. */
  maxPersisted?: number;
  /**
   * Which data source persisted entries belong to: another namespace never sees them. Defaults to the
   * gateway's URL (scheme, host, port and path), or `in-process` for a client over a `backend`.
   */
  namespace?: string;
}

interface CommonOptions {
  cache?: CacheOptions;
  /** Retries for network failures, timeouts, 429, 502, 503 and 504; `false` turns them off. */
  retry?: Partial<RetryPolicy> | false;
  /** Per attempt, in ms. */
  timeoutMs?: number;
  /** Clock and randomness, replaceable in tests. */
  now?: () => number;
  random?: () => number;
}

export type ClientOptions = CommonOptions &
  (
    | { gateway: string; fetch?: FetchLike; transport?: Transport }
    /**
     * In-process, no HTTP: for Storybook, tests and server-side rendering. A backend that only serves
     * products is enough for product cards; the other methods reject with `bad_request` there.
     */
    | { backend: ProductSource & Partial<StorefrontBackend> }
  );

export interface CallOptions {
  /** Ends this caller's wait; a request shared with other callers goes on for them. */
  signal?: AbortSignal;
  /** Skip the cache and ask the backend. */
  fresh?: boolean;
  /**
   * `search` and `suggest` only: a newer call with the same key (an element's id, say) aborts this one,
   * which then rejects with an `aborted` error at once, so typing fast never shows an older answer.
   */
  supersede?: string;
}

/** A cached answer: stale ones come with the refresh that is already running. */
export interface Cached<T> {
  value: T;
  stale: boolean;
  refresh?: Promise<T>;
}

/** One item of a page: each is validated on its own, so a malformed product fails alone. */
export type PageItem = { ok: true; product: Product } | { ok: false; error: XiaodianError };
export interface ProductPage {
  items: PageItem[];
  total: number;
  nextCursor?: string;
}

/** A page of search results: `hits[i]` says how `items[i]` matched and what of its title to highlight. */
export interface SearchResultPage extends ProductPage {
  hits: SearchHitInfo[];
  facets: SearchFacets;
  /** Only when nothing matched and a close query has results. */
  didYouMean?: string;
}

export const defaultCachePolicies = {
  products: { freshMs: 60_000, staleMs: 24 * 3_600_000 },
  shops: { freshMs: 5 * 60_000, staleMs: 24 * 3_600_000 },
  lists: { freshMs: 30_000, staleMs: 5 * 60_000 },
} satisfies Record<string, CachePolicy>;

/**
 * The client's internals that feature modules (resources, live subscriptions, the article resolver) build
 * on. Not part of the public API: reached through `coreOf(client)` inside this package only.
 */
export interface ClientCore {
  readonly backend: UncheckedBackend;
  /** Runs a backend call with timeout, retries and counting. */
  call<V>(
    resource: ResourceKind,
    size: number,
    run: (signal: AbortSignal) => Promise<V>,
    signal: AbortSignal,
  ): Promise<V>;
  emit(event: ClientEvent): void;
  readonly now: () => number;
  readonly random: () => number;
  /** Whether live events can be streamed (SSE over fetch, or an in-process backend with events). */
  readonly canStream: boolean;
  readonly cache: ResourceCache;
  readonly policies: Required<Pick<CacheOptions, 'products' | 'shops' | 'lists'>>;
  /**
   * Cache first (fresh, or stale with a background refresh), then the loader. `validate` checks entries
   * that may come from the persistent store; without it only this client's memory is read.
   */
  cached<T>(
    resource: ResourceKind,
    key: string,
    policy: CachePolicy,
    validate: ((value: unknown) => T | undefined) | undefined,
    load: (signal?: AbortSignal) => Promise<T>,
    options: CallOptions,
  ): Promise<Cached<T>>;
  readonly stats: ClientStats;
}

/**
 * Every method names what it reads with a ref object, the shapes `parseRef` returns: a product
 * `{appid, productId}`, a shop `{appid}`, a live room `{finderUserName}`. Anything else rejects with
 * `invalid_ref` before a request is made. Failures are always `XiaodianError`s.
 */
export interface XiaodianClient {
  /** One product. Asks made in the same tick share one request; cached answers come back at once. */
  getProduct(ref: ProductRef, options?: CallOptions): Promise<Product>;
  /** Like `getProduct`, and says whether the answer is stale (with the refresh already running). */
  readProduct(ref: ProductRef, options?: CallOptions): Promise<Cached<Product>>;
  getShop(ref: ShopRef, options?: CallOptions): Promise<Shop>;
  readShop(ref: ShopRef, options?: CallOptions): Promise<Cached<Shop>>;
  listShopProducts(shop: ShopRef, page?: PageRequest, options?: CallOptions): Promise<ProductPage>;
  /** Products that come back prime the product cache: a card for one of them costs no request. */
  search(query: SearchQuery, options?: CallOptions): Promise<SearchResultPage>;
  suggest(prefix: string, options?: CallOptions): Promise<Suggestion[]>;
  /** The live room now; never cached (viewers and stock change by the second). */
  getLive(ref: LiveRef, options?: CallOptions): Promise<LiveRoom>;
  /**
   * Keeps a live room up to date over Server-Sent Events (resuming with `Last-Event-ID`), polling
   * where streaming is unavailable. Closing it, or aborting `options.signal`, stops it.
   */
  subscribeLive(
    ref: LiveRef,
    onUpdate: (room: LiveRoom, event: LiveEvent | undefined) => void,
    options?: LiveSubscriptionOptions,
  ): LiveSubscription;
  /** Finds and resolves every product, shop and live reference in article markup, in one batch. */
  resolveArticle(input: ArticleInput, options?: ResolveArticleOptions): Promise<ResolvedItem[]>;
  /** Counters since the client was made: a snapshot, read-only. */
  readonly stats: Readonly<ClientStats>;
  /** Calls `listener` for every request, cache lookup, retry and failure; returns the unsubscribe. */
  observe(listener: (event: ClientEvent) => void): () => void;
}

export function createClient(options: ClientOptions): XiaodianClient {
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const backend: UncheckedBackend =
    'backend' in options
      ? options.backend
      : createHttpBackend({ gateway: options.gateway, transport: options.transport ?? fetchTransport(options.fetch) });
  const retry: RetryPolicy =
    options.retry === false ? { ...defaultRetryPolicy, retries: 0 } : { ...defaultRetryPolicy, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const cacheOptions = options.cache ?? {};
  const cache = new ResourceCache(
    cacheOptions.maxEntries ?? 2000,
    now,
    cacheOptions.store === false ? undefined : cacheOptions.store,
    cacheOptions.namespace ?? ('backend' in options ? 'in-process' : gatewayNamespace(options.gateway)),
    cacheOptions.maxPersisted,
  );
  const stats = emptyStats();
  const listeners = new Set<(event: ClientEvent) => void>();

  function emit(event: ClientEvent) {
    if (event.type === 'request') stats.requests += 1;
    else if (event.type === 'retry') stats.retries += 1;
    else if (event.type === 'error') stats.failures += 1;
    else if (event.outcome === 'fresh') stats.cacheHits += 1;
    else if (event.outcome === 'stale') stats.staleHits += 1;
    else stats.cacheMisses += 1;
    for (const listener of listeners) listener(event);
  }

  const core: ClientCore = {
    backend,
    now,
    random,
    emit,
    cache,
    stats,
    policies: {
      products: cacheOptions.products ?? defaultCachePolicies.products,
      shops: cacheOptions.shops ?? defaultCachePolicies.shops,
      lists: cacheOptions.lists ?? defaultCachePolicies.lists,
    },
    canStream:
      'backend' in options
        ? typeof backend.liveEvents === 'function'
        : typeof (options.transport ?? fetchTransport()).stream === 'function',
    async call(resource, size, run, signal) {
      let attempt = 0;
      try {
        return await withRetry(
          (attemptSignal) => {
            attempt += 1;
            emit({ type: 'request', resource, size, attempt });
            return run(attemptSignal);
          },
          {
            policy: retry,
            timeoutMs,
            signal,
            random,
            onRetry: (info) =>
              emit({ type: 'retry', resource, attempt: info.attempt, delayMs: info.delayMs, code: info.error.code }),
          },
        );
      } catch (error) {
        const failure = XiaodianError.from(error);
        if (failure.code !== 'aborted') emit({ type: 'error', resource, code: failure.code, message: failure.message });
        throw failure;
      }
    },
    async cached(resource, key, policy, validate, load, callOptions) {
      stats.asks += 1;
      const hit = callOptions.fresh ? undefined : cache.read(key, policy, validate);
      emit({ type: 'cache', resource, key, outcome: hit?.state ?? 'miss' });
      if (hit?.state === 'fresh') return { value: hit.value, stale: false };
      if (hit) {
        const refresh = load();
        // The stale value is already shown; a failed refresh keeps it and is reported through `observe`.
        refresh.catch(() => undefined);
        return { value: hit.value, stale: true, refresh };
      }
      return { value: await load(callOptions.signal), stale: false };
    },
  };

  const products = createBatcher<ProductRef, Product>({
    keyOf: formatProductRef,
    maxBatchSize: maxRefsPerRequest,
    async run(refs, signal) {
      const items = await core.call('products', refs.length, (s) => backend.getProducts(refs, { signal: s }), signal);
      return refs.map((ref, i) => {
        const key = `product:${formatProductRef(ref)}`;
        try {
          const product = checkProductResult(items[i], `Product ${formatProductRef(ref)}`);
          cache.write(key, product, true);
          return { status: 'fulfilled', value: product } as const;
        } catch (reason) {
          // A product that has gone must not keep rendering from the cache.
          if (XiaodianError.from(reason).code === 'not_found') cache.delete(key);
          return { status: 'rejected', reason } as const;
        }
      });
    },
  });

  const validProduct = (value: unknown) => (isProduct(value) ? value : undefined);
  async function readProduct(given: ProductRef, callOptions: CallOptions = {}): Promise<Cached<Product>> {
    const ref = productRefArg(given, 'getProduct');
    return core.cached(
      'products',
      `product:${formatProductRef(ref)}`,
      core.policies.products,
      validProduct,
      (signal) => products.load(ref, signal),
      callOptions,
    );
  }

  // Shops, lists, lives, search and the article resolver load on first use, so a page of product cards
  // never downloads them (see the size budget in scripts/size-check.mjs).
  const more = lazyModule(() => import('./resources.js'), 'resources.js');
  const searching = lazyModule(() => import('./search-resources.js'), 'search-resources.js');
  const live = lazyModule(() => import('./live/subscribe-live.js'), 'subscribe-live.js');
  const article = lazyModule(() => import('./article.js'), 'article.js');

  const client: XiaodianClient = {
    get stats() {
      return Object.freeze({ ...stats });
    },
    observe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async getProduct(ref, callOptions) {
      return (await readProduct(ref, callOptions)).value;
    },
    readProduct,
    // Shop and live refs are checked by the module that reads them, so product cards never carry the checks.
    async getShop(ref, callOptions) {
      return (await (await more()).readShop(core, ref, callOptions, 'getShop')).value;
    },
    async readShop(ref, callOptions) {
      return (await more()).readShop(core, ref, callOptions, 'readShop');
    },
    async listShopProducts(shop, page = {}, callOptions = {}) {
      return (await more()).listShopProducts(core, shop, page, callOptions);
    },
    async search(query, callOptions = {}) {
      return (await searching()).search(core, query, callOptions);
    },
    async suggest(prefix, callOptions = {}) {
      return (await searching()).suggest(core, prefix, callOptions);
    },
    async getLive(ref, callOptions = {}) {
      return (await more()).getLive(core, ref, callOptions);
    },
    subscribeLive(ref, onUpdate, subscriptionOptions = {}) {
      const { finderUserName } = liveRefArg(ref, 'subscribeLive');
      // Synchronous handle, asynchronous start: this stand-in answers until the live module has loaded and
      // put its running subscription's own members on it (`takeOver`), so the live code every product card
      // carries is no more than this. A failed load is tried again a second later, `reconnecting` meanwhile.
      // Pausing before the module has loaded does nothing: the page's next visibility change pauses it.
      let state: LiveConnectionState = 'connecting';
      const handle: LiveSubscription = {
        room: undefined,
        get state() {
          return subscriptionOptions.signal?.aborted ? 'closed' : state;
        },
        serverNow: now,
        pause() {},
        resume() {},
        close: () => void (state = 'closed'),
      };
      const start = (): void =>
        void live().then(
          (module) => module.takeOver(handle, client, finderUserName, onUpdate, subscriptionOptions),
          // lazyModule rejects with a XiaodianError (offline or upstream) already.
          (error: XiaodianError) => {
            if (handle.state === 'closed') return;
            subscriptionOptions.onError?.(error);
            if (state !== 'reconnecting') subscriptionOptions.onState?.((state = 'reconnecting'));
            setTimeout(start, 1000);
          },
        );
      start();
      return handle;
    },
    async resolveArticle(input, resolveOptions) {
      return (await article()).resolveArticle(client, input, resolveOptions);
    },
  };
  setCore(client, core);
  return client;
}
