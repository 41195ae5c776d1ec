// Kills StrykerJS mutants (npm run mutation -- client) in signals.ts's `sleep` on its timer path, which the
// retry tests never reach (their backoff is a minute, and they abort): it waits the time asked, and a wait
// that ends lets go of its abort listener (a live subscription sleeps thousands of times on one signal).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sleep } from '../../packages/client/src/signals.js';

/** An AbortSignal stand-in that records its listeners, which a real one does not show. */
function recordingSignal() {
  const listeners = new Set<EventListenerOrEventListenerObject>();
  const signal = {
    aborted: false,
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
      assert.equal(type, 'abort');
      listeners.add(listener);
    },
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
      if (type === 'abort') listeners.delete(listener);
    },
  };
  return { signal: signal as unknown as AbortSignal, listeners };
}

describe('sleep', () => {
  it('resolves once the time asked has passed, not before', async () => {
    const { signal } = recordingSignal();
    const start = performance.now();
    await sleep(30, signal);
    // Node's timers may fire up to a millisecond early by performance.now's reckoning.
    assert.ok(performance.now() - start >= 29, `resolved after ${performance.now() - start} ms`);
  });

  it('removes its abort listener when the wait ends', async () => {
    const { signal, listeners } = recordingSignal();
    const waiting = sleep(5, signal);
    assert.equal(listeners.size, 1, 'listening while it waits');
    await waiting;
    assert.equal(listeners.size, 0);
  });

  it('rejects with aborted when the signal fires, and at once on one that already has', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await assert.rejects(waiting, { code: 'aborted', message: 'The request was aborted' });
    await assert.rejects(sleep(60_000, controller.signal), { code: 'aborted' });
  });
});
