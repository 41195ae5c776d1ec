/**
 * The requests the HTTP backend sends for each call, exactly: every search filter by its gateway name (a
 * filter dropped or renamed here is a filter the shopper set and the gateway never saw), shop pages with
 * their cursor, suggestions, shops. The client's tests checked answers, not these URLs; a coverage run of
 * them showed the shop-page and suggestion routes never taken. The gateway behind is the real one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import { createGatewayApp } from '@xiaodian/gateway';

const demo = createDemoBackend();
const app = createGatewayApp({ backend: demo, log: false, rateLimit: false });
const shop = demo.shops[0]!;

function recordingClient() {
  const urls: URL[] = [];
  const client = createClient({
    gateway: 'https://gw.test/',
    retry: false,
    fetch: async (url, init) => {
      urls.push(new URL(url));
      return app.request(url.replace('https://gw.test', ''), init);
    },
  });
  return { client, urls, last: () => urls.at(-1)! };
}

const query = (url: URL) => [...url.searchParams.entries()];

describe('the HTTP backend’s requests', () => {
  it('sends every search filter by its gateway name, each guarantee as its own parameter', async () => {
    const { client, last } = recordingClient();
    // Filters a real product passes, so the answer shows the gateway applied them.
    const product = demo.products[0]!;
    const page = await client.search({
      q: '防晒 衣',
      appid: product.appid,
      sort: 'price_asc',
      minPrice: product.minPrice - 100,
      maxPrice: product.maxPrice + 100,
      guarantees: product.guarantees,
      category: product.category,
      inStock: true,
      limit: 5,
    });
    assert.equal(last().pathname, '/v1/search');
    assert.deepEqual(query(last()), [
      ['q', '防晒 衣'],
      ['appid', product.appid],
      ['sort', 'price_asc'],
      ['min_price', String(product.minPrice - 100)],
      ['max_price', String(product.maxPrice + 100)],
      ...product.guarantees.map((guarantee) => ['guarantee', guarantee]),
      ['category', product.category!],
      ['in_stock', '1'],
      ['limit', '5'],
    ]);
    assert.ok(page.items.some((item) => item.ok && item.product.productId === product.productId));
  });

  it('leaves out what is not set, and in_stock when it is false', async () => {
    const { client, last } = recordingClient();
    await client.search({ q: '茶', inStock: false });
    assert.deepEqual(query(last()), [['q', '茶']]);
  });

  it("pages a shop's products with the cursor the last page gave", async () => {
    const { client, last } = recordingClient();
    const first = await client.listShopProducts({ appid: shop.appid }, { limit: 3 });
    assert.equal(last().pathname, `/v1/shops/${shop.appid}/products`);
    assert.deepEqual(query(last()), [['limit', '3']]);
    assert.equal(first.items.length, 3);
    assert.ok(first.nextCursor, 'a shop with more than three products has a next page');
    const second = await client.listShopProducts({ appid: shop.appid }, { limit: 3, cursor: first.nextCursor });
    assert.deepEqual(query(last()), [
      ['cursor', first.nextCursor],
      ['limit', '3'],
    ]);
    const ids = (page: typeof first) => page.items.map((item) => (item.ok ? item.product.productId : 'error'));
    assert.equal(
      ids(second).some((id) => ids(first).includes(id)),
      false,
      'the second page holds other products',
    );
  });

  it('asks for suggestions and a shop at their routes, and returns what the gateway answered', async () => {
    const { client, last } = recordingClient();
    const suggestions = await client.suggest('fang');
    assert.equal(last().pathname, '/v1/search/suggest');
    assert.deepEqual(query(last()), [['q', 'fang']]);
    assert.deepEqual(suggestions, await demo.suggest('fang'));
    const answered = await client.getShop({ appid: shop.appid });
    assert.equal(last().pathname, `/v1/shops/${shop.appid}`);
    assert.equal(answered.name, shop.name);
  });
});
