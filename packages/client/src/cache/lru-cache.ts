/**
 * How long an answer is good for. Within `freshMs` it is served as is; for `staleMs` after that it is
 * served at once while a refresh runs in the background (stale-while-revalidate); later it is a miss.
 */
export interface CachePolicy {
  freshMs: number;
  staleMs: number;
}

export type CacheLookup<V> = { state: 'fresh' | 'stale'; value: V; storedAt: number } | undefined;

interface Entry<V> {
  value: V;
  storedAt: number;
}

/** A bounded in-memory cache: least recently used entries go first, expired ones are dropped on read. */
export class LruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, policy: CachePolicy): CacheLookup<V> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const age = this.now() - entry.storedAt;
    if (age > policy.freshMs + policy.staleMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert so Map order tracks recency.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { state: age <= policy.freshMs ? 'fresh' : 'stale', value: entry.value, storedAt: entry.storedAt };
  }

  set(key: string, value: V, storedAt = this.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
