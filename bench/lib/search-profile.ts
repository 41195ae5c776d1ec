/**
 * Profiling aid: builds this index on the generated catalog and prints the slowest queries of the suite.
 * `node --import tsx [--cpu-prof] bench/lib/search-profile.ts 100000`
 */
import { performance } from 'node:perf_hooks';
import { buildCatalog, defaultSeed } from '@xiaodian/demo';
import type { Product } from '@xiaodian/model';
import { createSearchIndex } from '@xiaodian/model/search';
import { searchQueries } from '../../test/model/search-queries.ts';

const size = Number(process.argv[2] ?? 100_000);
const products: Product[] = [];
for (let round = 0; products.length < size; round += 1) {
  for (const product of buildCatalog(defaultSeed + round, (path) => path).products) {
    products.push({ ...product, productId: `${product.productId}${String(round).padStart(3, '0')}` });
    if (products.length === size) break;
  }
}
let started = performance.now();
const index = createSearchIndex(products);
console.log(`build ${(performance.now() - started).toFixed(0)} ms`);
const queries = searchQueries.map((judged) => ({ ...judged.query, limit: 10 }));
for (const query of queries.slice(0, 3)) index.search(query);
const times = new Map<string, number>();
started = performance.now();
for (let round = 0; round < 3; round += 1) {
  for (const query of queries) {
    const start = performance.now();
    const page = index.search(query);
    const key = `${JSON.stringify(query)} total=${page.total}`;
    times.set(key, (times.get(key) ?? 0) + (performance.now() - start) / 3);
  }
}
console.log(`queries ${(performance.now() - started).toFixed(0)} ms`);
for (const [key, ms] of [...times].sort((a, z) => z[1] - a[1]).slice(0, 25)) console.log(ms.toFixed(2), key);
