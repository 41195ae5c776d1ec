// Two shops and a product factory for the model's tests on small hand-made catalogs (facets, the typed
// columns): every field a filter or facet reads is set where the test needs it, the rest stays plain.
import type { Product } from '@xiaodian/model';

export const shopA = { appid: 'wxaaaaaaaaaaaaaaaa', name: '山野户外', logoUrl: '' };
export const shopB = { appid: 'wxbbbbbbbbbbbbbbbb', name: '江南茶社', logoUrl: '' };

/** A product of shop A at ¥10, in stock, without guarantees or category, with `fields` over it. */
export function product(productId: string, fields: Partial<Product>): Product {
  return {
    appid: shopA.appid,
    productId,
    title: `商品${productId}`,
    images: [],
    minPrice: 1000,
    maxPrice: 1000,
    sales: 0,
    status: 5,
    availability: 'available',
    guarantees: [],
    skus: [],
    shop: shopA,
    ...fields,
  };
}
