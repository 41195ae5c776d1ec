// POST /v1/resolve with what a creator pastes into the embed builder: every kind of input it accepts, and
// for each wrong one, a message that says what was wrong and what would work, with a `hint` code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend } from '@xiaodian/demo';
import { createGatewayApp } from '@xiaodian/gateway';
import {
  errorResponseSchema,
  pasteProblems,
  productSchema,
  readPastedInput,
  resolveResponseSchema,
  shopSchema,
  type ProductRef,
} from '@xiaodian/model';

const backend = createDemoBackend();
const app = createGatewayApp({ backend, log: false });
const product = backend.products.find((item) => item.h5Url && item.status === 5)!;
const shop = backend.shops.find((item) => item.appid === product.appid)!;
const shortCode = product.h5Url!.slice(product.h5Url!.lastIndexOf('/') + 1);

interface Item {
  source: string;
  ok: boolean;
  ref?: { kind: string } & Partial<ProductRef>;
  product?: unknown;
  shop?: unknown;
  error?: { code: string; message: string; hint?: string; shops?: Array<{ appid: string; name: string }> };
}

async function resolve(links: string[], extra: Record<string, unknown> = {}, query = ''): Promise<Item[]> {
  const response = await app.request(`/v1/resolve${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ links, ...extra }),
  });
  assert.equal(response.status, 200);
  return resolveResponseSchema.parse(await response.json()).items as Item[];
}

async function resolveOne(link: string, extra: Record<string, unknown> = {}): Promise<Item> {
  const [item] = await resolve([link], extra);
  return item!;
}

const productRef = { kind: 'product', appid: product.appid, productId: product.productId };

describe('POST /v1/resolve reads every kind of input a creator has', () => {
  it('a product’s H5 short link, with its data', async () => {
    const item = await resolveOne(product.h5Url!);
    assert.deepEqual(item.ref, productRef);
    assert.equal(productSchema.safeParse(item.product).success, true);
  });

  it('the short link inside WeChat’s share text, without https://, or with a query and a trailing slash', async () => {
    for (const pasted of [
      `【${product.title}】${product.h5Url} 复制打开微信查看`,
      product.h5Url!.replace('https://', ''),
      `${product.h5Url}/?from=timeline`,
      product.h5Url!.replace('https://', 'http://'),
    ]) {
      assert.deepEqual((await resolveOne(pasted)).ref, productRef, pasted);
    }
  });

  it('a promoter’s short link (store.weixin.qq.com/shop/a/…)', async () => {
    const item = await resolveOne(`https://store.weixin.qq.com/shop/a/${shortCode}`);
    assert.deepEqual(item.ref, productRef);
  });

  it('APPID:PRODUCT_ID, with an ASCII or a full-width colon and stray spaces', async () => {
    for (const pasted of [`${product.appid}:${product.productId}`, ` ${product.appid} ： ${product.productId} `]) {
      const item = await resolveOne(pasted);
      assert.deepEqual(item.ref, productRef, pasted);
      assert.equal(productSchema.safeParse(item.product).success, true);
    }
  });

  it('a product id with the shop picked ({links: [id], appid})', async () => {
    const item = await resolveOne(product.productId, { appid: product.appid });
    assert.deepEqual(item.ref, productRef);
    assert.equal(productSchema.safeParse(item.product).success, true);
  });

  it('a shop’s short link and a shop’s appid, with the shop', async () => {
    for (const pasted of [shop.h5Url!, shop.appid]) {
      const item = await resolveOne(pasted);
      assert.deepEqual(item.ref, { kind: 'shop', appid: shop.appid }, pasted);
      assert.equal(shopSchema.safeParse(item.shop).success, true);
    }
  });

  it('the gateway’s canonical links', async () => {
    const [productItem, shopItem] = await resolve([
      `https://gateway.example/p/${product.appid}/${product.productId}`,
      `https://gateway.example/s/${shop.appid}`,
    ]);
    assert.deepEqual(productItem!.ref, productRef);
    assert.deepEqual(shopItem!.ref, { kind: 'shop', appid: shop.appid });
  });
});

