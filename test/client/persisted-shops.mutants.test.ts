/**
 * Shops and shop pages as the client checks them (found unguarded by the client's mutation run): a shop read
 * back from the persistent store serves a repeat visit with no request, one that no longer validates is
 * fetched again, and a malformed page of a shop's products is named in its error.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, webStorageStore } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import type { Page, Product, ProductSource, StorefrontBackend } from '@xiaodian/model';
import { memoryWebStorage } from './memory-web-storage.ts';

const demo = createDemoBackend();
const { appid } = demo.shops[0]!;

/** The demo's shops, each `getShop` call counted. */
function countingBackend() {
  const calls: string[] = [];
  const backend: ProductSource & Pick<StorefrontBackend, 'getShop'> = {
    getProducts: (refs, options) => demo.getProducts(refs, options),
    getShop: (id, options) => {
      calls.push(id);
      return demo.getShop(id, options);
    },
  };
  return { backend, calls };
}

describe('shops kept in the persistent store', () => {
  it('serves a repeat visit from storage with no request, and fetches again what no longer validates', async () => {
    const { data, storage } = memoryWebStorage();
    const first = countingBackend();
    const visit1 = createClient({ backend: first.backend, cache: { store: webStorageStore(storage) } });
    assert.equal((await visit1.getShop({ appid })).appid, appid);
    assert.deepEqual(first.calls, [appid]);

    const second = countingBackend();
    const visit2 = createClient({ backend: second.backend, cache: { store: webStorageStore(storage) } });
    assert.equal((await visit2.getShop({ appid })).appid, appid);
    assert.deepEqual(second.calls, [], 'a valid stored shop costs no request');

    const key = [...data.keys()].find((stored) => stored.endsWith(`shop:${appid}`));
    assert.ok(key, `the shop is stored under a key ending shop:${appid}`);
    const stored = JSON.parse(data.get(key)!) as { v: Record<string, unknown> };
    data.set(key, JSON.stringify({ ...stored, v: { ...stored.v, name: 42 } }));
    const third = countingBackend();
    const visit3 = createClient({ backend: third.backend, cache: { store: webStorageStore(storage) } });
    assert.equal(typeof (await visit3.getShop({ appid })).name, 'string');
    assert.deepEqual(third.calls, [appid], 'a stored shop that fails its check is fetched again');
  });
});

describe("a shop's product pages", () => {
  it('names the page of shop products in the error of one that fails its check', async () => {
    const client = createClient({
      backend: {
        getProducts: () => Promise.resolve([]),
        // Malformed on purpose: what a faulty backend might send.
        listShopProducts: async () => ({ items: 'none', total: 1 }) as unknown as Page<Product>,
      },
      retry: false,
    });
    await assert.rejects(client.listShopProducts({ appid }), {
      code: 'invalid_response',
      message: /^Shop product page failed validation/,
    });
  });
});
