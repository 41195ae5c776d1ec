import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  WeChatApi,
  createGatewayApp,
  createWeChatBackend,
  memoryTokenStore,
  redisTokenStore,
  type TokenStore,
} from '@xiaodian/gateway';
import { XiaodianError, productSchema, shopSchema } from '@xiaodian/model';
import { hugeId, numericId, startFakeWeChat, type FakeWeChat } from './fake-wechat.ts';
import { startRedis } from './redis-server.ts';

const appid = 'wx3f8a2c1d9e7b6a54';

describe('WeChat backend against a WeChat stand-in', () => {
  let fake: FakeWeChat;
  before(async () => {
    fake = await startFakeWeChat();
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.tokenCalls = 0;
    fake.maxInFlight = 0;
    fake.calls.length = 0;
    fake.failures.clear();
    fake.validTokens.clear();
  });
  const backend = (options: Partial<Parameters<typeof createWeChatBackend>[0]> = {}) =>
    createWeChatBackend({ appid, secret: fake.secret, baseUrl: fake.url, sleep: async () => {}, ...options });

  it('fetches one token for many concurrent calls, and fans products out within the concurrency bound', async () => {
    const wechat = backend({ concurrency: 4 });
    const refs = fake.productIds.slice(0, 20).map((productId) => ({ appid, productId }));
    const results = await wechat.getProducts(refs);
    assert.equal(fake.tokenCalls, 1, 'one token for twenty calls');
    assert.ok(fake.maxInFlight <= 4 && fake.maxInFlight >= 2, `in flight at most 4, saw ${fake.maxInFlight}`);
    assert.equal(results.length, 20);
    for (const [i, result] of results.entries()) {
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.product.productId, refs[i]!.productId);
      assert.equal(productSchema.safeParse(result.product).success, true);
      assert.equal(result.product.shop.name, '山野户外官方旗舰店', 'the shop comes from basics/info');
    }
  });

  it('refreshes an expired token once and retries the call', async () => {
    const wechat = backend();
    await wechat.getShop(appid);
    fake.validTokens.clear(); // WeChat expires it early: 42001
    const [result] = await wechat.getProducts([{ appid, productId: fake.productIds[0]! }]);
    assert.ok(result?.ok);
    assert.equal(fake.tokenCalls, 2);
  });

  it('gives each ref its own answer: not found, under audit, another shop, busy then fine, numeric ids', async () => {
    const wechat = backend();
    fake.failures.set(fake.productIds[1]!, { errcode: 10020049, errmsg: '商品审核中 rid: 1-2-3' });
    fake.failures.set(fake.productIds[2]!, { errcode: -1, errmsg: 'system error', once: true });
    const results = await wechat.getProducts([
      { appid, productId: fake.productIds[0]! },
      { appid, productId: '99999999' },
      { appid, productId: fake.productIds[1]! },
      { appid: 'wx0000000000000000', productId: fake.productIds[0]! },
      { appid, productId: fake.productIds[2]! },
    ]);
    assert.deepEqual(
      results.map((result) => (result.ok ? 'ok' : result.error.code)),
      // 10020049 is in no source WECHAT.md cites: an errcode nobody documents is an upstream failure.
      ['ok', 'not_found', 'upstream', 'not_found', 'ok'],
    );
    const notFound = results[1]!;
    assert.ok(!notFound.ok);
    assert.deepEqual(notFound.error.upstream, {
      errcode: 10020052,
      errmsg: '商品不存在',
      rid: '6745a1b4-11223344-55667788',
    });
    assert.match(!results[3]!.ok ? results[3]!.error.message : '', /not the shop this gateway has credentials for/);
  });

  it('maps quota, permission, busy and frequency errcodes to typed errors, and reads errcode "0"', async () => {
    const api = new WeChatApi({
      appid,
      secret: fake.secret,
      baseUrl: fake.url,
      tokenStore: memoryTokenStore(),
      sleep: async () => {},
    });
    const cases: Array<[number, string, { code: string; retryable: boolean; retryAfterMs?: number }]> = [
      [
        45011,
        'api minute-quota reach limit rid: a-b-c',
        { code: 'rate_limited', retryable: true, retryAfterMs: 60_000 },
      ],
      [45009, 'reach max api daily quota limit', { code: 'rate_limited', retryable: false }],
      [61004, 'access clientip is not registered', { code: 'upstream', retryable: false }],
      [48001, 'api unauthorized', { code: 'upstream', retryable: false }],
      [-1, 'system error', { code: 'upstream', retryable: true }],
    ];
    const id = fake.productIds[5]!;
    for (const [errcode, errmsg, expected] of cases) {
      fake.failures.set(id, { errcode, errmsg });
      const calls = fake.calls.length;
      const error = await api.call('POST', '/channels/ec/product/get', { product_id: id }).then(
        () => assert.fail('resolved'),
        (failure: unknown) => failure as XiaodianError,
      );
      assert.ok(error instanceof XiaodianError);
      assert.equal(error.code, expected.code, String(errcode));
      assert.equal(error.retryable, expected.retryable, String(errcode));
      assert.equal(error.retryAfterMs, expected.retryAfterMs);
      assert.equal(error.upstream?.errcode, errcode);
      const productCalls = fake.calls.slice(calls).filter((path) => path === '/channels/ec/product/get').length;
      assert.equal(productCalls, errcode === -1 ? 3 : 1, 'only "busy" is retried here, twice');
    }
    fake.failures.set(id, { errcode: '0', errmsg: 'ok' });
    assert.deepEqual(await api.call('POST', '/channels/ec/product/get', { product_id: id }), {
      errcode: '0',
      errmsg: 'ok',
    });
  });

  it('reads ids sent as safe JSON numbers as strings, and rejects one past 2^53 instead of rounding it', async () => {
    const wechat = backend();
    const [numeric, huge] = await wechat.getProducts([
      { appid, productId: numericId },
      { appid, productId: hugeId },
    ]);
    assert.ok(numeric?.ok, JSON.stringify(numeric));
    assert.equal(numeric.product.productId, numericId);
    assert.equal(numeric.product.availability, 'sold_out');
    assert.ok(huge && !huge.ok);
    assert.equal(huge.error.code, 'invalid_response');
  });

  it('times out a slow WeChat, and never puts the secret or token in an error', async () => {
    fake.delayMs = 200;
    try {
      const wechat = backend({ timeoutMs: 50 });
      const [result] = await wechat.getProducts([{ appid, productId: fake.productIds[0]! }]);
      assert.ok(result && !result.ok);
      assert.equal(result.error.code, 'timeout');
      assert.doesNotMatch(JSON.stringify(result), /S3CRET|TOKEN_/);
    } finally {
      fake.delayMs = 5;
    }
    const wrong = createWeChatBackend({ appid, secret: 'wrong-secret-value', baseUrl: fake.url });
    const [result] = await wrong.getProducts([{ appid, productId: fake.productIds[0]! }]);
    assert.ok(result && !result.ok);
    assert.equal(result.error.upstream?.errcode, 40125);
    assert.doesNotMatch(JSON.stringify(result), /wrong-secret-value/);
  });

  it('reads the shop, pages its listing with opaque cursors, and searches and resolves short links from an index', async () => {
    const wechat = backend();
    assert.equal(shopSchema.safeParse(await wechat.getShop(appid)).success, true);
    await assert.rejects(wechat.getShop('wx0000000000000000'), { code: 'not_found' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await wechat.listShopProducts(appid, { limit: 50, ...(cursor ? { cursor } : {}) });
      assert.ok(page.items.length <= 30, 'WeChat pages hold at most 30');
      assert.equal(page.total, fake.productIds.length);
      if (page.nextCursor) assert.match(page.nextCursor, /^[A-Za-z0-9_-]+$/);
      seen.push(...page.items.map((p) => p.productId));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, fake.productIds);

    const found = await wechat.search({ q: '防晒衣', limit: 50 });
    assert.equal(found.total, fake.productIds.length);
    const [link] = await wechat.resolveLinks([`https://channels.weixin.qq.com/shop/a/c${fake.productIds[3]}`]);
    assert.deepEqual(link, { ok: true, ref: { kind: 'product', appid, productId: fake.productIds[3] } });
    const [missing] = await wechat.resolveLinks(['https://channels.weixin.qq.com/shop/a/nope']);
    assert.equal(!missing!.ok && missing!.error.code, 'not_found');
  });

  it('serves the gateway’s product and shop routes, and answers live routes 501 rather than invent a room', async () => {
    const app = createGatewayApp({ backend: backend(), log: false });
    const products = await app.request(`/v1/products?refs=${appid}:${fake.productIds[0]},${appid}:1`);
    assert.equal(products.status, 200);
    assert.deepEqual(
      ((await products.json()) as { items: Array<{ ok: boolean }> }).items.map((item) => item.ok),
      [true, false],
    );
    assert.equal((await app.request(`/v1/shops/${appid}`)).status, 200);
    const live = await app.request('/v1/lives/sphShanyeOutdoor');
    assert.equal(live.status, 501);
    assert.match(((await live.json()) as { error: { message: string } }).error.message, /does not serve getLive/);
  });

  it('shares one token refresh between replicas through Redis', async () => {
    const redis = await startRedis();
    const stores: Array<TokenStore & { close(): Promise<void> }> = [];
    try {
      fake.delayMs = 50; // a slow token call, so the replicas overlap
      for (let i = 0; i < 3; i++) stores.push(await redisTokenStore(redis.url));
      const replicas = stores.map((tokenStore) =>
        createWeChatBackend({ appid, secret: fake.secret, baseUrl: fake.url, tokenStore }),
      );
      const answers = await Promise.all(
        replicas.map((replica) => replica.getProducts([{ appid, productId: fake.productIds[0]! }])),
      );
      assert.ok(answers.every(([answer]) => answer?.ok));
      assert.equal(fake.tokenCalls, 1, 'three replicas, one token call');
    } finally {
      fake.delayMs = 5;
      await Promise.all(stores.map((store) => store.close()));
      await redis.stop();
    }
  });
});
