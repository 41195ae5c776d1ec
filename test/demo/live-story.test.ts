import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createDemoBackend,
  demoLiveAccounts,
  manualClock,
  scriptedLive,
  steppingClock,
  type DemoLiveState,
} from '@xiaodian/demo';
import { applyLiveEvent, liveRoomSchema, type LiveEvent, type LiveRoom } from '@xiaodian/model';

const start = Date.UTC(2026, 10, 24, 12, 0, 0);
const minute = 60_000;

/** What a room shows, in the terms of `DemoLiveState`. */
function stateOf(room: LiveRoom): DemoLiveState | 'unknown' {
  if (room.status === 'ended') {
    if (room.replay === 'unknown') return 'unknown';
    return room.replay === 'none' ? 'ended_no_replay' : `ended_replay_${room.replay}`;
  }
  if (room.status === 'live' || room.status === 'preparing' || room.status === 'not_started') return room.status;
  return 'unknown';
}

describe('the demo tells one consistent story', () => {
  it('puts every live room on one of its shop’s linked 视频号', async () => {
    const backend = createDemoBackend({ clock: steppingClock(start) });
    for (const account of demoLiveAccounts) {
      const room = await backend.getLive(account.finderUserName);
      const shop = backend.shops[account.shop]!;
      assert.equal(room.shopAppid, shop.appid, account.finderUserName);
      assert.ok(
        shop.linkedAccounts.channels.some((channel) => channel.id === account.finderUserName),
        `${shop.name} links ${account.finderUserName}`,
      );
    }
    assert.deepEqual(
      backend.liveRooms,
      demoLiveAccounts.map((account) => account.finderUserName),
    );
  });

  it('answers every linked 视频号 with its status (200), and not_found only for an account nobody knows', async () => {
    const backend = createDemoBackend({ clock: steppingClock(start) });
    const linked = backend.shops.flatMap((shop) => shop.linkedAccounts.channels.map((channel) => channel.id));
    assert.ok(linked.length > demoLiveAccounts.length, 'shops link more accounts than there are rooms');
    assert.deepEqual(new Set(backend.liveAccounts), new Set(linked));
    for (const name of linked) {
      const room = await backend.getLive(name);
      assert.equal(liveRoomSchema.safeParse(room).success, true, name);
      assert.equal(room.finderUserName, name);
    }
    const idle = linked.find((name) => !backend.liveRooms.includes(name))!;
    const quiet = await backend.getLive(idle);
    assert.deepEqual([quiet.status, quiet.statusCode, quiet.notice, quiet.bag], ['not_started', 1, undefined, []]);
    await assert.rejects(backend.getLive('sphNobodyKnows'), { code: 'not_found' });
  });

  it('has a room in every state at any moment, a live one explaining a product with a flash sale and a sold-out item', async () => {
    const clock = steppingClock(start);
    const backend = createDemoBackend({ clock });
    const lasting = demoLiveAccounts.filter((account) => account.state !== 'scripted');
    const expected: DemoLiveState[] = [
      'live',
      'preparing',
      'not_started',
      'ended_replay_ready',
      'ended_replay_generating',
      'ended_replay_expired',
      'ended_no_replay',
    ];
    assert.deepEqual(new Set(lasting.map((account) => account.state)), new Set(expected));
    // From the start, over minutes, hours and days: every moment has them all.
    for (const after of [0, 2 * minute + 1, 9 * minute, 3 * 60 * minute, 27 * 60 * minute, 3 * 24 * 60 * minute]) {
      clock.advance(start + after - clock.now());
      const now = clock.now();
      for (const account of lasting) {
        const room = await backend.getLive(account.finderUserName);
        assert.equal(stateOf(room), account.state, `${account.finderUserName} after ${after} ms`);
        if (account.state === 'not_started' || account.state === 'preparing') {
          assert.ok(room.notice && room.notice.startAt > now, `${account.finderUserName}: a notice still to come`);
          assert.equal(room.notice.reservable, account.state === 'not_started');
        }
      }
      const live = await backend.getLive('sphShanyeOutdoor');
      assert.ok(live.pinnedProductId !== undefined, `explaining a product after ${after} ms`);
      assert.ok(
        live.bag.some((item) => item.flashSaleEndsAt !== undefined && item.flashSaleEndsAt > now),
        `a flash sale running after ${after} ms`,
      );
      assert.ok(
        live.bag.some((item) => item.stock === 0),
        `a sold-out item after ${after} ms`,
      );
      assert.ok(
        live.bag.some((item) => item.stock > 0),
        `something to buy after ${after} ms`,
      );
    }
  });

  it('walks the scripted room through a whole live on clock steps, nothing happening between them', async () => {
    const clock = manualClock(start);
    const backend = createDemoBackend({ clock });
    const name = scriptedLive.finderUserName;
    let room = await backend.getLive(name);
    assert.deepEqual(
      [room.status, room.notice?.reservable, room.notice?.startAt],
      ['not_started', true, start + scriptedLive.startsAfterMs],
    );
    const [first, second, third] = room.bag;
    const controller = new AbortController();
    const events = backend.liveEvents(name, { signal: controller.signal, lastEventId: room.lastEventId! });
    const iterator = events[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<LiveEvent>> | undefined;
    /** The events the subscriber receives until it has caught up with the room (the clock has stepped). */
    const eventsOfStep = async (): Promise<LiveEvent[]> => {
      const events: LiveEvent[] = [];
      for (;;) {
        pending ??= iterator.next();
        const next = await pending;
        pending = undefined;
        assert.equal(next.done, false);
        events.push(next.value as LiveEvent);
        room = applyLiveEvent(room, next.value as LiveEvent);
        if ((await backend.getLive(name)).lastEventId === room.lastEventId) return events;
      }
    };
    const seen: string[] = [];
    for (const { afterMs, step } of scriptedLive.steps.slice(1)) {
      clock.set(start + afterMs);
      const events = await eventsOfStep();
      assert.ok(
        events.every((event) => event.at === start + afterMs),
        `${step} happens at its time`,
      );
      seen.push(step);
      const bagItem = (productId: string | undefined) => room.bag.find((item) => item.productId === productId);
      switch (step) {
        case 'preparing':
          assert.equal(room.status, 'preparing');
          break;
        case 'live':
          assert.deepEqual([room.status, room.pinnedProductId], ['live', first!.productId]);
          break;
        case 'explain_next':
          assert.equal(room.pinnedProductId, second!.productId);
          break;
        case 'flash_sale':
          assert.equal(bagItem(second!.productId)?.flashSaleEndsAt, start + scriptedLive.flashSaleEndsAfterMs);
          assert.ok(bagItem(second!.productId)!.price < second!.price);
          break;
        case 'sold_out':
          assert.equal(bagItem(third!.productId)?.stock, 0);
          break;
        case 'flash_sale_end':
          assert.deepEqual(
            [bagItem(second!.productId)?.price, bagItem(second!.productId)?.flashSaleEndsAt],
            [second!.price, undefined],
          );
          break;
        case 'ended_replay_generating':
          assert.deepEqual([room.status, room.replay], ['ended', 'generating']);
          break;
        case 'replay_ready':
          assert.deepEqual([room.status, room.replay], ['ended', 'ready']);
          break;
      }
    }
    assert.deepEqual(
      seen,
      scriptedLive.steps.slice(1).map((s) => s.step),
    );
    assert.deepEqual(await backend.getLive(name), room, 'the subscriber saw what the room is');
    controller.abort();
  });
});
