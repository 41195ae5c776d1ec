// Kills StrykerJS mutants (npm run mutation -- gateway) in wechat/token.ts: the access token shared by
// replicas through a store lock. wechat.test.ts drives one gateway; here a stand-in second replica holds the
// lock, writes its token while we wait, never finishes, or races us to the lock, on a clock the test moves.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XiaodianError } from '@xiaodian/model';
import { TokenSource, memoryTokenStore, type TokenStore } from '../../packages/gateway/src/wechat/token.ts';

const minute = 60_000;

/** A clock that moves only when told, a sleep that moves it, and a token store on that clock. */
function setup(options: { renewBeforeMs?: number; lockWaitMs?: number; onSleep?: (slept: number) => void } = {}) {
  let time = 1_000_000;
  const now = () => time;
  const store = memoryTokenStore(now);
  const keys: string[] = [];
  const watched: TokenStore = {
    get: (key) => (keys.push(`get ${key}`), store.get(key)),
    set: (key, value) => (keys.push(`set ${key}`), store.set(key, value)),
    lock: (key, ttlMs) => (keys.push(`lock ${key}`), store.lock(key, ttlMs)),
    unlock: (key) => (keys.push(`unlock ${key}`), store.unlock(key)),
  };
  let sleeps = 0;
  let fetches = 0;
  let nextToken = 'fresh-1';
  const source = new TokenSource({
    appid: 'wx-app',
    store: watched,
    now,
    sleep: async (ms) => {
      time += ms;
      sleeps += 1;
      options.onSleep?.(sleeps);
    },
    fetchToken: async () => {
      fetches += 1;
      return { token: nextToken, expiresInSeconds: 7200 };
    },
    ...(options.renewBeforeMs === undefined ? {} : { renewBeforeMs: options.renewBeforeMs }),
    ...(options.lockWaitMs === undefined ? {} : { lockWaitMs: options.lockWaitMs }),
  });
  return {
    source,
    store,
    keys,
    advance: (ms: number) => void (time += ms),
    now,
    counts: () => ({ sleeps, fetches }),
    setNextToken: (token: string) => void (nextToken = token),
  };
}

const tokenKey = 'xd:v1:wechat-token:wx-app';
const lockKey = `${tokenKey}:lock`;

describe('the memory token store', () => {
  it('gives the lock to one holder until it is released or its time is up, to the millisecond', async () => {
    let time = 0;
    const store = memoryTokenStore(() => time);
    assert.equal(await store.lock('k', 1000), true, 'free at first');
    assert.equal(await store.lock('k', 1000), false, 'held');
    time = 999;
    assert.equal(await store.lock('k', 1000), false, 'still held 1 ms before its end');
    time = 1000;
    assert.equal(await store.lock('k', 1000), true, 'free once its time is up');
    await store.unlock('k');
    assert.equal(await store.lock('k', 1000), true, 'free once released');
    assert.equal(await store.lock('other', 1000), true, 'locks are per key');
  });
});

