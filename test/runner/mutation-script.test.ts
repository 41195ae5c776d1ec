// Tests of `npm run mutation`'s own bookkeeping (scripts/mutation.mjs, scripts/mutation-packages.mjs): the
// score it prints, which files a --by-file run may skip, and that the file list matches what Stryker mutates.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  fileScoresOf,
  isMeasured,
  wholeFilesOf,
  withoutUndetected,
  measureOrder,
  lineRangesOf,
  partsKey,
  partsLeft,
  readPartsProgress,
  resultsFileOf,
  scoreOf,
} from '../../scripts/mutation.mjs';
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

describe('--scores --files', () => {
  it("lists each file's score, weakest first, and files with no counted mutant last", () => {
    const rows = fileScoresOf({
      files: {
        'strong.ts': { mutants: ['Killed', 'Killed', 'Killed', 'Survived'].map(mutant) },
        'none.ts': { mutants: [mutant('Ignored')] },
        'weak.ts': { mutants: ['Killed', 'Survived', 'NoCoverage', 'Timeout'].map(mutant) },
        'also-weak.ts': { mutants: ['Timeout', 'Survived'].map(mutant) },
      },
    });
    assert.deepEqual(
      rows.map((row) => [row.file, row.score, row.killed, row.timeout, row.survived, row.noCoverage]),
      [
        ['also-weak.ts', 50, 0, 1, 1, 0],
        ['weak.ts', 50, 1, 1, 1, 1],
        ['strong.ts', 75, 3, 0, 1, 0],
        ['none.ts', NaN, 0, 0, 0, 0],
      ],
    );
  });
});

describe('--scores reads the results a fresh clone has', () => {
  const present =
    (...files: string[]) =>
    (file: string) =>
      files.includes(file);

  it('reads the committed incremental results first: they hold every file measured, by any run', () => {
    assert.equal(
      resultsFileOf('gateway', present('reports/mutation/gateway.incremental.json', 'reports/mutation/gateway.json')),
      'reports/mutation/gateway.incremental.json',
    );
  });

  it("falls back to the last run's report, and finds nothing when neither is there", () => {
    assert.equal(resultsFileOf('model', present('reports/mutation/model.json')), 'reports/mutation/model.json');
    assert.equal(resultsFileOf('client', present('reports/mutation/model.json')), undefined);
  });

  it("keeps the incremental results in git, and a run's own report out of it", () => {
    const ignored = spawnSync('git', ['check-ignore', '-q', 'reports/mutation/gateway.incremental.json']);
    assert.equal(ignored.status, 1, 'git check-ignore exits 1 for a path that is not ignored');
    const report = spawnSync('git', ['check-ignore', '-q', 'reports/mutation/gateway.json']);
    assert.equal(report.status, 0, "a run's own report stays out of git");
  });
});

describe('--by-file skips a file only when its results are current', () => {
  const sources: Record<string, string> = { 'src/a.ts': 'a1', 'test/x.test.ts': 'x1', 'test/y.test.ts': 'y1' };
  const read = (file: string) => sources[file];
  const tests = ['test/y.test.ts', 'test/x.test.ts'];
  const report = { files: { 'src/a.ts': { source: 'a1' } } };
  const keyNow = partsKey('src/a.ts', read, tests);

  it('skips a file measured against the same source and the same tests', () => {
    assert.equal(isMeasured(report, 'src/a.ts', keyNow, { 'src/a.ts': keyNow }), true);
  });

  it('measures again when there is no report, the file is not in it, or nothing says what it was measured against', () => {
    assert.equal(isMeasured(undefined, 'src/a.ts', keyNow, { 'src/a.ts': keyNow }), false);
    assert.equal(isMeasured(report, 'src/b.ts', keyNow, { 'src/b.ts': keyNow }), false);
    // Results from before the keys were kept: Stryker's own test sources may be newer than the results.
    assert.equal(isMeasured(report, 'src/a.ts', keyNow, undefined), false);
    assert.equal(isMeasured(report, 'src/a.ts', keyNow, {}), false);
  });

  it('measures again when the file or a test changed, or a test was added or removed, since it was measured', () => {
    const measured = { 'src/a.ts': keyNow };
    const changed = (file: string, text: string) => (f: string) => (f === file ? text : read(f));
    assert.equal(
      isMeasured(report, 'src/a.ts', partsKey('src/a.ts', changed('src/a.ts', 'a2'), tests), measured),
      false,
    );
    assert.equal(
      isMeasured(report, 'src/a.ts', partsKey('src/a.ts', changed('test/x.test.ts', 'x2'), tests), measured),
      false,
    );
    assert.equal(
      isMeasured(report, 'src/a.ts', partsKey('src/a.ts', read, [...tests, 'test/z.test.ts']), measured),
      false,
    );
    assert.equal(isMeasured(report, 'src/a.ts', partsKey('src/a.ts', read, ['test/x.test.ts']), measured), false);
  });
});

