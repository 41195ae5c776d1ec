import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function countSuite(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, totals);
}

/** How many tests each browser test file declared, as its page announced them (see wtr-announce-total.js). */
const declaredTotals = new Map();

/** The server half of wtr-announce-total.js: remembers each test file's number of tests. */
export function testTotalsPlugin() {
  return {
    name: 'xd-tests-total',
    executeCommand({ command, payload, session }) {
      if (command !== 'xd-tests-total') return undefined;
      declaredTotals.set(session.testFile, Number(payload?.total ?? 0));
      return true;
    },
  };
}

/** The test page: announces each file's number of tests, then runs the test framework as usual. */
export function testRunnerHtml(testFramework) {
  return (
    '<!DOCTYPE html><html><head></head><body>' +
    '<script type="module" src="/scripts/lib/wtr-announce-total.js"></script>' +
    `<script type="module" src="${testFramework}"></script>` +
    '</body></html>'
  );
}

/**
 * A @web/test-runner reporter that writes `{passed, failed, skipped, notRun, problems, files}` to a file, so
 * `npm test` can add the browser tests to its summary. A file that did not finish (a hang past
 * testsFinishTimeout, a crashed page) counts each of its tests that never reported as not run, and failed;
 * a file that failed to load, or declared no tests, counts as one failure.
 */
export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, notRun: 0, problems: [], files: {} };
      if (sessions.length === 0) {
        totals.failed += 1;
        totals.problems.push('browser: no test files found');
      }
      for (const session of sessions) {
        const counted = { passed: 0, failed: 0, skipped: 0 };
        if (session.testResults) countSuite(session.testResults, counted);
        const ran = counted.passed + counted.failed + counted.skipped;
        const declared = declaredTotals.get(session.testFile);
        const notRun = declared === undefined ? 0 : Math.max(0, declared - ran);
        totals.passed += counted.passed;
        totals.failed += counted.failed + notRun;
        totals.skipped += counted.skipped;
        totals.notRun += notRun;
        const name = session.testFile.replace(`${process.cwd()}/`, '');
        totals.files[name] = { ...counted, notRun, declared: declared ?? null };
        const errors = (session.errors ?? []).map((error) => error.message.split('\n')[0]);
        if (notRun > 0) {
          totals.problems.push(
            `browser: ${name} did not finish: ${notRun} of its ${declared} tests never reported (not run)`,
          );
        }
        if (ran === 0 && declared === 0 && errors.length === 0) {
          totals.failed += 1;
          totals.problems.push(`browser: ${name} has no tests`);
        } else if (ran === 0 && notRun === 0 && !session.passed) {
          // It never got as far as declaring its tests: it failed to load.
          totals.failed += 1;
          totals.problems.push(`browser: ${name} failed to load${errors[0] ? `: ${errors[0]}` : ''}`);
        } else if (errors.length > 0 && notRun === 0) {
          // An error outside any test (an uncaught error after the tests, a hook) is one more failure.
          totals.failed += 1;
          totals.problems.push(`browser: ${name}: ${errors[0]}`);
        }
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
