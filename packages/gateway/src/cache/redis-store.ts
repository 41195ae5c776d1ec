import type { ReadinessCheck } from '../options.js';
import { connectRedis, type RedisConnection } from './redis-connection.js';
import type { CachedBody, ResponseCacheStore } from './response-cache.js';

export interface RedisStoreOptions {
  /** Keys are `${prefix}${kind}:${key}`; bump the version when the stored shape changes. */
  prefix?: string;
  /** Told about connection trouble; the cache then misses instead of failing requests. */
  onError?: (error: unknown) => void;
}

export type RedisResponseStore = ResponseCacheStore & {
  readiness(): Promise<ReadinessCheck>;
  close(): Promise<void>;
};

/**
 * The response cache shared by every replica (DESIGN.md "Scale"), in Redis with the entry's TTL. While
 * Redis is down, reads miss and writes are skipped at once (no queueing behind a reconnect), so requests
 * fall through to the backend.
 *
 * Given a URL it connects and waits for the first connection (and rejects if that fails); given a
 * `RedisConnection` (what the command uses) it never waits, so the gateway serves before Redis answers.
 */
export async function redisResponseStore(
  target: string | RedisConnection,
  options: RedisStoreOptions = {},
): Promise<RedisResponseStore> {
  const prefix = options.prefix ?? 'xd:v1:cache:';
  const connection = typeof target === 'string' ? await connectOnce(target, options.onError) : target;
  const { client } = connection;
  return {
    async get(key) {
      if (!connection.isReady) return undefined;
      const raw = await client.get(prefix + key);
      if (raw === null) return undefined;
      const entry = JSON.parse(raw) as Partial<CachedBody>;
      // Another version of the gateway may have written it: only a complete entry is used.
      return typeof entry.body === 'string' && typeof entry.etag === 'string' && typeof entry.storedAt === 'number'
        ? (entry as CachedBody)
        : undefined;
    },
    async set(key, value, ttlMs) {
      if (!connection.isReady) return;
      await client.set(prefix + key, JSON.stringify(value), { expiration: { type: 'PX', value: Math.max(1, ttlMs) } });
    },
    async delete(key) {
      if (!connection.isReady) return;
      await client.del(prefix + key);
    },
    readiness: () => connection.readiness(),
    // A connection handed in belongs to its owner; one made here is closed here.
    close: typeof target === 'string' ? () => connection.close() : async () => {},
  };
}

/** The library form: connect now, and fail if the first attempt does. */
export async function connectOnce(url: string, onError?: (error: unknown) => void): Promise<RedisConnection> {
  let failed: ((error: Error) => void) | undefined;
  const firstFailure = new Promise<never>((_, reject) => (failed = reject));
  const connection = connectRedis(url, {
    log: (entry) => {
      if (entry.level === 'info') return;
      const error = new Error(String(entry['error']));
      failed?.(error);
      onError?.(error);
    },
  });
  try {
    await Promise.race([connection.ready, firstFailure]);
  } catch (error) {
    await connection.close();
    throw error;
  } finally {
    failed = undefined;
  }
  return connection;
}
