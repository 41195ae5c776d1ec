import pLimit from 'p-limit';
import {
  XiaodianError,
  createSearchIndex,
  defaultPageSize,
  parseRef,
  productFromWeChat,
  shopFromWeChat,
  wechatProductSchema,
  wechatShopInfoSchema,
  type ErrorBody,
  type LinkResolution,
  type Page,
  type Product,
  type ProductResult,
  type SearchIndex,
  type Shop,
  type ShopSummary,
  type StorefrontBackend,
} from '@xiaodian/model';
import { WeChatApi, type WeChatApiOptions } from './api.js';
import { memoryTokenStore, type TokenStore } from './token.js';

export interface WeChatBackendOptions extends Omit<WeChatApiOptions, 'tokenStore'> {
  /** Shared between replicas through Redis (`redisTokenStore`); in memory otherwise. */
  tokenStore?: TokenStore;
  /** Calls to WeChat in flight at once, per backend. WeChat has no batch read. */
  concurrency?: number;
  /** How long the search index (built from the shop's listing) is used before it is rebuilt. */
  indexTtlMs?: number;
  /** The most products indexed for search and short links: each costs two API calls per rebuild. */
  maxIndexedProducts?: number;
}

/** What WeChat's server API can answer. Live rooms are not among it: see `createWeChatBackend`. */
export type WeChatBackend = Omit<StorefrontBackend, 'getLive' | 'liveEvents'>;

/** WeChat caps a listing page at 30 ids. */
const maxListPage = 30;
const shortLink = /^https:\/\/(?:channels|store)\.weixin\.qq\.com\/shop\/a\/[0-9A-Za-z_-]+\/?$/;

/** Listing cursors are WeChat's `next_key`, carried base64url-encoded so they stay URL-safe and opaque. */
function encodeCursor(key: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(key));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): string {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    throw new XiaodianError('bad_request', 'Invalid cursor');
  }
}

function errorBody(error: unknown): ErrorBody {
  if (error instanceof XiaodianError) return error.toJSON();
  return { code: 'upstream', message: error instanceof Error ? error.message : String(error) };
}

/**
 * The shop behind a set of WeChat Mini Store credentials, as a backend: products (one `product/get` per
 * ref with bounded concurrency, since WeChat has no batch read), the shop's basic info, its listing, and
 * search and short links over an index built from the listing (WeChat has no keyword search over a
 * shop's own products, and no reverse lookup of short links). Only this shop's products can be read:
 * refs to other shops answer `not_found` saying so.
 *
 * Live rooms are not served: WeChat's server API reports no live status (mini programs read it with
 * `wx.getChannelsLiveInfo`), so the gateway answers those routes 501 instead of inventing a room.
 */
