import pLimit from 'p-limit';
import {
  XiaodianError,
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
  type Shop,
  type ShopSummary,
  type StorefrontBackend,
} from '@xiaodian/model';
import { createSearchIndex, type SearchIndex } from '@xiaodian/model/search';
import type { LogEntry, ReadinessCheck, ShareLinks } from '../options.js';
import type { CatalogChange, PushTarget } from './push.js';
import { WeChatApi, type WeChatApiOptions } from './api.js';
import { FinderLive } from './live.js';
import { memoryTokenStore, type TokenStore } from './token.js';

export interface WeChatBackendOptions extends Omit<WeChatApiOptions, 'tokenStore'> {
  /** Shared between replicas through Redis (`redisTokenStore`); in memory otherwise. */
  tokenStore?: TokenStore;
  /** Calls to WeChat in flight at once, per backend. WeChat has no batch read. */
  concurrency?: number;
  /**
   * How often the index is reconciled with the shop's listing (a day by default): pushes keep it current
   * in between. Each reconcile reads `quota/get` first and is postponed by `quotaBackoffMs` when low.
   */
  reconcileIntervalMs?: number;
  quotaBackoffMs?: number;
  /** Pushes are configured: the reconcile reads only products it does not know, not every product again. */
  pushesConfigured?: boolean;
  /** The most products indexed for search and short links. */
  maxIndexedProducts?: number;
  /** Operational lines: a postponed reconcile, a failed stock refresh. */
  log?: (entry: LogEntry) => void;
  /** How long the shop's info, links and linked accounts are used before they are read again. */
  shopTtlMs?: number;
  /** How long a quota reading (`quota/get`) is reused by `/readyz`. */
  quotaTtlMs?: number;
  /**
   * The 视频号助手 account's own credentials (its 开放场景 switch on), and the 视频号 they belong to: with
   * them the live routes serve that room from WeChat; without them they answer 501.
   */
  finder?: { appid: string; secret: string; finderUserName: string; pollMs?: number };
}

/**
 * What the shop's credentials can answer, plus its share links and what `/readyz` needs. Live rooms need
 * the 视频号助手 account's own credentials; without them `notServed` says so and the routes answer 501.
 */
export type WeChatBackend = Omit<StorefrontBackend, 'getLive' | 'liveEvents'> &
  Partial<Pick<StorefrontBackend, 'getLive' | 'liveEvents'>> &
  PushTarget & {
    readonly notServed: Partial<Record<keyof StorefrontBackend, string>>;
    readiness(): Promise<ReadinessCheck[]>;
    /** The shop's H5 short link, QR code and 口令, for a creator tool to offer. */
    shopLinks(appid: string, options?: { signal?: AbortSignal }): Promise<ShareLinks>;
    /** Reconciles the index with the shop now (an operator's command, a test): postponed when quota is low. */
    reconcileNow(): Promise<'done' | 'postponed'>;
    /** One product's H5 short link, QR code and 口令. */
    productLinks(appid: string, productId: string, options?: { signal?: AbortSignal }): Promise<ShareLinks>;
  };

/** Said by the 501 of every live route when no 视频号助手 credentials are set. */
export const liveCredentialsNeeded =
  'live rooms need the 视频号助手 account’s own credentials (WECHAT_FINDER_APPID and WECHAT_FINDER_SECRET, ' +
  'with its 开放场景 switch on): the shop’s credentials read no live data';

/** The API whose quota `/readyz` reports: the one every product read spends. */
const quotaPath = '/channels/ec/product/get';

/** A promoter's short link has its own code: only an affiliate-organisation token maps it back. */
const promoterLink = /^https:\/\/store\.weixin\.qq\.com\/shop\/a\//;

interface ShopIndex {
  builtAt: number;
  products: Map<string, Product>;
  search: SearchIndex;
  links: Map<string, Product>;
}

