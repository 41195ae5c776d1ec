import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createWeChatBackend, type LogEntry } from '@xiaodian/gateway';
import { startFakeWeChat, type FakeWeChat } from './fake-wechat.ts';

const appid = 'wx3f8a2c1d9e7b6a54';

describe('the reconcile that replaced the 10-minute rebuild', () => {
  let fake: FakeWeChat;
  before(async () => {
    fake = await startFakeWeChat(120);
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.calls.length = 0;
    fake.stock.clear();
    fake.quota = { daily_limit: 500_000, used: 1_200, remain: 498_800 };
  });
  const count = (path: string) => fake.calls.filter((call) => call === path).length;

  function backend(options: { pushesConfigured: boolean }) {
    let clock = 1_000_000;
    const logs: LogEntry[] = [];
    const wechat = createWeChatBackend({
      appid,
      secret: fake.secret,
      baseUrl: fake.url,
      sleep: async () => {},
      now: () => clock,
      log: (entry) => logs.push(entry),
      ...options,
    });
    return { wechat, logs, advance: (ms: number) => (clock += ms) };
  }

  it('waits a day between reconciles, reads quota/get first, and with pushes reads only products it does not know', async () => {
    const { wechat, advance } = backend({ pushesConfigured: true });
    await wechat.search({ q: '防晒衣', limit: 10 });
    assert.equal(count('/channels/ec/product/get'), 120, 'the first build reads every product');
    assert.equal(count('/channels/ec/product/stock/batchget'), 3, 'stock 50 ids a call');

    fake.calls.length = 0;
    advance(23 * 60 * 60_000);
    await wechat.search({ q: '防晒衣', limit: 10 });
    assert.equal(fake.calls.length, 0, 'within the day, nothing is read again');

    fake.productIds.push('10000201399999');
    advance(60 * 60_000);
    assert.equal(await wechat.reconcileNow(), 'done');
    assert.equal(fake.calls[1], '/cgi-bin/openapi/quota/get', 'the quota is read before anything else');
    assert.equal(count('/channels/ec/product/list/get'), 5);
    assert.equal(count('/channels/ec/product/get'), 1, 'only the new product');
    assert.equal(count('/channels/ec/product/stock/batchget'), 3);
    assert.equal((await wechat.search({ q: '10000201399999', limit: 5 })).total, 1);
    fake.productIds.pop();
  });

  it('without pushes, reads every product again at each reconcile', async () => {
    const { wechat } = backend({ pushesConfigured: false });
    await wechat.search({ q: '防晒衣', limit: 10 });
    fake.calls.length = 0;
    assert.equal(await wechat.reconcileNow(), 'done');
    assert.equal(count('/channels/ec/product/get'), 120);
  });

  it('postpones the reconcile when the quota is low, and says so in the log', async () => {
    const { wechat, logs } = backend({ pushesConfigured: true });
    await wechat.search({ q: '防晒衣', limit: 10 });
    fake.calls.length = 0;
    fake.quota = { daily_limit: 500_000, used: 490_000, remain: 10_000 };
    assert.equal(await wechat.reconcileNow(), 'postponed');
    assert.deepEqual(
      fake.calls.filter((call) => call !== '/cgi-bin/stable_token'),
      ['/cgi-bin/openapi/quota/get'],
    );
    assert.equal(logs.find((entry) => entry.msg === 'reconcile postponed: WeChat quota low')?.['remaining'], 10_000);
  });

  it('takes stock from stock/batchget: a product whose stock ran out shows as sold out', async () => {
    const { wechat } = backend({ pushesConfigured: true });
    const id = fake.productIds[7]!;
    fake.stock.set(id, 0);
    const page = await wechat.search({ q: id, limit: 5 });
    assert.equal(page.items[0]?.availability, 'sold_out');
    assert.ok(page.items[0]?.skus.every((sku) => sku.stock === 0));
    fake.stock.set(id, 4);
    await wechat.reconcileNow();
    const again = await wechat.search({ q: id, limit: 5 });
    assert.equal(again.items[0]?.availability, 'available');
  });
});
