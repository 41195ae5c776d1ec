// Which engines `npm run bench -- search` times (SEARCH_BENCH_ENGINES): a misspelt name must stop the run,
// not print a table that silently lacks the engine asked for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineNames, enginesNamed } from '../../bench/lib/search-engines.ts';

describe('the search bench, engines chosen by name', () => {
  it('times every engine when none is named', () => {
    assert.deepEqual(enginesNamed(undefined), [...engineNames]);
    assert.deepEqual(enginesNamed(''), [...engineNames]);
  });

  it("keeps the table's order and reads names in any case, with spaces", () => {
    assert.deepEqual(enginesNamed(' Fuse, xiaodian '), ['xiaodian', 'fuse']);
  });

  it('refuses an unknown name, listing the known ones', () => {
    assert.throws(
      () => enginesNamed('xiaodian,minisaerch'),
      /Unknown search engine\(s\): minisaerch\. Engines: xiaodian, minisearch/,
    );
  });
});
