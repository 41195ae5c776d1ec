/**
 * What the index's queries allocate, which (unlike their time) does not depend on how busy the machine
 * is. Builds the index on the scaled catalog and runs the suite once untimed (as the bench's worker warms
 * up), then:
 *
 * - per query, the bytes it allocated on V8's heap (used heap after it minus before, with a minor
 *   collection just before, so nothing is freed in between) and in array buffers outside the heap (typed
 *   arrays' memory: `process.memoryUsage().arrayBuffers`, approximate: V8 frees array buffers concurrently,
 *   so it can even come out negative); the suite's total and the queries that
 *   allocate most;
 * - the minor and major collections during ROUNDS further rounds of the suite run back to back, as the
 *   bench runs them (a minor collection lands inside some query: that is what this tool is for).
 *
 * With `--functions`, the functions that allocate most during those rounds (V8's sampling heap profiler;
 * an optimised function's count includes what it inlined, and the profiler's own slower allocation path
 * changes what V8 optimises: read it as a hint, the bytes above as the figure). With `--only Q`, that one
 * query alone.
 *
 * `node --expose-gc --import tsx bench/lib/search-allocation.ts [SIZE] [ROUNDS] [--module M] [--only Q] [--top N] [--functions]`
 */
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { warmedIndex } from './search-warmed-index.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const flag = (name: string) => {
  const at = args.indexOf(name);
  if (at >= 0) args.splice(at, 1);
  return at >= 0;
};
const only = option('--only');
const top = Number(option('--top') ?? 12);
const modulePath = option('--module') ?? '@xiaodian/model/search';
const functions = flag('--functions');
const size = Number(args[0] ?? 100_000);
const rounds = Number(args[1] ?? 5);
const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major'; execution: 'sync' }) => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const { index, queries } = await warmedIndex(modulePath, size, only);

let minor = 0;
let major = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) minor += 1;
    else major += 1;
  }
});
// The observer hears of collections a turn of the event loop later.
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

// Per query, with nothing freed while it runs.
const perQuery: Array<{ q: string; heap: number; buffers: number }> = [];
for (const query of queries) {
  gc({ type: 'minor', execution: 'sync' });
  const heapBefore = getHeapStatistics().used_heap_size;
  const buffersBefore = process.memoryUsage().arrayBuffers;
  index.search(query);
  const heap = getHeapStatistics().used_heap_size - heapBefore;
  const buffers = process.memoryUsage().arrayBuffers - buffersBefore;
  perQuery.push({ q: JSON.stringify(query), heap, buffers });
}
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
const heapTotal = sum(perQuery.map((entry) => entry.heap));
const buffersTotal = sum(perQuery.map((entry) => entry.buffers));
console.log(
  `${queries.length} queries, ${size} products, one round: ${mb(heapTotal)} MB on the heap ` +
    `(${(heapTotal / queries.length / 1024).toFixed(1)} kB a query), ${mb(buffersTotal)} MB in array buffers`,
);
for (const { q, heap, buffers } of [...perQuery].sort((a, z) => z.heap - a.heap).slice(0, top)) {
  console.log(
    `${(heap / 1024).toFixed(0).padStart(7)} kB heap ${(buffers / 1024).toFixed(0).padStart(6)} kB buffers  ${q}`,
  );
}

gc();
await settle();
observer.observe({ entryTypes: ['gc'] });
const session = functions ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}
for (let round = 0; round < rounds; round += 1) for (const query of queries) index.search(query);
const profile = session ? (await session.post('HeapProfiler.stopSampling')).profile : undefined;
session?.disconnect();
await settle();
observer.disconnect();
console.log(`${rounds} rounds back to back: ${minor} minor and ${major} major collections`);

if (profile) {
  const bytes = new Map<string, number>();
  const walk = (node: typeof profile.head) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}`;
    bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    node.children.forEach(walk);
  };
  walk(profile.head);
  for (const key of bytes.keys()) if (key.includes('inspector')) bytes.delete(key);
  for (const [key, value] of [...bytes].sort((a, z) => z[1] - a[1]).slice(0, top)) {
    console.log(`${(value / rounds / 1024).toFixed(0).padStart(9)} kB a round (sampled)  ${key}`);
  }
}
