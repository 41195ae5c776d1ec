// The static suite: types of the tests and stories, lint and formatting. Each check (a tsc project, the lint,
// the format check) counts as one result, and the line says what it covered ("7 tsc projects, 212 files
// linted, 260 files format-checked"): files are not tests, so they do not inflate the total.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { emptyOutcome } from './outcome.mjs';
import { runBounded } from './run-bounded.mjs';

// Each project with the checker that reads it. Besides the tests: the examples and the typing fixtures,
// type-checked with the typings the packages ship, as an app's own compiler would (issue 13); each fixture
// project compiles one file alone, so declarations one file reaches are not lent to another.
const tscProjects = [
  { bin: 'tsc', project: 'tsconfig.test.json' },
  { bin: 'tsc', project: 'examples/react' },
  { bin: 'vue-tsc', project: 'examples/vue' },
  { bin: 'tsc', project: 'examples/mini-program' },
  { bin: 'tsc', project: 'examples/builder' },
  { bin: 'tsc', project: 'test/packaging/typings/tsconfig.define-module.json' },
  { bin: 'tsc', project: 'test/packaging/typings/tsconfig.package-root.json' },
  { bin: 'tsc', project: 'test/packaging/typings/tsconfig.react.json' },
];

async function typecheck(cwd, timeoutMs) {
  let passed = 0;
  const problems = [];
  for (const { bin, project } of tscProjects) {
    const run = await runBounded(join(cwd, 'node_modules', '.bin', bin), ['-p', project, '--noEmit'], {
      cwd,
      timeoutMs,
    });
    if (run.code === 0) passed += 1;
    else problems.push(`static: ${bin} -p ${project} ${run.timedOut ? `killed after ${timeoutMs} ms` : 'failed'}`);
  }
  return { passed, failed: problems.length, problems };
}

async function lint(cwd) {
  const eslint = new ESLint({ cwd });
  const results = await eslint.lintFiles(['.']);
  const formatter = await eslint.loadFormatter('stylish');
  const text = await formatter.format(results);
  if (text) console.log(text);
  const failing = results.filter((r) => r.errorCount > 0 || r.fatalErrorCount > 0);
  return {
    passed: failing.length === 0 ? 1 : 0,
    failed: failing.length === 0 ? 0 : 1,
    files: results.length,
    problems: failing.map((r) => `static: eslint errors in ${relative(cwd, r.filePath)}`),
  };
}

/** Every file `prettier --check .` would look at: not ignored, and in a language Prettier formats. */
async function formattableFiles(cwd) {
  const files = [];
  const walk = async (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const info = await prettier.getFileInfo(path, {
          ignorePath: [join(cwd, '.gitignore'), join(cwd, '.prettierignore')],
        });
        if (!info.ignored && info.inferredParser) files.push(path);
      }
    }
  };
  await walk(cwd);
  return files.sort();
}

async function formatCheck(cwd) {
  const files = await formattableFiles(cwd);
  const unformatted = [];
  for (const file of files) {
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    if (!(await prettier.check(readFileSync(file, 'utf8'), options))) unformatted.push(relative(cwd, file));
  }
  for (const file of unformatted) console.log(`[warn] ${file} is not formatted (npx prettier --write ${file})`);
  return {
    passed: unformatted.length === 0 ? 1 : 0,
    failed: unformatted.length === 0 ? 0 : 1,
    files: files.length,
    problems: unformatted.map((file) => `static: ${file} is not formatted`),
  };
}

/** @returns {Promise<import('./outcome.mjs').Outcome>} */
export async function runStaticSuite({ cwd = process.cwd(), tscTimeoutMs = 300_000 } = {}) {
  const types = await typecheck(cwd, tscTimeoutMs);
  const linted = await lint(cwd);
  const formatted = await formatCheck(cwd);
  const parts = [types, linted, formatted];
  const failed = parts.reduce((sum, part) => sum + part.failed, 0);
  return {
    ...emptyOutcome(),
    passed: parts.reduce((sum, part) => sum + part.passed, 0),
    failed,
    problems: parts.flatMap((part) => part.problems),
    checked:
      `${types.passed + types.failed} tsc projects, ${linted.files} files linted, ` +
      `${formatted.files} files format-checked`,
    ok: failed === 0,
  };
}
