// Tests of `npm run mutation`'s own bookkeeping (scripts/mutation.mjs, scripts/mutation-packages.mjs): the
// score it prints, which files a --by-file run may skip, and that the file list matches what Stryker mutates.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMeasured, scoreOf } from '../../scripts/mutation.mjs';
import { mutatedFiles, mutationTestFiles } from '../../scripts/mutation-packages.mjs';

const mutant = (status: string) => ({ status });

describe('mutation score', () => {
  it('is detected (killed or timed out) over killed, timed out, survived and uncovered; the rest is not counted', () => {
    const score = scoreOf({
      files: {
        'a.ts': { mutants: ['Killed', 'Killed', 'Timeout', 'Survived'].map(mutant) },
        'b.ts': { mutants: ['NoCoverage', 'Ignored', 'CompileError', 'RuntimeError', 'Killed'].map(mutant) },
      },
    });
    assert.deepEqual(
      { ...score, score: score.score.toFixed(4) },
      {
        killed: 3,
        timeout: 1,
        survived: 1,
        noCoverage: 1,
        invalid: 3,
        files: ['a.ts', 'b.ts'],
        score: ((100 * 4) / 6).toFixed(4),
      },
    );
  });

  it('is not a number when no mutant counts', () => {
    assert.ok(Number.isNaN(scoreOf({ files: { 'a.ts': { mutants: [mutant('Ignored')] } } }).score));
    assert.ok(Number.isNaN(scoreOf({}).score));
  });
});

describe('--by-file skips a file only when its results are current', () => {
  const sources: Record<string, string> = { 'src/a.ts': 'a1', 'test/x.test.ts': 'x1', 'test/y.test.ts': 'y1' };
  const read = (file: string) => sources[file];
  const report = {
    files: { 'src/a.ts': { source: 'a1' } },
    testFiles: { 'test/x.test.ts': { source: 'x1' }, 'test/y.test.ts': { source: 'y1' } },
  };
  const tests = ['test/y.test.ts', 'test/x.test.ts'];

  it('skips a file measured with the same source and the same tests', () => {
    assert.equal(isMeasured(report, 'src/a.ts', read, tests), true);
  });

  it('measures again when there is no report, the file is not in it, or its source changed', () => {
    assert.equal(isMeasured(undefined, 'src/a.ts', read, tests), false);
    assert.equal(isMeasured(report, 'src/b.ts', read, tests), false);
    assert.equal(
      isMeasured(report, 'src/a.ts', (file) => (file === 'src/a.ts' ? 'a2' : read(file)), tests),
      false,
    );
  });

  it('measures again when a test changed, was added or was removed', () => {
    assert.equal(
      isMeasured(report, 'src/a.ts', (f) => (f === 'test/x.test.ts' ? 'x2' : read(f)), tests),
      false,
    );
    assert.equal(isMeasured(report, 'src/a.ts', read, [...tests, 'test/z.test.ts']), false);
    assert.equal(isMeasured(report, 'src/a.ts', read, ['test/x.test.ts']), false);
  });
});

describe('what each package mutates and runs', () => {
  it('mutates sources but not index files, generated validators or the gateway command', () => {
    const client = mutatedFiles('client');
    assert.ok(client.includes('packages/client/src/batcher.ts'));
    assert.ok(!client.some((file) => file.startsWith('packages/client/src/generated/')));
    assert.ok(!mutatedFiles('model').some((file) => file.endsWith('/index.ts')));
    assert.ok(mutatedFiles('model').includes('packages/model/src/search/search-index.ts'));
    assert.ok(!mutatedFiles('gateway').includes('packages/gateway/src/cli.ts'));
  });

  it("runs a package's own node tests, without those that drive the built dist", () => {
    const gateway = mutationTestFiles('gateway');
    assert.ok(gateway.includes('test/gateway/api.test.ts'));
    assert.ok(gateway.every((file) => file.startsWith('test/gateway/') && file.endsWith('.test.ts')));
    for (const drivesDist of ['cli.test.ts', 'cli-operator.test.ts', 'public-base-url.test.ts']) {
      assert.ok(!gateway.includes(`test/gateway/${drivesDist}`), drivesDist);
    }
    assert.ok(!mutationTestFiles('client').includes('test/client/lazy-modules.test.ts'));
  });
});
