// `npm run mutation`: StrykerJS over model, client and gateway, one package at a time, against each
// package's own node tests (stryker.config.mjs says how). Ends with the mutation score of each package.
//
//   npm run mutation                      every package (slow: the first full run takes hours on 2 cores)
//   npm run mutation -- gateway           one package
//   npm run mutation -- gateway --mutate packages/gateway/src/http/etag.ts   some files (Stryker's flags pass on)
//   npm run mutation -- --scores          only print the scores of the last reports
//
// Incremental: each package keeps reports/mutation/<package>.incremental.json, so a rerun tests only the
// mutants whose code or covering tests changed. A run limited with --mutate reports those files only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const packageNames = ['model', 'client', 'gateway'];

/**
 * Stryker's mutation score from a mutation-testing-report-schema JSON report: detected (killed or timed
 * out) over valid mutants (detected, survived, no coverage). Compile and runtime errors and ignored
 * mutants are not counted, as Stryker itself does.
 */
export function scoreOf(report) {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, invalid: 0 };
  for (const file of Object.values(report.files ?? {})) {
    for (const mutant of file.mutants ?? []) {
      if (mutant.status === 'Killed') counts.killed++;
      else if (mutant.status === 'Timeout') counts.timeout++;
      else if (mutant.status === 'Survived') counts.survived++;
      else if (mutant.status === 'NoCoverage') counts.noCoverage++;
      else counts.invalid++;
    }
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return { ...counts, files: Object.keys(report.files ?? {}).length, score: valid ? (100 * detected) / valid : NaN };
}

function printScores(names) {
  const rows = names.map((name) => {
    const file = `reports/mutation/${name}.json`;
    if (!existsSync(file)) return `  ${name.padEnd(8)} no report (run: npm run mutation -- ${name})`;
    const s = scoreOf(JSON.parse(readFileSync(file, 'utf8')));
    const score = Number.isNaN(s.score) ? '  n/a' : `${s.score.toFixed(2).padStart(6)} %`;
    return (
      `  ${name.padEnd(8)} ${score}  killed ${s.killed}, timeout ${s.timeout}, survived ${s.survived}, ` +
      `no coverage ${s.noCoverage}, not counted ${s.invalid} (${s.files} files)`
    );
  });
  console.log(`\nMutation score per package (reports/mutation/<package>.html lists every mutant):\n${rows.join('\n')}`);
}

function main(argv) {
  const scoresOnly = argv.includes('--scores');
  // Package names come first; from the first other flag on, the arguments are Stryker's (--mutate FILES).
  const firstFlag = argv.findIndex((arg) => arg.startsWith('-') && arg !== '--scores');
  const ours = (firstFlag === -1 ? argv : argv.slice(0, firstFlag)).filter((arg) => arg !== '--scores');
  const strykerArgs = firstFlag === -1 ? [] : argv.slice(firstFlag);
  const names = ours.filter((arg) => packageNames.includes(arg));
  const unknown = ours.filter((arg) => !packageNames.includes(arg));
  if (unknown.length) {
    console.error(`Unknown package(s): ${unknown.join(', ')}. Packages: ${packageNames.join(', ')}`);
    return 2;
  }
  const wanted = names.length ? names : packageNames;
  let failed = false;
  if (!scoresOnly) {
    for (const name of wanted) {
      console.log(`\n== mutation testing @xiaodian/${name}`);
      const result = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...strykerArgs], {
        stdio: 'inherit',
        env: { ...process.env, MUTATION_PACKAGE: name },
      });
      if (result.status !== 0) {
        console.error(`Stryker failed for ${name} (exit ${result.status ?? result.signal}).`);
        failed = true;
      }
    }
  }
  printScores(wanted);
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv.slice(2)));
