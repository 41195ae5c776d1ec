/**
 * The client's retry loop on its own (retry.ts `withRetry`, found unguarded by the client's mutation run):
 * the documented defaults, each retry announced with its 1-based number and wait, a try that takes too long
 * reported as a timeout and one the caller gave up as aborted (each with what the try threw), and no abort
 * listener left behind on the caller's signal. Timers run on node:test's mock clock.
 */
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import { XiaodianError } from '@xiaodian/model';
import { defaultRetryPolicy, withRetry, type AttemptOptions } from '../../packages/client/src/retry.ts';

/** A try that never answers, and rejects with the signal's reason once its signal aborts. */
const hangs = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));

const options = (overrides: Partial<AttemptOptions> = {}): AttemptOptions => ({
  policy: { retries: 0, baseDelayMs: 100, maxDelayMs: 1000 },
  timeoutMs: 20,
  signal: new AbortController().signal,
  random: () => 1,
  ...overrides,
});

/** The error of a try that was cut: its code and message, with the try's own AbortError as its cause. */
const abortedTry = (code: string, message: string) => (error: unknown) => {
  assert.ok(error instanceof XiaodianError);
  assert.equal(error.code, code);
  assert.equal(error.message, message);
  assert.equal((error.cause as Error).name, 'AbortError');
  return true;
};

/** Lets due promise callbacks run (setImmediate is not mocked). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('withRetry', () => {
  it('retries three times by default, waiting at most 250 ms doubled per retry, never over 8 s', () => {
    assert.deepEqual(defaultRetryPolicy, { retries: 3, baseDelayMs: 250, maxDelayMs: 8000 });
  });

  it('announces each retry by its number from 1 and its wait, and works without a listener', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const busy = new XiaodianError('upstream', 'busy', { retryable: true });
    let tries = 0;
    const flaky = async () => {
      tries += 1;
      if (tries < 3) throw busy;
      return 'ok';
    };
    const announced: Array<{ attempt: number; delayMs: number; code: string }> = [];
    const result = withRetry(
      flaky,
      options({
        policy: { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 },
        onRetry: ({ attempt, delayMs, error }) => announced.push({ attempt, delayMs, code: error.code }),
      }),
    );
    for (const wait of [100, 200]) {
      await settled();
      t.mock.timers.tick(wait);
    }
    assert.equal(await result, 'ok');
    assert.deepEqual(announced, [
      { attempt: 1, delayMs: 100, code: 'upstream' },
      { attempt: 2, delayMs: 200, code: 'upstream' },
    ]);

    tries = 0;
    const unheard = withRetry(flaky, options({ policy: { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 } }));
    for (const wait of [100, 200]) {
      await settled();
      t.mock.timers.tick(wait);
    }
    assert.equal(await unheard, 'ok');
  });

  it('reports a try that takes too long as a timeout, with what it threw', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const result = withRetry(hangs, options({ timeoutMs: 20 }));
    t.mock.timers.tick(20);
    await assert.rejects(result, abortedTry('timeout', 'No answer within 20 ms'));
  });

  it('reports a try the caller gave up as aborted, with what it threw, and refuses to start once given up', async () => {
    const caller = new AbortController();
    const result = withRetry(hangs, options({ signal: caller.signal, timeoutMs: 60_000 }));
    caller.abort();
    await assert.rejects(result, abortedTry('aborted', 'The request was aborted'));
    let started = false;
    await assert.rejects(
      withRetry(
        async () => {
          started = true;
          return 1;
        },
        options({ signal: caller.signal }),
      ),
      { code: 'aborted', message: 'The request was aborted' },
    );
    assert.equal(started, false);
  });

  it("leaves no abort listener on the caller's signal after a try", async () => {
    const caller = new AbortController();
    assert.equal(await withRetry(async () => 'ok', options({ signal: caller.signal })), 'ok');
    await assert.rejects(
      withRetry(
        async () => {
          throw new XiaodianError('not_found', 'gone');
        },
        options({ signal: caller.signal }),
      ),
      { code: 'not_found' },
    );
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
  });
});
