import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, retryDelay, webStorageStore, type FetchLike } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import { createGatewayApp } from '@xiaodian/gateway';
import { XiaodianError, type ProductRef } from '@xiaodian/model';

const demo = createDemoBackend();
const app = createGatewayApp({ backend: demo, log: false, rateLimit: false });
// A page worth of real products: 40 of the catalog, so tests can add unknown refs up to 50.
const refs: ProductRef[] = demo.products.slice(0, 40).map((p) => ({ appid: p.appid, productId: p.productId }));
const firstRef = refs[0]!;

/** The real gateway app as the client's fetch, counting HTTP requests. */
function gatewayFetch() {
  const urls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    urls.push(url);
    return app.request(url, init);
  };
  return { fetch, urls };
}

/** Distinct refs beyond the catalog: the gateway answers not_found for each, which is enough to count requests. */
function manyRefs(count: number): ProductRef[] {
  return Array.from({ length: count }, (_, i) => ({ appid: 'wx3f8a2c1d9e7b6a54', productId: String(90000 + i) }));
}

describe('one request per page', () => {
  it('sends 50 product asks made in one tick as exactly 1 HTTP request', async () => {
    const { fetch, urls } = gatewayFetch();
    const client = createClient({ gateway: 'http://gateway.test', fetch });
    const asks = [...refs, ...manyRefs(50 - refs.length)];
    assert.equal(asks.length, 50);
    const results = await Promise.allSettled(asks.map((ref) => client.getProduct(ref)));
    assert.equal(urls.length, 1);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, refs.length);
    assert.equal(client.stats.requests, 1);
  });

  it('sends 120 asks as 3 requests of at most 50 refs', async () => {
    const { fetch, urls } = gatewayFetch();
    const client = createClient({ gateway: 'http://gateway.test', fetch });
    await Promise.allSettled(manyRefs(120).map((ref) => client.getProduct(ref)));
    assert.equal(urls.length, 3);
    const sizes = urls.map((url) => (new URL(url).searchParams.get('refs') ?? '').split(',').length);
    assert.deepEqual(sizes, [50, 50, 20]);
  });

  it('lets an ask for a product already in flight join that request', async () => {
    const { fetch, urls } = gatewayFetch();
    const client = createClient({ gateway: 'http://gateway.test', fetch });
    const first = client.getProduct(firstRef);
    await Promise.resolve();
    await Promise.resolve();
    const second = client.getProduct({ ...firstRef });
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.productId, b.productId);
    assert.equal(urls.length, 1);
  });

  it('answers a failing ref with its own error and resolves the others', async () => {
    const { fetch } = gatewayFetch();
    const client = createClient({ gateway: 'http://gateway.test', fetch });
    const missing = { appid: firstRef.appid, productId: '99999999' };
    const [ok, failed, ok2] = await Promise.allSettled([
      client.getProduct(refs[1]!),
      client.getProduct(missing),
      client.getProduct(refs[2]!),
    ]);
    assert.equal(ok.status, 'fulfilled');
    assert.equal(ok2.status, 'fulfilled');
    assert.equal(failed.status, 'rejected');
    assert.equal((failed as PromiseRejectedResult).reason.code, 'not_found');
  });
});

