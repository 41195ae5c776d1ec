/**
 * Shared single-item requests (shared-requests.ts) at their edges, found unguarded by the client's mutation
 * run: one request per key while it is in flight, each caller's abort ending only that caller's wait, and the
 * request itself stopped only when nobody is left waiting for it.
 */
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import { createSharedRequests } from '../../packages/client/src/shared-requests.js';

/** Shared requests over a request the test settles by hand; records the signal each start was given. */
function manualRequests() {
  const share = createSharedRequests();
  const started: { signal: AbortSignal; resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
  const start = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      started.push({ signal, resolve, reject });
    });
  return { share, started, start };
}

const abortedCode = { code: 'aborted', message: 'The request was aborted' };

describe('shared requests', () => {
  it('rejects at once for a signal already aborted, and starts nothing', async () => {
    const { share, started, start } = manualRequests();
    await assert.rejects(share('shop:a', start, AbortSignal.abort()), abortedCode);
    assert.equal(started.length, 0);
  });

  it('starts one request for identical asks, and a new one once it has settled', async () => {
    const { share, started, start } = manualRequests();
    const first = share('shop:a', start);
    const second = share('shop:a', start);
    const other = share('shop:b', start);
    assert.equal(started.length, 2);
    started[0]!.resolve('A');
    started[1]!.resolve('B');
    assert.deepEqual(await Promise.all([first, second, other]), ['A', 'A', 'B']);
    const again = share('shop:a', start);
    assert.equal(started.length, 3, 'a settled request is not shared with later asks');
    started[2]!.resolve('A2');
    assert.equal(await again, 'A2');
  });

  it('hands every waiter the same failure', async () => {
    const { share, started, start } = manualRequests();
    const failure = new Error('upstream down');
    const waits = [share('shop:a', start), share('shop:a', start)];
    started[0]!.reject(failure);
    for (const wait of waits) await assert.rejects(wait, (error) => error === failure);
  });

  it("ends only the aborting caller's wait while another still waits: the request goes on", async () => {
    const { share, started, start } = manualRequests();
    const leaving = new AbortController();
    const left = share('shop:a', start, leaving.signal);
    const staying = share('shop:a', start, new AbortController().signal);
    leaving.abort();
    await assert.rejects(left, abortedCode);
    assert.equal(started[0]!.signal.aborted, false, 'one waiter is left: the request must go on');
    // Still in flight, still shared.
    const joining = share('shop:a', start);
    assert.equal(started.length, 1);
    started[0]!.resolve('A');
    assert.deepEqual(await Promise.all([staying, joining]), ['A', 'A']);
  });

  it('stops the request when the last waiter aborts, and the next ask starts afresh', async () => {
    const { share, started, start } = manualRequests();
    const one = new AbortController();
    const two = new AbortController();
    const waits = [share('shop:a', start, one.signal), share('shop:a', start, two.signal)];
    one.abort();
    assert.equal(started[0]!.signal.aborted, false);
    two.abort();
    for (const wait of waits) await assert.rejects(wait, abortedCode);
    assert.equal(started[0]!.signal.aborted, true, 'nobody waits: the request is stopped');
    const fresh = share('shop:a', start);
    assert.equal(started.length, 2, 'an abandoned request is not handed to the next caller');
    // The abandoned request settling late must not forget the fresh one, which later asks still share.
    started[0]!.resolve('stale');
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    const joining = share('shop:a', start);
    assert.equal(started.length, 2, 'the stale request’s end removed the fresh one from the shared set');
    started[1]!.resolve('fresh');
    assert.deepEqual(await Promise.all([fresh, joining]), ['fresh', 'fresh']);
  });

  it('forgets a request that settled, even when a caller aborted before it did', async () => {
    const { share, started, start } = manualRequests();
    const leaving = new AbortController();
    const left = share('shop:a', start, leaving.signal);
    const staying = share('shop:a', start);
    leaving.abort();
    await assert.rejects(left, abortedCode);
    started[0]!.resolve('A');
    assert.equal(await staying, 'A');
    const next = share('shop:a', start);
    assert.equal(started.length, 2);
    started[1]!.resolve('A2');
    assert.equal(await next, 'A2');
  });

  it("leaves no abort listener behind on a caller's signal once its answer came", async () => {
    const { share, started, start } = manualRequests();
    const caller = new AbortController();
    const wait = share('shop:a', start, caller.signal);
    assert.equal(getEventListeners(caller.signal, 'abort').length, 1);
    started[0]!.resolve('A');
    assert.equal(await wait, 'A');
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
    // Aborting afterwards changes nothing: the request is not stopped, and a later ask starts afresh.
    caller.abort();
    assert.equal(started[0]!.signal.aborted, false);
  });

  it("leaves no abort listener behind on a caller's signal once the request failed", async () => {
    const { share, started, start } = manualRequests();
    const caller = new AbortController();
    const wait = share('shop:a', start, caller.signal);
    started[0]!.reject(new Error('down'));
    await assert.rejects(wait, /down/);
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
  });

  it('a waiter that aborted is not counted again when the request then settles', async () => {
    const { share, started, start } = manualRequests();
    const first = new AbortController();
    const second = new AbortController();
    const firstWait = share('shop:a', start, first.signal);
    const secondWait = share('shop:a', start, second.signal);
    first.abort();
    await assert.rejects(firstWait, abortedCode);
    // The one left waiting leaving must still stop the request: the first must have been counted out once.
    second.abort();
    await assert.rejects(secondWait, abortedCode);
    assert.equal(started[0]!.signal.aborted, true);
  });

  it('an abort heard after the request settled, before its waiters are told, leaves a newer request shared', async () => {
    // Mutant guarded: `inFlight.get(key) === current` → true (the late abort removed the newer request).
    const { share, started, start } = manualRequests();
    const late = new AbortController();
    const lateWait = share('shop:a', start, late.signal);
    started[0]!.resolve('A');
    // One tick: the settled request has left the shared set; its waiters' callbacks come ticks later.
    await Promise.resolve();
    const newer = share('shop:a', start);
    assert.equal(started.length, 2, 'the settled request was still shared');
    late.abort();
    await assert.rejects(lateWait, abortedCode);
    const joining = share('shop:a', start);
    assert.equal(started.length, 2, 'the late abort removed the newer request from the shared set');
    assert.equal(started[1]!.signal.aborted, false);
    started[1]!.resolve('B');
    assert.deepEqual(await Promise.all([newer, joining]), ['B', 'B']);
  });
});
