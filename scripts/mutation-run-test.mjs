// Runs one test file for Stryker's tap runner: `node … scripts/mutation-run-test.mjs test/gateway/x.test.ts`
// imports the `.js` twin that scripts/mutation-compile.mjs wrote beside it in the sandbox. The test file keeps
// its `.ts` name in Stryker's reports, so results measured with tsx and with this stay comparable.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [testFile] = process.argv.slice(2);
if (!testFile?.endsWith('.ts')) {
  throw new Error(`mutation-run-test: expected a .ts test file, got ${String(testFile)}`);
}
await import(pathToFileURL(path.resolve(`${testFile.slice(0, -'.ts'.length)}.js`)).href);
