import {
  productFromWeChat,
  wechatProductSchema,
  type Product,
  type ShopSummary,
  type WeChatProductInput,
} from '@xiaodian/model';
import { between, pick } from '../random.js';
import { hash32, shortCode } from './ids.js';
import type { DemoShopSeed } from './shops.js';
import { categories, type ItemTemplate } from './vocabulary.js';

/**
 * Every status WeChat documents besides 5 (on sale), given to one product in fifty in turn, so each
 * appears many times across the catalog: 0 initial (in review), 6 recycle bin, 9 deleted, 11 delisted by
 * the merchant, 12 delisted sold out, 13 violation, 14 deposit, 15 brand expired, 20 banned.
 */
export const offSaleStatuses = [11, 12, 13, 0, 20, 14, 15, 6, 9] as const;

export interface ImageSpec {
  label: string;
  hue: number;
  variant: number;
}

export interface BuiltProduct {
  product: Product;
  /** Images to draw, by path under the image base (`products/<id>.svg`). */
  images: Array<[string, ImageSpec]>;
}

/** Yuan to fen, priced as shops do: 199, 198.9, 189 or 199.9. */
function price(random: () => number, [min, max]: readonly [number, number]): number {
  const yuan = Math.round(min + (max - min) * random() ** 1.6);
  return Math.max(100, yuan * 100 - pick(random, [0, 0, 10, 100]));
}

/** Takes 1..n values of each axis so that the combinations stay within WeChat's practical 12 SKUs. */
function skuValues(random: () => number, item: ItemTemplate): string[][][] {
  const taken: Array<Array<[string, string]>> = [];
  let room = 12;
  for (const [key, values] of item.axes) {
    const count = between(random, 1, Math.max(1, Math.min(values.length, 4, room)));
    room = Math.floor(room / count);
    const start = between(random, 0, values.length - count);
    taken.push(values.slice(start, start + count).map((value): [string, string] => [key, value]));
  }
  let combos: string[][][] = [[]];
  for (const axis of taken) combos = combos.flatMap((combo) => axis.map((pair) => [...combo, pair]));
  return combos;
}

/**
 * One product as WeChat's product/get returns it, mapped to the domain with the same schema and mapper
 * as live data, so the demo exercises the real path.
 */
export function buildProduct(
  seed: DemoShopSeed,
  shop: ShopSummary,
  shopIndex: number,
  line: number,
  globalIndex: number,
  random: () => number,
  imageUrl: (path: string) => string,
): BuiltProduct {
  const category = seed.category;
  const productId = String(10000201000000 + (shopIndex + 1) * 1000 + line + 1);
  const fixed = seed.lines?.[line];
  const drawn = pick(random, category.items);
  // A hand-written line keeps the SKUs and prices of the item it names.
  const named = fixed && categories.flatMap((c) => c.items).find((candidate) => fixed[0].includes(candidate.name));
  const item = named || drawn;
  const [first, second] = [pick(random, category.points), pick(random, category.points)];
  const points = first === second ? [first] : [first, second];
  const title = fixed?.[0] ?? `${seed.brand} ${item.name} ${points.join(' ')} ${pick(random, category.extras)}`;
  const shortTitle = fixed?.[1] ?? `${points[0]}${item.name}`;

  const status = globalIndex % 50 === 7 ? offSaleStatuses[Math.floor(globalIndex / 50) % offSaleStatuses.length]! : 5;
  // One on-sale product in twenty has sold every SKU: on sale, but sold out.
  const soldOut = status === 12 || (status === 5 && hash32(`soldout:${productId}`) % 20 === 0);
  const base = price(random, item.price);
  const step = pick(random, [0, 0, 500, 1000, 2000]);
  const skus = skuValues(random, item).map((attrs, i) => ({
    sku_id: `${productId}${String(i + 1).padStart(2, '0')}`,
    sale_price: base + (i % 4) * step,
    stock_num: soldOut ? 0 : random() < 0.08 ? 0 : between(random, 1, 800),
    status: 5,
    sku_attrs: attrs.map(([attr_key, attr_value]) => ({ attr_key: attr_key!, attr_value: attr_value! })),
  }));

  const imageCount = random() < 0.5 ? 2 : 1;
  const hue = (seed.hue + line * 23) % 360;
  const images: Array<[string, ImageSpec]> = Array.from({ length: imageCount }, (_, i) => [
    `products/${productId}${i === 0 ? '' : `-${i + 1}`}.svg`,
    { label: shortTitle, hue: (hue + i * 40) % 360, variant: i },
  ]);
  const returnable = random() < category.returnable;
  const raw: WeChatProductInput = {
    product_id: productId,
    title,
    short_title: shortTitle,
    head_imgs: images.map(([path]) => imageUrl(path)),
    min_price: Math.min(...skus.map((sku) => sku.sale_price)),
    total_sold_num: Math.floor(random() ** 3 * 150_000),
    status,
    product_type: 1,
    extra_service: {
      seven_day_return: returnable ? 1 : 0,
      freight_insurance: returnable && random() < 0.6 ? 1 : 0,
      damage_guarantee: random() < 0.3 ? 1 : 0,
      fake_one_pay_three: random() < (category.name === '珠宝' || category.name === '美妆' ? 0.5 : 0.15) ? 1 : 0,
      pay_after_use: random() < 0.2 ? 1 : 0,
      exchange_support: random() < 0.15 ? 1 : 0,
    },
    skus,
  };
  const affiliate =
    random() < 0.22
      ? {
          commissionRatio: Math.round((0.05 + random() * 0.25) * 100) / 100,
          ...(random() < 0.6 ? { promotionLink: `xdpl_${shortCode(`promotion:${productId}`)}` } : {}),
        }
      : undefined;
  const product = productFromWeChat(wechatProductSchema.parse(raw), shop, {
    category: category.name,
    giftable: random() < category.giftable,
    // WeChat gives short links for on-sale products only.
    ...(status === 5 ? { h5Url: `https://channels.weixin.qq.com/shop/a/${shortCode(`product:${productId}`)}` } : {}),
    ...(affiliate ? { affiliate } : {}),
  });
  // A 划线价 (the price before a discount) on one on-sale product in four: the highest SKU price marked up
  // 20–50 % and rounded to a shop-like figure (¥259, not ¥257.40). Drawn from a hash, not from `random`,
  // so the rest of the catalog stays as it was.
  const discount = hash32(`original:${productId}`);
  if (status === 5 && discount % 4 === 0) {
    const marked = product.maxPrice * (1.2 + ((discount >>> 2) % 31) / 100);
    product.originalPrice = Math.ceil(marked / 1000) * 1000 - 100;
  }
  return { product, images };
}
