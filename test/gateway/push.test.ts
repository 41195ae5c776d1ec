import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  connectRedis,
  createGateway,
  createWeChatBackend,
  redisResponseStore,
  redisTokenStore,
  type Gateway,
  type LogEntry,
  type RedisConnection,
} from '@xiaodian/gateway';
import { pushSettings, signedPush, startFakeWeChat, type FakeWeChat } from './fake-wechat.ts';
import { startRedis } from './redis-server.ts';

const appid = 'wx3f8a2c1d9e7b6a54';

interface Replica {
  gateway: Gateway;
  redis: RedisConnection;
  logs: LogEntry[];
  get(path: string): Promise<{ status: number; json: Record<string, unknown>; text: string }>;
  push(signed: { query: string; body: string }): Promise<{ status: number; text: string }>;
}

/** Waits for what the replicas signal through their own answers, bounded by a deadline. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

const update = (productId: string, status = 0) =>
  JSON.stringify({
    ToUserName: 'gh_shop',
    FromUserName: 'OpenId',
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'product_spu_update',
    ProductSpuUpdate: { product_id: productId, status },
  });

describe('WeChat pushes across two replicas sharing a real Redis', () => {
  let fake: FakeWeChat;
  let redisServer: Awaited<ReturnType<typeof startRedis>>;
  const replicas: Replica[] = [];

  before(async () => {
    fake = await startFakeWeChat(8);
    redisServer = await startRedis();
    for (let i = 0; i < 2; i++) {
      const redis = connectRedis(redisServer.url);
      await redis.ready;
      const logs: LogEntry[] = [];
      const backend = createWeChatBackend({
        appid,
        secret: fake.secret,
        baseUrl: fake.url,
        tokenStore: await redisTokenStore(redis),
        pushesConfigured: true,
        sleep: async () => {},
      });
      const gateway = createGateway({
        backend,
        backendName: 'wechat',
        cacheStore: await redisResponseStore(redis),
        redis,
        push: pushSettings,
        rateLimit: false,
        log: (entry) => logs.push(entry),
      });
      await gateway.ready;
      replicas.push({
        gateway,
        redis,
        logs,
        async get(path) {
          const response = await gateway.app.request(path);
          const text = await response.text();
          return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
        },
        async push({ query, body }) {
          const response = await gateway.app.request(`/v1/wechat/push?${query}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          return { status: response.status, text: await response.text() };
        },
      });
    }
  });
  after(async () => {
    for (const replica of replicas) {
      replica.gateway.shutdown();
      await replica.redis.close();
    }
    await redisServer.stop();
    await fake.close();
  });
  beforeEach(() => {
    for (const replica of replicas) replica.logs.length = 0;
  });

  const [a, b] = [() => replicas[0]!, () => replicas[1]!];
  const title = async (replica: Replica, productId: string) => {
    const { json } = await replica.get(`/v1/products?refs=${appid}:${productId}`);
    const [item] = json['items'] as Array<{ ok: boolean; product?: { title: string } }>;
    return item?.product?.title;
  };
  const found = async (replica: Replica, q: string) => {
    const { json } = await replica.get(`/v1/search?q=${encodeURIComponent(q)}`);
    return (json['items'] as Array<{ productId: string }>).map((item) => item.productId);
  };
  const logged = (msg: string) => replicas.flatMap((replica) => replica.logs.filter((entry) => entry.msg === msg));

  it('answers WeChat’s URL check with the echo, and refuses a wrong signature', async () => {
    const timestamp = '1764064800';
    const nonce = 'n0nce';
    const signature = createHash('sha1').update([pushSettings.token, timestamp, nonce].sort().join('')).digest('hex');
    const check = await a().gateway.app.request(
      `/v1/wechat/push?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}&echostr=echo-123`,
    );
    assert.equal(check.status, 200);
    assert.equal(await check.text(), 'echo-123');
    const forged = await a().gateway.app.request(
      `/v1/wechat/push?signature=${'0'.repeat(40)}&timestamp=${timestamp}&nonce=${nonce}&echostr=echo-123`,
    );
    assert.equal(forged.status, 401);
    assert.doesNotMatch(await forged.text(), /echo-123/);
    assert.equal(logged('push rejected')[0]?.['reason'], 'signature');
  });

  it('makes a changed product visible in /v1/products and search on both replicas within one second', async () => {
    const id = fake.productIds[2]!;
    // Both replicas have answered (and cached, in Redis) the old product and the old search.
    for (const replica of replicas) {
      assert.match((await title(replica, id)) ?? '', /测试商品/);
      assert.deepEqual(await found(replica, '极光冲锋衣'), []);
    }
    fake.titles.set(id, '山野 极光冲锋衣 防水透气');
    const answer = await a().push(signedPush(update(id)));
    assert.deepEqual(answer, { status: 200, text: 'success' });
    for (const replica of replicas) {
      const ms = await until(
        async () =>
          (await title(replica, id)) === '山野 极光冲锋衣 防水透气' &&
          (await found(replica, '极光冲锋衣')).includes(id),
        'the change',
        1_000,
      );
      assert.ok(ms < 1_000);
    }
    assert.equal(logged('push applied').length, 1);
    assert.equal(logged('push applied from another replica').length, 1, 'the other replica heard it over Redis');
  });

  it('applies the same push delivered three times once, whichever replica receives it', async () => {
    const id = fake.productIds[3]!;
    const message = update(id);
    const reads = fake.productReads.get(id) ?? 0;
    const answers = [
      await a().push(signedPush(message)),
      await b().push(signedPush(message)),
      await a().push(signedPush(message)),
    ];
    assert.deepEqual(
      answers.map((answer) => answer.text),
      ['success', 'success', 'success'],
    );
    assert.equal(logged('push applied').length, 1);
    assert.equal(logged('push ignored (duplicate or no change)').length, 2);
    assert.equal((fake.productReads.get(id) ?? 0) - reads, 1, 'WeChat was asked once');
  });

  it('refuses a forged, wrong-appid, stale, replayed or oversized push, logs it, and changes nothing', async () => {
    const id = fake.productIds[4]!;
    const before = await title(a(), id);
    fake.titles.set(id, '山野 不该出现的标题');
    const reads = fake.productReads.get(id) ?? 0;
    const valid = signedPush(update(id, 0));
    const cases: Array<[string, { query: string; body: string }, number]> = [
      ['signature', signedPush(update(id), { token: 'not-the-token' }), 401],
      ['appid', signedPush(update(id), { appid: 'wx0000000000000000' }), 403],
      ['stale', signedPush(update(id), { timestamp: Math.floor(Date.now() / 1000) - 3_600 }), 400],
      ['size', { query: valid.query, body: JSON.stringify({ Encrypt: 'A'.repeat(70_000) }) }, 413],
    ];
    for (const [reason, signed, status] of cases) {
      const answer = await a().push(signed);
      assert.equal(answer.status, status, reason);
      assert.notEqual(answer.text, 'success');
    }
    assert.deepEqual(
      logged('push rejected').map((entry) => entry['reason']),
      ['signature', 'appid', 'stale', 'size'],
    );
    assert.equal((fake.productReads.get(id) ?? 0) - reads, 0, 'nothing was processed');
    assert.equal(await title(b(), id), before);

    // The same signed request again is a replay, on either replica.
    assert.equal((await a().push(valid)).text, 'success');
    const replayed = await b().push(valid);
    assert.equal(replayed.status, 409);
    assert.equal(logged('push rejected').at(-1)?.['reason'], 'replay');
  });

  it('reads an id past 2^53 without losing digits', async () => {
    const big = '9007199254740993'; // 2^53 + 1: as a JS number it would become …992
    const text = update(big).replace(`"product_id":"${big}"`, `"product_id":${big}`);
    assert.match(text, /"product_id":9007199254740993[,}]/);
    assert.equal((await a().push(signedPush(text))).text, 'success');
    assert.equal(fake.productReads.get(big), 1);
    assert.equal(fake.productReads.get('9007199254740992'), undefined);
  });

  it('drops a deleted product from search on both replicas', async () => {
    const id = fake.productIds[5]!;
    for (const replica of replicas) assert.ok((await found(replica, '测试商品')).includes(id));
    fake.deleted.add(id);
    assert.equal((await b().push(signedPush(update(id, 2)))).text, 'success');
    for (const replica of replicas) {
      await until(async () => !(await found(replica, '测试商品')).includes(id), 'the removal', 1_000);
    }
  });

  it('refreshes the shop on a shop event', async () => {
    const shopName = async (replica: Replica) =>
      ((await replica.get(`/v1/shops/${appid}`)).json['shop'] as { name: string }).name;
    assert.equal(await shopName(b()), '山野户外官方旗舰店');
    fake.shopNickname = '山野户外 新店名';
    const message = JSON.stringify({
      ToUserName: 'gh_shop',
      CreateTime: 1,
      MsgType: 'event',
      Event: 'set_shop_nickname',
    });
    assert.equal((await a().push(signedPush(message))).text, 'success');
    for (const replica of replicas) {
      await until(async () => (await shopName(replica)) === '山野户外 新店名', 'the new name', 1_000);
    }
  });

  it('logs a message on the push channel that it cannot read, and goes on hearing the others', async () => {
    await a().redis.client.publish('xd:v1:push', 'not json');
    await until(
      async () => logged('unreadable push from another replica').length === 2,
      'both replicas to hear it',
      2_000,
    );
    assert.ok(logged('unreadable push from another replica').every((entry) => entry.level === 'warn'));
    const id = fake.productIds[6]!;
    assert.equal((await b().push(signedPush(update(id)))).text, 'success');
    await until(
      async () => logged('push applied from another replica').length === 1,
      'the next push to be shared',
      2_000,
    );
  });

  // Last: the other replica never hears this push, so their caches differ from here on.
  it('answers success for a push it applied but could not share, and logs that the others did not hear it', async () => {
    const client = a().redis.client;
    const publish = client.publish.bind(client);
    Object.assign(client, {
      publish: async () => {
        throw new Error('connection lost');
      },
    });
    try {
      const answer = await a().push(signedPush(update(fake.productIds[7]!)));
      assert.equal(answer.text, 'success');
      assert.deepEqual(
        logged('push not shared with other replicas').map(({ level, error }) => ({ level, error })),
        [{ level: 'warn', error: 'Error: connection lost' }],
      );
    } finally {
      Object.assign(client, { publish });
    }
  });
});

describe('a push whose work outlasts WeChat’s wait', () => {
  it('is answered success in time, and applied after the answer', async () => {
    const fake = await startFakeWeChat(3);
    const logs: LogEntry[] = [];
    const gateway = createGateway({
      backend: createWeChatBackend({ appid, secret: fake.secret, baseUrl: fake.url, pushesConfigured: true }),
      push: { ...pushSettings, answerWithinMs: 50 },
      log: (entry) => logs.push(entry),
    });
    try {
      fake.delayMs = 800; // WeChat is slow: reading the product takes longer than the answer may
      const { query, body } = signedPush(update(fake.productIds[1]!));
      const answer = await gateway.app.request(`/v1/wechat/push?${query}`, { method: 'POST', body });
      assert.equal(await answer.text(), 'success');
      assert.equal(logs.filter((entry) => entry.msg === 'push applied after the answer').length, 0);
      await until(
        async () => logs.some((entry) => entry.msg === 'push applied after the answer'),
        'the work after the answer',
        5_000,
      );
    } finally {
      gateway.shutdown();
      await fake.close();
    }
  });
});
