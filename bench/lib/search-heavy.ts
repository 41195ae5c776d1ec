/**
 * Which queries of the suite cost the most, steadily: builds the index as the bench does, times five rounds
 * and prints each query's median over the rounds (wall and CPU), heaviest first, with the share of queries
 * above a threshold. A p95 is the 31st-slowest of 620 timings; this says which queries can sit there every
 * round, as opposed to a one-off collection or a busy core.
 *
 * With `--profile Q OUT.cpuprofile`, instead: a CPU profile of the suite's query whose text is Q, repeated
 * 300 times after the warm-up (summarise it with `search-cpu-summary.ts`): where one heavy query's time goes.
 *
 * `node --expose-gc --import tsx bench/lib/search-heavy.ts [SIZE] [TOP] [THRESHOLD_MS] [--profile Q OUT]`
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { createSearchIndex } from '@xiaodian/model/search';
import { searchQueries } from '../../test/model/search-queries.ts';
import { scaledCatalog } from './search-catalog.ts';

const args = process.argv.slice(2);
const profileAt = args.indexOf('--profile');
const [profiled, profileOut] = profileAt >= 0 ? args.splice(profileAt, 3).slice(1) : [];
const [sizeArgument = '100000', topArgument = '40', thresholdArgument = '4'] = args;
const index = createSearchIndex(scaledCatalog(Number(sizeArgument)));
const queries = searchQueries.map((judged) => ({ ...judged.query, limit: 10 }));
for (const query of queries.slice(0, 3)) index.search(query);

if (profiled !== undefined && profileOut !== undefined) {
  const query = queries.find((candidate) => candidate.q === profiled);
  if (!query) throw new Error(`No query of the suite has the text "${profiled}"`);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const started = performance.now();
  for (let i = 0; i < 300; i += 1) index.search(query);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(profileOut, JSON.stringify(profile));
  console.log(`${JSON.stringify(query)}: 300 times in ${(performance.now() - started).toFixed(0)} ms`);
  process.exit(0);
}
const wall = queries.map(() => [] as number[]);
const cpu = queries.map(() => [] as number[]);
for (let round = 0; round < 5; round += 1) {
  queries.forEach((query, i) => {
    const usage = process.cpuUsage();
    const start = performance.now();
    index.search(query);
    wall[i]!.push(performance.now() - start);
    const spent = process.cpuUsage(usage);
    cpu[i]!.push((spent.user + spent.system) / 1000);
  });
}
const median = (values: number[]) => [...values].sort((a, z) => a - z)[Math.floor(values.length / 2)]!;
const rows = queries
  .map((query, i) => ({ q: JSON.stringify(query), wall: median(wall[i]!), cpu: median(cpu[i]!) }))
  .sort((a, z) => z.wall - a.wall);
const threshold = Number(thresholdArgument);
console.log(
  `${rows.length} queries; median over five rounds above ${threshold} ms: ${rows.filter((row) => row.wall > threshold).length}`,
);
for (const row of rows.slice(0, Number(topArgument))) {
  console.log(`${row.wall.toFixed(2).padStart(7)} wall ${row.cpu.toFixed(2).padStart(7)} CPU  ${row.q}`);
}
