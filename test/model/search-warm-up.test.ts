import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend } from '@xiaodian/demo';
import type { MatchKind } from '@xiaodian/model';
import { createSearchIndex, warmUpQueries, type SearchWork } from '@xiaodian/model/search';
import { searchQueries } from './search-queries.ts';

/**
 * A new index runs a few queries of its own before its first real one, so that V8 has optimised the
 * query paths (a fresh index otherwise answers its first hundred queries several times slower). They
 * must reach every kind of match, come from the products and change nothing a caller can see; on the
 * bench's catalog none of them is a query the bench times (search-warm-up-bench.test.ts; on the small demo
 * catalog the suite's words are its commonest titles, so some coincide there).
 */
describe('search index warm-up', () => {
  const { products } = createDemoBackend();

  it('warms up with queries made from its own products that reach every kind of match', () => {
    const queries = warmUpQueries(products);
    const index = createSearchIndex(products, { warmUp: false });
    const kinds = new Set<MatchKind>();
    for (const query of queries) for (const hit of index.search(query).hits) kinds.add(hit.kind);
    for (const kind of ['exact', 'pinyin', 'initials', 'mixed', 'latin', 'fuzzy', 'homophone', 'partial'] as const) {
      assert.ok(kinds.has(kind), `no warm-up query finds a ${kind} match`);
    }
    assert.deepEqual(warmUpQueries(products), queries, 'the same products give the same queries');
  });

  it('changes no answer and counts no work', () => {
    const counted = () => ({ postings: 0, checked: 0, scored: 0, titleScans: 0, titleSteps: 0 }) as SearchWork;
    const coldWork = counted();
    const warmWork = counted();
    const cold = createSearchIndex(products, { warmUp: false, work: coldWork });
    const warm = createSearchIndex(products, { work: warmWork });
    assert.deepEqual(warmWork, coldWork, 'nothing counted while building');
    for (const { query } of searchQueries) {
      assert.deepEqual(warm.search(query), cold.search(query), JSON.stringify(query));
    }
    assert.deepEqual(warmWork, coldWork);
  });
});
