import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { warmUpQueries } from '@xiaodian/model/search';
import { scaledCatalog } from '../../bench/lib/search-catalog.ts';
import { searchQueries } from './search-queries.ts';

// Apart from search-warm-up.test.ts because it builds the bench's 100,000-product catalog (seconds) and never
// an index: in its own file, the mutation run does not run it for every mutant of the search index.
describe('search index warm-up on the bench catalog', () => {
  it('warms up with no query the bench times', () => {
    const suite = new Set(searchQueries.map((judged) => judged.query.q).filter((q) => q !== ''));
    const queries = warmUpQueries(scaledCatalog(100_000));
    assert.ok(queries.length > 100);
    assert.deepEqual(
      queries.filter((query) => suite.has(query.q)).map((query) => query.q),
      [],
    );
  });
});
