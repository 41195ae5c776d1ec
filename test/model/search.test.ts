import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend } from '@xiaodian/demo';
import { matchKinds, type Product } from '@xiaodian/model';
import { createSearchIndex } from '@xiaodian/model/search';

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

describe('search index: how a query matched, and what to highlight', () => {
  const { products } = createDemoBackend();
  const index = createSearchIndex(products);
  const top = (q: string) => {
    const page = index.search({ q, limit: 1 });
    const product = page.items[0]!;
    const hit = page.hits[0]!;
    return { kind: hit.kind, highlighted: hit.titleRanges.map(([start, end]) => product.title.slice(start, end)) };
  };

  it('names the match kind, in the order of confidence, and highlights the title for pinyin and typos too', () => {
    assert.deepEqual(top('防晒衣'), { kind: 'exact', highlighted: ['防晒衣'] });
    assert.deepEqual(top('fang shai yi'), { kind: 'pinyin', highlighted: ['防晒衣'] });
    assert.deepEqual(top('fsy'), { kind: 'initials', highlighted: ['防晒衣'] });
    assert.deepEqual(top('防晒yi'), { kind: 'mixed', highlighted: ['防晒衣'] });
    assert.deepEqual(top('ＵＰＦ５'), { kind: 'latin', highlighted: ['UPF5'] });
    assert.deepEqual(top('vibarm'), { kind: 'fuzzy', highlighted: ['Vibram'] });
    assert.deepEqual(top('螺丝粉'), { kind: 'homophone', highlighted: ['螺蛳粉'] });
    assert.deepEqual(top('羽絨服'), { kind: 'traditional', highlighted: ['羽绒服'] });
    assert.equal(top('螺蛳粉好吃').kind, 'partial');
  });

  it('finds a four-character homophone typo in the first place as it finds one inside (篮牙耳机 for 蓝牙耳机)', () => {
    // Four characters or more take the homophone pass that skips products without a pair by sound on
    // a side of every character: the first character has a pair on one side only.
    const ids = (q: string) => index.search({ q, limit: 50 }).items.map((product) => product.productId);
    const exact = ids('蓝牙耳机');
    assert.ok(exact.length > 10, `蓝牙耳机 finds ${exact.length}`);
    assert.deepEqual(ids('篮牙耳机'), exact);
    assert.deepEqual(ids('蓝牙耳肌'), exact);
    assert.deepEqual(top('篮牙耳机'), { kind: 'homophone', highlighted: ['蓝牙耳机', '蓝牙'] });
  });

  it('reads a query of more than 30 characters (one matcher at a time) as it reads a shorter one (all at once)', () => {
    const product = products.find((item) => item.title.startsWith('山野 Shanye 防晒衣女'))!;
    const words = product.title.match(/\p{Script=Han}+/gu)!;
    for (const length of [30, 31]) {
      // The title's Chinese words run together, then a character the catalog does not have.
      const q = words.join('').padEnd(length, '龘');
      const page = index.search({ q, limit: 50 });
      const at = page.items.findIndex((item) => item.productId === product.productId);
      assert.ok(at >= 0, `${q} finds the product`);
      assert.equal(page.hits[at]!.kind, 'partial');
      assert.deepEqual(
        page.hits[at]!.titleRanges.map(([start, end]) => product.title.slice(start, end)),
        words,
      );
    }
  });

  it('ranks an exact match above a partial one for a query longer than the title', () => {
    const page = index.search({ q: '防晒衣女', limit: 50 });
    const kinds = page.hits.map((hit) => hit.kind);
    assert.equal(kinds[0], 'exact');
    assert.ok(kinds.includes('partial'), 'products with 防晒衣 but not 女 still answer');
    assert.deepEqual(
      kinds,
      [...kinds].sort((a, b) => matchKinds.indexOf(a) - matchKinds.indexOf(b)),
    );
  });

  it('answers nothing for what the catalog does not sell, and suggests a close query that has results', () => {
    for (const q of ['火箭发动机', 'iphone', 'zzzz', '汽车轮胎']) assert.equal(index.search({ q }).total, 0, q);
    const misspelt = index.search({ q: '防晒衫' });
    assert.equal(misspelt.total, 0);
    // One character off a phrase the catalog uses (防晒衣 or 防晒乳), and that query has results.
    assert.match(misspelt.didYouMean ?? '', /^防晒.$/);
    assert.ok(index.search({ q: misspelt.didYouMean! }).total > 0);
    assert.equal(index.search({ q: '防晒衣' }).didYouMean, undefined);
  });

  it('counts facets for the query, each without its own filter', () => {
    const all = index.search({ q: '防晒衣' });
    const inClothes = index.search({ q: '防晒衣', category: '服饰', limit: 1 });
    // The category facet ignores the category filter: it still shows the other category's count.
    assert.deepEqual(inClothes.facets.category, all.facets.category);
    assert.ok(inClothes.facets.category.length >= 2);
    const clothes = inClothes.facets.category.find((facet) => facet.value === '服饰')!;
    assert.equal(inClothes.total, clothes.count);
    // The shop facet does apply the category filter.
    assert.equal(
      inClothes.facets.shop.reduce((sum, shop) => sum + shop.count, 0),
      clothes.count,
    );
    const bands = inClothes.facets.price;
    assert.equal(
      bands.reduce((sum, band) => sum + band.count, 0),
      inClothes.total,
    );
  });

  it('suggests by pinyin prefix and initials as well as by Chinese prefix, and takes traditional characters', async () => {
    const demo = createDemoBackend();
    const texts = async (prefix: string) => (await demo.suggest(prefix)).map((s) => s.text);
    assert.ok((await texts('fang')).includes('防晒衣'));
    assert.ok((await texts('fsy')).includes('防晒衣'));
    assert.ok((await texts('羽絨')).includes('羽绒服'));
    assert.deepEqual(await texts('zzzz'), []);
  });

  it('adds, replaces and removes one product without a rebuild', () => {
    const small = createSearchIndex(products.slice(0, 50));
    const size = small.size;
    const base = products.find((product) => product.availability === 'available')!;
    const added = { ...base, productId: '99999999', title: '山野 火箭背包 超轻' };
    small.upsert(added);
    assert.equal(small.size, size + 1);
    assert.deepEqual(
      small.search({ q: 'huojian' }).items.map((product) => product.productId),
      ['99999999'],
    );
    small.upsert({ ...added, title: '山野 银河背包 超轻' });
    assert.equal(small.size, size + 1);
    assert.equal(small.search({ q: '火箭' }).total, 0, 'the old title no longer matches');
    assert.equal(small.search({ q: '银河' }).total, 1);
    small.upsert({ ...added, title: '山野 银河背包 超轻', availability: 'unavailable' });
    assert.equal(small.search({ q: '银河' }).total, 0, 'a product taken off sale leaves search');
    small.upsert({ ...added, title: '山野 银河背包 超轻' });
    small.remove(added);
    assert.equal(small.size, size);
    assert.equal(small.search({ q: '银河' }).total, 0);
    small.remove({ appid: added.appid, productId: 'nothing' });
    assert.equal(small.size, size);
  });
});
