/**
 * Profiling aid: a `.cpuprofile` (from `search-profile.ts --cpu`) summarised by self time per function,
 * the hottest first, with its share of the samples. Where the query time goes, not what the work counts say.
 *
 * With `--lines NAME`, the self time of the function NAME by line of its (built) file instead: where
 * inside it the time goes (run the profiled process with `--no-turbo-inlining` so that callees inlined
 * into it do not count as its own).
 *
 * `node --import tsx bench/lib/search-cpu-summary.ts OUT.cpuprofile [TOP] [--lines NAME]`
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  positionTicks?: Array<{ line: number; ticks: number }>;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const args = process.argv.slice(2);
const linesAt = args.indexOf('--lines');
const linesOf = linesAt >= 0 ? args.splice(linesAt, 2)[1] : undefined;
const [path, topArgument = '30'] = args;
if (!path) throw new Error('usage: search-cpu-summary.ts OUT.cpuprofile [TOP] [--lines NAME]');
const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
if (linesOf !== undefined) {
  const ticks = new Map<string, number>();
  for (const node of profile.nodes) {
    if (node.callFrame.functionName !== linesOf) continue;
    const file = node.callFrame.url.replace(/^.*\//, '');
    for (const { line, ticks: count } of node.positionTicks ?? []) {
      ticks.set(`${file}:${line}`, (ticks.get(`${file}:${line}`) ?? 0) + count);
    }
  }
  for (const [where, count] of [...ticks].sort((a, z) => z[1] - a[1]).slice(0, Number(topArgument))) {
    console.log(`${String(count).padStart(6)} samples  ${where}`);
  }
  process.exit(0);
}
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
/** Self time per function (microseconds), from the samples and the time between them. */
const self = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\//, '');
  const key = `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
});
const total = [...self.values()].reduce((sum, us) => sum + us, 0);
console.log(`total ${(total / 1000).toFixed(0)} ms in ${profile.samples.length} samples`);
for (const [key, us] of [...self].sort((a, z) => z[1] - a[1]).slice(0, Number(topArgument))) {
  console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
}
