// Stryker's build step (`buildCommand` in stryker.config.mjs), run once in each sandbox after Stryker has
// written its instrumented sources there: every TypeScript file of the sandbox (packages' sources, tests,
// test helpers) is transpiled with esbuild to a `.js` file beside it, and scripts/mutation-run-test.mjs runs
// a test file's `.js` twin with plain `node`.
//
// Why: with `node --import tsx` every test process spends about a second more before its first test (tsx's
// start-up, and its loader hooks on a second thread for each of the ~200 modules a gateway test imports),
// and a mutant starts one process per covering test file. Plain node halves that start-up.
//
// What tsx did besides transpiling, done here once per sandbox instead of per import:
// - `@xiaodian/*` (and `@xiaodian/model/search`, `@xiaodian/client/create`) resolve to the sandbox's sources,
//   as tsconfig.mutation.json's `paths` say, not to the packages' dist (which has no mutants);
// - a relative path to a `.ts` file (`./fixture-backend.ts`, or a URL built from one) means its `.js` twin.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';

/** The only place this may run: a Stryker sandbox. Writing `.js` twins into the checkout would litter it. */
export function assertInSandbox(cwd = process.cwd()) {
  if (!cwd.split(path.sep).includes('.stryker-tmp')) {
    throw new Error(`mutation-compile writes .js files beside every .ts file: run it in a Stryker sandbox, not ${cwd}`);
  }
}

/** `{ '@xiaodian/model': 'packages/model/src/index.js', … }` from tsconfig.mutation.json's `paths`. */
export function packageTargets(tsconfigText) {
  const { paths } = JSON.parse(tsconfigText).compilerOptions;
  return Object.fromEntries(
    Object.entries(paths).map(([name, [target]]) => [name, path.posix.normalize(target).replace(/\.ts$/, '.js')]),
  );
}

/**
 * The transpiled JavaScript of `file` with its module specifiers pointed at the sandbox's `.js` files:
 * `@xiaodian/*` names become relative paths to their sources, and relative `.ts` paths end in `.js`.
 * esbuild prints every string literal with double quotes, so only those are rewritten.
 */
export function rewriteSpecifiers(code, file, targets) {
  const fromFile = (target) => {
    const relative = path.posix.relative(path.posix.dirname(file), target);
    return relative.startsWith('.') ? relative : `./${relative}`;
  };
  return code.replace(/"((?:\.{1,2}\/[^"\n]*?)\.ts|@xiaodian\/[a-z/-]+)"/g, (literal, specifier) => {
    if (specifier.startsWith('@xiaodian/')) {
      return specifier in targets ? JSON.stringify(fromFile(targets[specifier])) : literal;
    }
    return JSON.stringify(`${specifier.slice(0, -'.ts'.length)}.js`);
  });
}

/** Every `.ts` file (not `.d.ts`) under `dir`, as POSIX paths relative to the sandbox, node_modules left out. */
function typeScriptFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) =>
      path
        .relative('.', path.join(entry.parentPath ?? entry.path, entry.name))
        .split(path.sep)
        .join('/'),
    )
    .filter((file) => !file.split('/').includes('node_modules'));
}

async function main() {
  assertInSandbox();
  const targets = packageTargets(readFileSync('tsconfig.mutation.json', 'utf8'));
  const files = ['packages', 'test', 'bench'].filter((dir) => existsSync(dir)).flatMap(typeScriptFiles);
  // The compiler options that change emitted JavaScript, as tsx read them from the tsconfig chain.
  const tsconfigRaw = { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: true } };
  await Promise.all(
    files.map(async (file) => {
      const { code } = await transform(readFileSync(file, 'utf8'), {
        loader: 'ts',
        format: 'esm',
        target: 'node20',
        sourcefile: file,
        tsconfigRaw,
      });
      writeFileSync(file.replace(/\.ts$/, '.js'), rewriteSpecifiers(code, file, targets));
    }),
  );
  console.log(`mutation-compile: ${files.length} TypeScript files transpiled to .js in the sandbox`);
}

// As a URL, so that a checkout whose path has spaces or Chinese characters still runs it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