describe('stale survivors are tested again', () => {
  const mutants = (...statuses: string[]) => statuses.map((status) => ({ status }));
  const report = {
    files: {
      'src/a.ts': { source: 'a', mutants: mutants('Killed', 'Survived', 'Timeout', 'NoCoverage', 'CompileError') },
      'src/b.ts': { source: 'b', mutants: mutants('Survived', 'Killed') },
    },
    testFiles: { 'test/x.test.ts': { source: 'x' } },
  };

  it("drops the named files' survivors and uncovered mutants, and keeps everything else", () => {
    const trimmed = withoutUndetected(report, ['src/a.ts']);
    assert.deepEqual(trimmed.files?.['src/a.ts']?.mutants, mutants('Killed', 'Timeout', 'CompileError'));
    assert.equal(trimmed.files?.['src/a.ts']?.source, 'a');
    assert.deepEqual(trimmed.files?.['src/b.ts'], report.files['src/b.ts']);
    assert.deepEqual(trimmed.testFiles, report.testFiles);
    assert.equal(report.files['src/a.ts'].mutants.length, 5, 'the report it was given is left as it was');
  });

  it('names the files a run measures whole', () => {
    const all = ['src/a.ts', 'src/b.ts'];
    assert.deepEqual(wholeFilesOf([], all), all);
    assert.deepEqual(wholeFilesOf(['--mutate', 'src/b.ts'], all), ['src/b.ts']);
    assert.deepEqual(wholeFilesOf(['--concurrency', '2', '-m', 'src/a.ts,src/b.ts'], all), all);
    assert.deepEqual(wholeFilesOf(['--mutate=src/a.ts'], all), ['src/a.ts']);
    // Part of a file, or a glob: no file is measured whole.
    assert.deepEqual(wholeFilesOf(['--mutate', 'src/a.ts:10-80'], all), []);
    assert.deepEqual(wholeFilesOf(['--mutate', 'src/*.ts'], all), []);
  });
});

