/**
 * The index's typed columns (search/doc-table.ts) on small hand-made catalogs, held to the plain
 * product-by-product definitions in facets.ts (tested on their own in facets.mutants.test.ts): every
 * filter's failure bit, facets for every filter alone and together, columns that grow past their first
 * size, more distinct guarantees than a mask holds. Without the demo catalog, so quick for the mutation run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeFacets, passesFilters, type Guarantee, type Product, type SearchQuery } from '@xiaodian/model';
import { DocTable } from '../../packages/model/src/search/doc-table.ts';
import { product, shopA, shopB } from './hand-made-products.ts';

const catalog: Product[] = [
  product('1', { category: '服饰', minPrice: 0, sales: 5, guarantees: ['seven_day_return', 'free_shipping'] }),
  product('2', { category: '服饰', minPrice: 4_999, guarantees: ['seven_day_return'] }),
  product('3', { category: '食品', minPrice: 5_000, appid: shopB.appid, shop: shopB, guarantees: ['free_shipping'] }),
  product('4', { category: '食品', minPrice: 20_000, appid: shopB.appid, shop: shopB, availability: 'sold_out' }),
  product('5', { minPrice: 100_000, guarantees: ['worry_free', 'worry_free'] }),
  product('6', { category: '服饰', minPrice: 50_000, availability: 'unavailable', guarantees: ['worry_free'] }),
];

const filterSets: Array<Omit<SearchQuery, 'q'>> = [
  {},
  { appid: shopA.appid },
  { appid: shopB.appid },
  { appid: 'wx0000000000000000' },
  { minPrice: 4_999 },
  { minPrice: 5_000 },
  { maxPrice: 5_000 },
  { maxPrice: 4_999 },
  { minPrice: 5_000, maxPrice: 20_000 },
  { guarantees: ['seven_day_return'] },
  { guarantees: ['seven_day_return', 'free_shipping'] },
  { guarantees: ['worry_free'] },
  // Asked for twice: still asked for.
  { guarantees: ['seven_day_return', 'seven_day_return'] },
  // On no product of the catalog.
  { guarantees: ['pay_after_use'] },
  { guarantees: ['free_shipping', 'pay_after_use'] },
  { category: '服饰' },
  { category: '食品' },
  { category: 'no such category' },
  { inStock: true },
  { inStock: false },
  { appid: shopA.appid, category: '服饰', guarantees: ['seven_day_return'], maxPrice: 4_999, inStock: true },
  { appid: shopB.appid, category: '服饰', minPrice: 1 },
];

function tableOf(products: readonly Product[]): DocTable {
  const table = new DocTable();
  products.forEach((p, doc) => table.set(doc, p));
  return table;
}

function assertSameAsFacetsTs(table: DocTable, products: readonly Product[], query: SearchQuery): void {
  const matched = Int32Array.from(products.keys());
  const plan = table.plan(query);
  const failed = table.failuresOf(matched, plan);
  const what = JSON.stringify(query);
  assert.deepEqual(
    [...failed].map((bits) => bits === 0),
    products.map((p) => passesFilters(p, query)),
    `who passes ${what}`,
  );
  assert.deepEqual(table.facets(matched, failed, plan), computeFacets(products, query), `facets of ${what}`);
}

describe('DocTable', () => {
  const table = tableOf(catalog);

  it('passes and counts as facets.ts does, for every filter alone and together', () => {
    for (const filters of filterSets) assertSameAsFacetsTs(table, catalog, { q: '', ...filters });
  });

  it('sets one bit per filter a product fails, and no other', () => {
    const bits = (doc: number, filters: Omit<SearchQuery, 'q'>) =>
      table.failures(doc, table.plan({ q: '', ...filters }));
    // Product 4: shop B, 食品, 200 yuan, no guarantee, sold out.
    assert.equal(bits(3, {}), 0);
    assert.equal(bits(3, { appid: shopA.appid }), 1, 'shop');
    assert.equal(bits(3, { maxPrice: 19_999 }), 2, 'price above the max');
    assert.equal(bits(3, { minPrice: 20_001 }), 2, 'price below the min');
    assert.equal(bits(3, { minPrice: 20_000, maxPrice: 20_000 }), 0, 'price on both edges');
    assert.equal(bits(3, { guarantees: ['free_shipping'] }), 4, 'guarantee');
    assert.equal(bits(3, { guarantees: ['pay_after_use'] }), 4, 'a guarantee no product has');
    assert.equal(bits(3, { category: '服饰' }), 8, 'category');
    assert.equal(bits(3, { category: '食品' }), 0);
    assert.equal(bits(3, { inStock: true }), 16, 'stock');
    assert.equal(
      bits(3, { appid: shopA.appid, maxPrice: 1, guarantees: ['worry_free'], category: '服饰', inStock: true }),
      31,
      'all five',
    );
    // Product 1 has both of two wanted guarantees; product 2 one of them.
    assert.equal(bits(0, { guarantees: ['seven_day_return', 'free_shipping'] }), 0);
    assert.equal(bits(1, { guarantees: ['seven_day_return', 'free_shipping'] }), 4);
    // A product without a category fails a category filter.
    assert.equal(bits(4, { category: '服饰' }), 8);
  });

  it('plans codes: an unknown shop or category matches nothing, a guarantee no product has is impossible', () => {
    const plan = table.plan({ q: '', appid: shopB.appid, category: '食品', guarantees: ['worry_free'] });
    assert.equal(plan.shop, 1);
    assert.equal(plan.category, 2, 'category code + 1');
    assert.equal(plan.impossibleGuarantee, false);
    assert.equal(plan.wide, false);
    assert.equal(plan.guarantees, 0b100, 'worry_free is the third guarantee seen');
    const unknown = table.plan({ q: '', appid: 'wx0000000000000000', category: '家居', guarantees: ['pay_after_use'] });
    assert.equal(unknown.shop, -1);
    assert.equal(unknown.category, -1, 'no product has it: not 0, which is "no category"');
    assert.equal(unknown.impossibleGuarantee, true);
    const none = table.plan({ q: '' });
    assert.equal(none.shop, undefined);
    assert.equal(none.category, undefined);
    assert.equal(none.guarantees, 0);
  });

  it('counts only the matched products, in any order, and names a shop as its last counted product does', () => {
    const renamed = [...catalog, product('7', { appid: shopB.appid, shop: { ...shopB, name: '江南茶社（新）' } })];
    const renamedTable = tableOf(renamed);
    for (const docs of [[6, 2, 3], [2, 3, 6], [0, 4], []]) {
      const matched = Int32Array.from(docs);
      const query: SearchQuery = { q: '' };
      const plan = renamedTable.plan(query);
      assert.deepEqual(
        renamedTable.facets(matched, renamedTable.failuresOf(matched, plan), plan),
        computeFacets(
          docs.map((doc) => renamed[doc]!),
          query,
        ),
        docs.join(','),
      );
    }
  });

  it('keeps every column through growth past its first 1,024 products', () => {
    const many = Array.from({ length: 2_500 }, (_, i) =>
      product(String(i), {
        minPrice: (i % 7) * 9_000,
        category: i % 3 === 0 ? undefined : `类目${i % 5}`,
        ...(i % 2 ? { appid: shopB.appid, shop: shopB } : {}),
        guarantees: i % 4 === 0 ? ['seven_day_return'] : [],
        availability: i % 11 === 0 ? 'sold_out' : 'available',
        sales: i,
      }),
    );
    const grownTable = tableOf(many);
    for (const filters of [{}, { appid: shopB.appid, inStock: true }, { guarantees: ['seven_day_return' as const] }]) {
      assertSameAsFacetsTs(grownTable, many, { q: '', ...filters });
    }
    assert.equal(grownTable.minPrice[2_499], (2_499 % 7) * 9_000);
    assert.equal(grownTable.sales[2_499], 2_499);
    assert.equal(grownTable.sales[5], 5, 'a value set before the first growth');
    assert.equal(grownTable.available[2_498], 1);
    assert.equal(grownTable.available[2_497], 0, '2,497 is a multiple of 11: sold out');
    assert.equal(grownTable.live[2_499], 1);
    assert.equal(grownTable.live[2_500] ?? 0, 0);
  });

  it('reads the products themselves when there are more distinct guarantees than a mask holds', () => {
    // Guarantee strings beyond the model's eight: a backend that passes WeChat's newer ones through.
    const extra = Array.from({ length: 40 }, (_, i) => `service_${i}` as Guarantee);
    const wide = extra.map((guarantee, i) =>
      product(String(i), {
        guarantees: [guarantee, extra[(i + 1) % 40]!],
        category: `类目${i % 3}`,
        minPrice: i * 2_000,
      }),
    );
    const wideTable = tableOf(wide);
    assert.equal(wideTable.plan({ q: '' }).wide, true);
    for (const filters of [
      {},
      { guarantees: [extra[0]!] },
      { guarantees: [extra[33]!, extra[34]!] },
      { guarantees: [extra[1]!, extra[33]!] },
    ]) {
      assertSameAsFacetsTs(wideTable, wide, { q: '', ...filters });
    }
    // Thirty-two distinct guarantees still fit.
    const narrow = tableOf(wide.slice(0, 31));
    assert.equal(narrow.plan({ q: '' }).wide, false);
    for (const filters of [{}, { guarantees: [extra[31]!] }, { guarantees: [extra[0]!, extra[1]!] }]) {
      assertSameAsFacetsTs(narrow, wide.slice(0, 31), { q: '', ...filters });
    }
  });
});
