import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, webStorageStore } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';

const demo = createDemoBackend();

describe('data crosses into the client only through a check', () => {
  it('never serves a list entry found in storage: lists are memory only and re-asked', async () => {
    const storage = new Map<string, string>();
    const forged = JSON.stringify({
      t: Date.now(),
      v: { items: [{ ok: true, product: '<img src=x onerror=alert(1)>' }], total: 1 },
    });
    // Whatever the namespace, a list read from storage would be trusted as already checked.
    for (const prefix of ['xd:v1:', 'xd:v1:in-process:']) storage.set(`${prefix}search:{"q":"茶"}`, forged);
    const store = webStorageStore({
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
      removeItem: (key) => void storage.delete(key),
    })!;
    let searches = 0;
    const client = createClient({
      cache: { store },
      backend: {
        getProducts: (refs, options) => demo.getProducts(refs, options),
        search(query, options) {
          searches += 1;
          return demo.search(query, options);
        },
      },
    });
    const page = await client.search({ q: '茶' });
    assert.equal(searches, 1);
    assert.ok(page.items.every((item) => item.ok && typeof item.product.title === 'string'));
  });

  it('checks a page envelope, not only its items: a negative total or a numeric cursor is invalid_response', async () => {
    for (const envelope of [{ total: -1 }, { total: 1, nextCursor: 5 }, { total: 'many' }]) {
      const client = createClient({
        backend: {
          getProducts: (refs, options) => demo.getProducts(refs, options),
          search: async () => ({ items: [], ...envelope }) as never,
        },
      });
      await assert.rejects(client.search({ q: '茶' }), { code: 'invalid_response' }, JSON.stringify(envelope));
    }
  });

  it('turns a link resolution with a malformed error into invalid_response, never an unknown code', async () => {
    const client = createClient({
      gateway: 'https://gateway.example',
      retry: false,
      fetch: async () =>
        Response.json({
          items: [
            { source: 'https://store.weixin.qq.com/shop/a/abc123', ok: false, error: { code: 'bogus', message: 1 } },
          ],
        }),
    });
    const [item] = await client.resolveArticle('<a href="https://store.weixin.qq.com/shop/a/abc123">x</a>');
    assert.ok(item && !item.ok);
    assert.equal(item.error.code, 'invalid_response');
  });
});
