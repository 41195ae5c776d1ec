import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildCatalog, catalogDate, categories, createDemoBackend, defaultSeed, offSaleStatuses } from '@xiaodian/demo';
import { linkedAccountLimit, productSchema, shopSchema } from '@xiaodian/model';

const backend = createDemoBackend();
const { products, shops } = backend;
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('demo catalog', () => {
  it('is deterministic: the same seed gives the same bytes, another seed differs', () => {
    const url = (path: string) => `/demo-images/${path}`;
    const once = buildCatalog(defaultSeed, url);
    const again = buildCatalog(defaultSeed, url);
    assert.equal(digest([once.shops, once.products]), digest([again.shops, again.products]));
    assert.notEqual(digest(buildCatalog(1, url).products), digest(once.products));
  });

  it('has at least 30 shops of both subject types, certified and not, with DSR scores of 4.2–4.9', () => {
    assert.ok(shops.length >= 30, `${shops.length} shops`);
    for (const shop of shops) assert.equal(shopSchema.safeParse(shop).success, true, shop.appid);
    assert.ok(shops.some((shop) => shop.subjectType === 'enterprise'));
    assert.ok(shops.some((shop) => shop.subjectType === 'individual'));
    const certifications = new Set(shops.flatMap((shop) => (shop.brand ? [shop.brand.certification] : [])));
    assert.deepEqual([...certifications].sort(), [
      'authorized',
      'exclusive',
      'flagship',
      'official_flagship',
      'specialty',
    ]);
    assert.ok(
      shops.some((shop) => !shop.brand),
      'some shops carry no brand certification',
    );
    const scores = shops.flatMap((shop) => Object.values(shop.scores!));
    assert.ok(Math.min(...scores) >= 4.2 && Math.max(...scores) <= 4.9);
    assert.ok(new Set(scores).size > 40, 'scores are spread, not constant');
    assert.ok(shops.every((shop) => shop.openedAt! < catalogDate));
  });

  it('links 公众号 and 视频号 accounts within the platform limits, raised only for eligible shops', () => {
    let raised = 0;
    for (const shop of shops) {
      const limit = linkedAccountLimit(shop, catalogDate);
      assert.ok(shop.linkedAccounts.channels.length <= limit.channels, shop.name);
      assert.ok(shop.linkedAccounts.officialAccounts.length <= limit.officialAccounts, shop.name);
      if (shop.linkedAccounts.channels.length > 5 || shop.linkedAccounts.officialAccounts.length > 5) raised += 1;
      // Generated accounts, or one of the demo's named live rooms.
      for (const account of shop.linkedAccounts.channels) assert.match(account.id, /^sph(?:[0-9a-f]{10}|[A-Z]\w+)$/);
      for (const account of shop.linkedAccounts.officialAccounts) assert.match(account.id, /^gh_[0-9a-f]{12}$/);
    }
    assert.ok(raised > 0, 'some enterprise shops use the raised limit of 10 + 10');
  });

  it('has at least 2,000 valid products across the categories, with every status', () => {
    assert.ok(products.length >= 2000, `${products.length} products`);
    for (const product of products) assert.equal(productSchema.safeParse(product).success, true, product.productId);
    assert.deepEqual(
      new Set(products.map((product) => product.category)),
      new Set(categories.map((category) => category.name)),
    );
    const statuses = new Set(products.map((product) => product.status));
    for (const status of [5, ...offSaleStatuses]) assert.ok(statuses.has(status), `status ${status}`);
    assert.ok(products.filter((product) => product.status === 5).length / products.length > 0.95, 'mostly on sale');
    for (const product of products.filter((p) => p.status !== 5 && p.status !== 12)) {
      assert.equal(product.availability, 'unavailable', `status ${product.status} is not buyable`);
    }
  });

  it('looks like a marketplace: 1–12 SKUs, sold out, ranges, guarantees, sales, affiliates, gifts, short links', () => {
    const skuCounts = products.map((product) => product.skus.length);
    assert.equal(Math.min(...skuCounts), 1);
    assert.equal(Math.max(...skuCounts), 12);
    assert.ok(
      products.some((p) => p.availability === 'sold_out' && p.status === 5),
      'on sale but sold out',
    );
    assert.ok(products.some((p) => p.skus.some((sku) => sku.stock === 0) && p.availability === 'available'));
    assert.ok(
      products.some((p) => p.minPrice !== p.maxPrice),
      'price ranges',
    );
    assert.ok(products.every((p) => Number.isInteger(p.minPrice) && p.minPrice >= 100));
    assert.ok(products.some((p) => p.guarantees.length === 0) && products.some((p) => p.guarantees.length >= 4));
    assert.ok(products.some((p) => p.sales > 10_000) && products.some((p) => p.sales < 100));
    const affiliates = products.filter((p) => p.affiliate);
    assert.ok(affiliates.length > 200 && affiliates.some((p) => p.affiliate!.promotionLink));
    assert.ok(affiliates.every((p) => p.affiliate!.commissionRatio >= 0.05 && p.affiliate!.commissionRatio <= 0.3));
    assert.ok(products.some((p) => p.giftable));
    for (const product of products) {
      assert.ok(Array.from(product.title).length >= 5 && Array.from(product.title).length <= 60, product.title);
      assert.ok(Array.from(product.shortTitle ?? '').length <= 20, product.shortTitle);
      assert.equal(product.h5Url !== undefined, product.status === 5, 'short links for on-sale products only');
      assert.ok(product.images.every((image) => image.startsWith('/demo-images/products/')));
    }
    const attrKeys = new Set(products.flatMap((p) => p.skus.flatMap((sku) => sku.attrs.map((attr) => attr.key))));
    for (const key of ['颜色', '尺码', '规格']) assert.ok(attrKeys.has(key), key);
  });

  it('keeps the first shop’s first product where examples expect it', () => {
    const first = products[0]!;
    assert.equal(`${first.appid}:${first.productId}`, 'wx3f8a2c1d9e7b6a54:10000201001001');
    assert.equal(first.shop.name, '山野户外官方旗舰店');
    assert.equal(products.find((p) => p.productId === '10000201002001')?.appid, 'wx0b1c2d3e4f5a6b7c');
  });

  it('draws every picture it names, as SVG, and inlines them when asked', async () => {
    const paths = new Set(
      [...products.flatMap((p) => p.images), ...shops.map((s) => s.logoUrl)].map((url) =>
        url.replace('/demo-images/', ''),
      ),
    );
    for (const path of paths) {
      const image = backend.renderImage(path);
      assert.ok(image, path);
      assert.match(image.body, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
    assert.equal(backend.renderImage('products/../../etc/passwd'), undefined);
    const inline = createDemoBackend({ images: 'inline' });
    assert.match(inline.products[0]!.images[0]!, /^data:image\/svg\+xml,/);
    assert.match(inline.shops[0]!.logoUrl, /^data:image\/svg\+xml,/);
    assert.match((await inline.getLive(inline.liveRooms[0]!)).avatarUrl, /^data:image\/svg\+xml,/);
  });
});
