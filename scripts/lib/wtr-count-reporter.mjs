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

/**
 * A @web/test-runner reporter that writes `{passed, failed, skipped}` to a file, so `npm test` can add
 * the browser tests to its one summary line. A test file that failed to load counts as one failure.
 */
export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = totals.passed + totals.failed + totals.skipped;
        if (session.testResults) countSuite(session.testResults, totals);
        const ran = totals.passed + totals.failed + totals.skipped - before;
        if ((session.errors?.length ?? 0) > 0 || (!session.passed && ran === 0)) totals.failed += 1;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
