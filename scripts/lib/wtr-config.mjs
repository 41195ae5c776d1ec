import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { countReporter, testRunnerHtml, testTotalsPlugin } from './wtr-count-reporter.mjs';

/**
 * `executeServerCommand('aria-snapshot', { selector })`: the accessibility tree a screen reader gets, as
 * Playwright's ARIA snapshot (YAML: role, name, states such as [expanded] and [selected]). The commands
 * package's a11ySnapshot calls `page.accessibility`, which this Playwright no longer has.
 */
function ariaSnapshotPlugin() {
  return {
    name: 'aria-snapshot-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'aria-snapshot') return undefined;
      const page = session.browser.getPage(session.id);
      return page.locator(payload?.selector ?? 'body').ariaSnapshot();
    },
  };
}

/**
 * The browser suite's @web/test-runner configuration, in Debian's Chromium (set CHROMIUM_PATH to use
 * another). web-test-runner.config.mjs uses it for test/elements; test/runner points it at fixtures.
 * @param {{ files: string[], resultsFile: string, testTimeoutMs?: number, fileTimeoutMs?: number,
 *   concurrency?: number }} options
 */
export function browserTestConfig({
  files,
  resultsFile,
  testTimeoutMs = 10_000,
  fileTimeoutMs = 60_000,
  concurrency = 1,
}) {
  return {
    files,
    nodeResolve: true,
    rootDir: '.',
    hostname: '127.0.0.1',
    concurrency,
    // forbidOnly: a committed `it.only` fails the file instead of quietly running one test of it.
    testFramework: { config: { timeout: testTimeoutMs, forbidOnly: true } },
    // A file that has not finished by then (a test stuck in a synchronous loop, where mocha's own
    // timeout cannot fire) is stopped; its unfinished tests count as not run.
    testsFinishTimeout: fileTimeoutMs,
    testRunnerHtml,
    plugins: [
      testTotalsPlugin(),
      ariaSnapshotPlugin(),
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.test.json' }),
    ],
    browsers: [
      playwrightLauncher({
        product: 'chromium',
        launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
      }),
    ],
    reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter(resultsFile)],
  };
}
