// Runs node:test files as one suite and counts what they report. Used by `npm test` for the node and e2e
// suites, and by test/runner with fixture files and short limits.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { emptyOutcome, withProblem } from './outcome.mjs';
import { readTap } from './tap-counts.mjs';
import { runBounded } from './run-bounded.mjs';

/**
 * node:test marks the processes it runs test files in with NODE_TEST_CONTEXT; a `node --test` started from
 * one of them (test/runner does) would take itself for such a child and write no report.
 */
function withoutTestContext(env) {
  const copy = { ...env };
  delete copy.NODE_TEST_CONTEXT;
  return copy;
}

/** The test files under some directories (`*.test.ts`), in a stable order. */
export function findTestFiles(dirs, { cwd = process.cwd(), suffix = '.test.ts' } = {}) {
  return dirs
    .map((dir) => join(cwd, dir))
    .flatMap((dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))) : []))
    .filter((file) => file.endsWith(suffix))
    .map((file) => relative(cwd, file))
    .sort();
}

/**
 * @param {object} options
 * @param {string} options.name the suite's name, also its TAP file's
 * @param {string[]} options.files test files, relative to `cwd`; none is a failure, never "run everything"
 * @param {string} options.resultsDir where the TAP file goes
 * @param {number} options.fileTimeoutMs node's `--test-timeout`. On Node 20 it bounds each test FILE
 *   (node:test applies it to the file's run, not to each test inside): a file past it is cancelled and
 *   counts as one failure; node:test reports none of its tests, not even how many it had.
 * @param {number} options.suiteTimeoutMs wall clock for the whole suite process; past it the process tree
 *   is killed and the suite counts one failure on top of what it reported.
 * @param {string} [options.cwd]
 * @param {boolean} [options.quiet] no test output on the console (the runner's own tests)
 * @returns {Promise<import('./outcome.mjs').Outcome>}
 */
export async function runNodeSuite({ name, files, resultsDir, fileTimeoutMs, suiteTimeoutMs, cwd, quiet = false }) {
  // With no file arguments `node --test` searches the working directory itself, which once ran
  // scripts/test.mjs as a test: a nested full run. An empty suite is a failure and spawns nothing.
  if (files.length === 0) return withProblem(emptyOutcome(), `${name}: no test files found`);
  mkdirSync(resultsDir, { recursive: true });
  const tap = join(resultsDir, `${name}.tap`);
  rmSync(tap, { force: true });
  const run = await runBounded(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      // A file that leaves a socket or timer open (a stream that keeps reconnecting) never exits, and so
      // ends here too, as a failure. (Not --test-force-exit: it exits before the TAP file is written.)
      `--test-timeout=${fileTimeoutMs}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { timeoutMs: suiteTimeoutMs, cwd, quiet, env: withoutTestContext(process.env) },
  );
  const report = readTap(existsSync(tap) ? readFileSync(tap, 'utf8') : '');
  /** @type {import('./outcome.mjs').Outcome} */
  let outcome = {
    ...emptyOutcome(),
    passed: report.passed,
    failed: report.failed + report.cancelled,
    skipped: report.skipped,
    todo: report.todo,
    ok: run.code === 0,
  };
  for (const file of report.emptyFiles) {
    // node:test counts it as a passing test; a file that tests nothing is a mistake, not a pass.
    outcome = withProblem(
      { ...outcome, passed: outcome.passed - 1 },
      `${name}: ${relative(cwd ?? process.cwd(), file)} declares no tests`,
    );
  }
  for (const file of report.timedOutFiles) {
    outcome.problems.push(
      `${name}: ${relative(cwd ?? process.cwd(), file)} did not finish within ${fileTimeoutMs} ms: one failure, its tests unreported`,
    );
  }
  if (run.timedOut) {
    outcome = withProblem(outcome, `${name}: killed after ${suiteTimeoutMs} ms; tests it had not reported are lost`);
  } else if (!report.complete) {
    outcome = withProblem(outcome, `${name}: node --test ended (${run.signal ?? `exit ${run.code}`}) without a report`);
  } else if (report.tests === 0) {
    outcome = withProblem(outcome, `${name}: ${files.length} file(s) but no tests`);
  }
  if (report.usesOnly) {
    outcome = withProblem(outcome, `${name}: a test uses \`only\`, which would skip the others; remove it`);
  }
  if (!outcome.ok && outcome.failed === 0) outcome = withProblem(outcome, `${name}: exited with ${run.code}`);
  return outcome;
}
