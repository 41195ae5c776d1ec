import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend, buildDemoCatalog, demoShopSeeds } from '@xiaodian/demo';
import { productSchema } from '@xiaodian/model';

describe('demo catalog', () => {
  it('is deterministic: the same seed gives the same bytes, another seed differs', () => {
    assert.equal(JSON.stringify(buildDemoCatalog()), JSON.stringify(buildDemoCatalog()));
    assert.notEqual(JSON.stringify(buildDemoCatalog(1)), JSON.stringify(buildDemoCatalog(2)));
  });

  it('has a product for every line of every shop, each valid against the domain schema', () => {
    const backend = createDemoBackend();
    const lines = demoShopSeeds.reduce((sum, shop) => sum + shop.lines.length, 0);
    assert.equal(backend.products.length, lines);
    for (const product of backend.products)
      assert.equal(productSchema.safeParse(product).success, true, product.productId);
    assert.ok(
      backend.products.some((p) => p.availability === 'sold_out'),
      'some product is sold out',
    );
    assert.ok(
      backend.products.some((p) => p.minPrice !== p.maxPrice),
      'some product has a price range',
    );
  });

  it('answers each ref in order, with not_found for unknown ones', async () => {
    const backend = createDemoBackend();
    const [first] = backend.products;
    assert.ok(first);
    const results = await backend.getProducts([
      { appid: 'wx0000000000000000', productId: '1' },
      { appid: first.appid, productId: first.productId },
    ]);
    assert.equal(results[0]?.ok, false);
    assert.equal(results[0]?.ok === false && results[0].error.code, 'not_found');
    assert.equal(results[1]?.ok === true && results[1].product.productId, first.productId);
  });
});
