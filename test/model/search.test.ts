import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend } from '@xiaodian/demo';
import { createSearchIndex, indexTokens, queryTokens, type Product } from '@xiaodian/model';

describe('search tokens', () => {
  it('indexes Han runs as characters and bigrams, Latin runs as lowercase words', () => {
    assert.deepEqual([...indexTokens('防晒衣 UPF50+')], ['防', '防晒', '晒', '晒衣', '衣', 'upf50']);
    assert.deepEqual(queryTokens('防晒衣'), ['防晒', '晒衣']);
    assert.deepEqual(queryTokens('茶'), ['茶']);
    assert.deepEqual(queryTokens('  ＵＰＦ50 冲锋衣 '), ['upf50', '冲锋', '锋衣'], 'full-width letters fold');
    assert.deepEqual(queryTokens('!!!'), []);
  });
});

describe('search index over the demo catalog', () => {
  const { products } = createDemoBackend();
  const index = createSearchIndex(products);

  it('finds every word of the query, best matches first, and never shows what cannot be bought', () => {
    const page = index.search({ q: '冲锋衣', limit: 50 });
    assert.ok(page.total > 10);
    for (const product of page.items) {
      assert.ok(`${product.title}${product.shortTitle ?? ''}`.includes('冲锋衣'), product.title);
      assert.notEqual(product.availability, 'unavailable');
    }
    assert.equal(index.search({ q: '冲锋衣 足金' }).total, 0, 'every token must match');
    assert.equal(index.search({ q: 'zzzz' }).total, 0);
    // Matches in the short title outrank matches in the title alone.
    const top = index.search({ q: '精华', limit: 1 }).items[0]!;
    assert.ok(top.shortTitle?.includes('精华'));
  });

  it('filters by shop, price (fen) and guarantees, and sorts with stable tie-breaks', () => {
    const appid = products[0]!.appid;
    const filtered = index.search({
      q: '',
      appid,
      minPrice: 10_000,
      maxPrice: 50_000,
      guarantees: ['seven_day_return', 'freight_insurance'],
      sort: 'price_asc',
      limit: 50,
    });
    assert.ok(filtered.items.length > 0);
    for (const product of filtered.items) {
      assert.equal(product.appid, appid);
      assert.ok(product.minPrice >= 10_000 && product.minPrice <= 50_000);
      assert.ok(product.guarantees.includes('seven_day_return') && product.guarantees.includes('freight_insurance'));
    }
    const prices = filtered.items.map((product) => product.minPrice);
    assert.deepEqual(
      prices,
      [...prices].sort((a, b) => a - b),
    );
    const bySales = index.search({ q: '茶', sort: 'sales', limit: 50 }).items.map((product) => product.sales);
    assert.deepEqual(
      bySales,
      [...bySales].sort((a, b) => b - a),
    );
    const descending = index.search({ q: '茶', sort: 'price_desc', limit: 50 }).items.map((p) => p.minPrice);
    assert.deepEqual(
      descending,
      [...descending].sort((a, b) => b - a),
    );
  });

  it('pages with cursors: every hit once, in order, then no cursor', () => {
    const all = index.search({ q: '礼盒', limit: 50 });
    const paged: Product[] = [];
    let cursor: string | undefined;
    do {
      const page = index.search({ q: '礼盒', limit: 7, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(paged.length, all.total);
    assert.deepEqual(
      paged.slice(0, all.items.length).map((p) => p.productId),
      all.items.map((p) => p.productId),
    );
    assert.throws(() => index.search({ q: '礼盒', cursor: 'abc' }), { code: 'bad_request' });
  });

  it('suggests categories, shops, products and typed queries by prefix', async () => {
    const demo = createDemoBackend();
    const kinds = async (prefix: string) => (await demo.suggest(prefix)).map((s) => s.kind);
    assert.ok((await demo.suggest('防晒')).some((s) => s.text === '防晒衣' && s.kind === 'query'));
    assert.ok((await kinds('山野')).includes('shop'));
    assert.ok((await kinds('美')).includes('category'));
    assert.ok((await demo.suggest('精华')).length > 0);
    assert.ok((await demo.suggest('防')).length <= 10);
    assert.deepEqual(await demo.suggest('   '), []);
  });

  // Guards the mutation "suggestions in catalogue order": membership alone passed with no sort at all.
  it('orders suggestions most popular first (summed sales), prefix matches before matches inside', () => {
    const base = products[0]!;
    const item = (productId: string, shortTitle: string, sales: number, category: string, shop: string): Product => ({
      ...base,
      productId,
      shortTitle,
      sales,
      category,
      shop: { ...base.shop, name: shop },
    });
    const tea = createSearchIndex(
      [
        item('1', '茶杯', 50, '茶具', '茶语小店'),
        item('2', '茶叶礼盒', 10, '茶叶', '茶语小店'),
        item('3', '茶盘', 300, '茶具', '老茶坊'),
        item('4', '花茶', 900, '花草茶', '花间集'),
      ],
      { suggestions: [{ text: '茶几', kind: 'query', popularity: 100 }] },
    );
    assert.deepEqual(
      tea.suggest('茶').map((s) => s.text),
      // Popularity sums sales per text: 茶具 (category) 50 + 300, 茶语小店 (shop) 50 + 10. Ties go by text.
      ['茶具', '茶盘', '茶几', '茶语小店', '茶杯', '茶叶', '茶叶礼盒'],
    );
    // Two characters or more also match inside a text, after every prefix match however popular.
    assert.deepEqual(
      createSearchIndex([item('5', '花茶礼包', 5, '茶礼', '礼品店'), item('6', '茶礼套装', 1, '杂货', '小铺')])
        .suggest('茶礼')
        .map((s) => s.text),
      ['茶礼', '茶礼套装', '花茶礼包'],
    );
  });
});
