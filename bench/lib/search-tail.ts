/**
 * Where the bench's query p95 comes from: times the suite exactly as `search-worker.ts` does (this index,
 * the same catalog, three warm-up queries, five rounds in suite order, wall time), then lists the timings
 * at and above the p95 with their query, their round and the garbage collections that ran during them
 * (`PerformanceObserver` 'gc' entries). A p95 made of first rounds says warm-up, one made of collections
 * says garbage, one made of the same few queries every round says those queries.
 *
 * With `--cpu OUT.cpuprofile`, a CPU profile of the first round alone (summarise it with
 * `search-cpu-summary.ts`). With `--no-warm-up`, the index is built without its warm-up queries; with
 * `--warm-up-products N`, its warm-up draws from N products (built package's `warmUpQueries`).
 * Prints CPU time percentiles too (time spent waiting for a core on a busy machine is not counted).
 *
 * `node --expose-gc --import tsx bench/lib/search-tail.ts [SIZE] [MODULE] [--cpu OUT.cpuprofile] [--no-warm-up | --warm-up-products N]`
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Product } from '@xiaodian/model';
import { warmUpQueries, type SearchIndex } from '@xiaodian/model/search';
import { searchQueries } from '../../test/model/search-queries.ts';
import { scaledCatalog } from './search-catalog.ts';

const args = process.argv.slice(2);
const cpuAt = args.indexOf('--cpu');
const cpuOut = cpuAt >= 0 ? args.splice(cpuAt, 2)[1] : undefined;
const noWarmUpAt = args.indexOf('--no-warm-up');
if (noWarmUpAt >= 0) args.splice(noWarmUpAt, 1);
const warmUpAt = args.indexOf('--warm-up-products');
const warmUpProducts = warmUpAt >= 0 ? Number(args.splice(warmUpAt, 2)[1]) : undefined;
const [sizeArgument = '100000', modulePath = '@xiaodian/model/search'] = args;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const specifier = modulePath.startsWith('/') ? pathToFileURL(modulePath).href : modulePath;
const { createSearchIndex } = (await import(specifier)) as {
  createSearchIndex: (products: readonly Product[], options?: { warmUp?: boolean }) => SearchIndex;
};

const products = scaledCatalog(Number(sizeArgument));
gc();
const heapBefore = process.memoryUsage().heapUsed;
const buildStarted = performance.now();
const cpuAtBuild = process.cpuUsage();
const index = createSearchIndex(products, { warmUp: noWarmUpAt < 0 && warmUpProducts === undefined });
// Counted in the build, as the index's own warm-up is.
if (warmUpProducts !== undefined) for (const query of warmUpQueries(products, warmUpProducts)) index.search(query);
const buildCpu = process.cpuUsage(cpuAtBuild);
const buildMs = performance.now() - buildStarted;
gc();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
const collections: Array<{ start: number; end: number; kind: number }> = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const detail = (entry as { detail?: { kind?: number } }).detail;
    collections.push({ start: entry.startTime, end: entry.startTime + entry.duration, kind: detail?.kind ?? 0 });
  }
});
observer.observe({ entryTypes: ['gc'] });

const queries = searchQueries.map((judged) => ({ ...judged.query, limit: 10 }));
for (const query of queries.slice(0, 3)) index.search(query);
const timings: Array<{ ms: number; cpu: number; start: number; end: number; round: number; q: string }> = [];
const session = cpuOut ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
for (let round = 0; round < 5; round += 1) {
  if (round === 1 && session && cpuOut) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(cpuOut, JSON.stringify(profile));
    session.disconnect();
  }
  for (const query of queries) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    index.search(query);
    const end = performance.now();
    const spent = process.cpuUsage(cpu);
    timings.push({
      ms: end - start,
      cpu: (spent.user + spent.system) / 1000,
      start,
      end,
      round,
      q: JSON.stringify(query),
    });
  }
}
// Let the observer deliver the last entries.
await new Promise((resolve) => setTimeout(resolve, 50));
observer.disconnect();

const sorted = [...timings].sort((a, z) => a.ms - z.ms);
const percentile = (values: number[], p: number) => {
  const ordered = [...values].sort((a, z) => a - z);
  return ordered[Math.min(ordered.length - 1, Math.floor(ordered.length * p))]!.toFixed(3);
};
const describe = (label: string, some: typeof timings) => {
  const wall = some.map((timing) => timing.ms);
  const cpu = some.map((timing) => timing.cpu);
  return `${label}: wall p50 ${percentile(wall, 0.5)} p95 ${percentile(wall, 0.95)} ms; CPU p50 ${percentile(cpu, 0.5)} p95 ${percentile(cpu, 0.95)} ms`;
};
console.log(
  `build ${(buildMs / 1000).toFixed(2)} s (CPU ${((buildCpu.user + buildCpu.system) / 1e6).toFixed(2)} s), heap after the build ${heapMb.toFixed(0)} MB`,
);
console.log(describe(`${timings.length} queries`, timings));
console.log(
  describe(
    'round 0',
    timings.filter((timing) => timing.round === 0),
  ),
);
console.log(
  describe(
    'rounds 1-4',
    timings.filter((timing) => timing.round > 0),
  ),
);
/** V8's kinds: 1 scavenge (minor), 2 mark-compact (major), 4 incremental marking, 8 weak callbacks. */
const kindName = (kind: number) => ({ 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak' })[kind] ?? `kind ${kind}`;
const tail = sorted.slice(Math.floor(sorted.length * 0.95)).reverse();
for (const timing of tail) {
  const during = collections.filter((c) => c.end > timing.start && c.start < timing.end);
  const gcMs = during.reduce((sum, c) => sum + Math.min(c.end, timing.end) - Math.max(c.start, timing.start), 0);
  const kinds = [...new Set(during.map((c) => kindName(c.kind)))].join('+');
  const gcNote = during.length > 0 ? `gc ${gcMs.toFixed(1)} ms (${kinds})` : '';
  console.log(`${timing.ms.toFixed(2).padStart(7)}  round ${timing.round}  ${gcNote.padEnd(26)} ${timing.q}`);
}
