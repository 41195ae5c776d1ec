import {
  XiaodianError,
  formatProductRef,
  type LiveRef,
  type LiveRoom,
  type PageRequest,
  type SearchQuery,
  type Shop,
  type ShopRef,
  type Suggestion,
} from '@xiaodian/model';
import type { CallOptions, Cached, ClientCore, PageItem, ProductPage, SearchResultPage } from './client.js';
import type { ResourceKind } from './events.js';
import { searchKey, shopProductsKey, suggestKey } from './keys.js';
import { liveRefArg, shopRefArg } from './ref-args.js';
import { createSharedRequests, type SharedRequests } from './shared-requests.js';
import { abortedError } from './signals.js';
import { checkProduct } from './validate.js';
import {
  checkLiveRoom,
  checkPageEnvelope,
  checkSearchEnvelope,
  checkShop,
  checkSuggestions,
  isShop,
} from './validate-resources.js';

/**
 * Shops, product lists, suggestions and live rooms: loaded on first use by the client, so pages with
 * only product cards never download them.
 */

const sharedByClient = new WeakMap<ClientCore, SharedRequests>();

/** One in-flight request per key and client: identical asks share it. */
function share<V>(core: ClientCore, key: string, start: (signal: AbortSignal) => Promise<V>, signal?: AbortSignal) {
  let shared = sharedByClient.get(core);
  if (!shared) sharedByClient.set(core, (shared = createSharedRequests()));
  return shared(key, start, signal);
}

function unsupported(method: string): XiaodianError {
  return new XiaodianError('bad_request', `This client's backend does not provide ${method}`);
}

export async function readShop(
  core: ClientCore,
  ref: ShopRef,
  options: CallOptions = {},
  method = 'getShop',
): Promise<Cached<Shop>> {
  const { appid } = shopRefArg(ref, method);
  const key = `shop:${appid}`;
  return core.cached(
    'shop',
    key,
    core.policies.shops,
    // Shops persist: one read back from storage is checked again.
    (value) => (isShop(value) ? value : undefined),
    (signal) =>
      share(
        core,
        key,
        async (shared) => {
          const getShop = core.backend.getShop?.bind(core.backend);
          if (!getShop) throw unsupported('getShop');
          const answer = await core.call('shop', 1, (s) => getShop(appid, { signal: s }), shared);
          const shop = checkShop(answer, `Shop ${appid}`);
          core.cache.write(key, shop, true);
          return shop;
        },
        signal,
      ),
    options,
  );
}

function checkItems(items: readonly unknown[], what: string): PageItem[] {
  return items.map((item, i): PageItem => {
    try {
      return { ok: true, product: checkProduct(item, `${what} ${i}`) };
    } catch (error) {
      return { ok: false, error: XiaodianError.from(error) };
    }
  });
}

function checkPage(answer: unknown, what: string): ProductPage {
  const page = checkPageEnvelope(answer, what);
  const items = checkItems(page.items, what);
  return page.nextCursor === undefined
    ? { items, total: page.total }
    : { items, total: page.total, nextCursor: page.nextCursor };
}

function checkSearchPage(answer: unknown, what: string): SearchResultPage {
  const { items, hits, facets, total, nextCursor, didYouMean } = checkSearchEnvelope(answer, what);
  return {
    items: checkItems(items, what),
    total,
    ...(nextCursor === undefined ? {} : { nextCursor }),
    hits,
    facets,
    ...(didYouMean === undefined ? {} : { didYouMean }),
  };
}

async function list<P extends ProductPage>(
  core: ClientCore,
  resource: ResourceKind,
  key: string,
  what: string,
  run: ((signal: AbortSignal) => Promise<unknown>) | undefined,
  options: CallOptions,
  check: (answer: unknown, what: string) => P,
): Promise<P> {
  const answer = await core.cached(
    resource,
    key,
    core.policies.lists,
    // Memory only: what this client checked and cached itself; lists are never read from storage.
    undefined,
    (signal) =>
      share(
        core,
        key,
        async (shared) => {
          if (!run) throw unsupported(resource);
          const checked = check(await core.call(resource, 1, run, shared), what);
          // Lists change often and are cheap to ask again: memory only, never persisted.
          core.cache.write(key, checked, false);
          // A card for a product just listed costs no request (memory only, like the list).
          for (const item of checked.items) {
            if (item.ok) core.cache.write(`product:${formatProductRef(item.product)}`, item.product, false);
          }
          return checked;
        },
        signal,
      ),
    options,
  );
  return answer.value;
}

