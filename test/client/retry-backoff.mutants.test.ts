// Kills StrykerJS mutants (npm run mutation -- client) in signals.ts's `sleep`, the wait between retries: a
// caller who gives up during that wait is answered `aborted` at once, not when the wait would have ended, and
// so is one who gives up the moment the retry is announced (the wait then starts on an aborted signal).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, XiaodianError, type ClientEvent } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import type { ProductRef } from '@xiaodian/model';

const demo = createDemoBackend();
const product = demo.products[0]!;
const ref: ProductRef = { appid: product.appid, productId: product.productId };

/** A minute between retries: a test that waits it out has already failed. */
const minuteBackoff = { retries: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 };

/** A client whose backend fails every call with a retryable error, counting the calls. */
function failingClient() {
  let calls = 0;
  const client = createClient({
    backend: {
      getProducts: () => {
        calls += 1;
        return Promise.reject(new XiaodianError('upstream', 'busy', { retryable: true }));
      },
    },
    retry: minuteBackoff,
    random: () => 1,
  });
  return { client, calls: () => calls };
}

/** The promise's outcome, or `still waiting` when it has not settled within `ms` (far below the backoff). */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waiting = new Promise((resolve) => {
    timer = setTimeout(() => resolve('still waiting'), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => 'resolved',
        (error: unknown) => error,
      ),
      waiting,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe('giving up while the client waits to retry', () => {
  it('answers aborted as soon as the caller aborts during the wait', async () => {
    const { client, calls } = failingClient();
    const controller = new AbortController();
    const retried = new Promise<ClientEvent>((resolve) => {
      client.observe((event) => {
        if (event.type === 'retry') resolve(event);
      });
    });
    const answer = client.getProduct(ref, { signal: controller.signal });
    const retry = await retried;
    assert.equal(retry.type === 'retry' && retry.delayMs, 60_000);
    controller.abort();
    const outcome = await settledWithin(answer, 2_000);
    assert.ok(outcome instanceof XiaodianError, `expected aborted, got ${String(outcome)}`);
    assert.equal(outcome.code, 'aborted');
    assert.equal(outcome.message, 'The request was aborted');
    assert.equal(calls(), 1, 'no second attempt after the caller left');
  });

  it('answers aborted at once when the caller aborts as the retry is announced, before the wait begins', async () => {
    const { client, calls } = failingClient();
    const controller = new AbortController();
    client.observe((event) => {
      if (event.type === 'retry') controller.abort();
    });
    const outcome = await settledWithin(client.getProduct(ref, { signal: controller.signal }), 2_000);
    assert.ok(outcome instanceof XiaodianError, `expected aborted, got ${String(outcome)}`);
    assert.equal(outcome.code, 'aborted');
    assert.equal(calls(), 1);
  });
});
