/**
 * The shared Redis connection while Redis is away (cache/redis-connection.ts, found unguarded by a coverage
 * run of the gateway's tests): it retries with a growing, capped wait, logs each failed attempt with the
 * next wait, reports itself not ready with the reason, closes without waiting for a connection, and never
 * shows a password from the URL. It replaces the backoff test that was in cli-operator.test.ts, a file the
 * mutation run leaves out (it spawns the built CLI).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LogEntry } from '@xiaodian/gateway';
import { connectRedis, redactedUrl } from '../../packages/gateway/src/cache/redis-connection.ts';
import { freePort } from './redis-server.ts';

describe('the Redis connection while Redis is away', () => {
  it('shows host and port only, never a password, and a URL it cannot read as "redis"', () => {
    assert.equal(redactedUrl('redis://user:s3cret@cache.internal:6380/2'), 'redis://cache.internal:6380');
    assert.equal(redactedUrl('rediss://:s3cret@cache.internal'), 'rediss://cache.internal');
    assert.equal(redactedUrl('not a url'), 'redis');
  });

  it('retries with a doubling wait up to its cap, logging each failure once, and says why it is not ready', async () => {
    const port = await freePort();
    const logs: LogEntry[] = [];
    let enough!: () => void;
    const fourFailures = new Promise<void>((resolve) => (enough = resolve));
    const connection = connectRedis(`redis://user:s3cret@127.0.0.1:${port}`, {
      firstRetryMs: 10,
      maxRetryMs: 40,
      log: (entry) => {
        logs.push(entry);
        if (logs.length === 4) enough();
      },
    });
    try {
      await fourFailures;
      assert.equal(connection.isReady, false);
      const check = await connection.readiness();
      assert.equal(check.name, 'redis');
      assert.equal(check.ok, false);
      assert.match(
        check.detail,
        new RegExp(
          `^Redis at redis://127\\.0\\.0\\.1:${port} is not answering \\(.*ECONNREFUSED.*\\); serving from memory$`,
        ),
      );
      const failures = logs.slice(0, 4);
      assert.ok(
        failures.every((entry) => entry.level === 'warn' && entry.msg === 'redis unavailable; serving from memory'),
      );
      assert.ok(failures.every((entry) => entry['redis'] === `redis://127.0.0.1:${port}`));
      assert.deepEqual(
        failures.map((entry) => entry['retryInMs']),
        [10, 20, 40, 40],
      );
      assert.doesNotMatch(JSON.stringify(logs), /s3cret/);
    } finally {
      await connection.close();
    }
    // Closed while retrying: the client is shut at once, not left reconnecting.
    assert.equal(connection.client.isOpen, false);
  });
});
