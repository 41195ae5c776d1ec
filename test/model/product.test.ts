import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  productFromWeChat,
  productSchema,
  statusName,
  wechatEnvelopeSchema,
  wechatProductSchema,
  upstreamError,
  type ShopSummary,
} from '@xiaodian/model';
import { wechatFixture } from '../fixtures.ts';

const shop: ShopSummary = {
  appid: 'wx3f8a2c1d9e7b6a54',
  name: '山野户外官方旗舰店',
  logoUrl: 'https://mmbiz.qpic.cn/x/0',
};

describe('WeChat product schema and mapper', () => {
  it('maps an on-sale product with three SKUs to the domain form', () => {
    const raw = wechatProductSchema.parse(wechatFixture('product_get.json')['product']);
    const product = productFromWeChat(raw, shop);
    assert.equal(product.productId, '10000201234567');
    assert.equal(product.minPrice, 19900);
    assert.equal(product.maxPrice, 23900);
    assert.equal(product.sales, 12876);
    assert.equal(product.availability, 'available');
    assert.deepEqual(product.guarantees, ['seven_day_return', 'freight_insurance']);
    assert.deepEqual(product.skus[0]?.attrs, [
      { key: '颜色', value: '月光白' },
      { key: '尺码', value: 'M' },
    ]);
    assert.equal(productSchema.safeParse(product).success, true);
  });

  it('keeps numeric ids as strings and marks a product with no stock sold out', () => {
    const payload = wechatFixture('product_get_soldout_numeric_ids.json');
    assert.equal(wechatEnvelopeSchema.parse(payload).errcode, 0, 'errcode "0" is success');
    const product = productFromWeChat(wechatProductSchema.parse(payload['product']), shop);
    assert.equal(product.productId, '10000201234568');
    assert.equal(typeof product.skus[0]?.skuId, 'string');
    assert.equal(product.availability, 'sold_out');
  });

  it('marks a delisted product unavailable', () => {
    const raw = wechatProductSchema.parse(wechatFixture('product_get_delisted.json')['product']);
    assert.equal(raw.status, 11);
    assert.equal(productFromWeChat(raw, shop).availability, 'unavailable');
  });

  it('names every documented status and keeps an unknown future one, not buyable', () => {
    assert.equal(statusName(5), 'on_sale');
    assert.equal(statusName(11), 'delisted');
    assert.equal(statusName(20), 'banned');
    assert.equal(statusName(99), 'unknown');
    const raw = wechatProductSchema.parse({ ...(wechatFixture('product_get.json')['product'] as object), status: 99 });
    const product = productFromWeChat(raw, shop);
    assert.equal(product.status, 99);
    assert.equal(product.availability, 'unavailable');
  });

  it('rejects a numeric id beyond 2^53 instead of rounding it', () => {
    const raw = { ...(wechatFixture('product_get.json')['product'] as object), product_id: 2 ** 53 + 2 };
    const result = wechatProductSchema.safeParse(raw);
    assert.equal(result.success, false);
    assert.match(String(result.error?.issues[0]?.message), /2\^53/);
  });

  it('rejects negative and fractional prices', () => {
    const base = wechatFixture('product_get.json')['product'] as { skus: Array<Record<string, unknown>> };
    for (const bad of [-1, 1.5]) {
      const raw = { ...base, skus: [{ ...base.skus[0], sale_price: bad }] };
      assert.equal(wechatProductSchema.safeParse(raw).success, false, `sale_price ${bad}`);
    }
  });

  it('splits the request id off an upstream errmsg', () => {
    const body = wechatFixture('error_product_not_found.json');
    const envelope = wechatEnvelopeSchema.parse(body);
    assert.deepEqual(upstreamError(envelope.errcode ?? 0, envelope.errmsg ?? ''), {
      errcode: 10020052,
      errmsg: '商品不存在',
      rid: '6745a1b4-11223344-55667788',
    });
  });
});