describe('POST /v1/resolve says what was wrong with what was pasted, and what would work', () => {
  const cases: Array<[name: string, pasted: string, hint: string, message: RegExp]> = [
    ['nothing', '   ', 'empty', /Nothing was pasted.*\/shop\/a\//],
    ['an appid too short', 'wx3f8a2c1d', 'invalid_appid', /"wx3f8a2c1d" is not a shop appid.*16 hex/],
    ['an appid in capitals, with a product id', `WX3F8A2C1D9E7B6A54:${product.productId}`, 'invalid_appid', /16 hex/],
    ['a product id with letters', `${product.appid}:10000abc`, 'invalid_product_id', /digits only/],
    ['a product id too long', '123456789012345678901234', 'invalid_product_id', /digits only, at most 20/],
    ['a link to another site', 'https://shop.example/item/1', 'unknown_link', /\/shop\/a\/.*APPID:PRODUCT_ID/],
    [
      'a Tencent link that is not WeChat’s',
      'https://v.qq.com/x/abc',
      'unknown_link',
      /^https:\/\/v\.qq\.com\/x\/abc is not a link the gateway can read/,
    ],
    [
      'an official-account article link',
      'https://mp.weixin.qq.com/s/AbCdEf',
      'unknown_link',
      /WeChat link, but not to a product or a shop.*\/shop\/a\//,
    ],
    [
      'a short link nobody knows',
      'https://channels.weixin.qq.com/shop/a/nosuchcode',
      'short_link_not_found',
      /No product or shop behind.*Copy the link again/,
    ],
    [
      'a promoter’s link nobody knows',
      'https://store.weixin.qq.com/shop/a/nosuchcode',
      'promoter_link_not_found',
      /promoter's link.*channels\.weixin\.qq\.com\/shop\/a\//,
    ],
    ['words', '冲锋衣 好看', 'unrecognised', /not a link, an id or a ref.*\/shop\/a\/.*APPID:PRODUCT_ID/],
    ['two colons', `${product.appid}:1:2`, 'unrecognised', /more than one ":"/],
    ['a broken gateway link', 'https://gateway.example/p/wx12/1', 'invalid_appid', /"wx12" is not a shop appid/],
  ];
  for (const [name, pasted, hint, message] of cases) {
    it(`${name} → ${hint}`, async () => {
      const item = await resolveOne(pasted);
      assert.equal(item.ok, false);
      assert.equal(item.error?.hint, hint);
      assert.match(item.error?.message ?? '', message);
    });
  }

  it('every problem the model names is answered by one case above or below', () => {
    const covered = new Set([...cases.map(([, , hint]) => hint), 'product_id_needs_shop', 'not_found']);
    assert.deepEqual(
      pasteProblems.filter((problem) => !covered.has(problem)),
      [],
    );
  });

  it('a product id alone: pick the shop or use APPID:PRODUCT_ID, with the shops that sell it to pick from', async () => {
    const item = await resolveOne(product.productId);
    assert.equal(item.ok, false);
    assert.equal(item.error?.code, 'invalid_ref');
    assert.equal(item.error?.hint, 'product_id_needs_shop');
    assert.match(item.error?.message ?? '', /Pick the shop.*APPID:PRODUCT_ID/);
    assert.deepEqual(item.error?.shops, [{ appid: shop.appid, name: shop.name }]);
  });

  it('a product id alone that no shop sells offers an empty list', async () => {
    const item = await resolveOne('99999999999');
    assert.equal(item.error?.hint, 'product_id_needs_shop');
    assert.deepEqual(item.error?.shops, []);
  });

  it('a product id alone, on a backend that does not list its shops: no list, the same advice', async () => {
    const bare = createGatewayApp({ backend: { ...backend, shops: undefined }, log: false });
    const response = await bare.request('/v1/resolve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ links: [product.productId] }),
    });
    const [item] = resolveResponseSchema.parse(await response.json()).items as Item[];
    assert.equal(item!.error?.hint, 'product_id_needs_shop');
    assert.equal(item!.error?.shops, undefined);
  });

  it('a well-formed ref to a product that does not exist → not_found, naming the shop and the id', async () => {
    const item = await resolveOne(`${product.appid}:99999999999`);
    assert.equal(item.error?.code, 'not_found');
    assert.equal(item.error?.hint, 'not_found');
    assert.match(item.error?.message ?? '', new RegExp(`shop ${product.appid} has no product 99999999999`));
  });

  it('a failure of the backend is not blamed on the link (no hint)', async () => {
    const failing = createGatewayApp({
      backend: {
        ...backend,
        resolveLinks: async (links) =>
          links.map(() => ({ ok: false as const, error: { code: 'upstream' as const, message: 'WeChat is down' } })),
      },
      log: false,
    });
    const response = await failing.request('/v1/resolve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ links: [product.h5Url] }),
    });
    const [item] = resolveResponseSchema.parse(await response.json()).items as Item[];
    assert.equal(item!.error?.code, 'upstream');
    assert.equal(item!.error?.hint, undefined);
  });

  it('an "appid" that is not one, or sent with "html", is a 400 saying so', async () => {
    const post = (body: unknown) =>
      app.request('/v1/resolve', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const badAppid = await post({ links: [product.productId], appid: 'shop-1' });
    assert.equal(badAppid.status, 400);
    const badBody = errorResponseSchema.parse(await badAppid.json());
    assert.equal(badBody.error.code, 'invalid_ref');
    assert.match(badBody.error.message, /"appid" must be a shop appid/);
    const withHtml = await post({ html: '<p></p>', appid: product.appid });
    assert.equal(withHtml.status, 400);
    assert.match(errorResponseSchema.parse(await withHtml.json()).error.message, /send it with "links"/);
  });
});

describe('readPastedInput (the model’s reading, before any backend)', () => {
  it('never throws, whatever is pasted', () => {
    for (const text of ['', 'https://', 'http://[', ':', '：：', 'wx', 'sph', '0', '\u0000', '🙂'.repeat(100)]) {
      assert.doesNotThrow(() => readPastedInput(text), text);
    }
  });

  it('a live room’s finder user name is a ref too', () => {
    assert.deepEqual(readPastedInput('sphShanyeOutdoor'), {
      kind: 'ref',
      text: 'sphShanyeOutdoor',
      ref: { kind: 'live', finderUserName: 'sphShanyeOutdoor' },
    });
  });
});
