/**
 * The persistent stores at their edges (found unguarded by the client's mutation run): what they read back,
 * what they pass on, and that a storage that throws (blocked, over quota) is only a slower cache.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { webStorageStore, wxStorageStore, type WebStorageLike, type WxStorageLike } from '@xiaodian/client';

/** A Web Storage that records its calls; `failing` makes every call throw, as blocked storage does. */
function webStorage(failing = false) {
  const data = new Map<string, string>();
  const calls: string[] = [];
  const fail = (call: string) => {
    calls.push(call);
    if (failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  const storage: WebStorageLike = {
    getItem: (key) => (fail(`get ${key}`), data.get(key) ?? null),
    setItem: (key, value) => (fail(`set ${key}`), void data.set(key, value)),
    removeItem: (key) => (fail(`remove ${key}`), void data.delete(key)),
  };
  return { storage, data, calls };
}

/** Runs `body` with `globalThis.localStorage` defined by `descriptor` (or absent), then puts it back. */
function withLocalStorage(descriptor: PropertyDescriptor | undefined, body: () => void) {
  const before = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  if (descriptor) Object.defineProperty(globalThis, 'localStorage', { configurable: true, ...descriptor });
  else delete (globalThis as { localStorage?: unknown }).localStorage;
  try {
    body();
  } finally {
    if (before) Object.defineProperty(globalThis, 'localStorage', before);
    else delete (globalThis as { localStorage?: unknown }).localStorage;
  }
}

describe('webStorageStore', () => {
  it('reads back what it wrote, answers undefined for a missing key, and removes', () => {
    const { storage, data, calls } = webStorage();
    const store = webStorageStore(storage)!;
    assert.equal(store.get('a'), undefined);
    store.set('a', '1');
    assert.equal(data.get('a'), '1');
    assert.equal(store.get('a'), '1');
    store.remove('a');
    assert.equal(data.has('a'), false);
    assert.deepEqual(calls, ['get a', 'set a', 'get a', 'remove a']);
  });

  it('keeps working when the storage throws on every call: reads miss, writes and removals are dropped', () => {
    const { storage, calls } = webStorage(true);
    const store = webStorageStore(storage)!;
    assert.equal(store.get('a'), undefined);
    assert.doesNotThrow(() => store.set('a', '1'));
    assert.doesNotThrow(() => store.remove('a'));
    assert.deepEqual(calls, ['get a', 'set a', 'remove a']);
  });

  it("uses the page's localStorage when given none", () => {
    const { storage, data } = webStorage();
    withLocalStorage({ value: storage }, () => {
      webStorageStore()!.set('k', 'v');
    });
    assert.equal(data.get('k'), 'v');
  });

  it('is undefined where there is no localStorage, or where reading it throws (blocked storage)', () => {
    withLocalStorage(undefined, () => assert.equal(webStorageStore(), undefined));
    withLocalStorage(
      {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      },
      () => assert.equal(webStorageStore(), undefined),
    );
  });
});

describe('wxStorageStore', () => {
  function wxStorage(failing = false) {
    const data = new Map<string, unknown>();
    const calls: string[] = [];
    const fail = (call: string) => {
      calls.push(call);
      if (failing) throw new Error('setStorageSync:fail exceed storage max size 10MB');
    };
    const wx: WxStorageLike = {
      // wx answers "" for a key it does not hold.
      getStorageSync: (key) => (fail(`get ${key}`), data.has(key) ? data.get(key) : ''),
      setStorageSync: (key, value) => (fail(`set ${key}`), void data.set(key, value)),
      removeStorageSync: (key) => (fail(`remove ${key}`), void data.delete(key)),
    };
    return { wx, data, calls };
  }

  it('reads back strings it wrote; wx\'s "" for a missing key and anything not a string read as missing', () => {
    const { wx, data, calls } = wxStorage();
    const store = wxStorageStore(wx);
    assert.equal(store.get('a'), undefined);
    store.set('a', '1');
    assert.equal(store.get('a'), '1');
    data.set('object', { not: 'a string' });
    assert.equal(store.get('object'), undefined);
    store.remove('a');
    assert.equal(data.has('a'), false);
    assert.deepEqual(calls, ['get a', 'set a', 'get a', 'get object', 'remove a']);
  });

  it('keeps working when wx storage throws (full, or failing): reads miss, writes and removals are dropped', () => {
    const { wx, calls } = wxStorage(true);
    const store = wxStorageStore(wx);
    assert.equal(store.get('a'), undefined);
    assert.doesNotThrow(() => store.set('a', '1'));
    assert.doesNotThrow(() => store.remove('a'));
    assert.deepEqual(calls, ['get a', 'set a', 'remove a']);
  });
});
