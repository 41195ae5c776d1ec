import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient } from '@xiaodian/client';
import { createWeChatBackend, startGateway, type RunningGateway } from '@xiaodian/gateway';
import { liveRoomSchema, type LiveRoom } from '@xiaodian/model';
import { startFakeWeChat, type FakeWeChat } from './fake-wechat.ts';

const appid = 'wx3f8a2c1d9e7b6a54';
const finderUserName = 'sphShanyeOutdoor';

/** Waits for a condition the code under test signals (a room update), bounded by a deadline. */
async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('live rooms from WeChat with the 视频号助手 credentials', () => {
  let fake: FakeWeChat;
  let gateway: RunningGateway;
  before(async () => {
    fake = await startFakeWeChat(3);
    fake.finder.lives = [
      {
        export_id: 'export/UzFfAgtgekIEAQAAAAAAb4Mg',
        description: '夏季防晒衣上新专场',
        cover_url: 'https://mmbiz.qpic.cn/cover.jpg',
        nickname: '山野户外',
        head_url: 'https://wx.qlogo.cn/finderhead/head.jpg',
      },
    ];
    fake.finder.living = true;
    fake.finder.products = [
      {
        product_id: fake.productIds[0]!,
        title: '轻薄防晒衣',
        head_img: 'https://mmecimage.cn/p/a.jpg',
        price: 12900,
        stock: 10,
      },
    ];
    const backend = createWeChatBackend({
      appid,
      secret: fake.secret,
      baseUrl: fake.url,
      finder: { appid: fake.finder.appid, secret: fake.finder.secret, finderUserName, pollMs: 40 },
    });
    gateway = await startGateway({ backend, port: 0, log: false, cachePolicies: { live: { freshMs: 0, staleMs: 0 } } });
  });
  after(async () => {
    await gateway.close();
    await fake.close();
  });

  it('serves the room now, read with the 视频号助手’s own token', async () => {
    const response = await fetch(`${gateway.url}/v1/lives/${finderUserName}`);
    assert.equal(response.status, 200);
    const room = liveRoomSchema.parse(((await response.json()) as { live: unknown }).live);
    assert.equal(room.status, 'live');
    assert.equal(room.nickname, '山野户外');
    assert.deepEqual(
      room.bag.map((item) => [item.productId, item.price, item.stock]),
      [[fake.productIds[0], 12900, 10]],
    );
    // The fake answers the live APIs only to a token issued for the 视频号助手 appid (48001 otherwise).
    assert.ok(fake.finder.calls >= 3);
    const other = await fetch(`${gateway.url}/v1/lives/sphSomebodyElse`);
    assert.equal(other.status, 404);
  });

  it('streams changes through the SSE contract the widget’s client uses: stock, a product added, the live ending', async () => {
    const client = createClient({ gateway: gateway.url });
    const updates: LiveRoom[] = [];
    const subscription = client.subscribeLive({ finderUserName }, (room) => updates.push(room), {
      reconnectDelayMs: 20,
    });
    try {
      await until(() => subscription.state === 'streaming', 'the stream');
      fake.finder.products[0]!.stock = 7;
      await until(() => subscription.room?.bag[0]?.stock === 7, 'the stock change');
      fake.finder.products.push({
        product_id: fake.productIds[1]!,
        title: '速干裤',
        head_img: 'https://mmecimage.cn/p/b.jpg',
        price: 15900,
        stock: 3,
      });
      await until(() => subscription.room?.bag.length === 2, 'the added product');
      fake.finder.living = false;
      fake.finder.lives = [];
      await until(() => subscription.room?.status === 'ended', 'the end of the live');
      for (const room of updates) assert.equal(liveRoomSchema.safeParse(room).success, true);
    } finally {
      subscription.close();
    }
  });
});
