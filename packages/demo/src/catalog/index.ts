import type { ArticleRef, Product, Shop, ShopSummary } from '@xiaodian/model';
import { avatarSvg, productSvg } from '../images.js';
import { between, seededRandom } from '../random.js';
import { buildProduct } from './products.js';
import { roomDefinitions } from '../live/rooms.js';
import { buildShop, demoShopSeeds } from './shops.js';

export interface DemoCatalog {
  shops: Shop[];
  /** Every product, every status, in shop order. */
  products: Product[];
  /** SVG source per image path (`products/<id>.svg`, `shops/<appid>.svg`). */
  images: Map<string, () => string>;
  /** WeChat H5 short-link code → what it names. */
  shortLinks: Map<string, ArticleRef>;
}

export const defaultSeed = 20261124;

/**
 * Builds the marketplace. The same seed gives the same catalog, byte for byte, on every machine.
 * Product ids are `10000201` + shop number (3 digits) + line (3 digits): `wx3f8a2c1d9e7b6a54:10000201001001`
 * is the first shop's first product.
 */
export function buildCatalog(seed: number, imageUrl: (path: string) => string): DemoCatalog {
  const random = seededRandom(seed);
  const images = new Map<string, () => string>();
  const shops: Shop[] = [];
  const products: Product[] = [];
  let globalIndex = 0;
  demoShopSeeds().forEach((shopSeed, shopIndex) => {
    const logoPath = `shops/${shopSeed.appid}.svg`;
    images.set(logoPath, () => avatarSvg(shopSeed.name, shopSeed.hue));
    const summary: ShopSummary = { appid: shopSeed.appid, name: shopSeed.name, logoUrl: imageUrl(logoPath) };
    const count = between(random, 60, 90);
    const own: Product[] = [];
    for (let line = 0; line < count; line += 1) {
      const built = buildProduct(shopSeed, summary, shopIndex, line, globalIndex++, random, imageUrl);
      for (const [path, spec] of built.images) images.set(path, () => productSvg(spec.label, spec.hue, spec.variant));
      own.push(built.product);
    }
    const onSale = own.filter((product) => product.status === 5);
    shops.push(
      buildShop(shopSeed, shopIndex, random, summary.logoUrl, {
        productsOnSale: onSale.length,
        totalSales: own.reduce((sum, product) => sum + product.sales, 0),
      }),
    );
    products.push(...own);
  });

  linkLiveRooms(shops);

  const shortLinks = new Map<string, ArticleRef>();
  const codeOf = (url: string | undefined) => url?.slice(url.lastIndexOf('/') + 1);
  for (const shop of shops) shortLinks.set(codeOf(shop.h5Url)!, { kind: 'shop', appid: shop.appid });
  for (const product of products) {
    const code = codeOf(product.h5Url);
    if (code) shortLinks.set(code, { kind: 'product', appid: product.appid, productId: product.productId });
  }
  return { shops, products, images, shortLinks };
}

/**
 * Every live room is one of its shop's linked 视频号: the room takes the place of the shop's first generated
 * accounts (a shop with none gets one), so a shop entry's linked accounts lead to its room.
 */
function linkLiveRooms(shops: Shop[]): void {
  const taken = new Map<number, number>();
  for (const definition of roomDefinitions) {
    const shop = shops[definition.shop];
    if (!shop)
      throw new RangeError(
        `Live room ${definition.finderUserName} names shop ${definition.shop}, which does not exist`,
      );
    const slot = taken.get(definition.shop) ?? 0;
    taken.set(definition.shop, slot + 1);
    const channels = shop.linkedAccounts.channels;
    channels[slot] = { id: definition.finderUserName, name: definition.nickname ?? shop.name };
  }
}