export function createWeChatBackend(options: WeChatBackendOptions): WeChatBackend {
  const api = new WeChatApi({ ...options, tokenStore: options.tokenStore ?? memoryTokenStore(options.now) });
  const limit = pLimit(options.concurrency ?? 8);
  const now = options.now ?? Date.now;
  const indexTtlMs = options.indexTtlMs ?? 10 * 60_000;
  const maxIndexed = options.maxIndexedProducts ?? 5_000;
  let shopSummary: Promise<{ shop: Shop; summary: ShopSummary }> | undefined;
  let index: { builtAt: number; search: SearchIndex; links: Map<string, Product> } | undefined;
  let indexing: Promise<NonNullable<typeof index>> | undefined;

  function ownShop(appid: string): void {
    if (appid !== options.appid) {
      throw new XiaodianError('not_found', `Shop ${appid} is not the shop this gateway has credentials for`);
    }
  }

  function loadShop(signal?: AbortSignal) {
    shopSummary ??= api
      .call('GET', '/channels/ec/basics/info/get', undefined, signal)
      .then((json) => {
        const info = wechatShopInfoSchema.safeParse(json['info']);
        if (!info.success)
          throw new XiaodianError('invalid_response', 'WeChat sent shop info this gateway cannot read');
        const shop = shopFromWeChat(options.appid, info.data);
        return { shop, summary: { appid: shop.appid, name: shop.name, logoUrl: shop.logoUrl } };
      })
      .catch((error: unknown) => {
        shopSummary = undefined; // a failure is not remembered
        throw error;
      });
    return shopSummary;
  }

  async function readProduct(productId: string, signal?: AbortSignal): Promise<Product> {
    const [json, { summary }] = await Promise.all([
      limit(() => api.call('POST', '/channels/ec/product/get', { product_id: productId, data_type: 1 }, signal)),
      loadShop(signal),
    ]);
    if (json['product'] === undefined) throw new XiaodianError('not_found', `Product ${productId} is not online`);
    const raw = wechatProductSchema.safeParse(json['product']);
    if (!raw.success) {
      throw new XiaodianError(
        'invalid_response',
        `WeChat sent product ${productId} in a shape this gateway cannot read`,
      );
    }
    return productFromWeChat(raw.data, summary);
  }

  async function listPage(cursor: string | undefined, size: number, signal?: AbortSignal) {
    const json = await limit(() =>
      api.call(
        'POST',
        '/channels/ec/product/list/get',
        { status: 5, page_size: size, ...(cursor ? { next_key: decodeCursor(cursor) } : {}) },
        signal,
      ),
    );
    const ids = Array.isArray(json['product_ids']) ? json['product_ids'].map(String) : [];
    const nextKey = typeof json['next_key'] === 'string' && json['next_key'] !== '' ? json['next_key'] : undefined;
    const total = Number(json['total_num'] ?? ids.length);
    return { ids, nextKey, total: Number.isFinite(total) ? total : ids.length };
  }

  async function buildIndex(): Promise<NonNullable<typeof index>> {
    const products: Product[] = [];
    const links = new Map<string, Product>();
    let cursor: string | undefined;
    do {
      const page = await listPage(cursor, maxListPage);
      const read = await Promise.allSettled(page.ids.map((id) => readProduct(id)));
      for (const result of read) if (result.status === 'fulfilled') products.push(result.value);
      cursor = page.nextKey && products.length < maxIndexed ? encodeCursor(page.nextKey) : undefined;
    } while (cursor);
    // Short links carry no ids: the only way back is to know every product's link.
    await Promise.all(
      products.map((product) =>
        limit(() => api.call('POST', '/channels/ec/product/h5url/get', { product_id: product.productId }))
          .then((json) => {
            const url = json['product_h5url'];
            if (typeof url === 'string' && url) {
              product.h5Url = url;
              links.set(url.replace(/\/+$/, ''), product);
            }
          })
          .catch(() => undefined),
      ),
    );
    return { builtAt: now(), search: createSearchIndex(products), links };
  }

  async function currentIndex(): Promise<NonNullable<typeof index>> {
    if (index && now() - index.builtAt < indexTtlMs) return index;
    indexing ??= buildIndex()
      .then((built) => (index = built))
      .finally(() => (indexing = undefined));
    // A stale index answers at once while the next one builds.
    return index ?? indexing;
  }

  return {
    async getProducts(refs, requestOptions = {}): Promise<ProductResult[]> {
      return Promise.all(
        refs.map(async (ref): Promise<ProductResult> => {
          try {
            ownShop(ref.appid);
            return { ok: true, product: await readProduct(ref.productId, requestOptions.signal) };
          } catch (error) {
            return { ok: false, error: errorBody(error) };
          }
        }),
      );
    },

    async getShop(appid, requestOptions = {}) {
      ownShop(appid);
      return (await loadShop(requestOptions.signal)).shop;
    },

    async listShopProducts(appid, page, requestOptions = {}): Promise<Page<Product>> {
      ownShop(appid);
      const listed = await listPage(
        page.cursor,
        Math.min(page.limit ?? defaultPageSize, maxListPage),
        requestOptions.signal,
      );
      const read = await Promise.allSettled(listed.ids.map((id) => readProduct(id, requestOptions.signal)));
      const items = read.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      return { items, total: listed.total, ...(listed.nextKey ? { nextCursor: encodeCursor(listed.nextKey) } : {}) };
    },

    async search(query) {
      if (query.appid !== undefined) ownShop(query.appid);
      return (await currentIndex()).search.search(query);
    },

    async suggest(prefix) {
      return (await currentIndex()).search.suggest(prefix);
    },

    async resolveLinks(links): Promise<LinkResolution[]> {
      const needsIndex = links.some((link) => shortLink.test(link.trim()));
      const known = needsIndex ? (await currentIndex()).links : new Map<string, Product>();
      return links.map((link): LinkResolution => {
        const trimmed = link.trim().replace(/\/+$/, '');
        const product =
          known.get(trimmed.replace('store.weixin.qq.com', 'channels.weixin.qq.com')) ?? known.get(trimmed);
        if (product) return { ok: true, ref: { kind: 'product', appid: product.appid, productId: product.productId } };
        if (shortLink.test(link.trim())) {
          return {
            ok: false,
            error: { code: 'not_found', message: `No product of this shop has the short link ${link}` },
          };
        }
        try {
          return { ok: true, ref: parseRef(link) };
        } catch (error) {
          return { ok: false, error: errorBody(error) };
        }
      });
    },
  };
}
