import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend } from '@xiaodian/demo';
import { XiaodianError, formatRefLink } from '@xiaodian/model';

const backend = createDemoBackend();
const [first] = backend.products;
const shop = backend.shops[0]!;

describe('demo backend', () => {
  it('answers each ref in order, with not_found for unknown ones and aborted once the caller gave up', async () => {
    const results = await backend.getProducts([
      { appid: 'wx0000000000000000', productId: '1' },
      { appid: first!.appid, productId: first!.productId },
    ]);
    assert.equal(results[0]?.ok === false && results[0].error.code, 'not_found');
    assert.equal(results[1]?.ok === true && results[1].product.productId, first!.productId);
    const controller = new AbortController();
    controller.abort();
    const aborted = await backend.getProducts([first!], { signal: controller.signal });
    assert.equal(aborted[0]?.ok === false && aborted[0].error.code, 'aborted');
    await assert.rejects(backend.getShop(shop.appid, { signal: controller.signal }), { code: 'aborted' });
  });

  it('serves shops and pages through a shop’s products on sale, best sellers first', async () => {
    assert.equal((await backend.getShop(shop.appid)).name, '山野户外官方旗舰店');
    await assert.rejects(
      backend.getShop('wx0000000000000000'),
      (error: unknown) => error instanceof XiaodianError && error.code === 'not_found',
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let total = 0;
    do {
      const page = await backend.listShopProducts(shop.appid, { limit: 25, ...(cursor ? { cursor } : {}) });
      total = page.total;
      assert.ok(page.items.every((product) => product.appid === shop.appid && product.status === 5));
      seen.push(...page.items.map((product) => product.productId));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total, 'no product twice across pages');
    assert.equal(total, shop.productsOnSale);
    const firstPage = await backend.listShopProducts(shop.appid, { limit: 50 });
    const sales = firstPage.items.map((product) => product.sales);
    assert.deepEqual(
      sales,
      [...sales].sort((a, b) => b - a),
    );
    await assert.rejects(backend.listShopProducts(shop.appid, { cursor: 'x' }), { code: 'bad_request' });
  });

  it('resolves WeChat short links, canonical links and APPID:ID, each link on its own', async () => {
    const productLink = first!.h5Url!;
    const promoterLink = productLink.replace('channels.weixin.qq.com', 'store.weixin.qq.com');
    const answers = await backend.resolveLinks([
      productLink,
      promoterLink,
      shop.h5Url!,
      formatRefLink({ kind: 'product', appid: first!.appid, productId: first!.productId }, 'https://gw.example'),
      `https://gw.example/l/${backend.liveRooms[0]}`,
      'https://channels.weixin.qq.com/shop/a/NoSuchCode',
      'https://gw.example/p/wx3f8a2c1d9e7b6a54/99999',
      'not a link at all',
    ]);
    assert.deepEqual(answers.slice(0, 5), [
      { ok: true, ref: { kind: 'product', appid: first!.appid, productId: first!.productId } },
      { ok: true, ref: { kind: 'product', appid: first!.appid, productId: first!.productId } },
      { ok: true, ref: { kind: 'shop', appid: shop.appid } },
      { ok: true, ref: { kind: 'product', appid: first!.appid, productId: first!.productId } },
      { ok: true, ref: { kind: 'live', finderUserName: backend.liveRooms[0] } },
    ]);
    assert.deepEqual(
      answers.slice(5).map((answer) => !answer.ok && answer.error.code),
      ['not_found', 'not_found', 'invalid_ref'],
    );
  });
});
