// `npm run mutation`: StrykerJS over model, client and gateway, one package at a time, against each
// package's own node tests (stryker.config.mjs says how). Ends with the mutation score of each package.
//
//   npm run mutation                      every package (slow: the first full run takes hours on 2 cores)
//   npm run mutation -- gateway           one package
//   npm run mutation -- gateway --mutate packages/gateway/src/http/etag.ts   some files (Stryker's flags pass on)
//   npm run mutation -- --scores          only print the scores of the committed results
//   npm run mutation -- gateway --scores --files   and each file's, weakest first
//   npm run mutation -- model --by-file   one Stryker run per source file, smallest first (files never measured
//                                         before files measured against older code or tests): resumable
//   npm run mutation -- model --by-file --files-per-run 8   eight files a run: fewer dry runs of all tests
//   npm run mutation -- model --by-file --lines-per-run 300  files longer than 300 lines in parts of about
//                                         that many lines, each saved as it ends, then one pass over the whole
//                                         file for the mutants that span two parts: a big file resumable too
//   npm run mutation -- model --tests test/model/refs.mutants.test.ts --mutate …   against some tests only:
//                                         a lower bound of the score, quick where the covering tests are slow
//
// Incremental: each package keeps reports/mutation/<package>.incremental.json, so a rerun tests only the
// mutants whose code or covering tests changed. Stryker writes that file only when a run ends, so a whole
// package that is stopped halfway keeps nothing; --by-file saves after every file (a run limited with
// --mutate keeps the results of the other files), and skips files whose results are current: the same
// source and the same test files as when they were measured. The report then holds every file measured.
// The incremental files (and the parts progress files) are committed: a fresh clone, which is where every
// session and CI start, resumes from the results measured before instead of from nothing, and --scores
// prints them. Commit them with the code and tests they were measured against.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { mutatedFiles, mutationTestFiles, packageNames } from './mutation-packages.mjs';

export { packageNames };

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
  return { ...counts, files: Object.keys(report.files ?? {}), score: valid ? (100 * detected) / valid : NaN };
}

/**
 * Each file's score in a report, weakest first (files without a counted mutant last), so the place to write
 * the next tests is the top of the list.
 */
export function fileScoresOf(report) {
  return Object.entries(report.files ?? {})
    .map(([file, results]) => ({ file, ...scoreOf({ files: { [file]: results } }) }))
    .sort(
      (a, b) =>
        (Number.isNaN(a.score) ? 101 : a.score) - (Number.isNaN(b.score) ? 101 : b.score) ||
        a.file.localeCompare(b.file),
    );
}

/**
 * Whether `file`'s results are current: the incremental report holds them, and they were measured against the
 * code and tests as they are now (`measuredKeys[file]`, the key of a file's source and every test's source as
 * its run began, equals `key`). The report alone cannot say: Stryker rewrites its test sources on every run,
 * also for the files a `--mutate` run left out, whose results it carries over as they were.
 */
export function isMeasured(report, file, key, measuredKeys) {
  return report?.files?.[file] !== undefined && measuredKeys?.[file] === key;
}

/**
 * The incremental report with the survivors and uncovered mutants of `files` taken out, so the next run tests
 * them again. Stryker reuses a survivor unless a test file that did not cover it now does; a survivor that a
 * changed test of the same file now kills would stay a survivor, because the report already holds the
 * changed test (see isMeasured). Killed and timed-out results stay: Stryker tests a killed mutant again
 * when the test that killed it changed since the report, and our tests only gain cases.
 */
export function withoutUndetected(report, files) {
  const wanted = new Set(files);
  const undetected = new Set(['Survived', 'NoCoverage']);
  return {
    ...report,
    files: Object.fromEntries(
      Object.entries(report.files ?? {}).map(([file, results]) => [
        file,
        wanted.has(file)
          ? { ...results, mutants: (results.mutants ?? []).filter((mutant) => !undetected.has(mutant.status)) }
          : results,
      ]),
    ),
  };
}

/**
 * A long file cut into line ranges of about `linesPerRun` lines each, for Stryker's `file:start-end` mutate
 * syntax. Each cut goes on the last blank line before the limit, between two functions where the code has
 * them, so few mutants span two parts; a mutant that does (a whole function's body, say) is in no part
 * (Stryker mutates only what a range includes whole), and the pass over the whole file that follows the
 * parts measures it.
 */
