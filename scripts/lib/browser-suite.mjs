// Runs @web/test-runner with a configuration and reads what its count reporter wrote.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { emptyOutcome, withProblem } from './outcome.mjs';
import { runBounded } from './run-bounded.mjs';

/**
 * @param {{ configFile: string, resultsFile: string, suiteTimeoutMs: number, cwd?: string, quiet?: boolean,
 *   env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<import('./outcome.mjs').Outcome & { files?: Record<string, object> }>}
 */
export async function runBrowserSuite({ configFile, resultsFile, suiteTimeoutMs, cwd = process.cwd(), quiet, env }) {
  rmSync(resolve(cwd, resultsFile), { force: true });
  const wtr = join(cwd, 'node_modules', '.bin', 'wtr');
  const run = await runBounded(wtr, ['--config', configFile], { timeoutMs: suiteTimeoutMs, cwd, quiet, env });
  const file = resolve(cwd, resultsFile);
  if (!existsSync(file)) {
    const why = run.timedOut ? `killed after ${suiteTimeoutMs} ms` : `ended (exit ${run.code}) without a count`;
    return withProblem(emptyOutcome(), `browser: @web/test-runner ${why}`);
  }
  const counts = JSON.parse(readFileSync(file, 'utf8'));
  let outcome = {
    ...emptyOutcome(),
    passed: counts.passed,
    failed: counts.failed,
    skipped: counts.skipped,
    notRun: counts.notRun,
    problems: counts.problems,
    files: counts.files,
    ok: run.code === 0,
  };
  if (run.timedOut) outcome = withProblem(outcome, `browser: killed after ${suiteTimeoutMs} ms`);
  if (!outcome.ok && outcome.failed === 0) outcome = withProblem(outcome, `browser: exited with ${run.code}`);
  return outcome;
}
