import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  createGatewayApp,
  createWeChatBackend,
  errorFromErrcode,
  errcodeMeanings,
  type LogEntry,
} from '@xiaodian/gateway';
import { shopSchema } from '@xiaodian/model';
import { startFakeWeChat, type FakeWeChat } from './fake-wechat.ts';

const appid = 'wx3f8a2c1d9e7b6a54';

/** Every response body and header, and every log line, of one gateway: what the secret scan reads. */
function recordingGateway(fake: FakeWeChat, secret = fake.secret) {
  const logs: LogEntry[] = [];
  const seen: string[] = [];
  const backend = createWeChatBackend({ appid, secret, baseUrl: fake.url, sleep: async () => {} });
  const app = createGatewayApp({ backend, backendName: 'wechat', log: (entry) => logs.push(entry) });
  const request = async (path: string, init?: RequestInit) => {
    const response = await app.request(path, init);
    const text = await response.text();
    seen.push(JSON.stringify([...response.headers]), text);
    return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  return { app, logs, seen, request, backend };
}

describe('an operator’s WeChat gateway', () => {
  let fake: FakeWeChat;
  before(async () => {
    fake = await startFakeWeChat(12);
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.failures.clear();
    fake.validTokens.clear();
    fake.quota = { daily_limit: 500_000, used: 1_200, remain: 498_800 };
  });

  it('says in /readyz that WeChat accepts the credentials, with the quota left, while /healthz stays liveness', async () => {
    const { request } = recordingGateway(fake);
    const ready = await request('/readyz');
    assert.equal(ready.status, 200);
    const body = ready.json() as { status: string; checks: Array<Record<string, unknown>> };
    assert.equal(body.status, 'ready');
    assert.deepEqual(
      body.checks.map((check) => [check['name'], check['ok']]),
      [
        ['wechat', true],
        ['wechat-quota', true],
      ],
    );
    assert.equal(body.checks[1]!['remaining'], 498_800);
    assert.equal((await request('/healthz')).status, 200);
  });

  it('reports a wrong secret in /readyz as not ready with errcode 40125, and callers see no WeChat text', async () => {
    const wrong = 'wrong-secret-value-0123';
    const { request, logs } = recordingGateway(fake, wrong);
    const ready = await request('/readyz');
    assert.equal(ready.status, 503);
    const body = ready.json() as { status: string; checks: Array<Record<string, unknown>> };
    assert.equal(body.status, 'not_ready');
    assert.equal(body.checks[0]!['errcode'], 40125);
    assert.equal((await request('/healthz')).status, 200, 'alive, though not ready');

    const shop = await request(`/v1/shops/${appid}`);
    assert.equal(shop.status, 502);
    const error = (shop.json() as { error: Record<string, unknown> }).error;
    assert.deepEqual(Object.keys(error).sort(), ['code', 'message', 'requestId']);
    assert.equal(error['code'], 'upstream');
    assert.doesNotMatch(shop.text, /invalid appsecret|40125|rid|6745a1b2/);
    const line = logs.find((entry) => entry.msg === 'wechat error');
    assert.ok(line, 'the log says what WeChat said');
    assert.equal(line['errcode'], 40125);
    assert.equal(line['rid'], '6745a1b2-0-0');
    assert.equal(line['requestId'], error['requestId']);

    const products = await request(`/v1/products?refs=${appid}:${fake.productIds[0]}`);
    assert.equal(products.status, 200);
    assert.doesNotMatch(products.text, /invalid appsecret|40125/);
  });

  it('keeps the secret and every access token out of every log line and every response', async () => {
    const wrong = 'another-wrong-secret-9876';
    const good = recordingGateway(fake);
    const bad = recordingGateway(fake, wrong);
    const paths = [
      '/readyz',
      `/v1/products?refs=${appid}:${fake.productIds[0]},${appid}:${fake.productIds[1]}`,
      `/v1/products?refs=${appid}:99999`,
      `/v1/shops/${appid}`,
      `/v1/shops/${appid}/products?limit=5`,
      `/v1/shops/${appid}/links`,
      `/v1/shops/${appid}/products/${fake.productIds[2]}/links`,
      '/v1/search?q=%E9%98%B2%E6%99%92',
      '/v1/lives/sphShanyeOutdoor',
      '/metrics',
    ];
    for (const gateway of [good, bad]) {
      for (const path of paths) await gateway.request(path);
      await gateway.request('/v1/resolve', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ links: ['https://channels.weixin.qq.com/shop/a/nope'] }),
      });
    }
    assert.ok(fake.validTokens.size > 0, 'tokens were issued, so there was something to leak');
    const everything = [
      ...good.seen,
      ...bad.seen,
      ...[...good.logs, ...bad.logs].map((entry) => JSON.stringify(entry)),
    ];
    assert.ok(everything.length > 40);
    for (const text of everything) {
      assert.ok(!text.includes(fake.secret), `the secret leaked: ${text.slice(0, 200)}`);
      assert.ok(!text.includes(wrong), `the wrong secret leaked: ${text.slice(0, 200)}`);
      assert.doesNotMatch(text, /TOKEN_\d+/, 'an access token leaked');
    }
  });

  it('logs the errcode, rid and request id of a per-ref WeChat failure, and answers the ref without WeChat’s words', async () => {
    const { request, logs } = recordingGateway(fake);
    fake.failures.set(fake.productIds[3]!, { errcode: 50002, errmsg: 'user limited rid: 11-22-33' });
    const answer = await request(`/v1/products?refs=${appid}:${fake.productIds[3]},${appid}:${fake.productIds[4]}`);
    const items = (answer.json() as { items: Array<{ ok: boolean; error?: Record<string, unknown> }> }).items;
    assert.deepEqual(
      items.map((item) => item.ok),
      [false, true],
    );
    assert.equal(items[0]!.error!['code'], 'upstream');
    assert.equal(items[0]!.error!['upstream'], undefined);
    assert.doesNotMatch(answer.text, /user limited|11-22-33/);
    const line = logs.find((entry) => entry.msg === 'wechat error');
    assert.deepEqual(
      [line?.['errcode'], line?.['rid'], line?.['ref']],
      [50002, '11-22-33', `${appid}:${fake.productIds[3]}`],
    );
    assert.equal(line?.['requestId'], items[0]!.error!['requestId']);
  });

  it('uses every value of a repeated refs parameter, in order', async () => {
    const { request } = recordingGateway(fake);
    const answer = await request(
      `/v1/products?refs=${appid}:${fake.productIds[0]}&refs=${appid}:${fake.productIds[1]}`,
    );
    assert.equal(answer.status, 200);
    const items = (answer.json() as { items: Array<{ ref: string; ok: boolean }> }).items;
    assert.deepEqual(
      items.map((item) => [item.ref, item.ok]),
      [
        [`${appid}:${fake.productIds[0]}`, true],
        [`${appid}:${fake.productIds[1]}`, true],
      ],
    );
    const empty = await request(`/v1/products?refs=${appid}:${fake.productIds[0]}&refs=`);
    assert.equal(empty.status, 400);
  });

  it('answers live routes 501 naming the 视频号助手 credentials, not not_found', async () => {
    const { request } = recordingGateway(fake);
    for (const path of ['/v1/lives/sphShanyeOutdoor', '/v1/lives/sphShanyeOutdoor/events']) {
      const answer = await request(path);
      assert.equal(answer.status, 501, path);
      assert.match(answer.text, /视频号助手/);
      assert.match(answer.text, /WECHAT_FINDER_APPID and WECHAT_FINDER_SECRET/);
    }
  });

  it('serves the shop’s and each product’s short link, QR code and 口令', async () => {
    const { request } = recordingGateway(fake);
    const shop = await request(`/v1/shops/${appid}/links`);
    assert.equal(shop.status, 200);
    assert.deepEqual(shop.json(), {
      links: {
        h5Url: 'https://channels.weixin.qq.com/shop/a/shopHome',
        qrCodeUrl: 'https://mmecimage.cn/qr/shop.png',
        tagLink: '#小店口令 山野户外官方旗舰店',
      },
    });
    const id = fake.productIds[2]!;
    const product = await request(`/v1/shops/${appid}/products/${id}/links`);
    assert.deepEqual(product.json(), {
      links: {
        h5Url: `https://channels.weixin.qq.com/shop/a/c${id}`,
        qrCodeUrl: `https://mmecimage.cn/qr/${id}.png`,
        tagLink: `#小店商品口令 ${id}`,
      },
    });
    assert.equal((await request(`/v1/shops/${appid}/products/abc/links`)).status, 400);
    assert.equal((await request(`/v1/shops/wx0000000000000000/links`)).status, 404);
  });

  it('fills the shop’s linked accounts from cooperation/list and the 视频号 authorization list, and its H5 link', async () => {
    const backend = createWeChatBackend({ appid, secret: fake.secret, baseUrl: fake.url });
    const shop = await backend.getShop(appid);
    assert.equal(shopSchema.safeParse(shop).success, true);
    assert.deepEqual(shop.linkedAccounts, {
      officialAccounts: [{ id: 'gh_0a1b2c3d4e5f', name: '山野户外' }],
      channels: [{ id: 'sphShanyeOutdoor', name: 'sphShanyeOutdoor' }],
      miniPrograms: [{ id: 'wx9a8b7c6d5e4f3a21', name: '山野户外商城' }],
    });
    assert.equal(shop.h5Url, 'https://channels.weixin.qq.com/shop/a/shopHome');
  });

  it('says why a promoter’s short link cannot be resolved with shop credentials', async () => {
    const backend = createWeChatBackend({ appid, secret: fake.secret, baseUrl: fake.url, sleep: async () => {} });
    const [promoter] = await backend.resolveLinks(['https://store.weixin.qq.com/shop/a/promoterCode1']);
    assert.ok(promoter && !promoter.ok);
    assert.match(promoter.error.message, /promoter's short link/);
    assert.match(promoter.error.message, /affiliate organisation's token/);
  });

  it('reports a used-up daily quota in /readyz as not ready', async () => {
    fake.quota = { daily_limit: 500_000, used: 500_000, remain: 0 };
    const { request } = recordingGateway(fake);
    const ready = await request('/readyz');
    assert.equal(ready.status, 503);
    assert.match(ready.text, /daily quota of \/channels\/ec\/product\/get is used up/);
  });
});