export function lineRangesOf(source, linesPerRun) {
  const lines = source.split('\n');
  const ranges = [];
  let start = 1;
  // A last part of a quarter of the limit or less joins the one before: each part costs a run of all tests.
  while (lines.length - start + 1 > linesPerRun * 1.25) {
    const limit = start + linesPerRun - 1;
    let end = limit;
    // The last blank line in the second half of the part, if any: a cut between two blocks.
    for (let line = limit; line > start + linesPerRun / 2; line -= 1) {
      if (lines[line - 1].trim() === '') {
        end = line;
        break;
      }
    }
    ranges.push(`${start}-${end}`);
    start = end + 1;
  }
  ranges.push(`${start}-${lines.length}`);
  return ranges;
}

const hashOf = (text) =>
  createHash('sha256')
    .update(text ?? '')
    .digest('hex');

/**
 * What a run in parts is measuring: the file's source and every test file's source. Parts measured against
 * anything else are measured again.
 */
export function partsKey(file, readSource, testFiles) {
  return hashOf(
    [file, readSource(file), ...[...testFiles].sort().map((test) => `${test}\n${readSource(test)}`)].join('\0'),
  );
}

/**
 * The parts of `file` still to measure, in order: its line ranges not yet done for this `key`, then `'whole'`
 * (the pass over the whole file). Progress made against another key (the file or a test changed) is dropped.
 */
export function partsLeft(progress, file, key, ranges) {
  const done = progress?.[file]?.key === key ? new Set(progress[file].done) : new Set();
  return [...ranges, 'whole'].filter((part) => !done.has(part));
}

const incrementalFile = (name) => `reports/mutation/${name}.incremental.json`;

function readIncremental(name) {
  const file = incrementalFile(name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** What each file's results were measured against: `{ [file]: partsKey as its run began }`, committed too. */
const measuredKeysFile = (name) => `reports/mutation/${name}.measured.json`;

function readMeasuredKeys(name) {
  const file = measuredKeysFile(name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

function recordMeasured(name, keys) {
  const now = { ...readMeasuredKeys(name), ...keys };
  const sorted = Object.fromEntries(
    Object.keys(now)
      .sort()
      .map((file) => [file, now[file]]),
  );
  writeFileSync(measuredKeysFile(name), `${JSON.stringify(sorted, null, 2)}\n`);
}

/**
 * One Stryker run. It reads and writes a working copy of the package's incremental results, which replaces the
 * committed file only when the run ends well: a run stopped halfway, or one that failed, changes nothing.
 * `retest` names files whose survivors and uncovered mutants are tested again (see withoutUndetected).
 */
function runStryker(name, strykerArgs, retest = []) {
  const working = `reports/mutation/${name}.run.json`;
  const report = readIncremental(name);
  const stale = retest.filter((file) => report?.files?.[file] !== undefined);
  rmSync(working, { force: true });
  if (report) writeFileSync(working, `${JSON.stringify(withoutUndetected(report, stale), null, 2)}\n`);
  if (stale.length) {
    console.log(`-- survivors of ${stale.join(', ')} are tested again: they were measured against other code or tests`);
  }
  const result = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...strykerArgs], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_PACKAGE: name, MUTATION_INCREMENTAL_FILE: working },
  });
  if (result.status === 0 && existsSync(working)) {
    writeFileSync(incrementalFile(name), readFileSync(working));
  }
  rmSync(working, { force: true });
  if (result.status === 0) return true;
  console.error(`Stryker failed for ${name} (exit ${result.status ?? result.signal}).`);
  return false;
}

/**
 * One Stryker run per source file (or per `filesPerRun` files), in measureOrder, each saved to the incremental
 * file as it ends. Every run starts with a run of all the package's tests (Stryker's dry run, minutes on a
 * busy machine), so grouping files trades how much a stop loses for fewer of those.
 */
