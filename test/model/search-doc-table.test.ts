// The index counts facets and applies filters from typed per-product columns (doc-table.ts); these
// tests hold those columns to the plain product-by-product definitions in facets.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend } from '@xiaodian/demo';
import { computeFacets, passesFilters, type Product, type SearchQuery } from '@xiaodian/model';
import { createSearchIndex } from '@xiaodian/model/search';

const { products } = createDemoBackend();
const index = createSearchIndex(products);
const searchable = products.filter((product) => product.availability !== 'unavailable');
const appid = products[0]!.appid;

/** Texts that match many, few and every product, with every filter alone and together. */
const texts = ['', '茶', '防晒衣', 'fsy', '美妆', 'upf5', 'zzzz'];
const filterSets: Array<Omit<SearchQuery, 'q'>> = [
  {},
  { appid },
  { appid: 'wx0000000000000000' },
  { minPrice: 5_000, maxPrice: 30_000 },
  { guarantees: ['seven_day_return', 'freight_insurance'] },
  // No demo product offers 免运费: nothing passes, and the other facets still count.
  { guarantees: ['free_shipping'] },
  { category: '服饰' },
  { category: 'no such category' },
  { inStock: true },
  { appid, minPrice: 10_000, guarantees: ['seven_day_return'], category: '运动户外', inStock: true },
];

describe('search facets and filters from typed columns', () => {
  it('counts every facet as computeFacets does over the matched products, each without its own filter', () => {
    for (const q of texts) {
      // Every product the text matches, whatever the filters: page through the unfiltered result.
      const matched = new Set<Product>();
      let cursor: string | undefined;
      do {
        const page = index.search({ q, limit: 50, ...(cursor ? { cursor } : {}) });
        for (const item of page.items) matched.add(item);
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(matched.size, index.search({ q }).total);
      for (const filters of filterSets) {
        const query = { q, ...filters };
        const page = index.search(query);
        assert.deepEqual(page.facets, computeFacets(matched, query), JSON.stringify(query));
        assert.equal(
          page.total,
          [...matched].filter((product) => passesFilters(product, query)).length,
          JSON.stringify(query),
        );
      }
    }
  });

  it('lists every searchable product that passes the filters for an empty query', () => {
    for (const filters of filterSets) {
      const query = { q: '', ...filters };
      const expected = searchable.filter((product) => passesFilters(product, query)).length;
      assert.equal(index.search(query).total, expected, JSON.stringify(query));
    }
  });
});
