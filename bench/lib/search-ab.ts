/**
 * A/B timing of two builds of the index in one process, on the same generated catalog and the same load:
 * each query of the suite runs on both, alternately first, for ROUNDS rounds; prints build time, heap
 * after each build and query p50/p95 per build, in wall time and in the process's CPU time (which a busy
 * machine inflates far less: time spent waiting for a core is not counted), and each query's fastest CPU
 * time over the rounds. For a speed change measured on a busy machine, where two runs minutes apart see
 * different loads.
 *
 * `node --expose-gc --import tsx bench/lib/search-ab.ts OLD/dist/search/index.js [NEW] [SIZE] [ROUNDS]`
 * (NEW defaults to `@xiaodian/model/search`, the built package; SIZE to 100,000; ROUNDS to 5).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Product } from '@xiaodian/model';
import type { SearchIndex } from '@xiaodian/model/search';
import { searchQueries } from '../../test/model/search-queries.ts';
import { scaledCatalog } from './search-catalog.ts';

type Create = (products: readonly Product[]) => SearchIndex;

const [oldPath, newPath = '@xiaodian/model/search', sizeArgument = '100000', roundsArgument = '5'] =
  process.argv.slice(2);
if (!oldPath) throw new Error('usage: search-ab.ts OLD [NEW] [SIZE] [ROUNDS]');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const load = async (path: string) => {
  const specifier = path.startsWith('/') ? pathToFileURL(path).href : path;
  return ((await import(specifier)) as { createSearchIndex: Create }).createSearchIndex;
};
const builds = [
  { name: 'old', create: await load(oldPath) },
  { name: 'new', create: await load(newPath) },
];
const products = scaledCatalog(Number(sizeArgument));
const indexes: SearchIndex[] = [];
for (const { name, create } of builds) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  indexes.push(create(products));
  const buildMs = performance.now() - started;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(`${name}: build ${(buildMs / 1000).toFixed(2)} s, heap ${heapMb.toFixed(0)} MB`);
}

const queries = searchQueries.map((judged) => ({ ...judged.query, limit: 10 }));
for (const index of indexes) for (const query of queries.slice(0, 3)) index.search(query);
const times: number[][] = builds.map(() => []);
const cpuTimes: number[][] = builds.map(() => []);
for (let round = 0; round < Number(roundsArgument); round += 1) {
  for (const [q, query] of queries.entries()) {
    // Alternately first: neither build always runs right after the other's garbage.
    const order = (round + q) % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      indexes[i]!.search(query);
      times[i]!.push(performance.now() - start);
      const spent = process.cpuUsage(cpu);
      cpuTimes[i]!.push((spent.user + spent.system) / 1000);
    }
  }
}
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, z) => a - z);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
  const mean = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length;
  return `p50 ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, mean ${mean.toFixed(3)} ms`;
};
/** Each query's fastest run in CPU time: what is left when other processes' noise (and GC) is taken out. */
const fastest = (values: number[]) =>
  queries.map((_, q) => Math.min(...values.filter((__, run) => run % queries.length === q)));
for (const [i, { name }] of builds.entries()) {
  console.log(`${name}: query wall ${summary(times[i]!)}; CPU ${summary(cpuTimes[i]!)} (${times[i]!.length} queries)`);
  console.log(`${name}: each query's fastest CPU over the rounds ${summary(fastest(cpuTimes[i]!))}`);
}
