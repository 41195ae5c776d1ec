import { buildCatalog, defaultSeed } from '@xiaodian/demo';
import type { Product } from '@xiaodian/model';

/**
 * The demo generator, scaled: catalogs from successive seeds, product ids made unique per seed. What the
 * search bench, its profiler and its golden answers all build their large index from.
 */
export function scaledCatalog(wanted: number): Product[] {
  const products: Product[] = [];
  for (let round = 0; products.length < wanted; round += 1) {
    for (const product of buildCatalog(defaultSeed + round, (path) => path).products) {
      products.push({ ...product, productId: `${product.productId}${String(round).padStart(3, '0')}` });
      if (products.length === wanted) break;
    }
  }
  return products;
}
