// Kills StrykerJS mutants (npm run mutation -- client) in `lazyModule`, the client's `import()` on first use.
// Its only other test, lazy-modules.test.ts, drives the built client (moving chunk files away), which the
// mutation run cannot see: this one drives the source.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { XiaodianError } from '@xiaodian/model';
import { lazyModule } from '../../packages/client/src/lazy.js';

/** `navigator.onLine` as a browser reports it; Node 20 has no navigator of its own. */
function setOnline(onLine: boolean | undefined): void {
  if (onLine === undefined) delete (globalThis as { navigator?: unknown }).navigator;
  else Object.defineProperty(globalThis, 'navigator', { value: { onLine }, configurable: true, writable: true });
}

/** A loader that fails while `failing` is true and counts its calls. */
function flakyLoader() {
  const state = { calls: 0, failing: true, error: new TypeError('Failed to fetch dynamically imported module') };
  const load = () => {
    state.calls += 1;
    return state.failing ? Promise.reject(state.error) : Promise.resolve({ loaded: state.calls });
  };
  return { state, load };
}

async function rejection(promise: Promise<unknown>): Promise<XiaodianError> {
  const error = await promise.then(
    () => assert.fail('expected the load to fail'),
    (reason: unknown) => reason,
  );
  assert.ok(error instanceof XiaodianError, `a XiaodianError, not ${String(error)}`);
  return error;
}

describe('lazyModule', () => {
  afterEach(() => setOnline(undefined));

  it('loads once: later calls share the first load', async () => {
    const { state, load } = flakyLoader();
    state.failing = false;
    const get = lazyModule(load, 'the parser');
    const first = get();
    assert.equal(get(), first, 'the same promise while loading');
    assert.deepEqual(await first, { loaded: 1 });
    assert.deepEqual(await get(), { loaded: 1 });
    assert.equal(state.calls, 1);
  });

  it('keeps no failed load: the next call loads again and can succeed', async () => {
    const { state, load } = flakyLoader();
    const get = lazyModule(load, 'the parser');
    await rejection(get());
    state.failing = false;
    assert.deepEqual(await get(), { loaded: 2 });
    assert.equal(state.calls, 2);
  });

  it('reports a failed load as a retryable upstream failure naming the module, with the cause', async () => {
    const { state, load } = flakyLoader();
    const error = await rejection(lazyModule(load, 'the parser')());
    assert.equal(error.code, 'upstream');
    assert.equal(error.retryable, true);
    assert.match(error.message, /Could not load the parser/);
    assert.equal(error.cause, state.error);
  });

  it('reports it as offline when the runtime says it is offline, and as upstream when it says online', async () => {
    const { load } = flakyLoader();
    setOnline(false);
    const offline = await rejection(lazyModule(load, 'the parser')());
    assert.equal(offline.code, 'offline');
    assert.equal(offline.retryable, true);
    setOnline(true);
    assert.equal((await rejection(lazyModule(load, 'the parser')())).code, 'upstream');
  });

  it('passes a XiaodianError from the loader on unchanged', async () => {
    const own = new XiaodianError('not_found', 'No such module', { retryable: false });
    const get = lazyModule(() => Promise.reject(own), 'the parser');
    assert.equal(await rejection(get()), own);
  });
});
