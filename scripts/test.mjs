// `npm test`: builds, runs every suite (Node unit tests, browser tests, end-to-end), and ends with one
// line `N passed, N failed` that counts them all. `npm test -- browser` runs only the named suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureRedis } from './ensure-system-packages.mjs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const bin = (name) => join('node_modules', '.bin', name);

function testFiles(...dirs) {
  return dirs
    .flatMap((dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))) : []))
    .filter((file) => file.endsWith('.test.ts'))
    .sort();
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

/** Reads `# pass N` / `# fail N` from a node:test TAP file. */
function tapCounts(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const count = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled') };
}

function nodeSuite(name, dirs) {
  return () => {
    const files = testFiles(...dirs);
    const tap = join(results, `${name}.tap`);
    const ok = run(process.execPath, [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ]);
    return { ...tapCounts(tap), ok };
  };
}

const suites = {
  build: () => {
    const ok = run('npm', ['run', '--silent', 'build']);
    // The build is a precondition, not a test: it adds a failure when it breaks and nothing when it works.
    return { passed: 0, failed: ok ? 0 : 1, ok };
  },
  // Types of tests and stories, lint and formatting: each a failure when broken, nothing when clean.
  static: () => {
    const ok =
      run(bin('tsc'), ['-p', 'tsconfig.test.json', '--noEmit']) &&
      run(bin('eslint'), ['.']) &&
      run(bin('prettier'), ['--check', '--log-level', 'warn', '.']);
    return { passed: 0, failed: ok ? 0 : 1, ok };
  },
  // Size budgets of the public browser entries: one result per budget.
  size: () => {
    const ok = run(process.execPath, ['scripts/size-check.mjs', '--json', join(results, 'size.json')]);
    const file = join(results, 'size.json');
    const counts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 1 };
    return { passed: counts.passed, failed: counts.failed, ok };
  },
  node: () => {
    ensureRedis();
    return nodeSuite('node', ['test/model', 'test/client', 'test/demo', 'test/gateway'])();
  },
  browser: () => {
    ensureChromium();
    const ok = run(bin('wtr'), ['--config', 'web-test-runner.config.mjs']);
    const file = join(results, 'browser.json');
    const counts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 0 };
    return { passed: counts.passed, failed: counts.failed, ok };
  },
  e2e: () => {
    ensureChromium();
    return nodeSuite('e2e', ['test/e2e'])();
  },
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in suites));
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
// Everything later runs against the build, so it always comes first.
const order = wanted.length
  ? ['build', ...Object.keys(suites).filter((s) => s !== 'build' && wanted.includes(s))]
  : Object.keys(suites);

let passed = 0;
let failed = 0;
const lines = [];
for (const name of order) {
  let outcome;
  try {
    outcome = suites[name]();
  } catch (error) {
    console.error(`\n${name}: ${error instanceof Error ? error.message : String(error)}`);
    outcome = { passed: 0, failed: 0, ok: false };
  }
  // A suite that crashed without reporting a failure still counts as one.
  if (!outcome.ok && outcome.failed === 0) outcome.failed = 1;
  passed += outcome.passed;
  failed += outcome.failed;
  lines.push(`  ${name.padEnd(8)} ${outcome.passed} passed, ${outcome.failed} failed`);
  if (name === 'build' && !outcome.ok) break;
}

console.log(`\nSuites:\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
