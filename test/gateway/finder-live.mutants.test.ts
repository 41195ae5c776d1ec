/**
 * The 视频号 live room read from WeChat (wechat/live.ts), driven directly against a scripted API: how a poll's
 * answers become a room (live or not, host, bag items and what is refused in them), which differences
 * between two polls become which events, resuming by `Last-Event-ID` within the events kept, and polling
 * only while someone watches. Found by the gateway's mutation run: the fake-WeChat tests go through the
 * HTTP server and never reached these edges.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { LiveEvent, LiveEventsOptions } from '@xiaodian/model';
import type { WeChatApi } from '../../packages/gateway/src/wechat/api.ts';
import { FinderLive } from '../../packages/gateway/src/wechat/live.ts';

const finderUserName = 'sphShanyeOutdoor';
const shopAppid = 'wx3f8a2c1d9e7b6a54';
const clock = 1_780_000_000_000;
const epoch = clock.toString(36);

interface FinderState {
  notices: Array<Record<string, unknown>>;
  lives: Array<Record<string, unknown>>;
  liveData: Record<string, unknown>;
}

/** A WeChat whose three live answers come from `state`, read afresh at every call; every path called recorded. */
function scriptedWeChat(state: FinderState) {
  const calls: string[] = [];
  const api = {
    async call(_method: string, path: string, body?: Record<string, unknown>) {
      calls.push(path);
      if (path.endsWith('/getfinderlivenoticerecordlist')) return { notice_record_list: state.notices };
      if (path.endsWith('/getfinderliverecordlist')) return { live_list: state.lives };
      if (path.endsWith('/getlivedata')) {
        assert.deepEqual(body, { export_id: state.lives[0]?.['export_id'] });
        return state.liveData;
      }
      throw new Error(`unexpected call ${path}`);
    },
  } as unknown as WeChatApi;
  return { api, calls };
}

const liveNow = (productList: unknown[] = [], isLiving: unknown = 1): FinderState => ({
  notices: [],
  lives: [{ export_id: 'export-1', nickname: '山野户外', head_url: 'https://wx.qlogo.cn/h.jpg', description: '上新' }],
  liveData: { is_living: isLiving, product_list: productList },
});

const bagItem = (productId: string, price: number, stock: number) => ({
  product_id: productId,
  price,
  stock,
  title: `商品${productId}`,
  head_img: `https://mmecimage.cn/p/${productId}.jpg`,
});

function finderLive(state: FinderState, options: { pollMs?: number; retainEvents?: number } = {}) {
  const wechat = scriptedWeChat(state);
  const live = new FinderLive({
    api: wechat.api,
    finderUserName,
    shopAppid,
    pollMs: options.pollMs ?? 5,
    ...(options.retainEvents === undefined ? {} : { retainEvents: options.retainEvents }),
    now: () => clock,
  });
  return { live, calls: wechat.calls };
}

/** A subscription to the room's events, as the SSE route reads them. */
function follow(live: FinderLive, options: LiveEventsOptions): AsyncIterator<LiveEvent> {
  return live.liveEvents(finderUserName, options)[Symbol.asyncIterator]();
}

/**
 * A room on node:test's mock clock with one watcher subscribed: its first read done and its first
 * `next()` waiting for a change.
 */
async function watchedRoom(t: TestContext, state: FinderState, options: { retainEvents?: number } = {}) {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { live, calls } = finderLive(state, options);
  const controller = new AbortController();
  const events = follow(live, { signal: controller.signal });
  const next = events.next();
  await settled();
  return { live, calls, controller, events, next };
}

/** Takes the next `count` events from an open subscription. */
async function take(events: AsyncIterator<LiveEvent>, count: number): Promise<LiveEvent[]> {
  const taken: LiveEvent[] = [];
  while (taken.length < count) {
    const next = await events.next();
    assert.equal(next.done, false, 'the subscription ended early');
    taken.push(next.value as LiveEvent);
  }
  return taken;
}

const withoutIds = (events: LiveEvent[]) => events.map(({ id: _id, at: _at, ...change }) => change);

