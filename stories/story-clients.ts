// Clients for the stories that need more than a fixed answer: data that has gone stale, and a network that
// comes back (the retry flow). Each story makes its own in a loader, so one story's clock or network never
// leaks into another's.
import { createClient, type XiaodianClient } from '@xiaodian/client';
import { XiaodianError, type Product, type ProductSource, type Shop, type StorefrontBackend } from '@xiaodian/model';
import { demo, refOf } from './fixtures.js';

const never = () => new Promise<never>(() => {});

/**
 * A client whose cache holds these products and shops from ten minutes ago (past their fresh time) and
 * whose refresh never answers: elements show the cached data, `stale`, for as long as the story is open.
 */
export async function staleClient(products: readonly Product[], shops: readonly Shop[] = []): Promise<XiaodianClient> {
  let now = Date.now();
  let refreshing = false;
  const backend: ProductSource & Partial<StorefrontBackend> = {
    getProducts: (refs, options) => (refreshing ? never() : demo.getProducts(refs, options)),
    getShop: (appid, options) => (refreshing ? never() : demo.getShop(appid, options)),
    listShopProducts: never,
    getLive: never,
  };
  const client = createClient({ backend, now: () => now });
  await Promise.all([
    ...products.map((product) => client.getProduct(refOf(product))),
    ...shops.map((shop) => client.getShop({ appid: shop.appid })),
  ]);
  refreshing = true;
  now += 10 * 60_000;
  return client;
}

/** A client that cannot reach the gateway until `reconnect()`: the error state, then what retry brings. */
export function reconnectingClient(): { client: XiaodianClient; reconnect(): void } {
  let online = false;
  const offline = () => Promise.reject(new XiaodianError('offline', 'The gateway cannot be reached'));
  const backend: ProductSource & Partial<StorefrontBackend> = {
    getProducts: (refs, options) => (online ? demo.getProducts(refs, options) : offline()),
    getShop: (appid, options) => (online ? demo.getShop(appid, options) : offline()),
    listShopProducts: (appid, page, options) => (online ? demo.listShopProducts(appid, page, options) : offline()),
    getLive: (name, options) => (online ? demo.getLive(name, options) : offline()),
  };
  return {
    client: createClient({ backend, retry: false }),
    reconnect: () => (online = true),
  };
}
