// Kills StrykerJS mutants (npm run mutation -- client) in the batcher directly, without the client
// around it: which keys share a call, how chunks split, what each waiter gets, and when an abort
// cancels the shared request. The fake `run` answers by the keys it is given, never by position.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBatcher } from '@xiaodian/client';
import { XiaodianError } from '@xiaodian/model';

interface Call {
  keys: string[];
  signal: AbortSignal;
  answer(results?: Array<PromiseSettledResult<string>>): void;
  fail(error: unknown): void;
}

/** A batcher over string keys whose calls wait until the test answers them. */
function harness(maxBatchSize = 3) {
  const calls: Call[] = [];
  const batcher = createBatcher<string, string>({
    maxBatchSize,
    keyOf: (key) => key.toLowerCase(),
    run: (keys, signal) =>
      new Promise((resolve, reject) => {
        calls.push({
          keys,
          signal,
          answer: (results) =>
            resolve(results ?? keys.map((key) => ({ status: 'fulfilled' as const, value: `value of ${key}` }))),
          fail: reject,
        });
      }),
  });
  return { batcher, calls };
}

/** Lets queued microtasks run (the batcher flushes in one). */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const isAborted = (error: unknown) => error instanceof XiaodianError && error.code === 'aborted';

describe('batcher: one call per tick', () => {
  it('sends every key asked in the same tick in one call, once each, and answers each waiter by key', async () => {
    const { batcher, calls } = harness(10);
    const asked = [batcher.load('a'), batcher.load('B'), batcher.load('b'), batcher.load('c')];
    assert.equal(calls.length, 0, 'nothing is sent before the tick ends');
    await tick();
    assert.deepEqual(
      calls.map((call) => call.keys),
      [['a', 'B', 'c']],
    );
    calls[0]!.answer();
    assert.deepEqual(await Promise.all(asked), ['value of a', 'value of B', 'value of B', 'value of c']);
  });

  it('starts a new call for a key asked in a later tick, and joins one still in flight', async () => {
    const { batcher, calls } = harness();
    const first = batcher.load('a');
    await tick();
    const joined = batcher.load('A');
    const later = batcher.load('z');
    await tick();
    assert.deepEqual(
      calls.map((call) => call.keys),
      [['a'], ['z']],
    );
    calls[0]!.answer();
    calls[1]!.answer();
    assert.deepEqual(await Promise.all([first, joined, later]), ['value of a', 'value of a', 'value of z']);
    // Settled: a new ask for the same key is a new call, not the old answer.
    const again = batcher.load('a');
    await tick();
    assert.equal(calls.length, 3);
    calls[2]!.answer([{ status: 'fulfilled', value: 'new' }]);
    assert.equal(await again, 'new');
  });

  it('splits more keys than maxBatchSize into chunks of at most that size, in order', async () => {
    const { batcher, calls } = harness(3);
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'];
    const asked = keys.map((key) => batcher.load(key));
    await tick();
    assert.deepEqual(
      calls.map((call) => call.keys),
      [['k1', 'k2', 'k3'], ['k4', 'k5', 'k6'], ['k7']],
    );
    for (const call of calls) call.answer();
    assert.deepEqual(
      await Promise.all(asked),
      keys.map((key) => `value of ${key}`),
    );
  });
});

describe('batcher: results and failures', () => {
  it('gives each key its own result: a value, its own rejection, or an error when results run short', async () => {
    const { batcher, calls } = harness();
    const a = batcher.load('a');
    const b = batcher.load('b');
    const c = batcher.load('c');
    await tick();
    const gone = new XiaodianError('not_found', 'no b');
    calls[0]!.answer([
      { status: 'fulfilled', value: 'A' },
      { status: 'rejected', reason: gone },
    ]);
    assert.equal(await a, 'A');
    await assert.rejects(b, (error) => error === gone);
    await assert.rejects(c, /Batch returned fewer results than keys/);
  });

  it('rejects every key of a call that fails as a whole, with that error, and lets the keys be asked again', async () => {
    const { batcher, calls } = harness();
    const asked = [batcher.load('a'), batcher.load('b')];
    await tick();
    const down = new Error('network down');
    calls[0]!.fail(down);
    for (const promise of asked) await assert.rejects(promise, (error) => error === down);
    const retry = batcher.load('a');
    await tick();
    assert.equal(calls.length, 2, 'a failed key is not stuck in flight');
    calls[1]!.answer();
    assert.equal(await retry, 'value of a');
  });
});

