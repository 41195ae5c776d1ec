import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient } from '@xiaodian/client';
import { createDemoBackend, manualClock, scriptedLive } from '@xiaodian/demo';
import { createGatewayApp, startGateway } from '@xiaodian/gateway';
import { liveResponseSchema, liveRoomSchema, shopResponseSchema, shopSchema, type LiveRoom } from '@xiaodian/model';

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the gateway’s live routes over the demo', () => {
  it('answers every 视频号 a demo shop links with its status (200), and 404 only for an account nobody knows', async () => {
    const backend = createDemoBackend();
    const app = createGatewayApp({ backend, log: false, rateLimit: false });
    let linked = 0;
    for (const { appid } of backend.shops) {
      const shop = shopSchema.parse(
        shopResponseSchema.parse(await (await app.request(`/v1/shops/${appid}`)).json()).shop,
      );
      for (const channel of shop.linkedAccounts.channels) {
        const response = await app.request(`/v1/lives/${channel.id}`);
        assert.equal(response.status, 200, channel.id);
        const live = liveRoomSchema.parse(liveResponseSchema.parse(await response.json()).live);
        assert.equal(live.finderUserName, channel.id);
        assert.equal(live.shopAppid, appid, `${channel.id} sells ${shop.name}'s products`);
        linked += 1;
      }
    }
    assert.ok(linked > backend.liveRooms.length);
    const unknown = await app.request('/v1/lives/sphNobodyKnows');
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'not_found');
    assert.equal((await app.request('/v1/lives/sphNobodyKnows/events')).status, 404);
  });

  it('walks the scripted room through a live on clock steps, from the gateway to a subscriber, on the server’s clock', async (t) => {
    const start = Date.UTC(2026, 10, 24, 12);
    const clock = manualClock(start);
    const backend = createDemoBackend({ clock });
    const gateway = await startGateway({ backend, port: 0, host: '127.0.0.1', log: false });
    t.after(() => gateway.close());
    const client = createClient({ gateway: gateway.url });
    const rooms: LiveRoom[] = [];
    const subscription = client.subscribeLive({ finderUserName: scriptedLive.finderUserName }, (room) =>
      rooms.push(room),
    );
    t.after(() => subscription.close());
    await until(() => subscription.state === 'streaming', 'streaming');
    // The demo's clock is the server's: a subscriber counts down on it, whatever this machine's says.
    await until(() => Math.abs(subscription.serverNow() - clock.now()) < 1_000, 'the server clock');
    const expected: Record<string, (room: LiveRoom) => boolean> = {
      preparing: (room) => room.status === 'preparing',
      live: (room) => room.status === 'live' && room.pinnedProductId === room.bag[0]?.productId,
      explain_next: (room) => room.pinnedProductId === room.bag[1]?.productId,
      flash_sale: (room) => room.bag[1]?.flashSaleEndsAt === start + scriptedLive.flashSaleEndsAfterMs,
      sold_out: (room) => room.bag[2]?.stock === 0,
      flash_sale_end: (room) => room.bag[1]?.flashSaleEndsAt === undefined,
      ended_replay_generating: (room) => room.status === 'ended' && room.replay === 'generating',
      replay_ready: (room) => room.status === 'ended' && room.replay === 'ready',
    };
    for (const { afterMs, step } of scriptedLive.steps.slice(1)) {
      clock.set(start + afterMs);
      await until(() => subscription.room !== undefined && expected[step]!(subscription.room), step);
    }
    assert.deepEqual(subscription.room, await backend.getLive(scriptedLive.finderUserName));
  });
});
