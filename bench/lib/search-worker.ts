/**
 * One engine on the generated catalog, in its own process so heap and JIT are its own: build time, heap
 * after the build, and query latency over the query suite's texts. Prints one JSON line. Run with
 * `--expose-gc` (bench/search.bench.ts does).
 */
import { performance } from 'node:perf_hooks';
import { buildCatalog, defaultSeed } from '@xiaodian/demo';
import type { Product } from '@xiaodian/model';
import { warmUpQueries } from '@xiaodian/model/search';
import { searchQueries } from '../../test/model/search-queries.ts';
import { createEngine, type EngineName } from './search-engines.ts';

const [name, sizeArgument] = process.argv.slice(2) as [EngineName, string];
const size = Number(sizeArgument);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

/** The demo generator, scaled: catalogs from successive seeds, product ids made unique per seed. */
function scaledCatalog(wanted: number): Product[] {
  const products: Product[] = [];
  for (let round = 0; products.length < wanted; round += 1) {
    for (const product of buildCatalog(defaultSeed + round, (path) => path).products) {
      products.push({ ...product, productId: `${product.productId}${String(round).padStart(3, '0')}` });
      if (products.length === wanted) break;
    }
  }
  return products;
}

const products = scaledCatalog(size);
const engine = createEngine(name);
gc();
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
await engine.build(products);
const buildMs = performance.now() - started;
gc();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

const queries = searchQueries.map((judged) => ({ ...judged.query, limit: 10 }));
// Up to five rounds over the suite, within a time budget (SEARCH_BENCH_QUERY_SECONDS, 30 s): engines that
// scan every document per query (Fuse.js, Orama's fuzzy search at this size) would otherwise take hours.
// The number of queries timed is printed with the figures.
const budgetMs = Number(process.env['SEARCH_BENCH_QUERY_SECONDS'] ?? 30) * 1000;
// The same warm-up for every engine, untimed: this index runs `warmUpQueries` inside its build (its build
// time includes them); the peers ship without one, so they run them here, outside their build time.
// Without it their first round would be timed cold against a warmed index.
for (const query of warmUpQueries(products)) await engine.search({ ...query, limit: query.limit ?? 10 });
for (const query of queries.slice(0, 3)) await engine.search(query);
const times: number[] = [];
const began = performance.now();
timing: for (let round = 0; round < 5; round += 1) {
  for (const query of queries) {
    const start = performance.now();
    await engine.search(query);
    times.push(performance.now() - start);
    if (performance.now() - began > budgetMs) break timing;
  }
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
console.log(JSON.stringify({ buildMs, heapMb, p50: at(0.5), p95: at(0.95), queries: times.length }));
