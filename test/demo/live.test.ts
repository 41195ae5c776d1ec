import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend, retainedEvents, steppingClock } from '@xiaodian/demo';
import { applyLiveEvent, liveEventSchema, liveRoomSchema, type LiveEvent, type LiveRoom } from '@xiaodian/model';

const start = Date.UTC(2026, 10, 24, 12, 0, 0);

/** Reads events until `count` have arrived or the stepping clock passes `untilMs`, then lets go. */
async function take(
  events: AsyncIterable<LiveEvent>,
  controller: AbortController,
  count: number,
): Promise<LiveEvent[]> {
  const seen: LiveEvent[] = [];
  for await (const event of events) {
    seen.push(event);
    if (seen.length >= count) break;
  }
  controller.abort();
  return seen;
}

function simulated(seed?: number) {
  const clock = steppingClock(start);
  return { clock, backend: createDemoBackend({ clock, ...(seed === undefined ? {} : { seed }) }) };
}

describe('demo live rooms', () => {
  it('cover every state: live, preparing, not started with a reservable notice, ended with and without replay', async () => {
    const { backend } = simulated();
    const rooms: LiveRoom[] = await Promise.all(backend.liveRooms.map((name) => backend.getLive(name)));
    assert.ok(rooms.length >= 6);
    for (const room of rooms) assert.equal(liveRoomSchema.safeParse(room).success, true, room.finderUserName);
    const state = (room: LiveRoom) => `${room.status}/${room.replay}`;
    const states = new Set(rooms.map(state));
    for (const expected of [
      'live/none',
      'preparing/none',
      'not_started/none',
      'ended/ready',
      'ended/none',
      'ended/expired',
    ]) {
      assert.ok(states.has(expected), expected);
    }
    const upcoming = rooms.find((room) => room.status === 'not_started')!;
    assert.equal(upcoming.notice?.reservable, true);
    assert.ok(upcoming.notice!.startAt > start);
    for (const room of rooms) {
      assert.ok(room.bag.length >= 6, 'a bag of products');
      assert.ok(room.lastEventId, 'a room always says which event it reflects');
    }
    await assert.rejects(backend.getLive('sphNobody'), { code: 'not_found' });
  });

  it('simulates a live room realistically: viewers, heat, pins, stock, flash sales with a countdown, new products', async () => {
    const { backend } = simulated();
    const name = 'sphShanyeOutdoor';
    let room = await backend.getLive(name);
    const controller = new AbortController();
    const events = await take(
      backend.liveEvents(name, { signal: controller.signal, lastEventId: room.lastEventId! }),
      controller,
      400,
    );
    for (const event of events) {
      assert.equal(liveEventSchema.safeParse(event).success, true, JSON.stringify(event));
      room = applyLiveEvent(room, event);
    }
    const types = new Set(events.map((event) => event.type));
    for (const type of ['viewers', 'heat', 'pin', 'stock', 'price', 'product_added'] as const)
      assert.ok(types.has(type), type);
    const sale = events.find((event) => event.type === 'price' && event.flashSaleEndsAt !== undefined);
    assert.ok(sale && sale.type === 'price' && sale.flashSaleEndsAt! > sale.at, 'a flash sale ends in the future');
    const end = events.find(
      (event) => event.type === 'price' && event.productId === sale.productId && event.at === sale.flashSaleEndsAt,
    );
    assert.ok(end, 'the price comes back when the countdown ends');
    assert.ok(
      events.some((event) => event.type === 'stock' && event.stock === 0),
      'something sells out',
    );
    const times = events.map((event) => event.at);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
      'in time order',
    );
    assert.deepEqual(await backend.getLive(name), room, 'the room is its events applied');
  });

  it('is deterministic: the same seed and start give the same events; another seed does not', async () => {
    const run = async (seed?: number) => {
      const { backend } = simulated(seed);
      const controller = new AbortController();
      return take(backend.liveEvents('sphQingquanTea', { signal: controller.signal }), controller, 120);
    };
    const [a, b, c] = [await run(), await run(), await run(7)];
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    assert.notEqual(
      JSON.stringify(a.map(({ id: _id, ...rest }) => rest)),
      JSON.stringify(c.map(({ id: _id, ...rest }) => rest)),
    );
  });

  it('resumes after Last-Event-ID with nothing lost or repeated, and sends a snapshot for an id it cannot resume', async () => {
    const { backend, clock } = simulated();
    const name = 'sphHuajianBeauty';
    const first = new AbortController();
    const before = await take(backend.liveEvents(name, { signal: first.signal }), first, 20);
    // Time passes while the subscriber is away.
    clock.advance(30_000);
    const second = new AbortController();
    const after = await take(
      backend.liveEvents(name, { signal: second.signal, lastEventId: before.at(-1)!.id }),
      second,
      30,
    );
    const sequence = (event: LiveEvent) => Number(event.id.split('-')[1]);
    const all = [...before, ...after].map(sequence);
    assert.deepEqual(
      all,
      Array.from({ length: all.length }, (_, i) => all[0]! + i),
      'consecutive, once each',
    );

    for (const unknown of ['nonsense', 'abc-1', `${before[0]!.id.split('-')[0]}-999999`]) {
      const controller = new AbortController();
      const [snapshot] = await take(
        backend.liveEvents(name, { signal: controller.signal, lastEventId: unknown }),
        controller,
        1,
      );
      assert.equal(snapshot!.type, 'snapshot', unknown);
      assert.equal(liveEventSchema.safeParse(snapshot).success, true);
    }

    // An id older than the retained history also gets a snapshot.
    clock.advance(retainedEvents * 3_000 * 2);
    await backend.getLive(name);
    const controller = new AbortController();
    const [late] = await take(
      backend.liveEvents(name, { signal: controller.signal, lastEventId: before[0]!.id }),
      controller,
      1,
    );
    assert.equal(late!.type, 'snapshot');
  });

  it('keeps quiet rooms quiet until the subscriber leaves', async () => {
    const { backend } = simulated();
    const quiet = new AbortController();
    const iterator = backend.liveEvents('sphDigitalLive', { signal: quiet.signal })[Symbol.asyncIterator]();
    const next = iterator.next();
    setTimeout(() => quiet.abort(), 20);
    assert.deepEqual(
      await next,
      { done: true, value: undefined },
      'an ended room ends the stream when the subscriber leaves',
    );
  });
});