describe('the shared access token', () => {
  it('keeps the token under its appid key, and refreshes under a lock beside it', async () => {
    const { source, keys } = setup();
    assert.equal(await source.get(), 'fresh-1');
    assert.deepEqual(keys, [
      `get ${tokenKey}`,
      `lock ${lockKey}`,
      `get ${tokenKey}`,
      `set ${tokenKey}`,
      `unlock ${lockKey}`,
    ]);
  });

  it('renews five minutes before WeChat’s expiry by default, not one millisecond later', async () => {
    const { source, store, counts } = setup();
    const now = 1_000_000;
    await store.set(tokenKey, { token: 'old', expiresAt: now + 5 * minute + 1 });
    assert.equal(await source.get(), 'old', 'more than five minutes left: kept');
    await store.set(tokenKey, { token: 'old', expiresAt: now + 5 * minute });
    assert.equal(await source.get(), 'fresh-1', 'five minutes left: renewed');
    assert.equal(counts().fetches, 1);
  });

  it('forgets a token WeChat rejected only while it is still the current one', async () => {
    const { source, store } = setup();
    await source.invalidate('nothing-stored-yet');
    assert.equal(await store.get(tokenKey), undefined);
    await store.set(tokenKey, { token: 'current', expiresAt: 2_000_000 });
    await source.invalidate('an-older-one');
    assert.deepEqual(await store.get(tokenKey), { token: 'current', expiresAt: 2_000_000 });
    await source.invalidate('current');
    assert.deepEqual(await store.get(tokenKey), { token: 'current', expiresAt: 0 });
  });

  it('waits for the replica holding the lock and takes its new token instead of calling WeChat', async () => {
    const holder = setup({
      renewBeforeMs: 0,
      onSleep: (slept) => {
        if (slept === 3) void holder.store.set(tokenKey, { token: 'from-replica', expiresAt: holder.now() + minute });
      },
    });
    await holder.store.lock(lockKey, 60_000);
    assert.equal(await holder.source.get(), 'from-replica');
    assert.deepEqual(holder.counts(), { sleeps: 3, fetches: 0 });
  });

  it('does not take back from a replica the token WeChat just rejected', async () => {
    const holder = setup({
      renewBeforeMs: 0,
      onSleep: (slept) => {
        // A replica that had not heard of the rejection writes the same token back, valid for an hour.
        if (slept === 1) void holder.store.set(tokenKey, { token: 'rejected', expiresAt: holder.now() + minute });
      },
    });
    await holder.store.set(tokenKey, { token: 'rejected', expiresAt: 2_000_000 });
    await holder.source.invalidate('rejected');
    await holder.store.lock(lockKey, 60_000);
    assert.equal(await holder.source.get(), 'fresh-1');
    assert.equal(holder.counts().fetches, 1);
  });

  it('waits on past a replica token that is already due for renewal, to the millisecond', async () => {
    const holder = setup({
      renewBeforeMs: 1_000,
      onSleep: (slept) => {
        // Exactly renewBeforeMs left: due, so not taken; the next one has a minute.
        const expiresAt = holder.now() + (slept === 1 ? 1_000 : minute);
        void holder.store.set(tokenKey, { token: `replica-${slept}`, expiresAt });
      },
    });
    await holder.store.lock(lockKey, 60_000);
    assert.equal(await holder.source.get(), 'replica-2');
    assert.deepEqual(holder.counts(), { sleeps: 2, fetches: 0 });
  });

  it('stops waiting for a replica that never finishes once more than lockWaitMs has passed, and refreshes itself', async () => {
    const { source, store, counts } = setup({ lockWaitMs: 5_000 });
    await store.lock(lockKey, 60_000);
    assert.equal(await source.get(), 'fresh-1');
    // Sleeps of 100 ms: after 50 of them exactly 5 s have passed, which is not yet more than 5 s.
    assert.deepEqual(counts(), { sleeps: 51, fetches: 1 });
  });

  it('takes a token that landed between its read and its lock', async () => {
    const { source, store, counts } = setup({ renewBeforeMs: 0 });
    const lock = store.lock.bind(store);
    store.lock = async (key, ttlMs) => {
      await store.set(tokenKey, { token: 'landed', expiresAt: 2_000_000 });
      return lock(key, ttlMs);
    };
    assert.equal(await source.get(), 'landed');
    assert.equal(counts().fetches, 0);
  });

  it('takes one that landed before its lock only when it is new and not due for renewal', async () => {
    for (const [landed, expected] of [
      [{ token: 'rejected', expiresAt: 2_000_000 }, 'fresh-1'],
      [{ token: 'landed', expiresAt: 1_000_000 + 1_000 }, 'fresh-1'],
      [{ token: 'landed', expiresAt: 1_000_000 + 1_001 }, 'landed'],
    ] as const) {
      const { source, store } = setup({ renewBeforeMs: 1_000 });
      await store.set(tokenKey, { token: 'rejected', expiresAt: 2_000_000 });
      await source.invalidate('rejected');
      const lock = store.lock.bind(store);
      store.lock = async (key, ttlMs) => {
        await store.set(tokenKey, landed);
        return lock(key, ttlMs);
      };
      assert.equal(await source.get(), expected, JSON.stringify(landed));
    }
  });

  it('refuses an empty token from WeChat as an upstream error, and releases the lock', async () => {
    const { source, store, setNextToken } = setup();
    setNextToken('');
    await assert.rejects(source.get(), (error: unknown) => {
      assert.ok(error instanceof XiaodianError);
      assert.equal(error.code, 'upstream');
      assert.equal(error.message, 'WeChat returned an empty access token');
      return true;
    });
    assert.equal(await store.lock(lockKey, 1000), true, 'the lock was released');
    assert.equal(await store.get(tokenKey), undefined, 'nothing stored');
  });
});
