// What `npm run mutation` mutates and which tests it runs, per package: read by stryker.config.mjs (globs for
// Stryker) and by scripts/mutation.mjs (the file list of a --by-file run), so both agree.
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Test folders each package's mutants are run against (its own node tests), and what is left out. */
export const mutationPackages = {
  model: {
    testDir: 'test/model',
    // It measures the heap a query leaves per candidate checked, and Stryker's instrumented code allocates on
    // every call it counts (coverage and mutant switches): with doc-table.ts, title-reader.ts or the search
    // index's query code instrumented, it fails before any mutant is tried, in the initial test run.
    skipTests: ['test/model/search-allocation.test.ts'],
    skipMutate: [],
  },
  client: {
    testDir: 'test/client',
    // Loads a copy of the built packages/client/dist, which no mutant reaches (and the sandbox has no dist).
    skipTests: ['test/client/lazy-modules.test.ts'],
    skipMutate: [],
  },
  gateway: {
    testDir: 'test/gateway',
    // These spawn the built packages/gateway/dist/cli.js, which no mutant reaches (and the sandbox has no
    // dist): cli.test.ts alone would cost 18 s a mutant and kill nothing. cli.ts is therefore not mutated
    // either (its flags are parsed by config.ts, which is, and which config.test.ts drives).
    skipTests: [
      'test/gateway/cli.test.ts',
      'test/gateway/cli-operator.test.ts',
      'test/gateway/public-base-url.test.ts',
    ],
    skipMutate: ['packages/gateway/src/cli.ts'],
  },
};

export const packageNames = Object.keys(mutationPackages);

/** Every file under `dir`, as POSIX paths relative to the checkout, sorted. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.posix.join(
        path
          .relative('.', entry.parentPath ?? entry.path)
          .split(path.sep)
          .join('/'),
        entry.name,
      ),
    )
    .sort();
}

/** The sources Stryker mutates for a package: the same set as stryker.config.mjs's `mutate` globs. */
export function mutatedFiles(name) {
  const { skipMutate } = mutationPackages[name];
  return filesUnder(`packages/${name}/src`).filter(
    (file) =>
      file.endsWith('.ts') &&
      !file.endsWith('.d.ts') &&
      // Re-export lists: a removed export fails at import, which says nothing about behaviour.
      path.posix.basename(file) !== 'index.ts' &&
      // Compiled from the zod schemas at build time; the schemas themselves are mutated in the model.
      !file.startsWith('packages/client/src/generated/') &&
      !skipMutate.includes(file),
  );
}

/** The test files a package's mutants run against. */
export function mutationTestFiles(name) {
  const { testDir, skipTests } = mutationPackages[name];
  return filesUnder(testDir).filter((file) => file.endsWith('.test.ts') && !skipTests.includes(file));
}
