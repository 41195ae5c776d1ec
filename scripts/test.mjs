// `npm test`: builds, runs every suite (types + lint + format, size, Node unit tests, browser tests, end
// to end) and prints a summary whose LAST line is exactly `N passed, N failed` (CI parses it). Skipped,
// todo and not-run tests are on the lines before. `npm test -- browser` runs only the named suites.
// Every suite is bounded in time, so a hang ends as a counted failure. The suites live in scripts/lib so
// test/runner can run them on fixtures.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureCjkFont, ensureRedis } from './ensure-system-packages.mjs';
import { runBrowserSuite } from './lib/browser-suite.mjs';
import { findTestFiles, runNodeSuite } from './lib/node-suite.mjs';
import { addOutcomes, emptyOutcome, withProblem } from './lib/outcome.mjs';
import { runBounded } from './lib/run-bounded.mjs';
import { runStaticSuite } from './lib/static-suite.mjs';
import { summarize } from './lib/summary.mjs';

// A test that ran this script would start a whole nested run (once, through `node --test`'s default file
// search); refuse instead.
if (process.env.XIAODIAN_TEST_RUN) {
  console.error('scripts/test.mjs is already running (a test started it again); refusing a nested full run.');
  process.exit(2);
}
process.env.XIAODIAN_TEST_RUN = '1';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const minutes = (n) => n * 60_000;

const suites = {
  build: async () => {
    const run = await runBounded('npm', ['run', '--silent', 'build'], { timeoutMs: minutes(10) });
    // A precondition, not a test: it counts nothing when it works and one failure when it breaks.
    const outcome = { ...emptyOutcome(), precondition: true };
    if (run.timedOut) return withProblem(outcome, `build: killed after ${minutes(10)} ms`);
    return run.code === 0 ? outcome : withProblem(outcome, 'build: npm run build failed');
  },
  static: () => runStaticSuite({ tscTimeoutMs: minutes(5) }),
  // Size budgets of the public browser entries: one result per budget.
  size: async () => {
    const file = join(results, 'size.json');
    const run = await runBounded(process.execPath, ['scripts/size-check.mjs', '--json', file], {
      timeoutMs: minutes(5),
    });
    if (run.timedOut) return withProblem(emptyOutcome(), `size: killed after ${minutes(5)} ms`);
    if (!existsSync(file)) return withProblem(emptyOutcome(), 'size: no result written');
    const counts = JSON.parse(readFileSync(file, 'utf8'));
    return { ...emptyOutcome(), passed: counts.passed, failed: counts.failed, ok: run.code === 0 };
  },
  node: () => {
    ensureRedis();
    return runNodeSuite({
      name: 'node',
      files: findTestFiles(['test/model', 'test/client', 'test/demo', 'test/gateway', 'test/runner', 'test/packaging']),
      resultsDir: results,
      fileTimeoutMs: minutes(2),
      // About 2.5 min alone on two cores; the bound is for a run that hangs, not for a busy machine.
      suiteTimeoutMs: minutes(20),
    });
  },
  browser: () => {
    ensureChromium();
    ensureCjkFont();
    return runBrowserSuite({
      configFile: 'web-test-runner.config.mjs',
      resultsFile: join(results, 'browser.json'),
      suiteTimeoutMs: minutes(20),
    });
  },
  e2e: async () => {
    ensureChromium();
    ensureCjkFont();
    const files = findTestFiles(['test/e2e']);
    const isStorybook = (file) => /(^|\/)storybook[^/]*\.test\.ts$/.test(file);
    const site = await runNodeSuite({
      name: 'e2e',
      files: files.filter((file) => !isStorybook(file)),
      resultsDir: results,
      fileTimeoutMs: minutes(3),
      suiteTimeoutMs: minutes(10),
    });
    // Storybook's file builds Storybook (offline, about 20 s alone) and opens every story and docs page
    // (about 150, a few minutes alone; much longer on a busy machine), so it has limits of its own.
    const storybook = await runNodeSuite({
      name: 'e2e-storybook',
      files: files.filter(isStorybook),
      resultsDir: results,
      fileTimeoutMs: minutes(20),
      suiteTimeoutMs: minutes(25),
    });
    return addOutcomes(site, storybook);
  },
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in suites));
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
// Everything later runs against the build, so it always comes first.
const order = wanted.length
  ? ['build', ...Object.keys(suites).filter((s) => s !== 'build' && wanted.includes(s))]
  : Object.keys(suites);

const outcomes = [];
for (const name of order) {
  let outcome;
  try {
    outcome = await suites[name]();
  } catch (error) {
    outcome = withProblem(emptyOutcome(), `${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A suite that crashed without reporting a failure still counts as one.
  if (!outcome.ok && outcome.failed === 0) outcome = withProblem(outcome, `${name}: failed without a count`);
  outcomes.push([name, outcome]);
  if (name === 'build' && !outcome.ok) break;
}

const summary = summarize(outcomes);
console.log(summary.lines.join('\n'));
process.exit(summary.failed === 0 ? 0 : 1);
