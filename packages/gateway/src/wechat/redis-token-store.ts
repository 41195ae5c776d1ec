import { createClient } from 'redis';
import type { StoredToken, TokenStore } from './token.js';

/**
 * Access tokens shared by every replica, in Redis. The refresh lock is `SET key owner NX PX ttl`, released
 * only by its owner (compare-and-delete in one script), so two replicas never refresh at once and a
 * replica that dies holding the lock blocks the others for at most the lock's TTL.
 */
export async function redisTokenStore(
  url: string,
  options: { onError?: (error: unknown) => void; now?: () => number } = {},
): Promise<TokenStore & { close(): Promise<void> }> {
  const now = options.now ?? Date.now;
  const owner = `${now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const client = createClient({ url, socket: { connectTimeout: 2_000 } });
  client.on('error', (error: unknown) => options.onError?.(error));
  await client.connect();
  return {
    async get(key) {
      const raw = await client.get(key);
      if (raw === null) return undefined;
      const value = JSON.parse(raw) as Partial<StoredToken>;
      return typeof value.token === 'string' && typeof value.expiresAt === 'number'
        ? (value as StoredToken)
        : undefined;
    },
    async set(key, value) {
      // An invalidated token (expiresAt 0) is kept a minute so every replica sees it was rejected.
      const ttl = Math.max(60_000, value.expiresAt - now());
      await client.set(key, JSON.stringify(value), { expiration: { type: 'PX', value: ttl } });
    },
    async lock(key, ttlMs) {
      return (await client.set(key, owner, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } })) === 'OK';
    },
    async unlock(key) {
      await client.eval(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0",
        {
          keys: [key],
          arguments: [owner],
        },
      );
    },
    async close() {
      await client.close();
    },
  };
}