describe('retries', () => {
  it('retries 503 up to the bound, then fails with the last error', async () => {
    let calls = 0;
    const client = createClient({
      gateway: 'http://gateway.test',
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 },
      fetch: async () => {
        calls += 1;
        return Response.json({ error: { code: 'upstream', message: 'busy' } }, { status: 503 });
      },
    });
    await assert.rejects(client.getProduct(firstRef), { code: 'upstream', message: 'busy' });
    assert.equal(calls, 3);
    assert.equal(client.stats.retries, 2);
  });

  it('recovers when a retry succeeds, and honours Retry-After over its own backoff', async () => {
    let calls = 0;
    const delays: number[] = [];
    const { fetch } = gatewayFetch();
    const client = createClient({
      gateway: 'http://gateway.test',
      retry: { retries: 3, baseDelayMs: 5000, maxDelayMs: 10_000 },
      fetch: async (url, init) => {
        calls += 1;
        if (calls === 1) {
          return Response.json(
            { error: { code: 'rate_limited', message: 'slow down' } },
            { status: 429, headers: { 'retry-after': '0' } },
          );
        }
        return fetch(url, init);
      },
    });
    client.observe((event) => {
      if (event.type === 'retry') delays.push(event.delayMs);
    });
    const product = await client.getProduct(firstRef);
    assert.equal(product.productId, firstRef.productId);
    assert.equal(calls, 2);
    // Retry-After: 0 means at once, although the backoff alone would have waited up to 5 s.
    assert.deepEqual(delays, [0]);
  });

  it('never retries what cannot succeed (400, 404) and retries network failures', async () => {
    let calls = 0;
    const client = createClient({
      gateway: 'http://gateway.test',
      retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 2 },
      fetch: async () => {
        calls += 1;
        return Response.json({ error: { code: 'bad_request', message: 'no' } }, { status: 400 });
      },
    });
    await assert.rejects(client.getProduct(firstRef), { code: 'bad_request' });
    assert.equal(calls, 1);

    let networkCalls = 0;
    const flaky = createClient({
      gateway: 'http://gateway.test',
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 },
      fetch: async () => {
        networkCalls += 1;
        throw new TypeError('fetch failed');
      },
    });
    await assert.rejects(flaky.getProduct(firstRef), { code: 'offline' });
    assert.equal(networkCalls, 2);
  });

  it('computes bounded, jittered backoff and caps Retry-After', () => {
    const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    const error = new XiaodianError('offline', 'x');
    assert.equal(
      retryDelay(1, error, policy, () => 0.9999),
      100,
    );
    assert.equal(
      retryDelay(3, error, policy, () => 0.9999),
      400,
    );
    assert.equal(
      retryDelay(10, error, policy, () => 0.9999),
      1000,
    );
    assert.equal(
      retryDelay(3, error, policy, () => 0),
      0,
    );
    const asked = new XiaodianError('rate_limited', 'x', { retryAfterMs: 60_000 });
    assert.equal(
      retryDelay(1, asked, policy, () => 0.5),
      1000,
    );
  });
});

