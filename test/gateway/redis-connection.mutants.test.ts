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
import { createClient } from 'redis';
import { freePort, startRedis } from './redis-server.ts';

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

describe('the Redis connection before and between attempts', () => {
  it('says it is connecting before its first attempt has failed', async () => {
    const port = await freePort();
    const connection = connectRedis(`redis://127.0.0.1:${port}`, { firstRetryMs: 1_000 });
    try {
      assert.deepEqual(await connection.readiness(), {
        name: 'redis',
        ok: false,
        detail: `Redis at redis://127.0.0.1:${port} is not answering (connecting); serving from memory`,
      });
    } finally {
      await connection.close();
    }
  });

  it('fails a command at once while Redis is down, so its caller falls back to memory instead of waiting', async () => {
    const port = await freePort();
    let failed!: () => void;
    const firstFailure = new Promise<void>((resolve) => (failed = resolve));
    const connection = connectRedis(`redis://127.0.0.1:${port}`, { firstRetryMs: 10_000, log: () => failed() });
    try {
      await firstFailure;
      const outcome = await Promise.race([
        connection.client.get('anything').then(
          () => 'answered',
          () => 'failed at once',
        ),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 1 s'), 1_000).unref()),
      ]);
      assert.equal(outcome, 'failed at once');
    } finally {
      await connection.close();
    }
  });
});

describe('the Redis connection while Redis answers', () => {
  it('says it connected, answers /readyz with the time of a PING, and a PING that hangs as not ready', async () => {
    const redis = await startRedis();
    const port = new URL(redis.url).port;
    const logs: LogEntry[] = [];
    const connection = connectRedis(redis.url, { pingTimeoutMs: 150, log: (entry) => logs.push(entry) });
    const pauser = createClient({ url: redis.url });
    try {
      await connection.ready;
      assert.equal(connection.isReady, true);
      assert.deepEqual(logs, [{ level: 'info', msg: 'redis connected', redis: `redis://127.0.0.1:${port}` }]);
      const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
      const timersBefore = timers();
      const ok = await connection.readiness();
      assert.equal(timers(), timersBefore, 'the PING timeout is cleared once the PING is answered');
      const ms = Number(ok['ms']);
      assert.ok(ms >= 0 && ms < 5_000, `a PING takes milliseconds, not ${ms}`);
      assert.deepEqual(
        { ...ok, ms: typeof ok['ms'] },
        {
          name: 'redis',
          ok: true,
          detail: `Redis at redis://127.0.0.1:${port} answers`,
          ms: 'number',
        },
      );
      // CLIENT PAUSE holds every client's commands: the PING gets no answer within its 150 ms.
      await pauser.connect();
      await pauser.sendCommand(['CLIENT', 'PAUSE', '1000', 'ALL']);
      const hung = await connection.readiness();
      assert.deepEqual(hung, {
        name: 'redis',
        ok: false,
        detail: `Redis at redis://127.0.0.1:${port} did not answer a PING: no answer within 150 ms`,
      });
      await pauser.sendCommand(['CLIENT', 'UNPAUSE']);
      // Closing a connected client lets a command already sent finish (it is not cut off).
      const sent = connection.client.set('sent-before-close', 'kept');
      await connection.close();
      assert.equal(await sent, 'OK');
      assert.equal(await pauser.get('sent-before-close'), 'kept');
    } finally {
      await pauser.sendCommand(['CLIENT', 'UNPAUSE']).catch(() => undefined);
      await pauser.quit().catch(() => undefined);
      await connection.close();
      await redis.stop();
    }
    assert.equal(connection.client.isOpen, false, 'closed once connected, too');
  });

  it('after Redis comes back, retries from the first wait again', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const logs: LogEntry[] = [];
    let wake: () => void = () => {};
    const connection = connectRedis(redis.url, {
      firstRetryMs: 20,
      maxRetryMs: 1_000,
      log: (entry) => {
        logs.push(entry);
        wake();
      },
    });
    const next = (what: (entry: LogEntry) => boolean) =>
      new Promise<void>((resolve) => {
        wake = () => {
          if (logs.some(what)) resolve();
        };
        wake();
      });
    try {
      await connection.ready;
      await redis.stop();
      await next((entry) => entry['retryInMs'] === 80);
      redis = await startRedis(port);
      const reconnected = logs.length;
      await next((entry) => logs.indexOf(entry) >= reconnected && entry.msg === 'redis connected');
      const readiness = await connection.readiness();
      assert.equal(readiness.ok, true);
      const downAgain = logs.length;
      await redis.stop();
      await next((entry) => logs.indexOf(entry) >= downAgain && entry.level === 'warn');
      assert.equal(logs[downAgain]!['retryInMs'], 20, 'the wait starts over after a success');
    } finally {
      await connection.close();
      await redis.stop();
    }
  });
});