describe('--lines-per-run measures a long file in parts', () => {
  const numbered = (count: number, blankAt: readonly number[] = []) =>
    Array.from({ length: count }, (_, i) => (blankAt.includes(i + 1) ? '' : `line ${i + 1}`)).join('\n');

  it('cuts on the last blank line in the second half of each part, else at the limit', () => {
    // Blank lines at 40 (first half: not a cut), 80 and 90 (the last before the limit wins), 170.
    assert.deepEqual(lineRangesOf(numbered(260, [40, 80, 90, 170]), 100), ['1-90', '91-170', '171-260']);
    assert.deepEqual(lineRangesOf(numbered(300), 100), ['1-100', '101-200', '201-300']);
  });

  it('leaves a short file whole, and joins a last part of a quarter of the limit or less to the one before', () => {
    assert.deepEqual(lineRangesOf(numbered(100), 100), ['1-100']);
    assert.deepEqual(lineRangesOf(numbered(125), 100), ['1-125']);
    assert.deepEqual(lineRangesOf(numbered(126), 100), ['1-100', '101-126']);
  });

  it('covers every line once, in order', () => {
    const source = numbered(1716, [295, 576, 876, 1158, 1374]);
    const bounds = lineRangesOf(source, 300).map((range) => range.split('-').map(Number) as [number, number]);
    assert.equal(bounds[0]![0], 1);
    assert.equal(bounds.at(-1)![1], 1716);
    for (let i = 1; i < bounds.length; i += 1) assert.equal(bounds[i]![0], bounds[i - 1]![1] + 1);
  });

  it('resumes after the parts done, and ends with a pass over the whole file', () => {
    const ranges = ['1-90', '91-170', '171-260'];
    assert.deepEqual(partsLeft(undefined, 'src/a.ts', 'k1', ranges), [...ranges, 'whole']);
    assert.deepEqual(partsLeft({ 'src/a.ts': { key: 'k1', done: ['1-90'] } }, 'src/a.ts', 'k1', ranges), [
      '91-170',
      '171-260',
      'whole',
    ]);
    assert.deepEqual(partsLeft({ 'src/a.ts': { key: 'k1', done: [...ranges] } }, 'src/a.ts', 'k1', ranges), ['whole']);
  });

  it('reads the progress file, and takes a missing or unreadable one as no parts done, with a warning', (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parts-'));
    const warn = t.mock.method(console, 'warn', () => {});
    try {
      const file = path.join(dir, 'model.parts.json');
      assert.deepEqual(readPartsProgress(file), {});
      assert.equal(warn.mock.callCount(), 0, 'no file is no progress, not a problem');
      writeFileSync(file, JSON.stringify({ 'src/a.ts': { key: 'k1', done: ['1-90'] } }));
      assert.deepEqual(readPartsProgress(file), { 'src/a.ts': { key: 'k1', done: ['1-90'] } });
      for (const broken of ['{"src/a.ts": {"key"', '[]', 'null']) {
        writeFileSync(file, broken);
        assert.deepEqual(readPartsProgress(file), {}, broken);
      }
      assert.equal(warn.mock.callCount(), 3);
      assert.match(String(warn.mock.calls[0]!.arguments[0]), /is not a parts progress file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts again when the file or any test changed since the parts done', () => {
    const sources: Record<string, string> = { 'src/a.ts': 'a1', 'test/x.test.ts': 'x1' };
    const read = (file: string) => sources[file];
    const key = partsKey('src/a.ts', read, ['test/x.test.ts']);
    assert.equal(partsKey('src/a.ts', read, ['test/x.test.ts']), key);
    for (const changed of [
      partsKey('src/a.ts', (f) => (f === 'src/a.ts' ? 'a2' : read(f)), ['test/x.test.ts']),
      partsKey('src/a.ts', (f) => (f === 'test/x.test.ts' ? 'x2' : read(f)), ['test/x.test.ts']),
      partsKey('src/a.ts', read, ['test/x.test.ts', 'test/y.test.ts']),
      partsKey('src/b.ts', read, ['test/x.test.ts']),
    ]) {
      assert.notEqual(changed, key);
      assert.deepEqual(partsLeft({ 'src/a.ts': { key, done: ['1-90'] } }, 'src/a.ts', changed, ['1-90', '91-170']), [
        '1-90',
        '91-170',
        'whole',
      ]);
    }
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
    // A heap measurement that instrumented code fails by itself; the model's other tests all run.
    const model = mutationTestFiles('model');
    assert.ok(!model.includes('test/model/search-allocation.test.ts'));
    assert.ok(model.includes('test/model/search-work.test.ts'));
  });
});

describe('--by-file measures the files nobody has measured first', () => {
  const sizes: Record<string, number> = { 'src/big.ts': 900, 'src/small.ts': 10, 'src/old.ts': 5, 'src/mid.ts': 300 };
  const sizeOf = (file: string) => sizes[file] ?? 0;

  it('puts files without results before files with stale results, each group smallest first', () => {
    const report = { files: { 'src/old.ts': { source: 'o' }, 'src/mid.ts': { source: 'm' } } };
    assert.deepEqual(measureOrder(Object.keys(sizes), report, sizeOf), [
      'src/small.ts',
      'src/big.ts',
      'src/old.ts',
      'src/mid.ts',
    ]);
  });

  it('is smallest first when there are no results, and leaves its input alone', () => {
    const files = Object.keys(sizes);
    assert.deepEqual(measureOrder(files, undefined, sizeOf), [
      'src/old.ts',
      'src/small.ts',
      'src/mid.ts',
      'src/big.ts',
    ]);
    assert.deepEqual(files, ['src/big.ts', 'src/small.ts', 'src/old.ts', 'src/mid.ts']);
  });
});
