/**
 * `npm run bench -- search`: this index against MiniSearch, FlexSearch, Orama and Fuse.js in one table.
 * Quality: mean reciprocal rank per class of the query suite (test/model/search-queries.ts) on the demo
 * catalog. Speed: on the demo generator scaled to SEARCH_BENCH_SIZE products (100,000 by default), build
 * time, heap after the build, and query p50/p95 over the suite's queries, each engine in its own process.
 * SEARCH_BENCH_ENGINES (comma-separated, e.g. `xiaodian,minisearch`) times some engines only: repeated runs
 * of this index's own figures take minutes, where the whole table takes about thirteen (Orama and Fuse).
 */
import { spawnSync } from 'node:child_process';
import { createDemoBackend } from '@xiaodian/demo';
import { queryClasses, scoreSuite } from '../test/model/search-queries.ts';
import { createEngine, enginesNamed } from './lib/search-engines.ts';

const size = Number(process.env['SEARCH_BENCH_SIZE'] ?? 100_000);
const engines = enginesNamed(process.env['SEARCH_BENCH_ENGINES']);
const demo = createDemoBackend();

const columns: string[] = [];
const rows = new Map<string, string[]>();
const row = (label: string) => rows.get(label) ?? rows.set(label, []).get(label)!;

for (const name of engines) {
  const engine = createEngine(name);
  await engine.build(demo.products);
  const score = await scoreSuite(demo.products, (query) => engine.search(query));
  columns.push(engine.name);
  for (const klass of queryClasses) row(`MRR ${klass}`).push(score.byClass[klass].toFixed(2));
  row('MRR overall').push(score.overall.toFixed(3));

  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', new URL('./lib/search-worker.ts', import.meta.url).pathname, name, String(size)],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !line.startsWith('{')) {
    console.error(`${engine.name} failed on the generated catalog:\n${run.stderr}`);
    for (const label of ['build (s)', 'heap (MB)', 'query p50 (ms)', 'query p95 (ms)']) row(label).push('failed');
    continue;
  }
  const perf = JSON.parse(line) as { buildMs: number; heapMb: number; p50: number; p95: number; queries: number };
  row(`build ${size.toLocaleString('en')} (s)`).push((perf.buildMs / 1000).toFixed(2));
  row('heap (MB)').push(perf.heapMb.toFixed(0));
  row('query p50 (ms)').push(perf.p50.toFixed(3));
  row('query p95 (ms)').push(perf.p95.toFixed(3));
  row('queries timed').push(String(perf.queries));
}

const table = [['', ...columns], ...[...rows].map(([label, cells]) => [label, ...cells])];
const widths = table[0]!.map((_, i) => Math.max(...table.map((cells) => (cells[i] ?? '').length)));
console.log(
  `Search: quality on the ${queryClasses.length}-class query suite (demo catalog), speed on ${size.toLocaleString('en')} generated products`,
);
for (const cells of table)
  console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
