// Kills StrykerJS mutants (npm run mutation -- client) in ref-args.ts: each method that takes a ref says which
// shape it takes and what it got instead, in words a developer can act on, before any request is made.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, XiaodianError, type XiaodianClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';

const demo = createDemoBackend();

/** A client over the demo that counts the requests reaching its backend. */
function countingClient() {
  let requests = 0;
  const count = <T>(value: T): T => {
    requests += 1;
    return value;
  };
  const client = createClient({
    backend: {
      getProducts: (refs, options) => count(demo.getProducts(refs, options)),
      getShop: (appid, options) => count(demo.getShop(appid, options)),
      listShopProducts: (appid, page, options) => count(demo.listShopProducts(appid, page, options)),
      getLive: (name, options) => count(demo.getLive(name, options)),
    },
    retry: false,
  });
  return { client, requests: () => requests };
}

type Call = (client: XiaodianClient, ref: unknown) => Promise<unknown>;

const calls: Record<string, Call> = {
  getProduct: (client, ref) => client.getProduct(ref as never),
  getShop: (client, ref) => client.getShop(ref as never),
  listShopProducts: (client, ref) => client.listShopProducts(ref as never),
  getLive: (client, ref) => client.getLive(ref as never),
};

async function invalidRefMessage(method: string, ref: unknown): Promise<string> {
  const { client, requests } = countingClient();
  const error = await calls[method]!(client, ref).then(
    () => assert.fail(`${method} accepted ${String(ref)}`),
    (thrown: unknown) => thrown,
  );
  assert.ok(error instanceof XiaodianError);
  assert.equal(error.code, 'invalid_ref');
  assert.equal(requests(), 0, `${method} made a request for a bad ref`);
  return error.message;
}

describe('a value that is not a ref object', () => {
  for (const [method, shape] of [
    ['getProduct', '{appid, productId}'],
    ['getShop', '{appid}'],
    ['listShopProducts', '{appid}'],
    ['getLive', '{finderUserName}'],
  ] as const) {
    it(`${method} names its shape and quotes the string it got`, async () => {
      assert.equal(
        await invalidRefMessage(method, 'wx123'),
        `${method} takes a ref object ${shape}, not the string "wx123"`,
      );
    });

    it(`${method} names null, undefined and numbers as they are`, async () => {
      assert.equal(await invalidRefMessage(method, null), `${method} takes a ref object ${shape}, not null`);
      assert.equal(await invalidRefMessage(method, undefined), `${method} takes a ref object ${shape}, not undefined`);
      assert.equal(await invalidRefMessage(method, 42), `${method} takes a ref object ${shape}, not 42`);
    });
  }
});

describe('a ref object without its field', () => {
  for (const [method, shape, field] of [
    ['getShop', '{appid}', 'appid'],
    ['listShopProducts', '{appid}', 'appid'],
    ['getLive', '{finderUserName}', 'finderUserName'],
  ] as const) {
    it(`${method} names the missing "${field}", and one that is not text counts as missing`, async () => {
      const expected = `${method} takes a ref object ${shape}; "${field}" is missing`;
      assert.equal(await invalidRefMessage(method, {}), expected);
      assert.equal(await invalidRefMessage(method, { [field]: 7 }), expected);
    });
  }

  it('a ref object with its field is read, one request', async () => {
    const { client, requests } = countingClient();
    const shop = demo.shops[0]!;
    assert.equal((await client.getShop({ appid: shop.appid })).appid, shop.appid);
    const room = demo.liveRooms[0]!;
    assert.equal((await client.getLive({ finderUserName: room })).finderUserName, room);
    assert.equal(requests(), 2);
  });
});