describe('batcher: aborts', () => {
  it("stops listening to a waiter's signal once its key was rejected", async () => {
    const { batcher, calls } = harness();
    const controller = new AbortController();
    const asked = batcher.load('a', controller.signal);
    await tick();
    calls[0]!.fail(new Error('network down'));
    await assert.rejects(asked, /network down/);
    // A listener left behind would take this abort for the last waiter leaving, and cancel the call.
    controller.abort();
    assert.equal(calls[0]!.signal.aborted, false);
  });

  it('rejects at once, sending nothing, when the signal is already aborted', async () => {
    const { batcher, calls } = harness();
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(batcher.load('a', controller.signal), isAborted);
    await tick();
    assert.equal(calls.length, 0);
  });

  it('drops a key from the coming call when its only waiter aborts before the tick ends', async () => {
    const { batcher, calls } = harness();
    const controller = new AbortController();
    const dropped = batcher.load('a', controller.signal);
    const kept = batcher.load('b');
    controller.abort();
    await assert.rejects(dropped, isAborted);
    await tick();
    assert.deepEqual(
      calls.map((call) => call.keys),
      [['b']],
    );
    calls[0]!.answer();
    assert.equal(await kept, 'value of b');
  });

  it('keeps a key in the coming call while another waiter still wants it', async () => {
    const { batcher, calls } = harness();
    const controller = new AbortController();
    const leaving = batcher.load('a', controller.signal);
    const staying = batcher.load('a');
    controller.abort();
    await assert.rejects(leaving, isAborted);
    await tick();
    assert.deepEqual(
      calls.map((call) => call.keys),
      [['a']],
    );
    calls[0]!.answer();
    assert.equal(await staying, 'value of a');
  });

  it('cancels a sent call only when nobody waits for any of its keys', async () => {
    const { batcher, calls } = harness();
    const first = new AbortController();
    const second = new AbortController();
    const a = batcher.load('a', first.signal);
    const b = batcher.load('b', second.signal);
    await tick();
    first.abort();
    await assert.rejects(a, isAborted);
    assert.equal(calls[0]!.signal.aborted, false, 'b still waits for the shared call');
    second.abort();
    await assert.rejects(b, isAborted);
    assert.equal(calls[0]!.signal.aborted, true);
  });

  it('keeps the call when a second waiter of the same key stays, and stops listening once settled', async () => {
    const { batcher, calls } = harness();
    const controller = new AbortController();
    const leaving = batcher.load('a', controller.signal);
    await tick();
    const stays = new AbortController();
    const staying = batcher.load('a', stays.signal);
    controller.abort();
    await assert.rejects(leaving, isAborted);
    assert.equal(calls[0]!.signal.aborted, false);
    calls[0]!.answer();
    assert.equal(await staying, 'value of a');
    // Aborting after the answer changes nothing: the listener is gone and the call is not cancelled.
    stays.abort();
    assert.equal(calls[0]!.signal.aborted, false);
  });

  it('leaves the fresh call for a key shared when the abandoned call for it ends late', async () => {
    // Mutant guarded: the late end forgetting whatever call is in flight for its keys, the fresh one too.
    const { batcher, calls } = harness();
    const controller = new AbortController();
    const abandoned = batcher.load('a', controller.signal);
    await tick();
    controller.abort();
    await assert.rejects(abandoned, isAborted);
    const fresh = batcher.load('a');
    await tick();
    assert.equal(calls.length, 2, 'nobody waited for the first call: the next ask starts afresh');
    calls[0]!.answer();
    await tick();
    const joining = batcher.load('a');
    await tick();
    assert.equal(calls.length, 2, 'the late end of the first call made the next ask start a third');
    calls[1]!.answer();
    assert.deepEqual(await Promise.all([fresh, joining]), ['value of a', 'value of a']);
  });
});

describe('batcher: one flush per batch', () => {
  it('sends keys asked in the microtasks after a flush together, in the next call', async () => {
    // Mutants guarded: a flush queued for every new key (`!scheduled` → true, `scheduled = true` → false),
    // which split asks of one tick that came after the first flush into calls of one key each.
    const { batcher, calls } = harness(10);
    const later: Array<Promise<string>> = [];
    const first = batcher.load('a');
    queueMicrotask(() => later.push(batcher.load('c')));
    const second = batcher.load('b');
    queueMicrotask(() => later.push(batcher.load('d')));
    await tick();
    assert.deepEqual(
      calls.map((call) => call.keys),
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    );
    for (const call of calls) call.answer();
    assert.deepEqual(
      await Promise.all([first, second, ...later]),
      ['a', 'b', 'c', 'd'].map((key) => `value of ${key}`),
    );
  });
});
