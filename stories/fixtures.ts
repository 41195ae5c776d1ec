// The states designers see in Storybook are the states the browser tests check: both import these.
// Everything runs in-process against the demo catalog (pictures inline): no gateway, no network.
import { createClient, type XiaodianClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import { XiaodianError, formatFen, type Product, type ProductSource, type Shop } from '@xiaodian/model';

export const demo = createDemoBackend({ images: 'inline' });
export const demoClient: XiaodianClient = createClient({ backend: demo });

const find = (test: (p: Product) => boolean, what: string): Product => {
  const product = demo.products.find(test);
  if (!product) throw new Error(`The demo catalog has no ${what}`);
  return product;
};

/** One demo product per state a card can be in. */
export const products = {
  /** On sale, several prices, discounted, with guarantees. */
  available: find(
    (p) =>
      p.availability === 'available' &&
      p.minPrice !== p.maxPrice &&
      p.originalPrice !== undefined &&
      p.guarantees.length >= 2,
    'discounted multi-SKU product',
  ),
  giftable: find((p) => p.availability === 'available' && p.giftable === true, 'giftable product'),
  longTitle: demo.products
    .filter((p) => p.availability === 'available')
    .reduce((longest, p) => (p.title.length > longest.title.length ? p : longest)),
  soldOut: find((p) => p.availability === 'sold_out', 'sold-out product'),
  delisted: find((p) => p.status === 11, 'delisted product'),
  banned: find((p) => p.status === 20, 'banned product'),
  violation: find((p) => p.status === 13, 'product delisted for violation'),
} as const;

/** A backend that never answers: the loading state. */
export const pendingClient: XiaodianClient = createClient({
  backend: { getProducts: () => new Promise(() => {}), getShop: () => new Promise(() => {}) },
});

/** A backend the network cannot reach: the offline error state, with retry. */
const unreachable = () => Promise.reject(new XiaodianError('offline', 'The gateway cannot be reached'));
export const offlineClient: XiaodianClient = createClient({
  backend: { getProducts: unreachable, getShop: unreachable },
  retry: false,
});

/** A backend whose answer for one product is malformed (no title, a negative price): invalid_response. */
export function malformedClient(broken: Product): XiaodianClient {
  const source: ProductSource = {
    async getProducts(refs, options) {
      const results = await demo.getProducts(refs, options);
      return results.map((result, i) =>
        refs[i]?.productId === broken.productId && result.ok
          ? { ok: true, product: { ...result.product, title: undefined, minPrice: -1 } as unknown as Product }
          : result,
      );
    },
  };
  return createClient({ backend: source });
}

const findShop = (test: (s: Shop) => boolean, what: string): Shop => {
  const shop = demo.shops.find(test);
  if (!shop) throw new Error(`The demo catalog has no ${what}`);
  return shop;
};

/** One demo shop per state a shop entry can be in. */
export const shops = {
  /** Brand-certified, with scores, counts and linked accounts. */
  flagship: findShop(
    (s) => s.brand?.certification === 'official_flagship' && s.linkedAccounts.officialAccounts.length > 0,
    'official flagship shop with linked accounts',
  ),
  individual: findShop((s) => s.subjectType === 'individual' && !s.brand, 'individual shop without a brand'),
  closing: findShop((s) => s.status === 'closing', 'closing shop'),
} as const;

export const refOf = (product: Product) => ({ appid: product.appid, productId: product.productId });

/**
 * What a creator writes inside a text link (`variant="text"`): the short title and the price as the link
 * shows it (a range from its lowest price), which reserve the link's width before its script runs.
 */
export const textLinkWords = (product: Product) =>
  `${product.shortTitle ?? product.title} ${formatFen(product.minPrice)}${product.minPrice === product.maxPrice ? '' : '起'}`;
