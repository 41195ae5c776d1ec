import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import { XiaodianError, type ProductRef, type ProductSource } from '@xiaodian/model';

/** Wraps a backend and records every call, so tests can count round trips. */
function counting(backend: ProductSource) {
  const calls: ProductRef[][] = [];
  const wrapped: ProductSource = {
    getProducts(refs, options) {
      calls.push([...refs]);
      return backend.getProducts(refs, options);
    },
  };
  return { backend: wrapped, calls };
}

const demo = createDemoBackend();
const refs = demo.products.slice(0, 40).map((p) => ({ appid: p.appid, productId: p.productId }));

describe('client batching', () => {
  it('coalesces asks made in the same tick into one backend call', async () => {
    const { backend, calls } = counting(demo);
    const client = createClient({ backend });
    const products = await Promise.all(refs.map((ref) => client.getProduct(ref)));
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.length, refs.length);
    assert.deepEqual(
      products.map((p) => p.productId),
      refs.map((r) => r.productId),
    );
    assert.equal(client.stats.requests, 1);
    assert.equal(client.stats.asks, refs.length);
  });

  it('sends a duplicated ref once and answers every asker', async () => {
    const { backend, calls } = counting(demo);
    const client = createClient({ backend });
    const ref = refs[0]!;
    const [a, b] = await Promise.all([client.getProduct(ref), client.getProduct({ ...ref })]);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.length, 1);
    assert.equal(a.productId, b.productId);
  });

  it('splits more than 50 distinct refs into requests of at most 50', async () => {
    const { backend, calls } = counting({
      async getProducts(asked) {
        return asked.map(() => ({ ok: false, error: { code: 'not_found', message: 'none' } }) as const);
      },
    });
    const client = createClient({ backend });
    const asks = Array.from({ length: 120 }, (_, i) =>
      client.getProduct({ appid: 'wx3f8a2c1d9e7b6a54', productId: String(i + 1) }),
    );
    await Promise.allSettled(asks);
    assert.deepEqual(
      calls.map((c) => c.length),
      [50, 50, 20],
    );
  });

  // The fake answers by the refs it is asked for, not by position, so a client that sends refs in one order
  // and reads answers in another (mutation: reversing the refs it sends) gives a product to the wrong asker.
  it('gives a malformed item its own invalid_response error and leaves its neighbours resolved', async () => {
    const [good, bad, other] = demo.products;
    assert.ok(good && bad && other);
    const asked: string[][] = [];
    const client = createClient({
      backend: {
        async getProducts(refs) {
          asked.push(refs.map((ref) => ref.productId));
          return refs.map((ref) => {
            if (ref.productId === good.productId) return { ok: true, product: good } as const;
            if (ref.productId === bad.productId) return { ok: true, product: { ...bad, minPrice: -5 } } as const;
            return { ok: false, error: { code: 'not_found', message: `No product ${ref.productId}` } } as const;
          });
        },
      },
    });
    const [first, second, third] = await Promise.allSettled([
      client.getProduct({ appid: good.appid, productId: good.productId }),
      client.getProduct({ appid: bad.appid, productId: bad.productId }),
      client.getProduct({ appid: other.appid, productId: other.productId }),
    ]);
    assert.deepEqual(
      asked.map((ids) => [...ids].sort()),
      [[good.productId, bad.productId, other.productId].sort()],
    );
    assert.equal(first.status === 'fulfilled' ? first.value.productId : first.reason, good.productId);
    assert.equal(second.status, 'rejected');
    const reason = second.status === 'rejected' ? second.reason : undefined;
    assert.ok(reason instanceof XiaodianError);
    assert.equal(reason.code, 'invalid_response');
    assert.match(reason.message, /minPrice/);
    assert.match(reason.message, new RegExp(bad.productId));
    assert.equal(third.status === 'rejected' ? third.reason.code : third.status, 'not_found');
  });

  it('wraps whatever an in-process backend throws in an upstream XiaodianError', async () => {
    const client = createClient({
      retry: false,
      backend: {
        getProducts: () => Promise.reject(new TypeError('socket hang up')),
      },
    });
    await assert.rejects(client.getProduct(refs[0]!), (error: unknown) => {
      assert.ok(error instanceof XiaodianError);
      assert.equal(error.code, 'upstream');
      assert.match(error.message, /socket hang up/);
      return true;
    });
  });

  it('turns a per-ref error into a XiaodianError with its code', async () => {
    const client = createClient({ backend: demo });
    await assert.rejects(client.getProduct({ appid: 'wx0000000000000000', productId: '42' }), {
      name: 'XiaodianError',
      code: 'not_found',
    });
  });
});

describe('client over HTTP', () => {
  it('calls /v1/products once for a tick of asks and validates the answer', async () => {
    const urls: string[] = [];
    const client = createClient({
      gateway: 'https://gateway.example/',
      fetch: async (url) => {
        urls.push(url);
        const asked = decodeURIComponent(new URL(url).searchParams.get('refs') ?? '').split(',');
        return Response.json({
          items: await demo
            .getProducts(asked.map((r) => ({ appid: r.split(':')[0]!, productId: r.split(':')[1]! })))
            .then((results) => results.map((result, i) => ({ ref: asked[i], ...result }))),
        });
      },
    });
    const products = await Promise.all(refs.slice(0, 3).map((ref) => client.getProduct(ref)));
    assert.equal(urls.length, 1);
    assert.match(urls[0]!, /^https:\/\/gateway\.example\/v1\/products\?refs=/);
    assert.equal(products.length, 3);
  });

  it('maps a gateway error body and an unreachable gateway to typed errors', async () => {
    const rejecting = createClient({
      gateway: 'https://gateway.example',
      retry: false,
      fetch: async () => Response.json({ error: { code: 'rate_limited', message: 'slow down' } }, { status: 429 }),
    });
    await assert.rejects(rejecting.getProduct(refs[0]!), { code: 'rate_limited', message: 'slow down' });

    const offline = createClient({
      gateway: 'https://gateway.example',
      retry: false,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await assert.rejects(offline.getProduct(refs[0]!), { code: 'offline' });
  });

  it('rejects a response whose item count does not match the refs', async () => {
    const client = createClient({
      gateway: 'https://gateway.example',
      fetch: async () => Response.json({ items: [] }),
    });
    await assert.rejects(client.getProduct(refs[0]!), { code: 'invalid_response' });
  });
});
