import { browserTestConfig } from './scripts/lib/wtr-config.mjs';

/** Browser tests of the elements, in Debian's Chromium (set CHROMIUM_PATH to use another). */
export default browserTestConfig({
  files: ['test/elements/**/*.test.ts'],
  resultsFile: '.test-results/browser.json',
  // Room for the slowest file on a busy machine; a file that hangs still ends within 2 minutes.
  fileTimeoutMs: 120_000,
});
