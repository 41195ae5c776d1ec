import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as clientPackage from '@xiaodian/client';
import { XiaodianError, createClient, type ShopRef } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';

const demo = createDemoBackend();
const product = demo.products[0]!;

describe('what the client makes public', () => {
  it('keeps its cache, emit and backend off the client object', () => {
    const client = createClient({ backend: demo });
    assert.equal('core' in client, false);
    for (const key of Object.keys(client)) assert.doesNotMatch(key, /^(core|cache|emit|backend)$/);
  });

  it('hands out stats read-only: writing to them neither succeeds nor changes the counters', async () => {
    const client = createClient({ backend: demo });
    await client.getProduct(product);
    const stats = client.stats as { requests: number };
    assert.throws(() => {
      stats.requests = 99;
    }, TypeError);
    assert.equal(client.stats.requests, 1);
  });

  it('exports XiaodianError and its codes, and the errors it rejects with are instances of it', async () => {
    assert.equal(clientPackage.XiaodianError, XiaodianError);
    assert.ok(clientPackage.errorCodes.includes('not_found'));
    assert.ok(clientPackage.errorCodes.includes('misconfigured'));
    const client = createClient({ backend: demo });
    await assert.rejects(client.getProduct({ appid: 'wx0000000000000000', productId: '42' }), (error: unknown) => {
      assert.ok(error instanceof XiaodianError);
      assert.equal(error.code, 'not_found');
      return true;
    });
  });
});

describe('one ref shape across the client', () => {
  const shop = demo.shops[0]!;

  it('reads a shop, its products and a live room by ref objects, as it reads a product', async () => {
    const client = createClient({ backend: demo });
    assert.equal((await client.getShop({ appid: shop.appid })).appid, shop.appid);
    assert.equal((await client.readShop({ appid: shop.appid })).value.appid, shop.appid);
    assert.ok((await client.listShopProducts({ appid: shop.appid }, { limit: 2 })).items.length > 0);
    const room = demo.liveRooms[0]!;
    assert.equal((await client.getLive({ finderUserName: room })).finderUserName, room);
  });

  it('rejects a bare string with invalid_ref saying which shape the method takes', async () => {
    const client = createClient({ backend: demo });
    const asString = shop.appid as unknown as ShopRef;
    await assert.rejects(client.getShop(asString), (error: unknown) => {
      assert.ok(error instanceof XiaodianError);
      assert.equal(error.code, 'invalid_ref');
      assert.match(error.message, /getShop takes a ref object \{appid\}/);
      return true;
    });
    await assert.rejects(client.getLive('sphShanyeOutdoor' as never), { code: 'invalid_ref' });
    assert.throws(() => client.subscribeLive('sphShanyeOutdoor' as never, () => undefined), { code: 'invalid_ref' });
  });

  it('rejects a malformed product ref before any request', async () => {
    let requests = 0;
    const client = createClient({
      backend: {
        getProducts: (refs, options) => {
          requests += 1;
          return demo.getProducts(refs, options);
        },
      },
    });
    await assert.rejects(client.getProduct({ appid: 'WX3F8A2C1D9E7B6A54', productId: '1' }), { code: 'invalid_ref' });
    await assert.rejects(client.getProduct({ appid: product.appid } as never), /Invalid product id "undefined"/);
    await assert.rejects(client.getProduct(`${product.appid}:${product.productId}` as never), { code: 'invalid_ref' });
    assert.equal(requests, 0);
  });
});

describe('XiaodianError.from', () => {
  it('returns a XiaodianError as is, rebuilds an error body, and wraps anything else as upstream', () => {
    const original = new XiaodianError('timeout', 'slow');
    assert.equal(XiaodianError.from(original), original);
    const rebuilt = XiaodianError.from({
      code: 'rate_limited',
      message: 'slow down',
      upstream: { errcode: 45009, errmsg: 'x' },
    });
    assert.equal(rebuilt.code, 'rate_limited');
    assert.equal(rebuilt.upstream?.errcode, 45009);
    const wrapped = XiaodianError.from(new TypeError('socket hang up'));
    assert.equal(wrapped.code, 'upstream');
    assert.equal(wrapped.message, 'socket hang up');
    assert.ok(wrapped.cause instanceof TypeError);
    assert.equal(XiaodianError.from('plain text', 'internal').code, 'internal');
  });

  it('does not trust an object that only looks like an error body', () => {
    assert.equal(XiaodianError.from({ code: 'no_such_code', message: 'x' }).code, 'upstream');
    assert.equal(XiaodianError.from({ code: 'not_found', message: 42 }).code, 'upstream');
    assert.equal(XiaodianError.from({ code: 'not_found', message: 'x', upstream: 'bad' }).code, 'upstream');
  });
});