describe('WeChat errcodes', () => {
  it('covers every errcode WECHAT.md documents, and only those', () => {
    const documented = [
      -1, 40001, 40097, 40125, 41001, 42001, 43001, 43002, 44002, 45002, 45009, 45011, 45035, 47001, 48001, 48004,
      50002, 61004, 10020050, 10020051, 10020052, 10020065, 10020091,
    ];
    assert.deepEqual(
      [...errcodeMeanings.keys()].sort((a, b) => a - b),
      documented.sort((a, b) => a - b),
    );
  });

  it('names the 开放场景 switch for 48001, the verb for 43001/43002, and short-link reasons', () => {
    assert.match(errorFromErrcode(48001, 'api unauthorized').message, /开放场景/);
    assert.match(errorFromErrcode(43001, 'require GET method').message, /GET/);
    assert.match(errorFromErrcode(43002, 'require POST method').message, /POST/);
    assert.match(errorFromErrcode(50002, 'user limited').message, /limited/);
    assert.equal(errorFromErrcode(10020050, 'x').code, 'not_found');
    assert.equal(errorFromErrcode(10020065, 'x').code, 'not_found');
    assert.match(errorFromErrcode(10020065, 'x').message, /not on sale/);
  });

  it('keeps WeChat’s errmsg out of the message, and in upstream with its rid', () => {
    const error = errorFromErrcode(40125, 'invalid appsecret rid: 6745a1b2-0-0');
    assert.doesNotMatch(error.message, /invalid appsecret/);
    assert.deepEqual(error.upstream, { errcode: 40125, errmsg: 'invalid appsecret', rid: '6745a1b2-0-0' });
  });
});
