/**
 * The search filters and facet counts (search/facets.ts) on a small hand-made catalog, every count compared
 * whole: each filter at its edge, each facet leaving out its own filter and no other, price bands at their
 * edges, ties in a stable order. Without an index, so the file is quick for the mutation run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeFacets, passesFilters, priceBandEdges, type Product, type SearchQuery } from '@xiaodian/model';
import { product, shopA, shopB } from './hand-made-products.ts';

const catalog: Product[] = [
  product('1', { category: '服饰', minPrice: 0, guarantees: ['seven_day_return', 'free_shipping'] }),
  product('2', { category: '服饰', minPrice: 4_999, guarantees: ['seven_day_return'] }),
  product('3', { category: '食品', minPrice: 5_000, appid: shopB.appid, shop: shopB, guarantees: ['free_shipping'] }),
  product('4', { category: '食品', minPrice: 20_000, appid: shopB.appid, shop: shopB, availability: 'sold_out' }),
  product('5', { minPrice: 100_000, guarantees: ['worry_free', 'worry_free'] }),
];

describe('passesFilters', () => {
  it('passes everything for a query without filters, sold-out products too', () => {
    assert.deepEqual(
      catalog.filter((p) => passesFilters(p, { q: '' })).map((p) => p.productId),
      ['1', '2', '3', '4', '5'],
    );
  });

  it('takes each filter at its edge: shop, min and max price (inclusive), every guarantee, category, in stock', () => {
    const ids = (query: SearchQuery, except?: Parameters<typeof passesFilters>[2]) =>
      catalog.filter((p) => passesFilters(p, query, except)).map((p) => p.productId);
    assert.deepEqual(ids({ q: '', appid: shopB.appid }), ['3', '4']);
    assert.deepEqual(ids({ q: '', minPrice: 5_000 }), ['3', '4', '5']);
    assert.deepEqual(ids({ q: '', maxPrice: 5_000 }), ['1', '2', '3']);
    assert.deepEqual(ids({ q: '', minPrice: 4_999, maxPrice: 20_000 }), ['2', '3', '4']);
    assert.deepEqual(ids({ q: '', guarantees: ['seven_day_return'] }), ['1', '2']);
    assert.deepEqual(ids({ q: '', guarantees: ['seven_day_return', 'free_shipping'] }), ['1']);
    assert.deepEqual(ids({ q: '', guarantees: [] }), ['1', '2', '3', '4', '5']);
    assert.deepEqual(ids({ q: '', category: '食品' }), ['3', '4']);
    assert.deepEqual(ids({ q: '', inStock: true }), ['1', '2', '3', '5']);
    assert.deepEqual(ids({ q: '', inStock: false }), ['1', '2', '3', '4', '5']);
  });

  it('leaves out the one named filter and keeps the others', () => {
    const ids = (query: SearchQuery, except: Parameters<typeof passesFilters>[2]) =>
      catalog.filter((p) => passesFilters(p, query, except)).map((p) => p.productId);
    const all: SearchQuery = {
      q: '',
      appid: shopB.appid,
      minPrice: 5_000,
      maxPrice: 5_000,
      guarantees: ['free_shipping'],
      category: '食品',
    };
    assert.deepEqual(ids(all, undefined), ['3']);
    assert.deepEqual(ids({ ...all, appid: shopA.appid }, 'shop'), ['3']);
    assert.deepEqual(ids({ ...all, appid: shopA.appid }, 'price'), []);
    assert.deepEqual(ids({ ...all, minPrice: 0, maxPrice: 0 }, 'price'), ['3']);
    assert.deepEqual(ids({ ...all, minPrice: 0, maxPrice: 0 }, 'category'), []);
    assert.deepEqual(ids({ ...all, guarantees: ['worry_free'] }, 'guarantee'), ['3']);
    assert.deepEqual(ids({ ...all, guarantees: ['worry_free'] }, 'shop'), []);
    assert.deepEqual(ids({ ...all, category: '服饰' }, 'category'), ['3']);
    assert.deepEqual(ids({ ...all, category: '服饰' }, 'guarantee'), []);
    // In stock is no facet: it holds whichever facet is being counted.
    for (const except of ['category', 'shop', 'guarantee', 'price'] as const) {
      assert.deepEqual(ids({ q: '', inStock: true }, except), ['1', '2', '3', '5'], except);
    }
  });
});

describe('computeFacets', () => {
  it('counts every dimension over the matched products, most first, ties by value', () => {
    assert.deepEqual(computeFacets(catalog, { q: '' }), {
      category: [
        { value: '服饰', count: 2 },
        { value: '食品', count: 2 },
      ],
      shop: [
        { value: shopA.appid, name: '山野户外', count: 3 },
        { value: shopB.appid, name: '江南茶社', count: 2 },
      ],
      guarantee: [
        { value: 'free_shipping', count: 2 },
        { value: 'seven_day_return', count: 2 },
        // Listed twice by product 5, counted once.
        { value: 'worry_free', count: 1 },
      ],
      price: [
        { min: 0, max: 5_000, count: 2 },
        { min: 5_000, max: 10_000, count: 1 },
        { min: 20_000, max: 50_000, count: 1 },
        { min: 100_000, count: 1 },
      ],
    });
  });

  it('orders ties by value both ways round, whatever order the products came in', () => {
    const reversed = computeFacets([...catalog].reverse(), { q: '' });
    assert.deepEqual(
      reversed.category.map((c) => c.value),
      ['服饰', '食品'],
    );
    assert.deepEqual(
      reversed.guarantee.map((c) => c.value),
      ['free_shipping', 'seven_day_return', 'worry_free'],
    );
  });

  it('counts each dimension without its own filter but with every other', () => {
    const facets = computeFacets(catalog, { q: '', category: '服饰', appid: shopA.appid });
    // Category: the shop filter holds (products 1, 2, 5; 5 has no category), the category filter does not.
    assert.deepEqual(facets.category, [{ value: '服饰', count: 2 }]);
    // Shop: the category filter holds, the shop filter does not.
    assert.deepEqual(facets.shop, [{ value: shopA.appid, name: '山野户外', count: 2 }]);
    assert.deepEqual(facets.guarantee, [
      { value: 'seven_day_return', count: 2 },
      { value: 'free_shipping', count: 1 },
    ]);
    assert.deepEqual(facets.price, [{ min: 0, max: 5_000, count: 2 }]);

    // Category without its own filter: both categories, though only 服饰 is picked.
    assert.deepEqual(computeFacets(catalog, { q: '', category: '服饰' }).category, [
      { value: '服饰', count: 2 },
      { value: '食品', count: 2 },
    ]);

    const priced = computeFacets(catalog, { q: '', minPrice: 5_000, guarantees: ['free_shipping'] });
    assert.deepEqual(priced.price, [
      { min: 0, max: 5_000, count: 1 },
      { min: 5_000, max: 10_000, count: 1 },
    ]);
    assert.deepEqual(priced.guarantee, [
      { value: 'free_shipping', count: 1 },
      { value: 'worry_free', count: 1 },
    ]);
    assert.deepEqual(priced.category, [{ value: '食品', count: 1 }]);
  });

  it('puts a price on each band edge in the band it opens, and names a shop by its appid when it has no name', () => {
    const edges = priceBandEdges.map((edge, i) => product(`e${i}`, { minPrice: edge }));
    const justBelow = priceBandEdges.slice(1).map((edge, i) => product(`b${i}`, { minPrice: edge - 1 }));
    assert.deepEqual(computeFacets([...edges, ...justBelow], { q: '' }).price, [
      { min: 0, max: 5_000, count: 2 },
      { min: 5_000, max: 10_000, count: 2 },
      { min: 10_000, max: 20_000, count: 2 },
      { min: 20_000, max: 50_000, count: 2 },
      { min: 50_000, max: 100_000, count: 2 },
      { min: 100_000, count: 1 },
    ]);
    assert.deepEqual([...priceBandEdges], [0, 5_000, 10_000, 20_000, 50_000, 100_000]);
    assert.deepEqual(computeFacets([], { q: '' }), { category: [], shop: [], guarantee: [], price: [] });
  });
});
