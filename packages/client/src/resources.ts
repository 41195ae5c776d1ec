import { type LiveRef, type LiveRoom, type PageRequest, type Shop, type ShopRef } from '@xiaodian/model';
import type { CallOptions, Cached, ClientCore, ProductPage } from './client.js';
import { shopProductsKey } from './keys.js';
import { liveRefArg, shopRefArg } from './ref-args.js';
import { checkItems, list, share, unsupported } from './resource-requests.js';
import { checkLiveRoom, checkPageEnvelope, checkShop, isShop } from './validate-resources.js';

/**
 * Shops, product lists and live rooms: loaded on first use by the client, so pages with only product cards
 * never download them (search loads apart, search-resources.ts).
 */

export async function readShop(
  core: ClientCore,
  ref: ShopRef,
  options: CallOptions = {},
  /** The client method called (`getShop`, `readShop`), named in the error for a bad ref. */
  method: string,
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

function checkPage(answer: unknown, what: string): ProductPage {
  const page = checkPageEnvelope(answer, what);
  const items = checkItems(page.items, what);
  return page.nextCursor === undefined
    ? { items, total: page.total }
    : { items, total: page.total, nextCursor: page.nextCursor };
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
