/**
 * Link patterns, the link finder's trimming, money and the domain schemas, at the edges the model's mutation
 * run found unguarded (text-links.ts, money.ts, json-schemas.ts, domain/product.ts, domain/search.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  browserJsonSchemas,
  canonicalLinkPattern,
  findTextLinks,
  formatFen,
  isGuarantee,
  productSchema,
  shortLinkPattern,
  type Product,
} from '@xiaodian/model';

const appid = 'wx0b1c2d3e4f5a6b7c';

describe('the link patterns', () => {
  it('take a WeChat short link with a query or a fragment, and nothing glued after its code', () => {
    assert.equal(shortLinkPattern.test('https://store.weixin.qq.com/shop/a/c?from=article'), true);
    assert.equal(shortLinkPattern.test('https://store.weixin.qq.com/shop/a/c#top'), true);
    assert.equal(shortLinkPattern.test('https://store.weixin.qq.com/shop/a/Zz9.html'), false);
  });

  it('take canonical links over http too, under a base path, for a 视频号 name of any length', () => {
    for (const link of [
      `http://gw.example/s/${appid}`,
      `https://gw.example/api/v1/s/${appid}`,
      'https://gw.example/l/sphShanyeOutdoor',
      `https://gw.example/p/${appid}/10000201?from=article`,
    ]) {
      assert.equal(canonicalLinkPattern.test(link), true, link);
    }
    assert.equal(canonicalLinkPattern.test(`https://gw.example/s/${appid}0`), false, 'a seventeenth digit');
    assert.equal(canonicalLinkPattern.test(`https://gw.example/s/${appid}.png`), false);
  });
});

describe('the links found in text', () => {
  const store = 'https://store.weixin.qq.com/shop/a/Zz9';

  it('keeps a closing parenthesis the link opened, and drops only the ones it did not', () => {
    const found = (text: string) => findTextLinks(text).map((link) => link.link);
    assert.deepEqual(found(`见 ${store}?k=(a) 。`), [`${store}?k=(a)`]);
    assert.deepEqual(found(`见 (${store}?k=(a))`), [`${store}?k=(a)`]);
    assert.deepEqual(found(`见 ((${store}?k=(a)))`), [`${store}?k=(a)`]);
    assert.deepEqual(found(`(见 ${store}).`), [store], 'the full stop after the parenthesis, then the parenthesis');
  });

  it('finds a link at the very start of the text, and one written with http', () => {
    const link = `http://gw.example/s/${appid}`;
    assert.deepEqual(findTextLinks(`${link} 看看`), [{ start: 0, end: link.length, link }]);
  });
});

describe('money', () => {
  it('says what it was given when it is not an amount in fen', () => {
    assert.throws(() => formatFen(12.5), { name: 'RangeError', message: 'Not an amount in fen: 12.5' });
    assert.throws(() => formatFen('100' as never), { message: 'Not an amount in fen: 100' });
  });
});

describe('the domain schemas', () => {
  it('keep every field of a product, its SKUs, its shop and its affiliate terms', () => {
    const product: Product = {
      appid,
      productId: '10000201',
      title: '轻薄防晒衣',
      images: ['https://mmecimage.cn/p/1.jpg'],
      minPrice: 8900,
      maxPrice: 9900,
      sales: 3,
      status: 5,
      availability: 'available',
      guarantees: ['seven_day_return'],
      skus: [{ skuId: '2001', price: 8900, stock: 3, attrs: [{ key: '颜色', value: '白' }], image: 'https://x/s.jpg' }],
      shop: { appid, name: '山野户外', logoUrl: 'https://wx.qlogo.cn/s/1' },
      affiliate: { commissionRatio: 0.2, promotionLink: 'https://store.weixin.qq.com/p/x' },
    };
    assert.deepEqual(productSchema.parse(product), product);
    const broken = (change: (copy: Product) => void) => {
      const copy = structuredClone(product) as Product;
      change(copy);
      return productSchema.safeParse(copy).success;
    };
    assert.equal(
      broken((copy) => delete (copy.skus[0]!.attrs[0] as { key?: string }).key),
      false,
    );
    assert.equal(
      broken((copy) => delete (copy.skus[0] as { skuId?: string }).skuId),
      false,
    );
    assert.equal(
      broken((copy) => delete (copy.shop as { name?: string }).name),
      false,
    );
    assert.equal(
      broken((copy) => (copy.affiliate!.commissionRatio = 0.95)),
      false,
    );
  });

  it('name the guarantees a search filter takes', () => {
    assert.equal(isGuarantee('seven_day_return'), true);
    assert.equal(isGuarantee('free_lunch'), false);
  });

  it('are draft-07 JSON Schema for the browser validators: a title range is an items tuple, not prefixItems', () => {
    const text = JSON.stringify(browserJsonSchemas().searchPage);
    assert.equal(text.includes('prefixItems'), false);
    assert.match(text, /"titleRanges":\{"type":"array","items":\{"type":"array","items":\[/);
  });
});
