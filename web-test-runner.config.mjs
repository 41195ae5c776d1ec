import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumPath } from './scripts/lib/chromium.mjs';
import { countReporter } from './scripts/lib/wtr-count-reporter.mjs';

/** Browser tests of the elements, in Debian's Chromium (set CHROMIUM_PATH to use another). */
export default {
  files: ['test/elements/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  hostname: '127.0.0.1',
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.test.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter('.test-results/browser.json')],
};
