// Kills StrykerJS mutants (npm run mutation -- model) in the search index that the demo-catalog tests
// let live: over six hand-built products every score, filter bound, sort, tie-break, page and
// suggestion order below is known exactly, so a changed weight or comparison changes an answer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XiaodianError, type Product } from '@xiaodian/model';
import { createSearchIndex } from '@xiaodian/model/search';

const appid = 'wx3f8a2c1d9e7b6a54';
const other = 'wx0000000000000001';

function product(productId: string, fields: Partial<Product>): Product {
  return {
    appid,
    productId,
    title: '商品',
    images: ['https://example.com/p.jpg'],
    minPrice: 1000,
    maxPrice: 1000,
    sales: 0,
    status: 5,
    availability: 'available',
    guarantees: [],
    skus: [],
    shop: { appid, name: '某店', logoUrl: 'https://example.com/logo.jpg' },
    ...fields,
  };
}

// "茶" is in: a's short title (weight 4), b's title (3), c's category (2), d's shop name (1.5), e's title
// (3, sold out), f's title (but f is off sale, never searchable).
const products: Product[] = [
  product('1', { title: '杯子', shortTitle: '茶杯', minPrice: 3000, sales: 5, guarantees: ['seven_day_return'] }),
  product('2', { title: '红茶', minPrice: 1500, sales: 50, guarantees: ['seven_day_return', 'freight_insurance'] }),
  product('3', { title: '壶', category: '茶具', minPrice: 1500, sales: 50 }),
  product('4', {
    appid: other,
    title: '水杯',
    minPrice: 800,
    sales: 900,
    shop: { appid: other, name: '茶馆', logoUrl: 'https://example.com/l.jpg' },
  }),
  product('5', { title: '绿茶', minPrice: 2000, sales: 999, availability: 'sold_out' }),
  product('6', { title: '白茶', minPrice: 100, sales: 10_000, availability: 'unavailable' }),
];

const ids = (items: readonly Product[]) => items.map((item) => item.productId);

describe('search index scores, filters and sorts (hand-built catalog)', () => {
  const index = createSearchIndex(products);

  it('indexes only what can be bought or comes back', () => {
    assert.equal(index.size, 5);
    assert.deepEqual(ids(index.search({ q: '白茶' }).items), []);
  });

  it('ranks by where the word was found, then in stock before sold out, then sales, then id', () => {
    // a: short title 4; b: title 3; e: title 3 but sold out; c: category 2; d: shop 1.5 (it sells more).
    assert.deepEqual(ids(index.search({ q: '茶' }).items), ['1', '2', '5', '3', '4']);
  });

  it('adds the scores of every query token and keeps a token at its best field per product', () => {
    // "茶杯": a has 茶杯 in its short title (4); d has 水杯 in its title but 茶 only in the shop name: no bigram.
    assert.deepEqual(ids(index.search({ q: '茶杯' }).items), ['1']);
    // Two words: both must match; a matches 杯子 (title 3) and 茶杯 (short title 4).
    assert.deepEqual(ids(index.search({ q: '茶杯 杯子' }).items), ['1']);
    assert.deepEqual(ids(index.search({ q: '杯' }).items), ['1', '4']);
  });

  it('returns everything searchable for an empty query, ordered by stock then sales', () => {
    assert.deepEqual(ids(index.search({ q: '' }).items), ['4', '2', '3', '1', '5']);
  });

  it('filters by shop, by price bounds inclusive, and by every required guarantee', () => {
    assert.deepEqual(ids(index.search({ q: '茶', appid: other }).items), ['4']);
    assert.deepEqual(ids(index.search({ q: '茶', minPrice: 1500 }).items), ['1', '2', '5', '3']);
    assert.deepEqual(ids(index.search({ q: '茶', maxPrice: 1500 }).items), ['2', '3', '4']);
    assert.deepEqual(ids(index.search({ q: '茶', minPrice: 1501, maxPrice: 2999 }).items), ['5']);
    assert.deepEqual(ids(index.search({ q: '茶', guarantees: ['seven_day_return'] }).items), ['1', '2']);
    assert.deepEqual(ids(index.search({ q: '茶', guarantees: ['seven_day_return', 'freight_insurance'] }).items), [
      '2',
    ]);
  });

  it('filters by category: a category no product has finds nothing, not the products without one', () => {
    // Only product 3 has a category (茶具); the others have none.
    assert.deepEqual(ids(index.search({ q: '茶', category: '茶具' }).items), ['3']);
    assert.deepEqual(ids(index.search({ q: '茶', category: '家居' }).items), []);
    assert.equal(index.search({ q: '', category: '家居' }).total, 0);
  });

  it('sorts by sales, and by price both ways with sales then id breaking ties', () => {
    assert.deepEqual(ids(index.search({ q: '茶', sort: 'sales' }).items), ['5', '4', '2', '3', '1']);
    assert.deepEqual(ids(index.search({ q: '茶', sort: 'price_asc' }).items), ['4', '2', '3', '5', '1']);
    assert.deepEqual(ids(index.search({ q: '茶', sort: 'price_desc' }).items), ['1', '5', '2', '3', '4']);
    assert.deepEqual(ids(index.search({ q: '茶', sort: 'relevance' }).items), ['1', '2', '5', '3', '4']);
  });

  it('pages with offset cursors and a clamped limit, and says how many there are', () => {
    const first = index.search({ q: '茶', limit: 2 });
    assert.deepEqual(ids(first.items), ['1', '2']);
    assert.equal(first.total, 5);
    assert.equal(first.nextCursor, '2');
    const last = index.search({ q: '茶', limit: 2, cursor: '4' });
    assert.deepEqual(ids(last.items), ['4']);
    assert.equal('nextCursor' in last, false);
    const exact = index.search({ q: '茶', limit: 5 });
    assert.equal('nextCursor' in exact, false, 'no cursor when the page ends exactly at the last hit');
    assert.deepEqual(ids(index.search({ q: '茶', limit: 0 }).items), ['1'], 'a limit below 1 is 1');
    assert.equal(index.search({ q: '', limit: 500 }).items.length, 5);
    assert.deepEqual(ids(index.search({ q: '茶', cursor: '' }).items), ['1', '2', '5', '3', '4']);
    for (const cursor of ['abc', '-1', '12345678', '1.5']) {
      assert.throws(
        () => index.search({ q: '茶', cursor }),
        (error: unknown) => error instanceof XiaodianError && error.code === 'bad_request',
        cursor,
      );
    }
    assert.deepEqual(ids(index.search({ q: '茶', cursor: '1234567' }).items), []);
  });

  it('caps a page at 50 and defaults it to 20', () => {
    const many = Array.from({ length: 60 }, (_, i) => product(String(100 + i), { title: '茶' }));
    const big = createSearchIndex(many);
    assert.equal(big.search({ q: '茶' }).items.length, 20);
    assert.equal(big.search({ q: '茶', limit: 51 }).items.length, 50);
  });
});

