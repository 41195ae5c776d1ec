import type { Availability, Guarantee, Product, ShopSummary } from '../domain/product.js';
import type { WeChatProduct } from './product.js';

const onSale = 5;
const delistedSoldOut = 12;

const guaranteeFlags: ReadonlyArray<[keyof NonNullable<WeChatProduct['extra_service']>, Guarantee]> = [
  ['seven_day_return', 'seven_day_return'],
  ['freight_insurance', 'freight_insurance'],
  ['damage_guarantee', 'damage_guarantee'],
  ['fake_one_pay_three', 'fake_one_pay_three'],
  ['pay_after_use', 'pay_after_use'],
  ['exchange_support', 'exchange_support'],
];

function availabilityOf(raw: WeChatProduct): Availability {
  if (raw.status === delistedSoldOut) return 'sold_out';
  if (raw.status !== onSale) return 'unavailable';
  const skus = raw.skus ?? [];
  const inStock = skus.some((sku) => sku.stock_num > 0 && (sku.status === undefined || sku.status === onSale));
  return skus.length > 0 && !inStock ? 'sold_out' : 'available';
}

/**
 * Maps WeChat's product to the domain form. The shop comes from the caller because WeChat's product
 * object does not carry it (the appid is the caller's credential, the name comes from basics/info).
 */
export function productFromWeChat(
  raw: WeChatProduct,
  shop: ShopSummary,
  extra: Partial<Pick<Product, 'h5Url' | 'category' | 'giftable' | 'affiliate'>> = {},
): Product {
  const skus = (raw.skus ?? []).map((sku) => ({
    skuId: sku.sku_id,
    price: sku.sale_price,
    stock: sku.stock_num,
    attrs: (sku.sku_attrs ?? []).map((a) => ({ key: a.attr_key, value: a.attr_value })),
    ...(sku.thumb_img ? { image: sku.thumb_img } : {}),
  }));
  const prices = skus.map((sku) => sku.price);
  const minPrice = prices.length ? Math.min(...prices) : (raw.min_price ?? 0);
  const maxPrice = prices.length ? Math.max(...prices) : minPrice;
  const service = raw.extra_service ?? {};
  const product: Product = {
    appid: shop.appid,
    productId: raw.product_id,
    title: raw.title,
    images: raw.head_imgs,
    minPrice,
    maxPrice,
    sales: raw.total_sold_num ?? 0,
    status: raw.status,
    availability: availabilityOf(raw),
    guarantees: guaranteeFlags.filter(([flag]) => service[flag] === true).map(([, name]) => name),
    skus,
    shop,
  };
  if (raw.short_title) product.shortTitle = raw.short_title;
  if (extra.h5Url) product.h5Url = extra.h5Url;
  if (extra.category) product.category = extra.category;
  if (extra.giftable !== undefined) product.giftable = extra.giftable;
  if (extra.affiliate) product.affiliate = extra.affiliate;
  return product;
}
