// Tests of the test runner itself (scripts/test.mjs and scripts/lib): its suites run on fixture files
// under test/fixtures/runner with short limits, never on the real tests, and never as a nested full run.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { runBrowserSuite } from '../../scripts/lib/browser-suite.mjs';
import { runNodeSuite } from '../../scripts/lib/node-suite.mjs';
import { addOutcomes, emptyOutcome, withProblem } from '../../scripts/lib/outcome.mjs';
import { runBounded } from '../../scripts/lib/run-bounded.mjs';
import { summarize } from '../../scripts/lib/summary.mjs';

const resultsDir = mkdtempSync(join(tmpdir(), 'xd-runner-test-'));
after(() => rmSync(resultsDir, { recursive: true, force: true }));

const nodeFixture = (name: string) => `test/fixtures/runner/node/${name}.fixture.ts`;
const runFixtures = (name: string, files: string[], limits = { fileTimeoutMs: 20_000, suiteTimeoutMs: 30_000 }) =>
  runNodeSuite({ name, files, resultsDir, quiet: true, ...limits });

// The groups below wait on processes more than they compute, so they run side by side.
describe('the test runner', { concurrency: true }, () => {
  describe('the node suite runner', () => {
    it('fails a suite that finds no test files, and starts no process for it', async () => {
      // In an empty directory: were the guard ever broken, `node --test` would search only that directory
      // (in the repository it would find and run every test, this file included).
      const emptyDir = mkdtempSync(join(resultsDir, 'empty-'));
      const outcome = await runNodeSuite({
        name: 'none',
        files: [],
        resultsDir,
        cwd: emptyDir,
        quiet: true,
        fileTimeoutMs: 20_000,
        suiteTimeoutMs: 30_000,
      });
      assert.equal(outcome.failed, 1);
      assert.equal(outcome.ok, false);
      assert.match(outcome.problems.join('\n'), /no test files found/);
      // `node --test` with no files would have searched the repository (and once ran scripts/test.mjs).
      assert.deepEqual(
        readdirSync(resultsDir).filter((file) => file.startsWith('none')),
        [],
      );
    });

    it('fails a suite whose files declare no tests', async () => {
      const outcome = await runFixtures('empty', [nodeFixture('empty')]);
      assert.equal(outcome.passed, 0);
      assert.equal(outcome.failed, 1);
      assert.match(outcome.problems.join('\n'), /empty\.fixture\.ts declares no tests/);
    });

    it('counts skipped and todo tests apart from passed ones', async () => {
      const outcome = await runFixtures('counted', [nodeFixture('counted')]);
      assert.deepEqual(
        { passed: outcome.passed, failed: outcome.failed, skipped: outcome.skipped, todo: outcome.todo },
        { passed: 1, failed: 0, skipped: 1, todo: 1 },
      );
      assert.equal(outcome.ok, true);
    });

    it('fails a run in which a test uses only', async () => {
      const outcome = await runFixtures('only', [nodeFixture('only')]);
      assert.equal(outcome.failed, 1);
      assert.equal(outcome.ok, false);
      assert.match(outcome.problems.join('\n'), /uses `only`/);
    });

    it('counts a test file that hangs as a failure once the file limit passes', async () => {
      const started = Date.now();
      // 15 s: the counted fixture must finish within it even on a loaded machine (it took 4.5 s at load 30).
      const outcome = await runFixtures('hang-file', [nodeFixture('hang'), nodeFixture('counted')], {
        fileTimeoutMs: 15_000,
        suiteTimeoutMs: 60_000,
      });
      assert.ok(Date.now() - started < 50_000, `took ${Date.now() - started} ms`);
      assert.equal(outcome.failed, 1, 'the hanging file, cancelled');
      assert.equal(outcome.passed, 1, 'the other file still counts');
      assert.match(outcome.problems.join('\n'), /hang\.fixture\.ts did not finish within 15000 ms/);
    });

    it('kills a suite past its wall-clock limit and counts a failure', async () => {
      const started = Date.now();
      const outcome = await runFixtures('hang-suite', [nodeFixture('hang')], {
        fileTimeoutMs: 60_000,
        suiteTimeoutMs: 1_500,
      });
      assert.ok(Date.now() - started < 20_000, `well before the 60 s file limit; took ${Date.now() - started} ms`);
      // One for the kill; node --test may also have reported the hanging test as cancelled on SIGTERM.
      assert.ok(outcome.failed >= 1 && outcome.failed <= 2, `failed ${outcome.failed}`);
      assert.equal(outcome.passed, 0);
      assert.equal(outcome.ok, false);
      assert.match(outcome.problems.join('\n'), /killed after 1500 ms/);
    });
  });

  describe('the browser suite runner', () => {
    it(
      'counts passed and skipped tests, fails .only and empty files, and counts the tests of a hung file as not run',
      {
        timeout: 90_000,
      },
      async () => {
        const outcome = await runBrowserSuite({
          configFile: 'test/fixtures/runner/browser/wtr.config.mjs',
          resultsFile: join(resultsDir, 'browser-fixtures.json'),
          env: { ...process.env, XD_FIXTURE_RESULTS: join(resultsDir, 'browser-fixtures.json') },
          suiteTimeoutMs: 60_000,
          quiet: true,
        });
        const file = (name: string) => outcome.files?.[`test/fixtures/runner/browser/${name}.fixture.ts`];
        assert.deepEqual(file('counted'), { passed: 2, failed: 0, skipped: 2, notRun: 0, declared: 4 });
        assert.deepEqual(file('hang'), { passed: 0, failed: 0, skipped: 0, notRun: 3, declared: 3 });
        const problems = outcome.problems.join('\n');
        assert.match(problems, /empty\.fixture\.ts has no tests/);
        assert.match(problems, /hang\.fixture\.ts did not finish: 3 of its 3 tests never reported/);
        assert.match(problems, /only\.fixture\.ts/);
        assert.equal(outcome.notRun, 3);
        // counted: nothing; hang: 3 not run; empty: 1; only: 1 (forbidOnly stops the file).
        assert.equal(outcome.failed, 5);
        assert.equal(outcome.ok, false);
      },
    );
  });

  describe('the summary', () => {
    it('ends with exactly `N passed, N failed`, with skipped, todo and not run on the line before', () => {
      const { lines } = summarize([
        ['build', { ...emptyOutcome(), precondition: true }],
        ['static', { ...emptyOutcome(), passed: 3, checked: '1 tsc project, 1 file linted, 1 file format-checked' }],
        ['node', { ...emptyOutcome(), passed: 5, failed: 1, skipped: 2, todo: 1 }],
        ['browser', { ...emptyOutcome(), passed: 4, failed: 3, notRun: 3, problems: ['browser: x did not finish'] }],
      ]);
      assert.equal(lines.at(-1), '12 passed, 4 failed');
      assert.equal(lines.at(-2), '2 skipped, 1 todo, 3 not run (not run counts as failed)');
      assert.ok(lines.includes('  static   3 passed, 0 failed (1 tsc project, 1 file linted, 1 file format-checked)'));
      assert.ok(lines.includes('  node     5 passed, 1 failed, 2 skipped, 1 todo'));
      assert.ok(lines.includes('  browser  4 passed, 3 failed, 3 not run (counted as failed)'));
      assert.ok(lines.includes('  browser: x did not finish'));
    });
  });

  describe('the lint rules that keep tests honest', () => {
    const eslint = new ESLint({ allowInlineConfig: false });
    const messagesFor = async (code: string, filePath: string) =>
      (await eslint.lintText(code, { filePath }))[0]!.messages.map((message) => message.ruleId);

    it('reject .only in node and browser tests', async () => {
      const code = "it.only('a', () => {});\ndescribe.only('b', () => {});\nit('c', { only: true }, () => {});\n";
      for (const filePath of ['test/client/probe.test.ts', 'test/elements/probe.test.ts']) {
        assert.deepEqual(await messagesFor(code, filePath), [
          'no-restricted-properties',
          'no-restricted-properties',
          'no-restricted-syntax',
        ]);
      }
    });

    it('reject a DOM node passed to expect(), whose failure would hang the browser', async () => {
      const code = [
        "import { expect } from '@open-wc/testing';",
        'declare const root: ShadowRoot;',
        'declare function part(host: Element, name: string): HTMLElement | null;',
        "expect(root.querySelector('button')).to.equal(null);",
        "expect(part(root.host, 'title')!).to.equal(null);",
        "expect(root.querySelector('button')?.outerHTML ?? null).to.equal(null);",
        '',
      ].join('\n');
      assert.deepEqual(await messagesFor(code, 'test/elements/probe.test.ts'), [
        'no-restricted-syntax',
        'no-restricted-syntax',
      ]);
    });
  });

  describe('scripts/test.mjs', () => {
    it('refuses to start inside a run of itself', async () => {
      // Run from an empty directory: were the guard ever broken, the nested run would fail at its build at once.
      const cwd = mkdtempSync(join(tmpdir(), 'xd-runner-nested-'));
      try {
        const run = await runBounded(process.execPath, [join(process.cwd(), 'scripts/test.mjs')], {
          cwd,
          env: { ...process.env, XIAODIAN_TEST_RUN: '1' },
          timeoutMs: 10_000,
          quiet: true,
        });
        assert.equal(run.code, 2);
        assert.equal(existsSync(join(cwd, '.test-results')), false, 'it stopped before doing anything');
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    });
  });

  describe('outcomes added up (the e2e suite runs Storybook on its own)', () => {
    it('adds the counts, keeps both problems and is ok only when both runs were', () => {
      const site = { ...emptyOutcome(), passed: 3, skipped: 1 };
      const storybook = withProblem({ ...emptyOutcome(), passed: 2, notRun: 1 }, 'e2e-storybook: killed');
      assert.deepEqual(addOutcomes(site, storybook), {
        passed: 5,
        failed: 1,
        skipped: 1,
        todo: 0,
        notRun: 1,
        problems: ['e2e-storybook: killed'],
        ok: false,
      });
      assert.equal(addOutcomes(site, site).ok, true);
    });
  });
});
