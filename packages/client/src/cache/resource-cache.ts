import { LruCache, type CacheLookup, type CachePolicy } from './lru-cache.js';
import type { PersistentStore } from './persistent-store.js';

const storeVersion = 'xd:v1:';

/**
 * Memory first, then the persistent store. What comes back from storage is validated again (it may
 * have been written by an older version, by another data source or edited by hand) and dropped when it
 * no longer fits. At most `maxPersisted` entries are kept in storage; the least recently written go first.
 *
 * Persisted entries belong to one data source: `namespace` (the gateway's URL) is part of every stored
 * key, so products saved from one gateway never render for a client of another.
 */
export class ResourceCache {
  private readonly memory: LruCache<unknown>;
  private persistedKeys: string[] | undefined;
  private indexWriteScheduled = false;
  private readonly storePrefix: string;
  /** The persisted keys of this namespace, least recently written first, so storage stays bounded. */
  private readonly indexKey: string;

  constructor(
    maxEntries: number,
    private readonly now: () => number,
    private readonly store: PersistentStore | undefined,
    namespace: string,
    private readonly maxPersisted = 500,
  ) {
    this.memory = new LruCache(maxEntries, now);
    this.storePrefix = `${storeVersion}${encodeURIComponent(namespace)}:`;
    this.indexKey = `${this.storePrefix}index`;
  }

  /**
   * Without `validate`, only memory is read: what this client wrote itself after checking it. Entries that
   * may come from storage are always checked again.
   */
  read<V>(key: string, policy: CachePolicy, validate?: (value: unknown) => V | undefined): CacheLookup<V> {
    const hit = this.memory.get(key, policy) as CacheLookup<V>;
    if (hit || !this.store || !validate) return hit;
    const text = this.store.get(this.storePrefix + key);
    if (text === undefined) return undefined;
    let stored: { t?: unknown; v?: unknown };
    try {
      stored = JSON.parse(text) as { t?: unknown; v?: unknown };
    } catch {
      this.forget(key);
      return undefined;
    }
    const value = validate(stored.v);
    if (
      value === undefined ||
      typeof stored.t !== 'number' ||
      this.now() - stored.t > policy.freshMs + policy.staleMs
    ) {
      this.forget(key);
      return undefined;
    }
    this.memory.set(key, value, stored.t);
    return this.memory.get(key, policy) as CacheLookup<V>;
  }

  write(key: string, value: unknown, persist: boolean): void {
    const storedAt = this.now();
    this.memory.set(key, value, storedAt);
    if (!persist || !this.store) return;
    this.store.set(this.storePrefix + key, JSON.stringify({ t: storedAt, v: value }));
    const keys = this.keys(this.store).filter((k) => k !== key);
    keys.push(key);
    for (const old of keys.splice(0, Math.max(0, keys.length - this.maxPersisted))) {
      this.store.remove(this.storePrefix + old);
    }
    this.persistedKeys = keys;
    this.scheduleIndexWrite(this.store);
  }

  delete(key: string): void {
    this.memory.delete(key);
    this.forget(key);
  }

  get size(): number {
    return this.memory.size;
  }

  private forget(key: string): void {
    const store = this.store;
    if (!store) return;
    store.remove(this.storePrefix + key);
    const keys = this.keys(store);
    const at = keys.indexOf(key);
    if (at !== -1) {
      keys.splice(at, 1);
      this.scheduleIndexWrite(store);
    }
  }

  private keys(store: PersistentStore): string[] {
    if (!this.persistedKeys) {
      let keys: unknown;
      try {
        keys = JSON.parse(store.get(this.indexKey) ?? '[]');
      } catch {
        // A corrupt index is started afresh: read below as no keys.
      }
      this.persistedKeys = Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
    }
    return this.persistedKeys;
  }

  /** A page of fifty cards writes fifty entries in one tick: the index is written once after them. */
  private scheduleIndexWrite(store: PersistentStore): void {
    if (this.indexWriteScheduled) return;
    this.indexWriteScheduled = true;
    queueMicrotask(() => {
      this.indexWriteScheduled = false;
      store.set(this.indexKey, JSON.stringify(this.keys(store)));
    });
  }
}