/** A fetch that answers only when aborted: for timeouts and aborts. */
/** A promise the test awaits (`opened`) and the code under test settles (`open`): a signal, not a sleep. */
function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** A fetch that never answers; `sent` settles when the first request has gone out. */
function hangingFetch() {
  const signals: AbortSignal[] = [];
  const sent = latch();
  const fetch: FetchLike = (_url, init) =>
    new Promise((_, reject) => {
      const signal = init?.signal;
      if (signal) signals.push(signal);
      sent.open();
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { fetch, signals, sent: sent.opened };
}

describe('timeouts and aborts', () => {
  it('times out a request that does not answer, once per attempt', async () => {
    const { fetch, signals } = hangingFetch();
    const client = createClient({
      gateway: 'http://gateway.test',
      timeoutMs: 30,
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 },
      fetch,
    });
    const started = Date.now();
    await assert.rejects(client.getProduct(firstRef), { code: 'timeout' });
    assert.equal(signals.length, 2);
    assert.ok(signals.every((signal) => signal.aborted));
    assert.ok(Date.now() - started < 2000);
  });

  it("ends one caller's wait on abort while the shared request goes on for the other", async () => {
    let release: (() => void) | undefined;
    const seen: AbortSignal[] = [];
    const { fetch: real } = gatewayFetch();
    const sent = latch();
    const client = createClient({
      gateway: 'http://gateway.test',
      fetch: async (url, init) => {
        if (init?.signal) seen.push(init.signal);
        sent.open();
        await new Promise<void>((resolve) => (release = resolve));
        return real(url, init);
      },
    });
    const controller = new AbortController();
    const leaving = client.getProduct(firstRef, { signal: controller.signal });
    const staying = client.getProduct(firstRef);
    await sent.opened;
    controller.abort();
    await assert.rejects(leaving, { code: 'aborted' });
    assert.equal(seen[0]?.aborted, false, 'the shared request is not cancelled while someone waits');
    release?.();
    assert.equal((await staying).productId, firstRef.productId);
  });

  it('cancels the request when every caller has gone', async () => {
    const { fetch, signals, sent } = hangingFetch();
    const client = createClient({ gateway: 'http://gateway.test', fetch, retry: false });
    const a = new AbortController();
    const b = new AbortController();
    const asks = [client.getProduct(refs[0]!, { signal: a.signal }), client.getProduct(refs[1]!, { signal: b.signal })];
    await sent;
    a.abort();
    assert.equal(signals[0]?.aborted, false);
    b.abort();
    await Promise.allSettled(asks);
    assert.equal(signals[0]?.aborted, true);
  });
});

describe('cache', () => {
  it('serves a fresh entry without a request, then a stale one at once while refreshing in the background', async () => {
    let now = 1_000_000;
    const { fetch, urls } = gatewayFetch();
    const client = createClient({
      gateway: 'http://gateway.test',
      fetch,
      now: () => now,
      cache: { products: { freshMs: 1000, staleMs: 60_000 }, store: false },
    });
    await client.getProduct(firstRef);
    await client.getProduct(firstRef);
    assert.equal(urls.length, 1, 'fresh hit');

    now += 5000;
    const answer = await client.readProduct(firstRef);
    assert.equal(answer.stale, true);
    assert.equal(answer.value.productId, firstRef.productId);
    assert.ok(answer.refresh);
    assert.equal((await answer.refresh).productId, firstRef.productId);
    assert.equal(urls.length, 2, 'one background refresh');
    assert.equal((await client.readProduct(firstRef)).stale, false, 'fresh again after the refresh');
    assert.equal(client.stats.staleHits, 1);

    now += 120_000;
    await client.getProduct(firstRef);
    assert.equal(urls.length, 3, 'past the stale window it is a miss');
  });

  it('renders a repeat visit from the persistent store with no request, and drops entries that no longer validate', async () => {
    const storage = new Map<string, string>();
    const webStorage = {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
      removeItem: (key: string) => void storage.delete(key),
    };
    const first = gatewayFetch();
    const visit1 = createClient({
      gateway: 'http://gateway.test',
      fetch: first.fetch,
      cache: { store: webStorageStore(webStorage) },
    });
    await visit1.getProduct(firstRef);
    await visit1.getProduct(refs[1]!);
    // Two product entries, plus the index that bounds how many are kept.
    assert.equal([...storage.keys()].filter((key) => !key.endsWith('index')).length, 2);

    const second = gatewayFetch();
    const visit2 = createClient({
      gateway: 'http://gateway.test',
      fetch: second.fetch,
      cache: { store: webStorageStore(webStorage) },
    });
    assert.equal((await visit2.getProduct(firstRef)).productId, firstRef.productId);
    assert.equal(second.urls.length, 0);

    const key = [...storage.keys()].find((k) => k.endsWith(refs[1]!.productId))!;
    storage.set(key, JSON.stringify({ t: Date.now(), v: { productId: 'tampered' } }));
    await visit2.getProduct(refs[1]!);
    assert.equal(second.urls.length, 1, 'an entry that fails validation is fetched again');
  });

  it('stops serving a cached product once the backend says it is gone', async () => {
    let now = 0;
    let gone = false;
    const client = createClient({
      now: () => now,
      cache: { products: { freshMs: 10, staleMs: 100_000 }, store: false },
      backend: {
        async getProducts(asked) {
          return gone
            ? asked.map(() => ({ ok: false as const, error: { code: 'not_found' as const, message: 'gone' } }))
            : demo.getProducts(asked);
        },
      },
    });
    await client.getProduct(firstRef);
    gone = true;
    now += 100;
    const stale = await client.readProduct(firstRef);
    await assert.rejects(stale.refresh!, { code: 'not_found' });
    await assert.rejects(client.getProduct(firstRef), { code: 'not_found' });
  });
});
