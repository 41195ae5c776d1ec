import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, webStorageStore, type PersistentStore } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';

const demo = createDemoBackend();
const product = demo.products[0]!;
const ref = { appid: product.appid, productId: product.productId };

/** One `localStorage` shared by every client of the page, as in a browser. */
function sharedStorage(): { store: PersistentStore; keys: () => string[] } {
  const storage = new Map<string, string>();
  const store = webStorageStore({
    getItem: (key) => storage.get(key) ?? null,
    setItem: (key, value) => void storage.set(key, value),
    removeItem: (key) => void storage.delete(key),
  })!;
  return { store, keys: () => [...storage.keys()] };
}

/** A gateway that answers products from the demo catalog. */
async function answering(url: string): Promise<Response> {
  const asked = decodeURIComponent(new URL(url).searchParams.get('refs') ?? '').split(',');
  const results = await demo.getProducts(asked.map((r) => ({ appid: r.split(':')[0]!, productId: r.split(':')[1]! })));
  return Response.json({ items: results.map((result, i) => ({ ref: asked[i], ...result })) });
}

describe('persisted data belongs to its gateway', () => {
  it('does not serve a product saved from one gateway to a client of another', async () => {
    const { store } = sharedStorage();
    const first = createClient({ gateway: 'https://a.example', fetch: answering, cache: { store } });
    await first.getProduct(ref);

    const dead = createClient({
      gateway: 'https://b.example',
      retry: false,
      fetch: async () => Promise.reject(new TypeError('fetch failed')),
      cache: { store },
    });
    await assert.rejects(dead.getProduct(ref), { code: 'offline' });
  });

  it('serves it to the next visit of the same gateway, however its URL is written', async () => {
    const { store } = sharedStorage();
    await createClient({ gateway: 'https://a.example/api', fetch: answering, cache: { store } }).getProduct(ref);
    const again = createClient({
      gateway: 'https://a.example/api/',
      fetch: async () => Promise.reject(new TypeError('fetch failed')),
      cache: { store },
    });
    assert.equal((await again.getProduct(ref)).productId, product.productId);
  });

  it('keeps each gateway’s index of persisted keys apart', async () => {
    const { store, keys } = sharedStorage();
    await createClient({ gateway: 'https://a.example', fetch: answering, cache: { store } }).getProduct(ref);
    await createClient({ gateway: 'https://b.example', fetch: answering, cache: { store } }).getProduct(ref);
    await Promise.resolve();
    const indexes = keys().filter((key) => key.endsWith(':index'));
    assert.equal(indexes.length, 2);
  });
});
