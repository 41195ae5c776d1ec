import { createClient } from 'redis';
import type { CachedBody, ResponseCacheStore } from './response-cache.js';

export interface RedisStoreOptions {
  /** Keys are `${prefix}${kind}:${key}`; bump the version when the stored shape changes. */
  prefix?: string;
  /** Told about connection trouble; the cache then misses instead of failing requests. */
  onError?: (error: unknown) => void;
}

/**
 * The response cache shared by every replica (DESIGN.md "Scale"), in Redis with the entry's TTL. The
 * offline queue is off: while Redis is down, reads miss at once instead of queueing behind a reconnect.
 */
export async function redisResponseStore(
  url: string,
  options: RedisStoreOptions = {},
): Promise<ResponseCacheStore & { close(): Promise<void> }> {
  const prefix = options.prefix ?? 'xd:v1:cache:';
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) },
  });
  // Without a listener, a dropped connection would crash the process.
  client.on('error', (error: unknown) => options.onError?.(error));
  await client.connect();
  return {
    async get(key) {
      const raw = await client.get(prefix + key);
      if (raw === null) return undefined;
      const entry = JSON.parse(raw) as Partial<CachedBody>;
      // Another version of the gateway may have written it: only a complete entry is used.
      return typeof entry.body === 'string' && typeof entry.etag === 'string' && typeof entry.storedAt === 'number'
        ? (entry as CachedBody)
        : undefined;
    },
    async set(key, value, ttlMs) {
      await client.set(prefix + key, JSON.stringify(value), { expiration: { type: 'PX', value: Math.max(1, ttlMs) } });
    },
    async close() {
      await client.close();
    },
  };
}