function runByFile(name, strykerArgs, filesPerRun, linesPerRun) {
  const readSource = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  const tests = process.env.MUTATION_TESTS?.split(',') ?? mutationTestFiles(name);
  const files = measureOrder(mutatedFiles(name), readIncremental(name), (file) => statSync(file).size);
  const progressFile = partsProgressFile(name);
  const progress = () => readPartsProgress(progressFile);
  const saveProgress = (now) => {
    if (Object.keys(now).length) writeFileSync(progressFile, `${JSON.stringify(now, null, 2)}\n`);
    else rmSync(progressFile, { force: true });
  };
  const due = files.filter((file) => {
    // A file measured in parts is in the report after its first part: only the progress file knows the rest.
    const key = partsKey(file, readSource, tests);
    const measured = !progress()[file] && isMeasured(readIncremental(name), file, key, readMeasuredKeys(name));
    if (measured) console.log(`-- ${file}: measured already, same source and tests`);
    return !measured;
  });
  const long = (file) => linesPerRun !== undefined && readSource(file).split('\n').length > linesPerRun;
  let left = due.length;
  const measureGroup = (group) => {
    console.log(`-- ${left}/${due.length} files left to measure, now: ${group.join(', ')}`);
    left -= group.length;
    // Keys as the run begins: Stryker copies the code and tests then, so later edits are not what it measured.
    const keys = Object.fromEntries(group.map((file) => [file, partsKey(file, readSource, tests)]));
    const measuredGroup = runStryker(name, [...strykerArgs, '--mutate', group.join(',')], group);
    if (measuredGroup) recordMeasured(name, keys);
    // A file begun in parts and then measured whole (a run without --lines-per-run) is no longer in part.
    if (measuredGroup && group.some((file) => progress()[file])) {
      const now = progress();
      for (const file of group) delete now[file];
      saveProgress(now);
    }
    return measuredGroup;
  };
  const measureInParts = (file) => {
    console.log(`-- ${left}/${due.length} files left to measure, now: ${file}, in parts`);
    left -= 1;
    const key = partsKey(file, readSource, tests);
    const parts = partsLeft(progress(), file, key, lineRangesOf(readSource(file), linesPerRun));
    for (const part of parts) {
      console.log(`-- ${file}, in parts: ${part === 'whole' ? 'the whole file (parts reused)' : `lines ${part}`}`);
      console.log(`   ${parts.length - parts.indexOf(part)} of its parts left, this one included`);
      // Survivors measured against other code or tests are tested again, from this key's first part on.
      const retest = progress()[file]?.key === key ? [] : [file];
      const measuredPart = runStryker(
        name,
        [...strykerArgs, '--mutate', part === 'whole' ? file : `${file}:${part}`],
        retest,
      );
      if (!measuredPart) return false;
      if (part === 'whole') recordMeasured(name, { [file]: key });
      const now = progress();
      if (part === 'whole') delete now[file];
      else now[file] = { key, done: [...(now[file]?.key === key ? now[file].done : []), part] };
      saveProgress(now);
    }
    return true;
  };
  // In measureOrder: a long file waits for no group of small ones, and a file never measured for no stale one.
  let ok = true;
  let group = [];
  const flush = () => {
    if (group.length) ok = measureGroup(group) && ok;
    group = [];
  };
  for (const file of due) {
    if (long(file)) {
      flush();
      ok = measureInParts(file) && ok;
      continue;
    }
    group.push(file);
    if (group.length === filesPerRun) flush();
  }
  flush();
  return ok;
}

/**
 * The files a run's `--mutate` (or `-m`) names whole, or every file of the package without one. A line range
 * (`file:10-80`) or a glob measures part of a file: it makes no file current.
 */
export function wholeFilesOf(strykerArgs, packageFiles) {
  const at = strykerArgs.findIndex((arg) => arg === '--mutate' || arg === '-m' || arg.startsWith('--mutate='));
  if (at === -1) return [...packageFiles];
  const value = strykerArgs[at].startsWith('--mutate=')
    ? strykerArgs[at].slice('--mutate='.length)
    : strykerArgs[at + 1];
  return (value ?? '').split(',').filter((file) => packageFiles.includes(file));
}

