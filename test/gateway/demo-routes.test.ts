import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend } from '@xiaodian/demo';
import { createGatewayApp, startGateway } from '@xiaodian/gateway';
import {
  healthResponseSchema,
  liveEventSchema,
  liveResponseSchema,
  liveRoomSchema,
  productPageResponseSchema,
  productSchema,
  productsResponseSchema,
  resolveResponseSchema,
  shopResponseSchema,
  shopSchema,
  suggestResponseSchema,
} from '@xiaodian/model';

// What `npm start` serves: the gateway over the demo catalog. Every route's answer must validate against
// the model's schemas, item by item.

const backend = createDemoBackend();
const app = createGatewayApp({ backend, assets: (path) => backend.renderImage(path), log: false, rateLimit: false });
const json = async (path: string) => {
  const response = await app.request(path);
  assert.equal(response.status, 200, path);
  return response.json();
};
const validProducts = (items: unknown[]) => {
  for (const item of items)
    assert.equal(productSchema.safeParse(item).success, true, JSON.stringify(item).slice(0, 200));
};

describe('the gateway over the demo catalog', () => {
  it('answers every v1 route with data the model accepts', async () => {
    const refs = backend.products.slice(0, 50).map((p) => `${p.appid}:${p.productId}`);
    const products = productsResponseSchema.parse(await json(`/v1/products?refs=${refs.join(',')}`));
    assert.equal(products.items.length, 50);
    validProducts(products.items.map((item) => item['product']));

    for (const shop of backend.shops) {
      assert.equal(
        shopSchema.safeParse(shopResponseSchema.parse(await json(`/v1/shops/${shop.appid}`)).shop).success,
        true,
      );
    }
    const page = productPageResponseSchema.parse(await json(`/v1/shops/${backend.shops[5]!.appid}/products?limit=50`));
    assert.ok(page.items.length > 0 && page.total >= page.items.length);
    validProducts(page.items);

    // Each filter and the sort must reach the catalog (a gateway dropping one still answers a valid page):
    // the answer is the catalog's own for the same query, and every item obeys it.
    const search = productPageResponseSchema.parse(
      await json(
        `/v1/search?q=${encodeURIComponent('防晒')}&sort=price_asc&min_price=10000&guarantee=freight_insurance&limit=20`,
      ),
    );
    validProducts(search.items);
    const expected = await backend.search({
      q: '防晒',
      sort: 'price_asc',
      minPrice: 10000,
      guarantees: ['freight_insurance'],
      limit: 20,
    });
    assert.ok(search.items.length > 1);
    assert.equal(search.total, expected.total);
    assert.deepEqual(
      search.items.map((item) => (item as { productId: string }).productId),
      expected.items.map((item) => item.productId),
    );
    const found = search.items.map((item) => productSchema.parse(item));
    for (const product of found) {
      assert.ok(product.minPrice >= 10000, `${product.productId} costs ${product.minPrice} fen`);
      assert.ok(product.guarantees.includes('freight_insurance'), product.productId);
    }
    const prices = found.map((product) => product.minPrice);
    assert.deepEqual(
      prices,
      [...prices].sort((a, b) => a - b),
    );
    const unfiltered = productPageResponseSchema.parse(await json(`/v1/search?q=${encodeURIComponent('防晒')}`));
    assert.ok(unfiltered.total > search.total, 'the filters leave fewer products than the words alone');
    const suggestions = suggestResponseSchema.parse(await json(`/v1/search/suggest?q=${encodeURIComponent('精华')}`));
    assert.ok(suggestions.suggestions.length > 0);

    for (const name of backend.liveRooms) {
      assert.equal(
        liveRoomSchema.safeParse(liveResponseSchema.parse(await json(`/v1/lives/${name}`)).live).success,
        true,
      );
    }

    const first = backend.products[0]!;
    const resolved = await app.request('/v1/resolve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        html: `<p>${first.title}<a href="${first.h5Url}">买</a></p><store-home appid="${first.appid}"></store-home><a href="https://channels.weixin.qq.com/shop/a/gone0000">x</a>`,
      }),
    });
    const { items } = resolveResponseSchema.parse(await resolved.json());
    assert.deepEqual(
      items.map((item) => item.ok),
      [true, true, false],
    );
    assert.equal(productSchema.safeParse(items[0]!['product']).success, true);
    assert.equal(shopSchema.safeParse(items[1]!['shop']).success, true);

    healthResponseSchema.parse(await json('/healthz'));
  });

  it('serves the catalog’s pictures as cacheable SVG, and 404s for anything else', async () => {
    const picture = await app.request(backend.products[0]!.images[0]!);
    assert.equal(picture.status, 200);
    assert.equal(picture.headers.get('content-type'), 'image/svg+xml');
    assert.match(picture.headers.get('cache-control') ?? '', /max-age=86400/);
    assert.match(await picture.text(), /^<svg/);
    const again = await app.request(backend.products[0]!.images[0]!, {
      headers: { 'if-none-match': picture.headers.get('etag')! },
    });
    assert.equal(again.status, 304);
    assert.equal((await app.request('/demo-images/products/1.svg')).status, 404);
    assert.equal((await app.request('/demo-images/..%2F..%2Fetc%2Fpasswd')).status, 404);
  });

  it('streams a demo live room over SSE with events the model accepts', async () => {
    const gateway = await startGateway({ backend, port: 0, log: false });
    const controller = new AbortController();
    try {
      const response = await fetch(`${gateway.url}/v1/lives/sphQingquanTea/events`, { signal: controller.signal });
      assert.equal(response.status, 200);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const deadline = Date.now() + 10_000;
      while (!/^data: /m.test(text)) {
        if (Date.now() > deadline) throw new Error('no live event within 10 s');
        const { value, done } = await reader.read();
        if (done) throw new Error('stream closed');
        text += value;
      }
      const data = /^data: (.*)$/m.exec(text)![1]!;
      assert.equal(liveEventSchema.safeParse(JSON.parse(data)).success, true, data);
    } finally {
      controller.abort();
      await gateway.close();
    }
  });
});
