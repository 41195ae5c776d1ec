/**
 * The parts of the client loaded on first use (`import()`), failing to load as on a dropped network, in the
 * sources (lazy-modules.test.ts does the same with the built chunks, which no mutant reaches): what the
 * error names, and how a live subscription waits a second and tries again (found unguarded by the client's
 * mutation run, in client.ts).
 *
 * A module resolve hook (node:module `register`) makes the next load of a chosen module fail. Node runs
 * hooks on their own thread, so the test and the hook share a counter per module in shared memory: the test
 * sets how many loads should fail, the hook counts them down, synchronously, with no message to wait for.
 */
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { afterEach, describe, it } from 'node:test';
import type { LiveConnectionState, XiaodianError } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import type { LiveRoom } from '@xiaodian/model';
import { createClient } from '../../packages/client/src/client.ts';
import { until } from './live-test-room.ts';

const modules = ['resources.js', 'search-resources.js', 'live/subscribe-live.js', 'article.js'] as const;
const failuresLeft = new Int32Array(new SharedArrayBuffer(4 * modules.length));

const hook = `
let failuresLeft;
const modules = ${JSON.stringify(modules)};
export function initialize(data) { failuresLeft = data.failuresLeft; }
export async function resolve(specifier, context, next) {
  const index = modules.indexOf(specifier.replace(/^\\.\\//, ''));
  // Only the client's own lazy imports, from client.ts (tsx) or its compiled twin client.js (mutation runs).
  if (index >= 0 && /\\/packages\\/client\\/src\\/client\\.[jt]s$/.test(context.parentURL ?? '')) {
    if (Atomics.load(failuresLeft, index) > 0) {
      Atomics.sub(failuresLeft, index, 1);
      throw new Error('net::ERR_INTERNET_DISCONNECTED (simulated)');
    }
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: { failuresLeft } });

function failNextLoads(module: (typeof modules)[number], times: number): void {
  Atomics.store(failuresLeft, modules.indexOf(module), times);
}

afterEach(() => failuresLeft.fill(0));

const demo = createDemoBackend();
const shop = { appid: demo.shops[0]!.appid };
const live = { finderUserName: demo.liveRooms[0]! };

describe('a part of the client that fails to load', () => {
  it('names the part in its error, and loads on the next call', async () => {
    const client = createClient({ backend: demo });
    failNextLoads('resources.js', 1);
    failNextLoads('search-resources.js', 1);
    failNextLoads('article.js', 1);
    const failed = { code: 'upstream', retryable: true };
    await assert.rejects(client.getShop(shop), { ...failed, message: 'Could not load resources.js' });
    await assert.rejects(client.search({ q: '防晒衣' }), { ...failed, message: 'Could not load search-resources.js' });
    await assert.rejects(client.resolveArticle(''), { ...failed, message: 'Could not load article.js' });
    assert.equal((await client.getShop(shop)).appid, shop.appid);
    assert.ok((await client.search({ q: '防晒衣' })).items.length > 0);
    assert.deepEqual(await client.resolveArticle(''), []);
  });
});

describe('a live subscription whose module fails to load', () => {
  it('reports each failure, says reconnecting once, and starts a second after the last failure', async () => {
    const client = createClient({ backend: demo });
    failNextLoads('live/subscribe-live.js', 2);
    const states: LiveConnectionState[] = [];
    const errors: XiaodianError[] = [];
    const rooms: LiveRoom[] = [];
    const started = Date.now();
    const subscription = client.subscribeLive(live, (room) => rooms.push(room), {
      onState: (state) => states.push(state),
      onError: (error) => errors.push(error),
    });
    try {
      await until(() => rooms.length > 0, 'the room, once the module has loaded', 8_000);
      assert.ok(Date.now() - started >= 1_900, 'two failed loads, a second apart, before the third succeeds');
      assert.deepEqual(
        errors.map((error) => `${error.code} ${error.message}`),
        ['upstream Could not load subscribe-live.js', 'upstream Could not load subscribe-live.js'],
      );
      assert.equal(states[0], 'reconnecting');
      assert.equal(states.filter((state) => state === 'reconnecting').length, 1, 'reconnecting is said once');
      assert.equal(rooms[0]!.finderUserName, live.finderUserName);
    } finally {
      subscription.close();
    }
  });

  it('tries again without an error listener', async () => {
    const client = createClient({ backend: demo });
    failNextLoads('live/subscribe-live.js', 1);
    const states: LiveConnectionState[] = [];
    const rooms: LiveRoom[] = [];
    const subscription = client.subscribeLive(live, (room) => rooms.push(room), {
      onState: (state) => states.push(state),
    });
    try {
      await until(() => rooms.length > 0, 'the room', 5_000);
      assert.equal(states[0], 'reconnecting');
    } finally {
      subscription.close();
    }
  });

  it('tries again without a state listener', async () => {
    const client = createClient({ backend: demo });
    failNextLoads('live/subscribe-live.js', 1);
    const errors: XiaodianError[] = [];
    const rooms: LiveRoom[] = [];
    const subscription = client.subscribeLive(live, (room) => rooms.push(room), {
      onError: (error) => errors.push(error),
    });
    try {
      await until(() => rooms.length > 0, 'the room', 5_000);
      assert.equal(errors.length, 1);
    } finally {
      subscription.close();
    }
  });

  it('closed before its module failed to load, reports nothing and never starts', async () => {
    const client = createClient({ backend: demo });
    failNextLoads('live/subscribe-live.js', 1);
    const heard: string[] = [];
    const subscription = client.subscribeLive(live, () => heard.push('room'), {
      onState: (state) => heard.push(state),
      onError: (error) => heard.push(error.code),
    });
    subscription.close();
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    assert.deepEqual(heard, []);
    assert.equal(subscription.state, 'closed');
  });
});
