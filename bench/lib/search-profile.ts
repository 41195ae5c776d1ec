/**
 * Profiling aid: builds this index on the generated catalog and prints the slowest queries of the suite,
 * and, with `--cpu OUT.cpuprofile`, a CPU profile of the queries alone (not the build).
 * `node --import tsx bench/lib/search-profile.ts 100000 [--cpu OUT.cpuprofile]`
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { createSearchIndex, type SearchWork } from '@xiaodian/model/search';
import { searchQueries } from '../../test/model/search-queries.ts';
import { scaledCatalog } from './search-catalog.ts';

const args = process.argv.slice(2);
const cpuAt = args.indexOf('--cpu');
const cpuOut = cpuAt >= 0 ? args.splice(cpuAt, 2)[1] : undefined;
const size = Number(args[0] ?? 100_000);
const products = scaledCatalog(size);
let started = performance.now();
const work: SearchWork = { postings: 0, checked: 0, scored: 0, titleScans: 0, titleSteps: 0 };
const index = createSearchIndex(products, { work });
console.log(`build ${(performance.now() - started).toFixed(0)} ms`);
const queries = searchQueries.map((judged) => ({ ...judged.query, limit: 10 }));
for (const query of queries.slice(0, 3)) index.search(query);

const session = cpuOut ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const times = new Map<string, number>();
/** Each query's work in its last round (the same in every round but the caches' first). */
const works = new Map<string, SearchWork>();
const total: SearchWork = { postings: 0, checked: 0, scored: 0, titleScans: 0, titleSteps: 0 };
const counts = Object.keys(total) as Array<keyof SearchWork>;
started = performance.now();
for (let round = 0; round < 3; round += 1) {
  for (const query of queries) {
    const before = { ...work };
    const start = performance.now();
    const page = index.search(query);
    const ms = performance.now() - start;
    const key = `${JSON.stringify(query)} total=${page.total}`;
    times.set(key, (times.get(key) ?? 0) + ms / 3);
    const spent = { ...work };
    for (const count of counts) spent[count] -= before[count];
    works.set(key, spent);
    if (round === 2) for (const count of counts) total[count] += spent[count];
  }
}
console.log(`queries ${(performance.now() - started).toFixed(0)} ms`);
console.log(`work of one round of ${queries.length} queries: ${JSON.stringify(total)}`);
if (session && cpuOut) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(cpuOut, JSON.stringify(profile));
  session.disconnect();
}
for (const [key, ms] of [...times].sort((a, z) => z[1] - a[1]).slice(0, 25)) {
  console.log(ms.toFixed(2), key, JSON.stringify(works.get(key)));
}
