/**
 * Profiling aid: a `.cpuprofile` (from `search-profile.ts --cpu`) summarised by self time per function,
 * the hottest first, with its share of the samples. Where the query time goes, not what the work counts say.
 *
 * `node --import tsx bench/lib/search-cpu-summary.ts OUT.cpuprofile [TOP]`
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [path, topArgument = '30'] = process.argv.slice(2);
if (!path) throw new Error('usage: search-cpu-summary.ts OUT.cpuprofile [TOP]');
const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
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