/** A run without --by-file: the files it measures whole are recorded as current, as a --by-file run's are. */
function runScoped(name, strykerArgs) {
  const readSource = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  // Against some of the tests (--tests) the results are a lower bound: they make no file current.
  const files = process.env.MUTATION_TESTS ? [] : wholeFilesOf(strykerArgs, mutatedFiles(name));
  const tests = mutationTestFiles(name);
  const keys = Object.fromEntries(files.map((file) => [file, partsKey(file, readSource, tests)]));
  const stale = files.filter((file) => !isMeasured(readIncremental(name), file, keys[file], readMeasuredKeys(name)));
  const measured = runStryker(name, strykerArgs, stale);
  if (measured && files.length) recordMeasured(name, keys);
  return measured;
}

/**
 * The order a --by-file run measures the files it has to: those with no results yet before those whose results
 * are out of date (their code or tests changed since), each group smallest first. A session that can measure
 * only some of a package learns most from the files nobody has measured; Stryker reuses most of a stale file's
 * results anyway (every mutant whose code and covering tests are unchanged).
 */
export function measureOrder(files, report, sizeOf) {
  const unmeasured = (file) => (report?.files?.[file] === undefined ? 0 : 1);
  return [...files].sort((a, b) => unmeasured(a) - unmeasured(b) || sizeOf(a) - sizeOf(b) || a.localeCompare(b));
}

/** Where a --lines-per-run run keeps the parts of each long file it has measured. */
function partsProgressFile(name) {
  return `reports/mutation/${name}.parts.json`;
}

/**
 * The parts measured so far, by file. A progress file that cannot be read (cut short, edited by hand) is
 * said so and counts as none: the parts are measured again, which costs time, not results.
 */
export function readPartsProgress(file) {
  if (!existsSync(file)) return {};
  try {
    const progress = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof progress === 'object' && progress !== null && !Array.isArray(progress)) return progress;
  } catch {
    // Said below.
  }
  console.warn(`-- ${file} is not a parts progress file (a JSON object by file): starting its files' parts over.`);
  return {};
}

function partlyMeasured(name) {
  const partly = Object.keys(readPartsProgress(partsProgressFile(name)));
  return partly.length ? `, ${partly.length} of them only in part: ${partly.join(', ')}` : '';
}

/**
 * The results a package's score is read from: its incremental file, which is committed (every session and
 * every fresh clone resumes from it, and it holds every file measured so far, whichever run measured it), or
 * else the last run's report. Both are mutation-testing-report-schema JSON.
 */
export function resultsFileOf(name, exists = existsSync) {
  return [`reports/mutation/${name}.incremental.json`, `reports/mutation/${name}.json`].find((file) => exists(file));
}

function printScores(names, perFile) {
  const rows = names.map((name) => {
    const file = resultsFileOf(name);
    if (file === undefined) return `  ${name.padEnd(8)} no results (run: npm run mutation -- ${name})`;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const s = scoreOf(report);
    // --files: every file under its package, weakest first.
    const fileRows = perFile
      ? fileScoresOf(report).map(
          (f) =>
            `\n      ${Number.isNaN(f.score) ? '   n/a  ' : `${f.score.toFixed(2).padStart(6)} %`}  ` +
            `${f.killed}/${f.timeout}/${f.survived}/${f.noCoverage}  ${f.file}`,
        )
      : [];
    const testsRun = Object.keys(report.testFiles ?? {}).length;
    const testsAll = mutationTestFiles(name).length;
    const score = Number.isNaN(s.score) ? '  n/a' : `${s.score.toFixed(2).padStart(6)} %`;
    return (
      `  ${name.padEnd(8)} ${score}  killed ${s.killed}, timeout ${s.timeout}, survived ${s.survived}, ` +
      `no coverage ${s.noCoverage}, not counted ${s.invalid} ` +
      // A run limited with --mutate reports only the files measured so far: say how many of the package's,
      // so nobody reads a part as the whole.
      `(${s.files.length} of ${mutatedFiles(name).length} files` +
      (s.files.length <= 3 ? `: ${s.files.join(', ')})` : ')') +
      // A file measured in parts counts as soon as its first part is in: say which are partly measured.
      partlyMeasured(name) +
      // Against some of the tests (--tests) the score is a lower bound: say so.
      (testsRun < testsAll ? `, against ${testsRun} of ${testsAll} test files` : '') +
      (fileRows.length ? `\n      file by file (killed/timeout/survived/no coverage):${fileRows.join('')}` : '')
    );
  });
  console.log(
    '\nMutation score per package (from reports/mutation/<package>.incremental.json; after a run on this machine, ' +
      `reports/mutation/<package>.html lists every mutant):\n${rows.join('\n')}`,
  );
}