describe('search suggestions', () => {
  const index = createSearchIndex(products, {
    suggestions: [
      { text: '茶叶', kind: 'query', popularity: 60 },
      { text: '红茶', kind: 'query', popularity: 1 },
      { text: '茶杯', kind: 'query', popularity: 1 },
    ],
  });

  it('lists texts starting with the prefix first, most popular first, then alphabetical on ties', () => {
    // 茶杯: 1 (query) + 5 (a's short title) = 6; 茶叶 60; 茶具 50 (c's category); 茶馆 900 (d's shop).
    assert.deepEqual(index.suggest('茶'), [
      { text: '茶馆', kind: 'shop' },
      { text: '茶叶', kind: 'query' },
      { text: '茶具', kind: 'category' },
      { text: '茶杯', kind: 'query' },
    ]);
  });

  it('adds texts containing a prefix of two or more characters after those starting with it', () => {
    assert.deepEqual(index.suggest('红茶'), [{ text: '红茶', kind: 'query' }]);
    // "茶" alone never matches inside a text: 红茶 is not suggested for it.
    assert.equal(
      index.suggest('茶').some((s) => s.text === '红茶'),
      false,
    );
    const contains = createSearchIndex([], {
      suggestions: [
        { text: '冰红茶', kind: 'query', popularity: 100 },
        { text: '红茶包', kind: 'query', popularity: 1 },
      ],
    });
    assert.deepEqual(
      contains.suggest('红茶').map((s) => s.text),
      ['红茶包', '冰红茶'],
    );
  });

  it('folds case, width and spaces, answers nothing for a blank prefix, and stops at maxSuggestions', () => {
    const latin = createSearchIndex([], {
      suggestions: [
        { text: 'Tea Cup', kind: 'query', popularity: 2 },
        { text: 'tea pot', kind: 'query', popularity: 3 },
        { text: 'Teapot stand', kind: 'query', popularity: 1 },
      ],
      maxSuggestions: 2,
    });
    assert.deepEqual(
      latin.suggest('  ＴＥＡ ').map((s) => s.text),
      ['tea pot', 'Tea Cup'],
    );
    assert.deepEqual(latin.suggest('   '), []);
    const tied = createSearchIndex([], {
      suggestions: [
        { text: 'tea b', kind: 'query', popularity: 5 },
        { text: 'tea a', kind: 'query', popularity: 5 },
      ],
    });
    assert.deepEqual(
      tied.suggest('tea').map((s) => s.text),
      ['tea a', 'tea b'],
      'equal popularity: alphabetical',
    );
    assert.equal(createSearchIndex(products).suggest('茶').length, 3, 'default maximum is 10; 3 exist');
    const eleven = createSearchIndex([], {
      suggestions: Array.from({ length: 11 }, (_, i) => ({ text: `茶${i}`, kind: 'query' as const, popularity: i })),
    });
    assert.equal(eleven.suggest('茶').length, 10);
  });

  it('names the kind of each suggestion by where it came from', () => {
    const kinds = createSearchIndex([
      product('1', { shortTitle: '茶壶', category: '茶具', shop: { appid, name: '茶庄', logoUrl: 'https://e.com/l' } }),
    ]);
    assert.deepEqual(kinds.suggest('茶'), [
      { text: '茶具', kind: 'category' },
      { text: '茶壶', kind: 'product' },
      { text: '茶庄', kind: 'shop' },
    ]);
  });

  it('counts a text once, adding the popularity of each source, and skips empty texts', () => {
    const merged = createSearchIndex(
      [
        product('1', { category: '茶具', sales: 3 }),
        product('2', { category: '茶具', sales: 4 }),
        product('3', { category: '茶盘', sales: 6 }),
        product('4', { category: '', shortTitle: '' }),
      ],
      { suggestions: [{ text: '茶具', kind: 'category', popularity: 0 }] },
    );
    assert.deepEqual(
      merged.suggest('茶').map((s) => s.text),
      ['茶具', '茶盘'],
      '3 + 4 outsells 6',
    );
    assert.equal(merged.suggest('茶').filter((s) => s.text === '茶具').length, 1);
  });
});
