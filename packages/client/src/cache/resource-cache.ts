import { LruCache, type CacheLookup, type CachePolicy } from './lru-cache.js';
import type { PersistentStore } from './persistent-store.js';

const storePrefix = 'xd:v1:';

/**
 * Memory first, then the persistent store. What comes back from storage is validated again (it may
 * have been written by an older version or edited by hand) and dropped when it no longer fits.
 */
export class ResourceCache {
  private readonly memory: LruCache<unknown>;

  constructor(
    maxEntries: number,
    private readonly now: () => number,
    private readonly store: PersistentStore | undefined,
  ) {
    this.memory = new LruCache(maxEntries, now);
  }

  read<V>(key: string, policy: CachePolicy, validate: (value: unknown) => V | undefined): CacheLookup<V> {
    const hit = this.memory.get(key, policy) as CacheLookup<V>;
    if (hit || !this.store) return hit;
    const text = this.store.get(storePrefix + key);
    if (text === undefined) return undefined;
    let stored: { t?: unknown; v?: unknown };
    try {
      stored = JSON.parse(text) as { t?: unknown; v?: unknown };
    } catch {
      this.store.remove(storePrefix + key);
      return undefined;
    }
    const value = validate(stored.v);
    if (
      value === undefined ||
      typeof stored.t !== 'number' ||
      this.now() - stored.t > policy.freshMs + policy.staleMs
    ) {
      this.store.remove(storePrefix + key);
      return undefined;
    }
    this.memory.set(key, value, stored.t);
    return this.memory.get(key, policy) as CacheLookup<V>;
  }

  write(key: string, value: unknown, persist: boolean): void {
    const storedAt = this.now();
    this.memory.set(key, value, storedAt);
    if (persist && this.store) this.store.set(storePrefix + key, JSON.stringify({ t: storedAt, v: value }));
  }

  delete(key: string): void {
    this.memory.delete(key);
    this.store?.remove(storePrefix + key);
  }

  get size(): number {
    return this.memory.size;
  }
}
