import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGatewayApp, redisResponseStore, type LogEntry } from '@xiaodian/gateway';
import { appid, fixtureBackend } from './fixture-backend.ts';
import { startRedis } from './redis-server.ts';

describe('response cache shared through Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await redis.stop();
  });

  it('lets a second replica answer from what the first one fetched, with the same ETag', async () => {
    const stores = [await redisResponseStore(redis.url), await redisResponseStore(redis.url)];
    try {
      const [backendA, backendB] = [fixtureBackend(), fixtureBackend()];
      const replicaA = createGatewayApp({ backend: backendA, cacheStore: stores[0], log: false });
      const replicaB = createGatewayApp({ backend: backendB, cacheStore: stores[1], log: false });
      const url = `/v1/products?refs=${appid}:10000201001001,${appid}:10000201001002`;
      const fromA = await replicaA.request(url);
      assert.equal(fromA.headers.get('x-cache'), 'miss');
      const fromB = await replicaB.request(url);
      assert.equal(fromB.status, 200);
      assert.equal(fromB.headers.get('x-cache'), 'fresh');
      // Both must carry a real tag: two missing ETags (null === null) would pass an equality alone.
      assert.match(fromA.headers.get('etag') ?? '', /^"[A-Za-z0-9_-]{27}"$/);
      assert.equal(fromB.headers.get('etag'), fromA.headers.get('etag'), 'a CDN sees one validator for both');
      assert.deepEqual(await fromB.json(), await fromA.json());
      assert.equal(backendA.calls['getProducts'], 1);
      assert.equal(backendB.calls['getProducts'], undefined, 'replica B never asked its backend');
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('keeps answering from the backend while Redis is away, and reports why', { timeout: 10_000 }, async (t) => {
    const local = await startRedis();
    const errors: unknown[] = [];
    let reported!: () => void;
    const firstError = new Promise<void>((resolve) => (reported = resolve));
    const store = await redisResponseStore(local.url, {
      onError: (error) => {
        errors.push(error);
        reported();
      },
    });
    const backend = fixtureBackend();
    const cacheWarnings: LogEntry[] = [];
    const app = createGatewayApp({
      backend,
      cacheStore: store,
      log: (entry) => void (entry.msg === 'cache refresh failed' && cacheWarnings.push(entry)),
    });
    // Closed however the test ends (a failure, the timeout): its reconnect loop would keep the run alive.
    t.after(() => store.close().catch(() => undefined));
    await local.stop();
    // The lost connection is reported to onError (not thrown at the process, which would crash it).
    await firstError;
    assert.ok(errors[0] instanceof Error, String(errors[0]));
    const response = await app.request(`/v1/shops/${appid}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-cache'), 'miss');
    assert.equal(backend.calls['getShop'], 1);
    // While Redis is known to be down the store skips it (no per-request warning storm, no wait), and says
    // why where an operator looks: its readiness check.
    assert.deepEqual(cacheWarnings, []);
    const readiness = await store.readiness();
    assert.equal(readiness.ok, false);
    assert.match(readiness.detail, /not answering.*serving from memory/);
  });
});
