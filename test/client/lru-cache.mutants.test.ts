// Kills StrykerJS mutants (npm run mutation -- client) in the client's memory cache, `LruCache` (public): the
// boundaries between fresh, stale and expired, dropping what expired, and which entries a full cache lets go.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LruCache } from '@xiaodian/client';

const policy = { freshMs: 100, staleMs: 50 };

/** A cache over a clock the test moves. */
function cacheAt(maxEntries = 10) {
  let time = 1_000;
  const cache = new LruCache<string>(maxEntries, () => time);
  return {
    cache,
    advance(ms: number) {
      time += ms;
    },
  };
}

describe('LruCache ages', () => {
  it('is fresh up to freshMs inclusive, stale after it up to freshMs + staleMs inclusive', () => {
    const { cache, advance } = cacheAt();
    cache.set('k', 'v');
    advance(100);
    assert.deepEqual(cache.get('k', policy), { state: 'fresh', value: 'v', storedAt: 1_000 });
    advance(1);
    assert.equal(cache.get('k', policy)?.state, 'stale');
    advance(49);
    assert.deepEqual(cache.get('k', policy), { state: 'stale', value: 'v', storedAt: 1_000 });
  });

  it('misses one millisecond after freshMs + staleMs, and drops the entry then', () => {
    const { cache, advance } = cacheAt();
    cache.set('k', 'v');
    cache.set('other', 'w', 1_100);
    advance(151);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('k', policy), undefined);
    assert.equal(cache.size, 1, 'the expired entry is dropped, not kept to be missed again');
    // A longer policy asked later cannot bring back what a read dropped.
    assert.equal(cache.get('k', { freshMs: 10_000, staleMs: 0 }), undefined);
    assert.equal(cache.get('other', policy)?.value, 'w');
  });

  it('keeps the time an entry was stored, not the time it was read', () => {
    const { cache, advance } = cacheAt();
    cache.set('k', 'v', 950);
    advance(10);
    assert.equal(cache.get('k', policy)?.storedAt, 950);
    assert.equal(cache.get('k', policy)?.state, 'fresh');
    advance(91); // 151 ms after it was stored, 91 ms after it was last read
    assert.equal(cache.get('k', policy), undefined);
  });
});

describe('LruCache bounds', () => {
  it('lets the least recently used entry go when full; a read counts as a use', () => {
    const { cache } = cacheAt(2);
    cache.set('a', '1');
    cache.set('b', '2');
    assert.equal(cache.get('a', policy)?.value, '1');
    cache.set('c', '3');
    assert.equal(cache.size, 2);
    assert.equal(cache.get('b', policy), undefined, 'b was used least recently');
    assert.equal(cache.get('a', policy)?.value, '1');
    assert.equal(cache.get('c', policy)?.value, '3');
  });

  it('holds exactly maxEntries entries', () => {
    const { cache } = cacheAt(3);
    for (const key of ['a', 'b', 'c']) cache.set(key, key);
    assert.equal(cache.size, 3);
    assert.deepEqual(
      ['a', 'b', 'c'].map((key) => cache.get(key, policy)?.value),
      ['a', 'b', 'c'],
    );
    cache.set('d', 'd');
    assert.equal(cache.size, 3);
  });

  it('rewriting a key replaces its value and makes it the most recent, without growing', () => {
    const { cache } = cacheAt(2);
    cache.set('a', '1');
    cache.set('b', '2');
    cache.set('a', 'one');
    assert.equal(cache.size, 2);
    cache.set('c', '3');
    assert.equal(cache.get('a', policy)?.value, 'one');
    assert.equal(cache.get('b', policy), undefined);
  });

  it('keeps nothing with a maximum of 0 or less, and does not hang on one', () => {
    for (const maxEntries of [0, -1]) {
      const { cache } = cacheAt(maxEntries);
      cache.set('a', '1');
      assert.equal(cache.size, 0);
      assert.equal(cache.get('a', policy), undefined);
    }
  });

  it('delete forgets one key and clear forgets all', () => {
    const { cache } = cacheAt();
    cache.set('a', '1');
    cache.set('b', '2');
    cache.delete('a');
    assert.equal(cache.get('a', policy), undefined);
    assert.equal(cache.size, 1);
    cache.clear();
    assert.equal(cache.size, 0);
    assert.equal(cache.get('b', policy), undefined);
  });
});
