/**
 * Profiling aid: each suite query's fastest CPU time over ROUNDS rounds (what is left of a query's time
 * when other processes' noise and GC are taken out), slowest first; the p50/p95 of those; with `--only Q`
 * and `--cpu OUT.cpuprofile`, a CPU profile of that one query repeated (summarise it with
 * `search-cpu-summary.ts`); with `--allocations`, the functions that allocate most while the queries
 * run (V8's sampling heap profiler: garbage that triggers the collections landing in timed queries).
 *
 * `node --import tsx bench/lib/search-slowest.ts [SIZE] [ROUNDS] [--only Q] [--cpu OUT.cpuprofile] [--allocations] [--module M]`
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { warmedIndex } from './search-warmed-index.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const only = option('--only');
const allocationsAt = args.indexOf('--allocations');
if (allocationsAt >= 0) args.splice(allocationsAt, 1);
const cpuOut = option('--cpu');
const modulePath = option('--module') ?? '@xiaodian/model/search';
const size = Number(args[0] ?? 100_000);
const rounds = Number(args[1] ?? 10);
const { index, queries } = await warmedIndex(modulePath, size, only);

const session = cpuOut || allocationsAt >= 0 ? new Session() : undefined;
if (session) session.connect();
if (session && cpuOut) {
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
if (session && allocationsAt >= 0) {
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}
const fastest = queries.map(() => Infinity);
for (let round = 0; round < rounds; round += 1) {
  queries.forEach((query, q) => {
    const cpu = process.cpuUsage();
    index.search(query);
    const spent = process.cpuUsage(cpu);
    fastest[q] = Math.min(fastest[q]!, (spent.user + spent.system) / 1000);
  });
}
if (session && cpuOut) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(cpuOut, JSON.stringify(profile));
}
if (session && allocationsAt >= 0) {
  const { profile } = await session.post('HeapProfiler.stopSampling');
  const bytes = new Map<string, number>();
  const walk = (node: typeof profile.head) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}`;
    bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    node.children.forEach(walk);
  };
  walk(profile.head);
  const total = [...bytes.values()].reduce((sum, size) => sum + size, 0);
  console.log(`allocated (sampled) ${(total / 1024 / 1024).toFixed(1)} MB over ${rounds} rounds`);
  for (const [key, size] of [...bytes].sort((a, z) => z[1] - a[1]).slice(0, 15)) {
    console.log(`${(size / 1024).toFixed(0).padStart(9)} kB  ${key}`);
  }
}
session?.disconnect();
const sorted = [...fastest].sort((a, z) => a - z);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
console.log(
  `${queries.length} queries, fastest CPU of ${rounds}: p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`,
);
const ranked = queries.map((query, q) => ({ query, ms: fastest[q]! })).sort((a, z) => z.ms - a.ms);
for (const { query, ms } of ranked.slice(0, 20)) console.log(ms.toFixed(2).padStart(7), JSON.stringify(query));
