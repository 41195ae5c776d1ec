// StrykerJS over one package at a time: `npm run mutation` (scripts/mutation.mjs) sets MUTATION_PACKAGE.
// Run by hand: `MUTATION_PACKAGE=model npx stryker run` (add `--mutate 'packages/model/src/refs.ts'` for one file).
//
// How the tests see the mutants: the node tests import `@xiaodian/*`, which npm links to packages/*/dist.
// Stryker mutates the TypeScript sources; its build step (scripts/mutation-compile.mjs) transpiles every
// TypeScript file of the sandbox once to a `.js` file beside it, with `@xiaodian/*` pointed at the sources (as
// tsconfig.mutation.json maps them), so no package build runs per mutant. The tap runner runs each test file
// with plain node (scripts/mutation-run-test.mjs imports its `.js` twin: half the start-up of `--import tsx`)
// and reads node:test's TAP output; a "test" to Stryker is a test file, so coverage analysis picks, for each
// mutant, the files that reached its code.

import fs from 'node:fs';
import path from 'node:path';

import { mutationPackages } from './scripts/mutation-packages.mjs';

const name = process.env.MUTATION_PACKAGE ?? '';
const selected = mutationPackages[name];
if (!selected) {
  throw new Error(`Set MUTATION_PACKAGE to one of: ${Object.keys(mutationPackages).join(', ')} (got "${name}").`);
}

// `npm run mutation -- PACKAGE --tests FILES` (MUTATION_TESTS) runs the mutants against some of the package's
// test files only: a quick lower bound of the score (the other tests can only kill more), for a file whose
// slow covering tests (search.test.ts takes 37 s a mutant on a loaded machine) would take hours.
const testFiles = process.env.MUTATION_TESTS
  ? process.env.MUTATION_TESTS.split(',')
  : [`${selected.testDir}/**/*.test.ts`];

const reports = `reports/mutation/${name}`;

// Test fixtures are read from `../shared` beside the checkout; a sandbox is two folders deeper
// (.stryker-tmp/sandbox-*), so its `../shared` is .stryker-tmp/shared: point that at the real one.
const tempDirName = '.stryker-tmp';
const shared = path.resolve('..', 'shared');
const sharedInSandbox = path.join(tempDirName, 'shared');
if (fs.existsSync(shared) && !fs.existsSync(sharedInSandbox)) {
  fs.mkdirSync(tempDirName, { recursive: true });
  fs.symlinkSync(shared, sharedInSandbox, 'dir');
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  tap: {
    testFiles,
    nodeArgs: ['--test-reporter=tap', '-r', '{{hookFile}}', 'scripts/mutation-run-test.mjs', '{{testFile}}'],
    // Stop a test file at its first failure: the mutant is killed, the rest of the file would be wasted time.
    forceBail: true,
  },
  mutate: [
    `packages/${name}/src/**/*.ts`,
    // Compiled from the zod schemas at build time; the schemas themselves are mutated in the model.
    '!packages/client/src/generated/**',
    // Re-export lists: a removed export fails at import, which says nothing about behaviour.
    `!packages/${name}/src/**/index.ts`,
    ...selected.skipMutate.map((file) => `!${file}`),
  ],
  ignorePatterns: [
    // Not needed to run the node tests against the sources: keeps each sandbox copy small.
    'dist',
    'storybook-static',
    '.test-results',
    'reports',
    'packages/elements',
    'stories',
    'examples',
    // The bench's catalog and engines are imported by two model tests; the rest of the bench is not needed.
    'bench/*',
    '!bench/lib',
    'test/elements',
    'test/e2e',
    ...selected.skipTests,
  ],
  // Once per sandbox, after Stryker wrote the instrumented sources: the `.js` twins the test processes run.
  buildCommand: 'node scripts/mutation-compile.mjs',
  coverageAnalysis: 'perTest',
  // Two cores shared with everything else on the machine: more workers only make each one slower.
  concurrency: 2,
  // Test files start servers and Redis; a loaded machine needs headroom before a slow run counts as a hang.
  timeoutMS: 8000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 10,
  incremental: true,
  // scripts/mutation.mjs points Stryker at a working copy and commits it only when the run ends well.
  incrementalFile: process.env.MUTATION_INCREMENTAL_FILE ?? `${reports}.incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `${reports}.json` },
  htmlReporter: { fileName: `${reports}.html` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName,
  cleanTempDir: 'always',
};