describe('a 视频号 live room read from WeChat', () => {
  it('serves only its own 视频号, naming both in the refusal', async () => {
    const { live } = finderLive(liveNow());
    await assert.rejects(live.getLive('sphOther'), {
      code: 'not_found',
      message: `This gateway's 视频号助手 credentials are for ${finderUserName}, not sphOther`,
    });
    assert.throws(() => live.liveEvents('sphOther'), { code: 'not_found' });
  });

  it('reads a live as live whether WeChat says 1, "1" or true, with its feed and host', async () => {
    for (const isLiving of [1, '1', true]) {
      const room = await finderLive(liveNow([], isLiving)).live.getLive(finderUserName);
      assert.equal(room.status, 'live', `is_living ${JSON.stringify(isLiving)}`);
      assert.equal(room.statusCode, 2);
      assert.equal(room.feedId, 'export-1');
      assert.equal(room.nickname, '山野户外');
      assert.equal(room.avatarUrl, 'https://wx.qlogo.cn/h.jpg');
      assert.equal(room.description, '上新');
      assert.equal(room.lastEventId, `${epoch}-0`);
    }
  });

  it('reads a live record that is not living as ended, and takes the host from the notice when the live has none', async () => {
    const state = liveNow([], 0);
    state.lives = [{ export_id: 'export-1' }];
    const ended = await finderLive(state).live.getLive(finderUserName);
    assert.equal(ended.status, 'ended');
    assert.equal(ended.statusCode, 3);
    assert.equal(ended.nickname, finderUserName, 'no nickname anywhere: the 视频号 itself');
    assert.equal(ended.avatarUrl, '');
    assert.equal(ended.description, '');
    state.notices = [
      { notice_id: 'n1', status: 0, start_time: 1_790_000_000, head_url: 'https://n/h.jpg', description: '预告' },
    ];
    const announced = await finderLive(state).live.getLive(finderUserName);
    assert.equal(announced.status, 'not_started');
    assert.equal(announced.avatarUrl, 'https://n/h.jpg');
    assert.equal(announced.description, '预告');
    assert.equal(announced.notice?.startAt, 1_790_000_000_000);
  });

  it('asks for live data only when there is a live record, and has no feed without one', async () => {
    const state = liveNow([bagItem('10000001', 100, 1)]);
    state.lives = [];
    const { live, calls } = finderLive(state);
    const room = await live.getLive(finderUserName);
    assert.equal('feedId' in room, false);
    assert.deepEqual(room.bag, []);
    assert.equal(room.status, 'ended');
    assert.equal(
      calls.some((path) => path.endsWith('/getlivedata')),
      false,
    );
  });

  it('reads the bag: numbered by position, prices and stock as WeChat names them, bad items left out', async () => {
    const room = await finderLive(
      liveNow([
        bagItem('10000001', 990, 5),
        { product_id: 10000002, sale_price: 1990, stock_num: 3 },
        { product_id: '0123', price: 100 },
        { product_id: 'abc10000003', price: 100 },
        { product_id: '10000004x', price: 100 },
        { product_id: '10000005', price: -1 },
        { product_id: '10000006', price: 1.5 },
        { product_id: '10000007', price: 0, stock: -2, title: 7, head_img: null },
        { product_id: '10000008', price: 100, stock: 2.5 },
      ]),
    ).live.getLive(finderUserName);
    assert.deepEqual(room.bag, [
      {
        appid: shopAppid,
        productId: '10000001',
        index: 1,
        title: '商品10000001',
        image: 'https://mmecimage.cn/p/10000001.jpg',
        price: 990,
        stock: 5,
      },
      { appid: shopAppid, productId: '10000002', index: 2, title: '', image: '', price: 1990, stock: 3 },
      { appid: shopAppid, productId: '10000007', index: 8, title: '', image: '', price: 0, stock: 0 },
      { appid: shopAppid, productId: '10000008', index: 9, title: '', image: '', price: 100, stock: 0 },
    ]);
  });

  it('reads a product list that is not a list as an empty bag', async () => {
    const state = liveNow();
    state.liveData = { is_living: 1, product_list: { product_id: '10000001', price: 1 } };
    assert.deepEqual((await finderLive(state).live.getLive(finderUserName)).bag, []);
  });
});