function main(argv) {
  const ourFlags = ['--scores', '--by-file', '--files'];
  // `--files-per-run N` (with --by-file): how many files one Stryker run mutates; take it out with its value.
  const groupAt = argv.indexOf('--files-per-run');
  const filesPerRun = groupAt === -1 ? 1 : Number(argv[groupAt + 1]);
  if (groupAt !== -1) {
    if (!Number.isInteger(filesPerRun) || filesPerRun < 1) {
      console.error('--files-per-run needs a whole number of files, 1 or more.');
      return 2;
    }
    argv = [...argv.slice(0, groupAt), ...argv.slice(groupAt + 2)];
  }
  // `--lines-per-run N` (with --by-file): files longer than N lines are measured in parts.
  const linesAt = argv.indexOf('--lines-per-run');
  const linesPerRun = linesAt === -1 ? undefined : Number(argv[linesAt + 1]);
  if (linesAt !== -1) {
    if (!Number.isInteger(linesPerRun) || linesPerRun < 50) {
      console.error('--lines-per-run needs a whole number of lines, 50 or more.');
      return 2;
    }
    argv = [...argv.slice(0, linesAt), ...argv.slice(linesAt + 2)];
    if (!argv.includes('--by-file')) {
      console.error('--lines-per-run measures files in parts within a --by-file run: add --by-file.');
      return 2;
    }
  }
  // `--tests FILES` is ours too (it reaches stryker.config.mjs as MUTATION_TESTS); take it out with its value.
  const testsAt = argv.indexOf('--tests');
  const tests = testsAt === -1 ? undefined : argv[testsAt + 1];
  if (testsAt !== -1) {
    if (!tests || tests.startsWith('-')) {
      console.error('--tests needs a comma-separated list of test files.');
      return 2;
    }
    argv = [...argv.slice(0, testsAt), ...argv.slice(testsAt + 2)];
    process.env.MUTATION_TESTS = tests;
  }
  const scoresOnly = argv.includes('--scores');
  const byFile = argv.includes('--by-file');
  // Package names come first; from the first other flag on, the arguments are Stryker's (--mutate FILES).
  const firstFlag = argv.findIndex((arg) => arg.startsWith('-') && !ourFlags.includes(arg));
  const ours = (firstFlag === -1 ? argv : argv.slice(0, firstFlag)).filter((arg) => !ourFlags.includes(arg));
  const strykerArgs = (firstFlag === -1 ? [] : argv.slice(firstFlag)).filter((arg) => !ourFlags.includes(arg));
  if (byFile && strykerArgs.some((arg) => arg === '--mutate' || arg === '-m' || arg.startsWith('--mutate='))) {
    console.error('--by-file picks the files itself: leave out --mutate.');
    return 2;
  }
  const names = ours.filter((arg) => packageNames.includes(arg));
  const unknown = ours.filter((arg) => !packageNames.includes(arg));
  if (unknown.length) {
    console.error(`Unknown package(s): ${unknown.join(', ')}. Packages: ${packageNames.join(', ')}`);
    return 2;
  }
  const wanted = names.length ? names : packageNames;
  let failed = false;
  if (!scoresOnly && !existsSync('packages/client/src/generated/validators.ts')) {
    // The client imports validators generated by the build; without them no client test can start.
    console.log('Building the packages first (the client needs its generated validators).');
    if (spawnSync('npm', ['run', '--silent', 'build:packages'], { stdio: 'inherit' }).status !== 0) return 1;
  }
  if (!scoresOnly) {
    for (const name of wanted) {
      console.log(`\n== mutation testing @xiaodian/${name}${byFile ? ', one file at a time' : ''}`);
      if (!(byFile ? runByFile(name, strykerArgs, filesPerRun, linesPerRun) : runScoped(name, strykerArgs))) {
        failed = true;
      }
    }
  }
  printScores(wanted, argv.includes('--files'));
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv.slice(2)));
