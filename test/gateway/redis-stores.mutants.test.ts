// Kills StrykerJS mutants (npm run mutation -- gateway) in the two Redis stores, read at the store itself
// against a real redis-server: the keys and TTLs they write (read back with a second client), entries of
// another shape refused, the refresh lock held by its owner only, and the memory fallback while Redis is
// not ready or fails mid-call. The route-level tests (redis-cache.test.ts, wechat.test.ts) only see that a
// second replica gets an answer, which these details could break without that changing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient } from 'redis';
import { connectRedis, redisResponseStore, redisTokenStore, type RedisConnection } from '@xiaodian/gateway';
import { freePort, startRedis } from './redis-server.ts';

const entry = { body: '{"a":1}', etag: '"tag"', storedAt: 1_700_000_000_000 };

/** A connection that is down: any command it is asked for fails the test. */
function downConnection(): RedisConnection {
  const client = new Proxy(
    {},
    {
      get: (_, command) => () => {
        throw new Error(`Redis was asked ${String(command)} while down`);
      },
    },
  );
  return {
    client: client as RedisConnection['client'],
    isReady: false,
    ready: new Promise(() => {}),
    readiness: async () => ({ name: 'redis', ok: false, detail: 'down' }),
    close: async () => {},
  };
}

describe('Redis stores, read back from Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let raw: ReturnType<typeof createClient>;
  before(async () => {
    redis = await startRedis();
    raw = createClient({ url: redis.url });
    await raw.connect();
  });
  after(async () => {
    await raw.quit();
    await redis.stop();
  });

  describe('the response cache store', () => {
    it('writes each entry under the default prefix with its TTL, reads it back and deletes it', async () => {
      const store = await redisResponseStore(redis.url);
      try {
        await store.set('products:k1', entry, 30_000);
        assert.deepEqual(JSON.parse((await raw.get('xd:v1:cache:products:k1'))!), entry);
        const ttl = await raw.pTTL('xd:v1:cache:products:k1');
        assert.ok(ttl > 25_000 && ttl <= 30_000, `TTL ${ttl} ms`);
        assert.deepEqual(await store.get('products:k1'), entry);
        assert.equal(await store.get('products:other'), undefined);
        await store.delete!('products:k1');
        assert.equal(await raw.exists('xd:v1:cache:products:k1'), 0);
      } finally {
        await store.close();
      }
    });

    it('keeps an entry whose TTL rounds to nothing for one millisecond, not forever or refused', async () => {
      const store = await redisResponseStore(redis.url, { prefix: 'p:' });
      try {
        await store.set('zero', entry, 0);
        const ttl = await raw.pTTL('p:zero');
        // 1 ms: gone already (-2) or about to go; never -1 (no expiry) or an error.
        assert.ok(ttl === -2 || (ttl >= 0 && ttl <= 1), `TTL ${ttl}`);
      } finally {
        await store.close();
      }
    });

    it('uses a given prefix, and reads an entry another gateway version wrote in another shape as a miss', async () => {
      const store = await redisResponseStore(redis.url, { prefix: 'xd:v9:' });
      try {
        await store.set('k', entry, 30_000);
        assert.equal(await raw.exists('xd:v9:k'), 1);
        for (const [field, wrong] of [
          ['body', 1],
          ['etag', null],
          ['storedAt', '1700000000000'],
        ] as const) {
          await raw.set('xd:v9:odd', JSON.stringify({ ...entry, [field]: wrong }));
          assert.equal(await store.get('odd'), undefined, `${field} as ${JSON.stringify(wrong)}`);
        }
      } finally {
        await store.close();
      }
    });

    it('while Redis is not ready, misses and skips writes without asking it', async () => {
      const store = await redisResponseStore(downConnection());
      assert.equal(await store.get('k'), undefined);
      await store.set('k', entry, 1000);
      await store.delete!('k');
      assert.deepEqual(await store.readiness(), { name: 'redis', ok: false, detail: 'down' });
    });

    it('closes a connection it made, and leaves one it was handed to its owner', async () => {
      const shared = connectRedis(redis.url);
      await shared.ready;
      try {
        const borrowing = await redisResponseStore(shared);
        await borrowing.close();
        assert.equal(shared.isReady, true, 'still open for the token store and push fan-out');
        await borrowing.set('still', entry, 30_000);
        assert.equal(await raw.exists('xd:v1:cache:still'), 1);
      } finally {
        await shared.close();
      }
    });

    it('fails to open, and says why, when nothing listens at the URL', async () => {
      const errors: unknown[] = [];
      const url = `redis://127.0.0.1:${await freePort()}`;
      await assert.rejects(redisResponseStore(url, { onError: (error) => errors.push(error) }), /ECONNREFUSED/);
      assert.ok(errors.length >= 1 && errors[0] instanceof Error, 'told onError too');
      // Without an onError to tell, the same refusal and nothing else (no TypeError from a missing callback).
      await assert.rejects(redisResponseStore(url), /ECONNREFUSED/);
    });
  });

  describe('the access token store', () => {
    const now = () => 1_000_000;

    it('shares a token under its key, kept until it expires', async () => {
      const errors: unknown[] = [];
      const store = await redisTokenStore(redis.url, { now, onError: (error) => errors.push(error) });
      try {
        const token = { token: 'ACCESS', expiresAt: now() + 7_200_000 };
        await store.set('token:wx1', token);
        assert.deepEqual(JSON.parse((await raw.get('token:wx1'))!), token);
        const ttl = await raw.pTTL('token:wx1');
        assert.ok(ttl > 7_190_000 && ttl <= 7_200_000, `TTL ${ttl} ms`);
        assert.deepEqual(await store.get('token:wx1'), token);
        assert.equal(await store.get('token:none'), undefined);
        assert.deepEqual(errors, [], 'a token not there yet is no error');
      } finally {
        await store.close();
      }
    });

    it('keeps an invalidated token (expiresAt 0) a minute, so every replica sees it was rejected', async () => {
      const store = await redisTokenStore(redis.url, { now });
      try {
        await store.set('token:wx2', { token: 'REJECTED', expiresAt: 0 });
        const ttl = await raw.pTTL('token:wx2');
        assert.ok(ttl > 55_000 && ttl <= 60_000, `TTL ${ttl} ms`);
      } finally {
        await store.close();
      }
    });

    it('reads a value of another shape as no token', async () => {
      const store = await redisTokenStore(redis.url, { now });
      try {
        for (const value of [{ token: 1, expiresAt: 5 }, { token: 'T' }, { token: 'T', expiresAt: '5' }]) {
          await raw.set('token:odd', JSON.stringify(value));
          assert.equal(await store.get('token:odd'), undefined, JSON.stringify(value));
        }
      } finally {
        await store.close();
      }
    });

    it('lets one replica hold the refresh lock for its TTL, and only that replica release it', async () => {
      const [first, second] = [await redisTokenStore(redis.url, { now }), await redisTokenStore(redis.url, { now })];
      try {
        assert.equal(await first.lock('lock:wx3', 5_000), true);
        const ttl = await raw.pTTL('lock:wx3');
        assert.ok(ttl > 4_000 && ttl <= 5_000, `TTL ${ttl} ms`);
        assert.equal(await second.lock('lock:wx3', 5_000), false, 'held by the first');
        await second.unlock('lock:wx3');
        assert.equal(await raw.exists('lock:wx3'), 1, 'not released by a replica that does not hold it');
        await first.unlock('lock:wx3');
        assert.equal(await raw.exists('lock:wx3'), 0);
        assert.equal(await second.lock('lock:wx3', 5_000), true, 'free again');
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });

    it('while Redis is not ready, keeps tokens and locks in memory, without an error per call', async () => {
      const errors: unknown[] = [];
      const store = await redisTokenStore(downConnection(), { now, onError: (error) => errors.push(error) });
      await store.set('token:mem', { token: 'LOCAL', expiresAt: now() + 1000 });
      assert.deepEqual(await store.get('token:mem'), { token: 'LOCAL', expiresAt: now() + 1000 });
      assert.equal(await store.lock('lock:mem', 1000), true);
      assert.equal(await store.lock('lock:mem', 1000), false);
      await store.unlock('lock:mem');
      assert.equal(await store.lock('lock:mem', 1000), true);
      assert.deepEqual(errors, [], 'Redis known to be down is not asked, so nothing fails');
    });

    it('closes a connection it made, and leaves one it was handed to its owner', async () => {
      const shared = connectRedis(redis.url);
      await shared.ready;
      try {
        const borrowing = await redisTokenStore(shared, { now });
        await borrowing.close();
        assert.equal(shared.isReady, true);
        await borrowing.set('token:still', { token: 'T', expiresAt: now() + 120_000 });
        assert.equal(await raw.exists('token:still'), 1);
      } finally {
        await shared.close();
      }
    });

    it('falls back to memory, telling onError, when Redis fails mid-call', async () => {
      const errors: unknown[] = [];
      const failing = { ...downConnection(), isReady: true };
      const store = await redisTokenStore(failing, { now, onError: (error) => errors.push(error) });
      await store.set('token:f', { token: 'KEPT', expiresAt: now() + 1000 });
      assert.deepEqual(await store.get('token:f'), { token: 'KEPT', expiresAt: now() + 1000 });
      assert.equal(errors.length, 2);
      assert.match(String(errors[0]), /asked set while down/);
      // With no onError to tell, the same fallback.
      const untold = await redisTokenStore(failing, { now });
      await untold.set('token:g', { token: 'ALSO', expiresAt: now() + 1000 });
      assert.deepEqual(await untold.get('token:g'), { token: 'ALSO', expiresAt: now() + 1000 });
    });
  });
});
