import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend } from '@xiaodian/demo';
import { createSearchIndex, type SearchWork } from '@xiaodian/model/search';

/**
 * The index's hot paths held to their work, counted (`SearchWork`) rather than timed: counts do not
 * depend on how busy the machine is. And the shortcuts they take must not change a page.
 */
describe('search index work', () => {
  const { products } = createDemoBackend();
  const fresh = () => {
    const work: SearchWork = { postings: 0, checked: 0, scored: 0, titleScans: 0, titleSteps: 0 };
    return { work, index: createSearchIndex(products, { work }) };
  };

  it('reads no title a category word cannot be in, and scores no hit its shared texts already score', () => {
    const { work, index } = fresh();
    const page = index.search({ q: '美妆', limit: 10 });
    assert.ok(page.total > 300, 'a category word finds the whole category');
    assert.ok(work.postings >= page.total, 'the index counts the postings it reads');
    // No demo title says 美妆: every hit matched in its category, which is read once per distinct text.
    assert.equal(work.titleScans, 0);
    assert.ok(work.scored < page.total / 10, `${work.scored} hits scored one by one`);
  });

  it('rejects initials whose title lacks one of their pairs without reading that title', () => {
    const { work, index } = fresh();
    const page = index.search({ q: 'fsy', limit: 10 });
    // Each candidate is checked once per way to read the letters (`f s y`: one).
    assert.ok(page.total > 10 && work.checked >= page.total + 20, `${work.checked} candidates, ${page.total} hits`);
    assert.ok(work.titleScans < work.checked / 2, `${work.titleScans} titles read for ${work.checked} candidates`);
  });

  it('rejects initials whose title lacks one of their triples side by side without reading that title', () => {
    for (const q of ['fsy', 'dzx']) {
      const { work, index } = fresh();
      const page = index.search({ q, limit: 10 });
      assert.ok(
        page.total > 10 && work.checked >= page.total + 20,
        `${q}: ${work.checked} candidates, ${page.total} hits`,
      );
      // Titles are read to score hits and to highlight the page, and for no candidate.
      assert.ok(work.titleScans <= work.scored + 10, `${q}: ${work.titleScans} titles read, ${work.scored} scored`);
    }
  });

  it('checks a long query found in part once per candidate, not again for homophones no pair of it can make', () => {
    const { work, index } = fresh();
    const page = index.search({ q: '五常大米正宗', limit: 10 });
    assert.ok(page.total > 10 && page.hits.every((hit) => hit.kind === 'partial'), 'rice found in part');
    // Each hit is checked as typed; none has a pair, as typed or by sound, on a side of every character
    // (大米 yes, 正宗 no), so none can be a homophone match and none is read again for one.
    assert.ok(work.checked <= page.total, `${work.checked} checks for ${page.total} hits`);
  });

  it('gives every page the same products as one long page, in every sort', () => {
    const { index } = fresh();
    for (const q of ['美妆', '精华', '防晒衣', 'fsy', 't恤', '冲锋衣 女', '螺丝粉', 'upf', '茶']) {
      for (const sort of ['relevance', 'sales', 'price_asc', 'price_desc'] as const) {
        const long = index.search({ q, sort, limit: 24 }).items.map((product) => product.productId);
        const paged: string[] = [];
        for (const cursor of ['0', '8', '16']) {
          paged.push(...index.search({ q, sort, limit: 8, cursor }).items.map((product) => product.productId));
        }
        assert.deepEqual(paged, long, `${q} by ${sort}`);
        const first = index.search({ q, sort, limit: 1 }).items.map((product) => product.productId);
        assert.deepEqual(first, long.slice(0, 1), `${q} by ${sort}, first only`);
      }
    }
  });
});
