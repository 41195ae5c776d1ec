import { connectOnce } from '../cache/redis-store.js';
import type { RedisConnection } from '../cache/redis-connection.js';
import { memoryTokenStore, type StoredToken, type TokenStore } from './token.js';

/**
 * Access tokens shared by every replica, in Redis. The refresh lock is `SET key owner NX PX ttl`, released
 * only by its owner (compare-and-delete in one script), so two replicas never refresh at once and a
 * replica that dies holding the lock blocks the others for at most the lock's TTL.
 *
 * While Redis is away each replica keeps its own token in memory (WeChat's stable token does not
 * invalidate other holders', so replicas refreshing apart do no harm), and goes back to the shared one
 * when Redis answers again.
 */
export async function redisTokenStore(
  target: string | RedisConnection,
  options: { onError?: (error: unknown) => void; now?: () => number } = {},
): Promise<TokenStore & { close(): Promise<void> }> {
  const now = options.now ?? Date.now;
  const owner = `${now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const connection = typeof target === 'string' ? await connectOnce(target, options.onError) : target;
  const { client } = connection;
  const local = memoryTokenStore(now);
  const shared: TokenStore = {
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
        { keys: [key], arguments: [owner] },
      );
    },
  };
  /** Redis when it answers, memory when it does not (or fails mid-call). */
  const either =
    <A extends unknown[], R>(pick: (store: TokenStore) => (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (!connection.isReady) return pick(local)(...args);
      try {
        return await pick(shared)(...args);
      } catch (error) {
        options.onError?.(error);
        return pick(local)(...args);
      }
    };
  return {
    get: either((store) => store.get),
    set: either((store) => store.set),
    lock: either((store) => store.lock),
    unlock: either((store) => store.unlock),
    // A connection handed in belongs to its owner; one made here is closed here.
    close: typeof target === 'string' ? () => connection.close() : async () => {},
  };
}
