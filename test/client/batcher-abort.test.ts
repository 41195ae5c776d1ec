import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBatcher } from '@xiaodian/client';

/** A chunk runner that answers only when released, and rejects as soon as its signal aborts. */
function controllableRunner() {
  const runs: Array<{ keys: string[]; signal: AbortSignal; release(): void }> = [];
  const run = (keys: string[], signal: AbortSignal) =>
    new Promise<Array<PromiseSettledResult<string>>>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new Error('chunk aborted')), { once: true });
      runs.push({
        keys,
        signal,
        release: () => resolve(keys.map((key) => ({ status: 'fulfilled', value: `value of ${key}` }))),
      });
    });
  return { runs, run };
}

/** Resolves once the batcher has flushed the asks of the current tick. */
const flushed = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('batcher after every waiter of a chunk aborted', () => {
  it('starts a fresh request for a later caller instead of joining the aborted chunk', async () => {
    const { runs, run } = controllableRunner();
    const batcher = createBatcher<string, string>({ run, keyOf: (key) => key, maxBatchSize: 50 });

    const leaving = new AbortController();
    const first = batcher.load('a', leaving.signal);
    await flushed();
    assert.equal(runs.length, 1);
    leaving.abort();
    // Asked before the aborted chunk has settled: the window in which a later caller used to join it.
    const later = batcher.load('a');
    await assert.rejects(first, { code: 'aborted' });
    assert.equal(runs[0]!.signal.aborted, true, 'the abandoned chunk is cancelled');
    await flushed();
    assert.equal(runs.length, 2, 'the later caller gets its own request');
    runs[1]!.release();
    assert.equal(await later, 'value of a');
  });

  it('keeps the chunk for a caller who joined while another waiter of it still waits', async () => {
    const { runs, run } = controllableRunner();
    const batcher = createBatcher<string, string>({ run, keyOf: (key) => key, maxBatchSize: 50 });
    const leaving = new AbortController();
    const first = batcher.load('a', leaving.signal);
    const staying = batcher.load('b');
    await flushed();
    leaving.abort();
    await assert.rejects(first, { code: 'aborted' });
    const joined = batcher.load('a');
    await flushed();
    assert.equal(runs.length, 1, 'the chunk is still wanted for b, so a joins it');
    runs[0]!.release();
    assert.equal(await joined, 'value of a');
    assert.equal(await staying, 'value of b');
  });
});
