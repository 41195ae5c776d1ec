import {
  formatProductRef,
  productFromWeChat,
  wechatProductSchema,
  type Product,
  type ProductRef,
  type ProductResult,
  type RequestOptions,
  type ProductSource,
} from '@xiaodian/model';
import { buildDemoCatalog } from './catalog.js';

export interface DemoBackendOptions {
  seed?: number;
}

export interface DemoBackend extends ProductSource {
  /** Every product of the catalog, for examples and stories that need real refs. */
  readonly products: readonly Product[];
}

function abortError(): ProductResult {
  return { ok: false, error: { code: 'aborted', message: 'The request was aborted' } };
}

/**
 * The embedded demo catalog as a `ProductSource`. Its raw entries go through the same WeChat schema
 * and mapper as live data, so the demo exercises the real path.
 */
export function createDemoBackend(options: DemoBackendOptions = {}): DemoBackend {
  const products = buildDemoCatalog(options.seed).map((entry) =>
    productFromWeChat(wechatProductSchema.parse(entry.product), entry.shop, { h5Url: entry.h5Url }),
  );
  const byRef = new Map(products.map((product) => [formatProductRef(product), product]));

  return {
    products,
    async getProducts(refs: readonly ProductRef[], requestOptions: RequestOptions = {}): Promise<ProductResult[]> {
      return refs.map((ref) => {
        if (requestOptions.signal?.aborted) return abortError();
        const product = byRef.get(formatProductRef(ref));
        return product
          ? { ok: true, product }
          : { ok: false, error: { code: 'not_found', message: `No product ${ref.productId} in shop ${ref.appid}` } };
      });
    },
  };
}
