/**
 * The warm-up's queries (search/warm-up.ts) from small hand-made catalogs, compared whole: which products it
 * draws from, and each kind of query it makes of them (worked out by hand from the titles below). Without an
 * index, so the file is quick for the mutation run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Product } from '@xiaodian/model';
import { warmUpProducts, warmUpQueries } from '../../packages/model/src/search/warm-up.ts';

function product(productId: string, title: string, shopName: string, category?: string): Product {
  return {
    appid: 'wxaaaaaaaaaaaaaaaa',
    productId,
    title,
    images: [],
    minPrice: 100,
    maxPrice: 100,
    sales: 0,
    status: 5,
    availability: 'available',
    guarantees: [],
    skus: [],
    shop: { appid: 'wxaaaaaaaaaaaaaaaa', name: shopName, logoUrl: '' },
    ...(category === undefined ? {} : { category }),
  };
}

/** The queries every warm-up ends with: letters and traditional characters no catalog has, the empty box. */
const closing = [{ q: 'qxzqxzqxz' }, { q: '這個那個' }, { q: '' }];

describe('warmUpQueries', () => {
  it('draws from the middle of each stretch and makes every kind of query of each product drawn', () => {
    const catalog = [
      product('0', '新款', '甲店'),
      product('1', '防晒衣女款UPF50', '山野户外', '服饰'),
      product('2', '冰丝防晒袖套', '夏日', '服饰'),
      product('3', '蓝牙耳机Vibram', '声学'),
      product('4', '方便面', '食堂', '食品'),
    ];
    // Two of five: stretches of two, so products 1 and 3.
    assert.deepEqual(warmUpQueries(catalog, 2), [
      { q: '防晒' },
      { q: '防晒衣', sort: 'sales' },
      // Five characters of the title and the first of the next product drawn: longer than any title.
      { q: '防晒衣女款蓝' },
      { q: 'fangshaiyi' },
      { q: 'fang shai yi', inStock: true },
      { q: 'fsy' },
      { q: '防晒yi' },
      { q: '防晒衣 服饰', cursor: '10' },
      // Ten letters of pinyin: the fourth dropped and an x added, two edits.
      { q: 'fanshaiyix' },
      { q: '山野户外', sort: 'price_desc' },
      { q: '', category: '服饰' },
      { q: '蓝牙' },
      { q: '蓝牙耳', sort: 'sales' },
      { q: '蓝牙耳机防' },
      { q: 'lanyaer' },
      { q: 'lan ya er', inStock: true },
      { q: 'lye' },
      { q: '蓝牙er' },
      // No category: the word after the space is empty. Seven letters of pinyin: too short for a typo.
      { q: '蓝牙耳 ', cursor: '10' },
      { q: '声学', sort: 'price_desc' },
      // Latin words of four letters or more: a prefix, and the third and fourth letters swapped.
      { q: 'upf', sort: 'price_asc' },
      { q: 'up5f' },
      { q: 'vib', sort: 'price_asc' },
      { q: 'virb' },
      ...closing,
    ]);
  });

  it('makes a homophone of the middle character when another drawn title has one, and no Latin query without words', () => {
    const catalog = [product('a', '防晒衣', '甲'), product('b', '筛子米', '乙', '食品')];
    assert.deepEqual(warmUpQueries(catalog, 2), [
      { q: '防晒' },
      { q: '防晒衣', sort: 'sales' },
      { q: '防晒衣筛' },
      { q: 'fangshaiyi' },
      { q: 'fang shai yi', inStock: true },
      { q: 'fsy' },
      { q: '防晒yi' },
      { q: '防晒衣 ', cursor: '10' },
      // 筛 reads shai, as 晒 does.
      { q: '防筛衣' },
      { q: 'fanshaiyix' },
      { q: '甲', sort: 'price_desc' },
      { q: '筛子' },
      { q: '筛子米', sort: 'sales' },
      { q: '筛子米防' },
      { q: 'shaizimi' },
      { q: 'shai zi mi', inStock: true },
      { q: 'szm' },
      { q: '筛子mi' },
      { q: '筛子米 食品', cursor: '10' },
      // Eight letters, the least a two-edit typo needs.
      { q: 'shazimix' },
      { q: '乙', sort: 'price_desc' },
      { q: '', category: '食品' },
      ...closing,
    ]);
  });

  it(`draws ${warmUpProducts} products by default, each from the middle of its stretch, and all of a smaller catalog`, () => {
    const shopsOf = (catalog: Product[], count?: number) =>
      warmUpQueries(catalog, count)
        .filter((query) => query.sort === 'price_desc')
        .map((query) => query.q);
    const names = Array.from({ length: 64 }, (_, i) => `店${i}`);
    const big = names.map((name, i) => product(String(i), '新款', name));
    assert.equal(warmUpProducts, 16);
    assert.deepEqual(
      shopsOf(big),
      Array.from({ length: 16 }, (_, i) => `店${4 * i + 2}`),
    );
    assert.deepEqual(shopsOf(big, 4), ['店8', '店24', '店40', '店56']);
    assert.deepEqual(shopsOf(big.slice(0, 5)), ['店0', '店1', '店2', '店3', '店4']);
    // Stretches of one product start at the first.
    assert.deepEqual(shopsOf(big.slice(0, 3), 3), ['店0', '店1', '店2']);
    // Eleven in stretches of three: a fourth would fit at 10, but three were asked for.
    assert.deepEqual(shopsOf(big.slice(0, 11), 3), ['店1', '店4', '店7']);
    assert.deepEqual(warmUpQueries([]), closing);
  });

  it('takes Latin words from the rest of the catalog when the drawn titles have none, at most two, each once', () => {
    const catalog = [
      product('0', '新款Polartec', '甲'),
      product('1', '新款', '乙'),
      product('2', '新款 abc 9tex5 2024 Gore-Tex', '丙'),
      product('3', '新款GORE', '丁'),
      product('4', '新款Vibram', '戊'),
    ];
    const latin = warmUpQueries(catalog, 1).filter((query) => /^[a-z0-9]+$/.test(query.q) && query.q !== 'qxzqxzqxz');
    // Product 2 is drawn (the middle of one stretch of five) and its words come first: abc is too short, 9tex5
    // and 2024 start with a digit, so gore; then the catalog from the start (polartec), and no third.
    assert.deepEqual(latin, [
      { q: 'gor', sort: 'price_asc' },
      { q: 'goer' },
      { q: 'pol', sort: 'price_asc' },
      { q: 'poal' },
    ]);
    // Each word once: the drawn product comes round again in the catalog, and product 3 has the same word.
    const repeated = [
      product('0', '新款', '甲'),
      product('1', '新款', '乙'),
      product('2', '新款Gore', '丙'),
      product('3', '新款GORE', '丁'),
      product('4', '新款Vibram', '戊'),
    ];
    assert.deepEqual(
      warmUpQueries(repeated, 1).filter((query) => query.sort === 'price_asc'),
      [
        { q: 'gor', sort: 'price_asc' },
        { q: 'vib', sort: 'price_asc' },
      ],
    );
  });
});
