import { LRUCache } from 'lru-cache';
import { etagOf } from '../http/etag.js';

/** A serialised 200 answer, ready to send again: body bytes and their validator. */
export interface CachedBody {
  body: string;
  etag: string;
  /** Unix ms when the backend produced it. */
  storedAt: number;
}

/**
 * Where cached answers live: in-process by default; Redis when replicas should share them (REDIS_URL).
 * Reads and writes may be async; a store that fails is treated as a miss, never as an error to callers.
 */
export interface ResponseCacheStore {
  get(key: string): Promise<CachedBody | undefined> | CachedBody | undefined;
  set(key: string, value: CachedBody, ttlMs: number): Promise<void> | void;
  /** Drops an answer that is known to be out of date (a push said so). */
  delete?(key: string): Promise<void> | void;
  close?(): Promise<void>;
}

/** How long an answer is fresh, and how much longer it may be served while a refresh runs. */
export interface CachePolicy {
  freshMs: number;
  staleMs: number;
}

export type CacheState = 'fresh' | 'stale' | 'miss';

export function memoryResponseStore(maxEntries = 10_000): ResponseCacheStore {
  const entries = new LRUCache<string, CachedBody>({ max: maxEntries, ttlAutopurge: false });
  return {
    get: (key) => entries.get(key),
    set: (key, value, ttlMs) => void entries.set(key, value, { ttl: ttlMs }),
    delete: (key) => void entries.delete(key),
  };
}

export interface Produced {
  value: unknown;
  /** False for answers that must not be reused (e.g. a product list with a transient per-ref failure). */
  cacheable: boolean;
}

/**
 * Read-through cache with stale-while-revalidate and single-flight: however many requests miss the same
 * key at once, the backend is asked once; a stale entry is answered at once while one refresh runs.
 */
export class ResponseCache {
  private readonly inFlight = new Map<string, Promise<CachedBody>>();

  constructor(
    private readonly store: ResponseCacheStore,
    private readonly now: () => number,
    private readonly onBackgroundError: (key: string, error: unknown) => void,
  ) {}

  async read(
    key: string,
    policy: CachePolicy,
    produce: () => Promise<Produced>,
  ): Promise<{ entry: CachedBody; state: CacheState }> {
    const entry = await this.lookup(key);
    if (entry) {
      const age = this.now() - entry.storedAt;
      if (age < policy.freshMs) return { entry, state: 'fresh' };
      if (age < policy.freshMs + policy.staleMs) {
        this.load(key, policy, produce).catch((error: unknown) => this.onBackgroundError(key, error));
        return { entry, state: 'stale' };
      }
    }
    return { entry: await this.load(key, policy, produce), state: 'miss' };
  }

  private async lookup(key: string): Promise<CachedBody | undefined> {
    try {
      return await this.store.get(key);
    } catch (error) {
      this.onBackgroundError(key, error);
      return undefined;
    }
  }

  private load(key: string, policy: CachePolicy, produce: () => Promise<Produced>): Promise<CachedBody> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const loading = (async () => {
      const produced = await produce();
      const body = JSON.stringify(produced.value);
      const entry: CachedBody = { body, etag: await etagOf(body), storedAt: this.now() };
      if (produced.cacheable) {
        try {
          await this.store.set(key, entry, policy.freshMs + policy.staleMs);
        } catch (error) {
          this.onBackgroundError(key, error);
        }
      }
      return entry;
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }
}
