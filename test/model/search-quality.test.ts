import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend } from '@xiaodian/demo';
import { queryClasses, scoreSuite, searchQueries } from './search-queries.ts';

// The index against the query suite (test/model/search-queries.ts) over the demo catalog.

describe('search quality on the query suite', () => {
  it('has at least 100 judged queries in at least 10 classes', () => {
    assert.ok(searchQueries.length >= 100, `${searchQueries.length} queries`);
    assert.ok(queryClasses.length >= 10);
    for (const klass of queryClasses)
      assert.ok(
        searchQueries.some((query) => query.class === klass),
        klass,
      );
  });

  it('ranks a relevant product first or close: MRR ≥ 0.90 overall and ≥ 0.85 per class; no no-hit query answered', async () => {
    const demo = createDemoBackend();
    const score = await scoreSuite(demo.products, async (query) => (await demo.search(query)).items);
    const report = [
      `overall ${score.overall.toFixed(3)}`,
      ...queryClasses.map((klass) => `${klass} ${score.byClass[klass].toFixed(3)}`),
      ...score.misses.map(
        ({ query, rank, first }) => `miss ${JSON.stringify(query.query)} rank ${rank} first ${first}`,
      ),
    ].join('\n');
    assert.ok(score.overall >= 0.9, report);
    for (const klass of queryClasses) assert.ok(score.byClass[klass] >= 0.85, `${klass}\n${report}`);
    assert.equal(score.byClass.no_hit, 1, report);
  });
});