describe('a 视频号 live room followed from WeChat', () => {
  it('turns the differences between two polls into events, numbered in order', async (t) => {
    const state = liveNow([bagItem('10000001', 990, 5), bagItem('10000002', 500, 9), bagItem('10000003', 100, 1)]);
    // The first read is the room itself; change it for the next poll.
    const { controller, events, next: first } = await watchedRoom(t, state);
    state.liveData = {
      is_living: 1,
      product_list: [bagItem('10000001', 890, 4), bagItem('10000003', 100, 1), bagItem('10000004', 300, 2)],
    };
    await nextPoll(t);
    const changes = [(await first).value as LiveEvent, ...(await take(events, 3))];
    assert.deepEqual(withoutIds(changes), [
      { type: 'product_removed', productId: '10000002' },
      { type: 'stock', productId: '10000001', stock: 4 },
      { type: 'price', productId: '10000001', price: 890 },
      {
        type: 'product_added',
        item: {
          appid: shopAppid,
          productId: '10000004',
          index: 3,
          title: '商品10000004',
          image: 'https://mmecimage.cn/p/10000004.jpg',
          price: 300,
          stock: 2,
        },
      },
    ]);
    assert.deepEqual(
      changes.map((event) => event.id),
      [1, 2, 3, 4].map((n) => `${epoch}-${n}`),
    );
    assert.ok(changes.every((event) => event.at === clock));

    state.liveData = { is_living: 0, product_list: [] };
    state.notices = [{ notice_id: 'n2', status: 0, start_time: 1_790_000_000 }];
    const ending = take(events, 4);
    await nextPoll(t);
    const ended = await ending;
    assert.deepEqual(withoutIds(ended)[0], { type: 'status', status: 'not_started', statusCode: 1, replay: 'unknown' });
    controller.abort();
    assert.equal((await events.next()).done, true);
  });

  it('sends nothing for a poll that changed nothing', async (t) => {
    const state = liveNow([bagItem('10000001', 990, 5)]);
    const { calls, controller, events, next } = await watchedRoom(t, state);
    // Three polls with nothing changed, then one change.
    for (let poll = 0; poll < 3; poll++) await nextPoll(t);
    assert.equal(calls.length, 12, 'the first read and three polls, three calls each');
    state.liveData = { is_living: 1, product_list: [bagItem('10000001', 990, 4)] };
    await nextPoll(t);
    const event = (await next).value as LiveEvent;
    assert.deepEqual(withoutIds([event]), [{ type: 'stock', productId: '10000001', stock: 4 }]);
    assert.equal(event.id, `${epoch}-1`, 'unchanged polls made no events');
    controller.abort();
    await events.next();
  });

  it('resumes after a known id with the events since, and gives a snapshot for an id it cannot resume', async (t) => {
    const state = liveNow([bagItem('10000001', 990, 9)]);
    const watched = await watchedRoom(t, state, { retainEvents: 2 });
    const { live, controller, events } = watched;
    let next = watched.next;
    for (const stock of [8, 7, 6]) {
      state.liveData = { is_living: 1, product_list: [bagItem('10000001', 990, stock)] };
      await nextPoll(t);
      await next;
      next = events.next();
    }
    // Events 1, 2 and 3 were made; 2 and 3 are kept.
    const resume = async (lastEventId: string) => {
      const resumed = new AbortController();
      const iterator = follow(live, { signal: resumed.signal, lastEventId });
      const got = (await iterator.next()).value as LiveEvent;
      resumed.abort();
      await iterator.next();
      return got;
    };
    assert.deepEqual(await resume(`${epoch}-2`), {
      type: 'stock',
      productId: '10000001',
      stock: 6,
      id: `${epoch}-3`,
      at: clock,
    });
    assert.equal((await resume(`${epoch}-1`)).type, 'stock', 'event 2 is kept: resuming from 1 replays it');
    assert.equal((await resume(`${epoch}-1`)).id, `${epoch}-2`);
    // From the newest id there is nothing to replay: the next event is the first it gets.
    const current = new AbortController();
    const fromNewest = follow(live, { signal: current.signal, lastEventId: `${epoch}-3` });
    const newest = fromNewest.next();
    await settled();
    state.liveData = { is_living: 1, product_list: [bagItem('10000001', 990, 5)] };
    await nextPoll(t);
    assert.deepEqual((await newest).value, {
      type: 'stock',
      productId: '10000001',
      stock: 5,
      id: `${epoch}-4`,
      at: clock,
    });
    next = events.next();
    current.abort();
    await fromNewest.next();
    for (const unknown of [
      `${epoch}-1`,
      `${epoch}-5`,
      `old${epoch}-2`,
      `x${epoch}-2`,
      `${epoch}-2x`,
      `${epoch}-`,
      `-${epoch}-2`,
    ]) {
      const snapshot = await resume(unknown);
      assert.equal(snapshot.type, 'snapshot', `after ${unknown}`);
      assert.equal(snapshot.id, `${epoch}-4`);
      assert.equal(snapshot.type === 'snapshot' && snapshot.room.bag[0]!.stock, 5);
    }
    controller.abort();
    await next;
  });

  it('resumes after an id with a many-digit sequence', async (t) => {
    const ids = Array.from({ length: 12 }, (_, i) => String(10_000_001 + i));
    const state = liveNow(ids.map((id) => bagItem(id, 100, 5)));
    const { live, controller, events, next: first } = await watchedRoom(t, state);
    state.liveData = { is_living: 1, product_list: ids.map((id) => bagItem(id, 100, 4)) };
    await nextPoll(t);
    await first;
    await take(events, 11);
    const resumed = new AbortController();
    const fromTen = follow(live, { signal: resumed.signal, lastEventId: `${epoch}-10` });
    assert.deepEqual((await fromTen.next()).value, {
      type: 'stock',
      productId: ids[10],
      stock: 4,
      id: `${epoch}-11`,
      at: clock,
    });
    resumed.abort();
    controller.abort();
    await Promise.all([fromTen.next(), fromTen.next(), events.next()]);
  });

  it('schedules no further poll when the last watcher leaves while a poll is on its way', async (t) => {
    const { calls, controller, next } = await watchedRoom(t, liveNow([bagItem('10000001', 990, 5)]));
    t.mock.timers.tick(5);
    // The poll has asked WeChat and not heard back yet.
    controller.abort();
    assert.equal((await next).done, true);
    await settled();
    const afterLast = calls.length;
    t.mock.timers.tick(10_000);
    await settled();
    assert.equal(calls.length, afterLast, 'the poll that answered after the last watcher left set no timer');
  });

  it('polls while someone watches, answers getLive from the last poll then, and stops when the last one leaves', async (t) => {
    // The poller's timer on node:test's mock clock: a poll happens exactly when the test ticks past it.
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const state = liveNow([bagItem('10000001', 990, 5)]);
    const { live, calls } = finderLive(state, { pollMs: 1000 });
    await live.getLive(finderUserName);
    await live.getLive(finderUserName);
    assert.equal(calls.length, 6, 'nobody watches: each getLive reads WeChat (three calls)');

    const one = new AbortController();
    const two = new AbortController();
    const first = follow(live, { signal: one.signal });
    const second = follow(live, { signal: two.signal });
    const firstNext = first.next();
    const secondNext = second.next();
    await settled();
    assert.equal(calls.length, 6, 'subscribing to a room already read polls nothing at once');
    state.liveData = { is_living: 1, product_list: [bagItem('10000001', 990, 4)] };
    t.mock.timers.tick(999);
    assert.equal(calls.length, 6);
    t.mock.timers.tick(1);
    await settled();
    assert.equal(calls.length, 9, 'one poll for both watchers');
    await Promise.all([firstNext, secondNext]);
    const room = await live.getLive(finderUserName);
    assert.equal(calls.length, 9, 'watched: getLive answers from the poller');
    assert.equal(room.bag[0]!.stock, 4);

    one.abort();
    assert.equal((await first.next()).done, true);
    state.liveData = { is_living: 1, product_list: [bagItem('10000001', 990, 3)] };
    await settled();
    t.mock.timers.tick(1000);
    assert.equal(((await second.next()).value as LiveEvent).type, 'stock', 'one watcher left: polling goes on');
    // The poll that just answered has set the next one's timer: leaving must clear it.
    await settled();
    two.abort();
    assert.equal((await second.next()).done, true);
    const afterLast = calls.length;
    t.mock.timers.tick(10_000);
    assert.equal(calls.length, afterLast, 'nobody watches: the poller stopped');
    assert.equal((await live.getLive(finderUserName)).bag[0]!.stock, 3);
    assert.equal(calls.length, afterLast + 3, 'nobody watches: getLive reads WeChat again');
  });
});

/** Moves the mock clock to the next poll (pollMs 5) and lets it answer. */
async function nextPoll(t: TestContext): Promise<void> {
  t.mock.timers.tick(5);
  await settled();
}

/** Lets everything already due run: a poll's answers, a generator resuming (setImmediate is not mocked). */
function settled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
