/**
 * The client's two-level cache (cache/resource-cache.ts) driven directly, at the edges its tests through the
 * client never reached (a coverage run, for the mutation run): what storage holds is read back only when
 * it still validates and is within its policy, a broken entry or index is dropped rather than trusted,
 * storage keeps at most `maxPersisted` entries under the namespace, and the index is written once per tick.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PersistentStore } from '@xiaodian/client';
import { ResourceCache } from '../../packages/client/src/cache/resource-cache.ts';

const policy = { freshMs: 1000, staleMs: 9000 };
const namespace = 'https://gw.example/';
const prefix = `xd:v1:${encodeURIComponent(namespace)}:`;
const asNumber = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** A store over a Map, with every call recorded. */
function recordingStore() {
  const data = new Map<string, string>();
  const calls: string[] = [];
  const store: PersistentStore = {
    get: (key) => (calls.push(`get ${key}`), data.get(key)),
    set: (key, value) => void (calls.push(`set ${key}`), data.set(key, value)),
    remove: (key) => void (calls.push(`remove ${key}`), data.delete(key)),
  };
  return { store, data, calls };
}

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('the resource cache', () => {
  it('reads storage back fresh, then stale, then not at all, by the time it was written', () => {
    let now = 10_000;
    const { store, data } = recordingStore();
    data.set(`${prefix}n`, JSON.stringify({ t: 10_000, v: 7 }));
    const lookup = () => new ResourceCache(10, () => now, store, namespace).read('n', policy, asNumber);
    assert.deepEqual(lookup(), { value: 7, state: 'fresh', storedAt: 10_000 });
    now += 1001;
    assert.deepEqual(lookup(), { value: 7, state: 'stale', storedAt: 10_000 });
    now = 10_000 + 10_000;
    assert.deepEqual(lookup(), { value: 7, state: 'stale', storedAt: 10_000 }, 'the last moment of its stale time');
    now += 1;
    assert.equal(lookup(), undefined);
    assert.equal(data.has(`${prefix}n`), false, 'an expired entry is removed from storage');
  });

  it('misses a key storage does not hold, touching nothing', () => {
    const { store, calls } = recordingStore();
    assert.equal(new ResourceCache(10, () => 0, store, namespace).read('n', policy, asNumber), undefined);
    assert.deepEqual(calls, [`get ${prefix}n`]);
  });

  it('drops a stored entry that is not JSON, lacks its time or no longer validates', () => {
    for (const text of [
      '{not json',
      JSON.stringify({ v: 7 }),
      JSON.stringify({ t: 'yesterday', v: 7 }),
      JSON.stringify({ t: 0, v: 'seven' }),
    ]) {
      const { store, data } = recordingStore();
      data.set(`${prefix}n`, text);
      assert.equal(new ResourceCache(10, () => 0, store, namespace).read('n', policy, asNumber), undefined, text);
      assert.equal(data.has(`${prefix}n`), false, `${text} is removed`);
    }
  });

  it('reads only memory without a check, or without a store', () => {
    const { store, data, calls } = recordingStore();
    data.set(`${prefix}n`, JSON.stringify({ t: 0, v: 7 }));
    assert.equal(new ResourceCache(10, () => 0, store, namespace).read('n', policy), undefined);
    assert.deepEqual(calls, []);
    const memoryOnly = new ResourceCache(10, () => 0, undefined, namespace);
    memoryOnly.write('n', 8, true);
    assert.deepEqual(memoryOnly.read('n', policy, asNumber), { value: 8, state: 'fresh', storedAt: 0 });
    assert.equal(memoryOnly.read('missing', policy, asNumber), undefined);
  });

  it('keeps at most maxPersisted entries in storage, the least recently written going first, in one index write', async () => {
    const { store, data, calls } = recordingStore();
    const cache = new ResourceCache(10, () => 0, store, namespace, 2);
    cache.write('a', 1, true);
    cache.write('b', 2, true);
    cache.write('a', 3, true);
    cache.write('c', 4, true);
    cache.write('memory-only', 5, false);
    assert.deepEqual([...data.keys()].sort(), [`${prefix}a`, `${prefix}c`]);
    assert.equal(calls.filter((call) => call === `set ${prefix}index`).length, 0, 'not before the tick ends');
    await tick();
    assert.equal(calls.filter((call) => call === `set ${prefix}index`).length, 1);
    assert.deepEqual(JSON.parse(data.get(`${prefix}index`)!), ['a', 'c']);
    assert.equal(cache.size, 4);
  });

  it('takes the index back from storage, and a broken index as empty', async () => {
    for (const [index, kept] of [
      ['["a","b"]', ['a', 'b', 'c']],
      ['{broken', ['c']],
      ['{"a":1}', ['c']],
      ['["a",5]', ['a', 'c']],
    ] as const) {
      const { store, data } = recordingStore();
      data.set(`${prefix}index`, index);
      new ResourceCache(10, () => 0, store, namespace).write('c', 1, true);
      await tick();
      assert.deepEqual(JSON.parse(data.get(`${prefix}index`)!), kept, index);
    }
  });

  it('forgets a deleted entry in memory, in storage and in the index', async () => {
    const { store, data } = recordingStore();
    const cache = new ResourceCache(10, () => 0, store, namespace);
    cache.write('a', 1, true);
    cache.write('b', 2, true);
    await tick();
    cache.delete('a');
    await tick();
    assert.equal(cache.read('a', policy, asNumber), undefined);
    assert.equal(data.has(`${prefix}a`), false);
    assert.deepEqual(JSON.parse(data.get(`${prefix}index`)!), ['b']);
  });

  it('forgets from the index only the key it drops, wherever that key stands, and none when it is not listed', async () => {
    // Mutants guarded: `at !== -1` → true (splice(-1) drops the last key), `-1` → `+1` (the second key kept).
    for (const [listed, dropped, kept] of [
      [['a', 'b', 'c'], 'b', ['a', 'c']],
      [['a', 'b', 'c'], 'a', ['b', 'c']],
      [['a', 'c'], 'b', ['a', 'c']],
    ] as const) {
      const { store, data } = recordingStore();
      data.set(`${prefix}index`, JSON.stringify(listed));
      // Written by another tab, under a key this index may not list: it no longer validates.
      data.set(`${prefix}${dropped}`, JSON.stringify({ t: 0, v: 'not a number' }));
      const cache = new ResourceCache(10, () => 0, store, namespace);
      assert.equal(cache.read(dropped, policy, asNumber), undefined);
      await tick();
      assert.equal(data.has(`${prefix}${dropped}`), false, `${dropped} is removed from storage`);
      assert.deepEqual(
        JSON.parse(data.get(`${prefix}index`) ?? JSON.stringify(listed)),
        kept,
        `${listed} − ${dropped}`,
      );
    }
  });
});