export async function listShopProducts(
  core: ClientCore,
  shop: ShopRef,
  page: PageRequest,
  options: CallOptions,
): Promise<ProductPage> {
  const { appid } = shopRefArg(shop, 'listShopProducts');
  const method = core.backend.listShopProducts?.bind(core.backend);
  return list(
    core,
    'shop_products',
    shopProductsKey(appid, page),
    'Shop product',
    method && ((signal) => method(appid, page, { signal })),
    options,
    checkPage,
  );
}

// The call each `supersede` key is waiting for, per client and method, so the next one with that key can
// abort it. Here, not in the client's core: product cards never search.
const latestCalls = new WeakMap<ClientCore, Map<string, AbortController>>();

/** Runs a call that a newer one with the same `supersede` key aborts; it then rejects with `aborted` at once. */
async function latestOnly<T>(
  core: ClientCore,
  method: string,
  options: CallOptions,
  run: (options: CallOptions) => Promise<T>,
): Promise<T> {
  if (options.supersede === undefined) return run(options);
  let calls = latestCalls.get(core);
  if (!calls) latestCalls.set(core, (calls = new Map()));
  const key = `${method}:${options.supersede}`;
  calls.get(key)?.abort(new XiaodianError('aborted', `A newer ${method} call superseded this one`));
  const controller = new AbortController();
  calls.set(key, controller);
  const outer = options.signal;
  const forward = () => controller.abort(abortedError());
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward, { once: true });
  const superseded = new Promise<never>((_resolve, reject) => {
    const fail = () => reject(XiaodianError.from(controller.signal.reason));
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener('abort', fail, { once: true });
  });
  try {
    return await Promise.race([run({ ...options, signal: controller.signal }), superseded]);
  } finally {
    outer?.removeEventListener('abort', forward);
    if (calls.get(key) === controller) calls.delete(key);
  }
}

export function search(core: ClientCore, query: SearchQuery, options: CallOptions): Promise<SearchResultPage> {
  return latestOnly(core, 'search', options, (latest) => searchOnce(core, query, latest));
}

function searchOnce(core: ClientCore, query: SearchQuery, options: CallOptions): Promise<SearchResultPage> {
  const method = core.backend.search?.bind(core.backend);
  return list(
    core,
    'search',
    searchKey(query),
    'Search result',
    method && ((signal) => method(query, { signal })),
    options,
    checkSearchPage,
  );
}

export function suggest(core: ClientCore, prefix: string, options: CallOptions): Promise<Suggestion[]> {
  return latestOnly(core, 'suggest', options, (latest) => suggestOnce(core, prefix, latest));
}

async function suggestOnce(core: ClientCore, prefix: string, options: CallOptions): Promise<Suggestion[]> {
  const key = suggestKey(prefix);
  const answer = await core.cached(
    'suggest',
    key,
    core.policies.lists,
    undefined,
    (signal) =>
      share(
        core,
        key,
        async (shared) => {
          const method = core.backend.suggest?.bind(core.backend);
          if (!method) throw unsupported('suggest');
          const suggestions = await core.call('suggest', 1, (s) => method(prefix, { signal: s }), shared);
          const checked = checkSuggestions(suggestions, 'Suggestions');
          core.cache.write(key, checked, false);
          return checked;
        },
        signal,
      ),
    options,
  );
  return answer.value;
}

export async function getLive(core: ClientCore, ref: LiveRef, options: CallOptions): Promise<LiveRoom> {
  const { finderUserName } = liveRefArg(ref, 'getLive');
  core.stats.asks += 1;
  return share(
    core,
    `live:${finderUserName}`,
    async (shared) => {
      const method = core.backend.getLive?.bind(core.backend);
      if (!method) throw unsupported('getLive');
      const room = await core.call('live', 1, (s) => method(finderUserName, { signal: s }), shared);
      return checkLiveRoom(room, `Live room ${finderUserName}`);
    },
    options.signal,
  );
}