/** A reconcile waits while fewer calls than this share of the daily limit (beyond its own) are left. */
const reconcileReserve = 0.1;
/** `stock/batchget` takes at most 50 ids. */
const stockBatch = 50;
/** Shop events (WECHAT.md "Pushes"): the shop is read again. */
const shopEvents = new Set([
  'channels_ec_change_status',
  'channels_ec_close_store',
  'set_shop_nickname',
  'set_shop_headimg',
]);
/** Product events: that one product is read again. */
const productEvents = new Set(['product_spu_update', 'product_spu_listing', 'product_spu_audit']);

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
 * ref with bounded concurrency, since WeChat has no batch read), the shop's basic info with its links and
 * linked accounts, its listing, and search and short links over an index built from the listing (WeChat
 * has no keyword search over a shop's own products, and no reverse lookup of short links). Only this
 * shop's products can be read: refs to other shops answer `not_found` saying so.
 *
 * Live rooms: the shop's credentials read no live data, but the 视频号助手 account's own credentials do
 * (notices, the current live, its products: WECHAT.md "Live data on the server"). Without those the live
 * methods are absent and `notServed` names the credentials that enable them.
 */
export function createWeChatBackend(options: WeChatBackendOptions): WeChatBackend {
  const tokenStore = options.tokenStore ?? memoryTokenStore(options.now);
  const api = new WeChatApi({ ...options, tokenStore });
  // Its own token (keyed by its own appid), through the same store.
  const finderApi = options.finder
    ? new WeChatApi({ ...options, appid: options.finder.appid, secret: options.finder.secret, tokenStore })
    : undefined;
  const finderLive =
    finderApi && options.finder
      ? new FinderLive({
          api: finderApi,
          finderUserName: options.finder.finderUserName,
          shopAppid: options.appid,
          ...(options.finder.pollMs !== undefined ? { pollMs: options.finder.pollMs } : {}),
          ...(options.now ? { now: options.now } : {}),
        })
      : undefined;
  const limit = pLimit(options.concurrency ?? 8);
  const now = options.now ?? Date.now;
  const maxIndexed = options.maxIndexedProducts ?? 5_000;
  const shopTtlMs = options.shopTtlMs ?? 10 * 60_000;
  const quotaTtlMs = options.quotaTtlMs ?? 5 * 60_000;
  let shopSummary: Promise<{ shop: Shop; summary: ShopSummary }> | undefined;
  let shopLoadedAt = 0;
  let quotaReading: { at: number; check: ReadinessCheck } | undefined;
  const reconcileIntervalMs = options.reconcileIntervalMs ?? 24 * 60 * 60_000;
  const quotaBackoffMs = options.quotaBackoffMs ?? 60 * 60_000;
  const log = options.log ?? (() => {});
  let index: ShopIndex | undefined;
  let reconciling: Promise<ShopIndex> | undefined;
  let nextReconcileAt = 0;

  function ownShop(appid: string): void {
    if (appid !== options.appid) {
      throw new XiaodianError('not_found', `Shop ${appid} is not the shop this gateway has credentials for`);
    }
  }

  /** A text field of a WeChat answer, or undefined when the call failed or lacked it. */
  async function textOf(path: string, field: string, body: Record<string, unknown>, signal?: AbortSignal) {
    const json = await limit(() => api.call('POST', path, body, signal));
    const value = json[field];
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  /** 公众号 and 小程序 from cooperation/list, 视频号 from the authorization list; each read may fail alone. */
  async function readLinkedAccounts(signal?: AbortSignal): Promise<Shop['linkedAccounts']> {
    const bound = async (sharerType: 2 | 3) => {
      const json = await limit(() =>
        api.call('POST', '/channels/ec/cooperation/list', { sharer_type: sharerType }, signal),
      );
      const list = Array.isArray(json['data_list']) ? (json['data_list'] as Array<Record<string, unknown>>) : [];
      return list
        .filter((item) => item['status'] === undefined || Number(item['status']) === 1)
        .flatMap((item) =>
          typeof item['sharer_id'] === 'string' && item['sharer_id'] !== ''
            ? [{ id: item['sharer_id'], name: typeof item['sharer_name'] === 'string' ? item['sharer_name'] : '' }]
            : [],
        )
        .map((account) => ({ id: account.id, name: account.name || account.id }));
    };
    const finders = async () => {
      const json = await limit(() =>
        api.call('POST', '/channels/ec/compass/shop/finder/authorization/list/get', {}, signal),
      );
      const ids = Array.isArray(json['authorized_finder_id_list']) ? json['authorized_finder_id_list'] : [];
      // The list names ids only: the id stands in for the name.
      return ids.filter((id): id is string => typeof id === 'string' && id !== '').map((id) => ({ id, name: id }));
    };
    const [official, miniPrograms, channels] = await Promise.allSettled([bound(2), bound(3), finders()]);
    const value = <T>(result: PromiseSettledResult<T[]>) => (result.status === 'fulfilled' ? result.value : []);
    const accounts: Shop['linkedAccounts'] = { officialAccounts: value(official), channels: value(channels) };
    if (value(miniPrograms).length > 0) accounts.miniPrograms = value(miniPrograms);
    return accounts;
  }

  function loadShop(signal?: AbortSignal) {
    // Shop events arrive as pushes; without them, a shop read this long ago is read again.
    if (shopSummary && now() - shopLoadedAt >= shopTtlMs) shopSummary = undefined;
    shopLoadedAt = shopSummary ? shopLoadedAt : now();
    shopSummary ??= Promise.all([
      api.call('GET', '/channels/ec/basics/info/get', undefined, signal),
      readLinkedAccounts(signal),
      textOf('/channels/ec/basics/shop/h5url/get', 'shop_h5url', {}, signal).catch(() => undefined),
    ])
      .then(([json, linkedAccounts, h5Url]) => {
        const info = wechatShopInfoSchema.safeParse(json['info']);
        if (!info.success)
          throw new XiaodianError('invalid_response', 'WeChat sent shop info this gateway cannot read');
        const shop = shopFromWeChat(options.appid, info.data, { linkedAccounts, ...(h5Url ? { h5Url } : {}) });
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

  /** One product with its H5 short link (short links carry no ids: the only way back is to know them all). */
  async function readWithLink(productId: string): Promise<Product> {
    const product = await readProduct(productId);
    const url = await textOf('/channels/ec/product/h5url/get', 'product_h5url', { product_id: productId }).catch(
      () => undefined,
    );
    if (url) product.h5Url = url;
    return product;
  }

  function indexOf(products: Map<string, Product>, builtAt: number): ShopIndex {
    const links = new Map<string, Product>();
    for (const product of products.values()) if (product.h5Url) links.set(product.h5Url.replace(/\/+$/, ''), product);
    return { builtAt, products, search: createSearchIndex([...products.values()]), links };
  }

  /** `stock/batchget`, 50 ids a call: stock drifts with every order and no push says so. */
  async function refreshStock(products: Map<string, Product>): Promise<void> {
    const ids = [...products.keys()];
    const batches = Array.from({ length: Math.ceil(ids.length / stockBatch) }, (_, i) =>
      ids.slice(i * stockBatch, (i + 1) * stockBatch),
    );
    await Promise.all(
      batches.map(async (batch) => {
        const json = await limit(() => api.call('POST', '/channels/ec/product/stock/batchget', { product_id: batch }));
        const data = (json['data'] ?? {}) as Record<string, unknown>;
        const list = Array.isArray(data['spu_stock_list'])
          ? (data['spu_stock_list'] as Array<Record<string, unknown>>)
          : [];
        for (const entry of list) {
          const product = products.get(String(entry['product_id']));
          if (!product || !Array.isArray(entry['sku_stock'])) continue;
          const stocks = new Map(
            (entry['sku_stock'] as Array<Record<string, unknown>>).map((sku) => [
              String(sku['sku_id']),
              Number(sku['total_stock_num']),
            ]),
          );
          product.skus = product.skus.map((sku) => {
            const stock = stocks.get(sku.skuId);
            return stock !== undefined && Number.isInteger(stock) && stock >= 0 ? { ...sku, stock } : sku;
          });
          if (product.availability !== 'unavailable' && product.skus.length > 0) {
            product.availability = product.skus.some((sku) => sku.stock > 0) ? 'available' : 'sold_out';
          }
        }
      }),
    ).catch((error: unknown) => log({ level: 'warn', msg: 'stock refresh failed', error: String(error) }));
  }

  /**
   * The slow reconcile that replaces re-reading the shop every few minutes: the listing, then only the
   * products the index does not know (pushes keep known ones current; without pushes every product is
   * read again), then stock for all, 50 a call.
   */
  async function reconcile(previous: ShopIndex | undefined): Promise<ShopIndex> {
    const products = new Map<string, Product>();
    const reuse = previous && options.pushesConfigured ? previous.products : undefined;
    let cursor: string | undefined;
    do {
      const page = await listPage(cursor, maxListPage);
      const read = await Promise.allSettled(page.ids.map(async (id) => reuse?.get(id) ?? (await readWithLink(id))));
      for (const result of read) if (result.status === 'fulfilled') products.set(result.value.productId, result.value);
      cursor = page.nextKey && products.size < maxIndexed ? encodeCursor(page.nextKey) : undefined;
    } while (cursor);
    await refreshStock(products);
    return indexOf(products, now());
  }

  /** Whether today's quota leaves room for a reconcile; read first, so a low quota is not spent on it. */
  async function quotaAllowsReconcile(): Promise<boolean> {
    try {
      const json = await api.call('POST', '/cgi-bin/openapi/quota/get', { cgi_path: quotaPath });
      const quota = (json['quota'] ?? {}) as Record<string, unknown>;
      const remain = Number(quota['remain']);
      const dailyLimit = Number(quota['daily_limit']);
      if (!Number.isFinite(remain) || !Number.isFinite(dailyLimit)) return true;
      const needed = (index?.products.size ?? 0) + reconcileReserve * dailyLimit;
      if (remain >= needed) return true;
      log({ level: 'warn', msg: 'reconcile postponed: WeChat quota low', remaining: remain, dailyLimit });
      return false;
    } catch {
      return true; // an unreadable quota does not stop the reconcile
    }
  }

  let lastOutcome: 'done' | 'postponed' = 'done';
  function startReconcile(): Promise<ShopIndex> {
    reconciling ??= (async () => {
      // The first build always runs: without it there is no search at all.
      if (index && !(await quotaAllowsReconcile())) {
        nextReconcileAt = now() + quotaBackoffMs;
        lastOutcome = 'postponed';
        return index;
      }
      const built = await reconcile(index);
      index = built;
      nextReconcileAt = now() + reconcileIntervalMs;
      lastOutcome = 'done';
      log({ level: 'info', msg: 'reconciled with the shop', products: built.products.size });
      return built;
    })().finally(() => (reconciling = undefined));
    return reconciling;
  }

  async function currentIndex(): Promise<ShopIndex> {
    if (index && now() < nextReconcileAt) return index;
    const running = startReconcile();
    if (!index) return running;
    // A stale index answers at once while the reconcile runs; its failure is logged, and retried next time.
    running.catch((error: unknown) => log({ level: 'warn', msg: 'reconcile failed', error: String(error) }));
    return index;
  }

  /** Where a push names its product: `ProductSpuUpdate`, `ProductSpuListing`, `ProductSpuAudit`, … */
  function pushedProductId(message: Record<string, unknown>): { productId: string; status: number } | undefined {
    for (const value of Object.values(message)) {
      if (value && typeof value === 'object' && 'product_id' in value) {
        const fields = value as Record<string, unknown>;
        const productId = String(fields['product_id']);
        if (/^[1-9][0-9]{0,19}$/.test(productId)) return { productId, status: Number(fields['status']) };
      }
    }
    return undefined;
  }

  async function quotaCheck(): Promise<ReadinessCheck> {
    if (quotaReading && now() - quotaReading.at < quotaTtlMs) return quotaReading.check;
    let check: ReadinessCheck;
    try {
      const json = await api.call('POST', '/cgi-bin/openapi/quota/get', { cgi_path: quotaPath });
      const quota = (json['quota'] ?? {}) as Record<string, unknown>;
      const remain = Number(quota['remain']);
      const dailyLimit = Number(quota['daily_limit']);
      check = Number.isFinite(remain)
        ? {
            name: 'wechat-quota',
            ok: remain > 0,
            detail:
              remain > 0
                ? `${remain} of ${dailyLimit} calls to ${quotaPath} left today`
                : `The daily quota of ${quotaPath} is used up`,
            remaining: remain,
            dailyLimit,
          }
        : { name: 'wechat-quota', ok: true, detail: 'WeChat did not report the quota' };
    } catch (error) {
      // Not knowing the quota does not make the gateway unready.
      check = {
        name: 'wechat-quota',
        ok: true,
        detail: `The quota could not be read: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    quotaReading = { at: now(), check };
    return check;
  }

  async function credentialsCheck(name: string, whose: string, source: WeChatApi): Promise<ReadinessCheck> {
    const credentials = await source.credentialsStatus();
    return credentials.ok
      ? { name, ok: true, detail: `WeChat accepted ${whose} credentials (an access token is held)` }
      : {
          name,
          ok: false,
          detail: `WeChat does not accept ${whose} credentials: ${credentials.message}`,
          ...(credentials.errcode !== undefined ? { errcode: credentials.errcode } : {}),
        };
  }

  const live: Partial<Pick<StorefrontBackend, 'getLive' | 'liveEvents'>> = finderLive
    ? {
        getLive: (name, requestOptions = {}) => finderLive.getLive(name, requestOptions.signal),
        liveEvents: (name, eventOptions) => finderLive.liveEvents(name, eventOptions),
      }
    : {};

  return {
    notServed: finderLive ? {} : { getLive: liveCredentialsNeeded, liveEvents: liveCredentialsNeeded },
    ...live,

    async readiness(): Promise<ReadinessCheck[]> {
      const shop = await credentialsCheck('wechat', 'the shop’s', api);
      const checks = shop.ok ? [shop, await quotaCheck()] : [shop];
      if (finderApi) checks.push(await credentialsCheck('wechat-finder', 'the 视频号助手', finderApi));
      return checks;
    },

    async shopLinks(appid, requestOptions = {}): Promise<ShareLinks> {
      ownShop(appid);
      const [h5Url, qrCodeUrl, tagLink] = await Promise.all([
        textOf('/channels/ec/basics/shop/h5url/get', 'shop_h5url', {}, requestOptions.signal),
        textOf('/channels/ec/basics/shop/qrcode/get', 'shop_qrcode', {}, requestOptions.signal),
        textOf('/channels/ec/basics/shop/taglink/get', 'shop_taglink', {}, requestOptions.signal),
      ]);
      return { ...(h5Url ? { h5Url } : {}), ...(qrCodeUrl ? { qrCodeUrl } : {}), ...(tagLink ? { tagLink } : {}) };
    },

    async productLinks(appid, productId, requestOptions = {}): Promise<ShareLinks> {
      ownShop(appid);
      const body = { product_id: productId };
      const [h5Url, qrCodeUrl, tagLink] = await Promise.all([
        textOf('/channels/ec/product/h5url/get', 'product_h5url', body, requestOptions.signal),
        textOf('/channels/ec/product/qrcode/get', 'product_qrcode', body, requestOptions.signal),
        textOf('/channels/ec/product/taglink/get', 'product_taglink', body, requestOptions.signal),
      ]);
      return { ...(h5Url ? { h5Url } : {}), ...(qrCodeUrl ? { qrCodeUrl } : {}), ...(tagLink ? { tagLink } : {}) };
    },

    async changeFromPush(message): Promise<CatalogChange | undefined> {
      const event = typeof message['Event'] === 'string' ? message['Event'] : '';
      if (shopEvents.has(event)) return { kind: 'shop' };
      if (!productEvents.has(event)) return undefined;
      const pushed = pushedProductId(message);
      if (!pushed) return undefined;
      // product_spu_update status 2 deleted, 3 purged: nothing to read.
      if (event === 'product_spu_update' && (pushed.status === 2 || pushed.status === 3)) {
        return { kind: 'product', productId: pushed.productId, product: null };
      }
      try {
        return { kind: 'product', productId: pushed.productId, product: await readWithLink(pushed.productId) };
      } catch (error) {
        if (error instanceof XiaodianError && error.code === 'not_found') {
          return { kind: 'product', productId: pushed.productId, product: null };
        }
        throw error;
      }
    },

    async reconcileNow() {
      await startReconcile();
      return lastOutcome;
    },

    applyChange(change) {
      if (change.kind === 'shop') {
        shopSummary = undefined;
        return;
      }
      if (!index) return; // the first reconcile will read it
      // One product in, one out: the search index takes it incrementally, with no rebuild of the shop's.
      const previous = index.products.get(change.productId);
      if (previous?.h5Url) index.links.delete(previous.h5Url.replace(/\/+$/, ''));
      if (change.product) {
        index.products.set(change.productId, change.product);
        index.search.upsert(change.product);
        if (change.product.h5Url) index.links.set(change.product.h5Url.replace(/\/+$/, ''), change.product);
      } else {
        index.products.delete(change.productId);
        index.search.remove({ appid: options.appid, productId: change.productId });
      }
    },

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
        const product = known.get(trimmed);
        if (product) return { ok: true, ref: { kind: 'product', appid: product.appid, productId: product.productId } };
        if (promoterLink.test(link.trim())) {
          return {
            ok: false,
            error: {
              code: 'not_found',
              message:
                `${link} is a promoter's short link: its code is not the product's, and only an affiliate ` +
                "organisation's token can map it back (get_product_promotion_link_info), not the shop's credentials",
            },
          };
        }
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
