/**
 * The client's own bookkeeping, as a page sees it through `stats` and `observe` (found unguarded by the
 * client's mutation run, in client.ts): every counter moves by one for its own kind of event only, an
 * aborted call is no failure, an unsubscribed observer hears nothing more, the default memory cache is
 * bounded, a malformed refresh keeps the good product, and a backend without live events is polled.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, type ClientEvent, type ClientStats, type LiveConnectionState } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import {
  XiaodianError,
  type Product,
  type ProductRef,
  type ProductResult,
  type ProductSource,
  type StorefrontBackend,
} from '@xiaodian/model';
import { until } from './live-test-room.ts';

const demo = createDemoBackend();
const [first, second] = demo.products as [Product, Product];
const refOf = (product: Product): ProductRef => ({ appid: product.appid, productId: product.productId });

/** Answers from the demo, with each ref's answer replaceable mid-test; counts the refs it is asked for. */
function switchableBackend() {
  const answers = new Map<string, () => ProductResult | Promise<ProductResult>>();
  const asked: string[] = [];
  const backend: ProductSource = {
    async getProducts(refs, options) {
      const fromDemo = await demo.getProducts(refs, options);
      return Promise.all(
        refs.map((ref, i) => {
          asked.push(ref.productId);
          return answers.get(ref.productId)?.() ?? fromDemo[i]!;
        }),
      );
    },
  };
  return { backend, answers, asked };
}

const summary = (event: ClientEvent): string =>
  event.type === 'cache'
    ? `cache ${event.resource} ${event.outcome}`
    : event.type === 'request'
      ? `request ${event.resource} ${event.size}`
      : event.type === 'error'
        ? `error ${event.resource} ${event.code} ${event.message}`
        : event.type;

describe('the client counts what happened, each kind in its own counter', () => {
  it('counts one miss, one fresh hit, one stale hit with its refresh and one failed request, and says so to observers', async () => {
    let clock = 1_000_000;
    const { backend, answers } = switchableBackend();
    answers.set(second.productId, () => {
      throw new XiaodianError('upstream', 'WeChat did not answer');
    });
    const client = createClient({ backend, now: () => clock, retry: false });
    const events: ClientEvent[] = [];
    client.observe((event) => events.push(event));

    const missed = await client.readProduct(refOf(first));
    assert.equal(missed.stale, false, 'a product just loaded is not stale');
    assert.equal((await client.readProduct(refOf(first))).stale, false);
    clock += 61_000; // past the product's 60 s of freshness, within its day of staleness
    const stale = await client.readProduct(refOf(first));
    assert.equal(stale.stale, true);
    await stale.refresh;
    await assert.rejects(client.getProduct(refOf(second)), { code: 'upstream' });

    const expected: ClientStats = {
      requests: 3,
      asks: 4,
      cacheHits: 1,
      staleHits: 1,
      cacheMisses: 2,
      retries: 0,
      failures: 1,
    };
    assert.deepEqual({ ...client.stats }, expected);
    assert.deepEqual(events.map(summary), [
      'cache products miss',
      'request products 1',
      'cache products fresh',
      'cache products stale',
      'request products 1',
      'cache products miss',
      'request products 1',
      'error products upstream WeChat did not answer',
    ]);
  });

  it('does not count or report an aborted call as a failure: the page asked for it', async () => {
    const client = createClient({
      backend: {
        getProducts: (_refs, options) =>
          new Promise((_resolve, reject) =>
            options?.signal?.addEventListener('abort', () => reject(options.signal?.reason)),
          ),
      },
      retry: false,
    });
    const events: ClientEvent[] = [];
    client.observe((event) => events.push(event));
    const controller = new AbortController();
    const asked = client.getProduct(refOf(first), { signal: controller.signal });
    await until(() => events.some((event) => event.type === 'request'), 'the request');
    controller.abort();
    await assert.rejects(asked, { code: 'aborted' });
    // The batch's own call settles after the caller's: give it the turns it needs to report.
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(events.map(summary), ['cache products miss', 'request products 1']);
    assert.equal(client.stats.failures, 0);
  });

  it('stops telling an observer once it has unsubscribed, and keeps telling the others', async () => {
    const client = createClient({ backend: demo });
    const gone: ClientEvent[] = [];
    const kept: ClientEvent[] = [];
    const unsubscribe = client.observe((event) => gone.push(event));
    client.observe((event) => kept.push(event));
    await client.getProduct(refOf(first));
    unsubscribe();
    await client.getProduct(refOf(second));
    assert.deepEqual(gone.map(summary), ['cache products miss', 'request products 1']);
    assert.deepEqual(kept.map(summary), [
      'cache products miss',
      'request products 1',
      'cache products miss',
      'request products 1',
    ]);
  });
});

describe('the client cache', () => {
  it('holds 2,000 entries by default: the oldest of 2,001 products is asked for again', async () => {
    const asked: string[] = [];
    // 2,001 distinct products, each the first demo product under its own id.
    const backend: ProductSource = {
      getProducts: async (refs) =>
        refs.map((ref) => (asked.push(ref.productId), { ok: true, product: { ...first, productId: ref.productId } })),
    };
    const client = createClient({ backend });
    const refs = Array.from({ length: 2001 }, (_, i) => ({ appid: first.appid, productId: String(10_000_000 + i) }));
    for (let i = 0; i < refs.length; i += 50) await Promise.all(refs.slice(i, i + 50).map((r) => client.getProduct(r)));
    assert.equal(asked.length, 2001);
    await client.getProduct(refs[2000]!);
    assert.equal(asked.length, 2001, 'the newest product is still cached');
    await client.getProduct(refs[0]!);
    assert.equal(asked.length, 2002, 'the oldest product was evicted, so it is asked for again');
  });

  it('keeps the good product when a refresh answers with a malformed one (only a product gone is dropped)', async () => {
    const { backend, answers, asked } = switchableBackend();
    const client = createClient({ backend, retry: false });
    const good = await client.getProduct(refOf(first));
    answers.set(first.productId, () => ({ ok: true, product: { ...first, title: 42 } }) as unknown as ProductResult);
    await assert.rejects(client.getProduct(refOf(first), { fresh: true }), { code: 'invalid_response' });
    assert.deepEqual(await client.getProduct(refOf(first)), good, 'the cached product still answers');
    assert.equal(asked.length, 2, 'without a third request');
  });
});

describe('names in what the client says', () => {
  it('names the method a malformed ref was given to', async () => {
    const client = createClient({ backend: demo });
    await assert.rejects(client.readShop('wx123' as never), {
      code: 'invalid_ref',
      message: 'readShop takes a ref object {appid}, not the string "wx123"',
    });
    await assert.rejects(client.getShop('wx123' as never), { message: /^getShop takes/ });
    assert.throws(() => client.subscribeLive('sphX' as never, () => {}), {
      code: 'invalid_ref',
      message: 'subscribeLive takes a ref object {finderUserName}, not the string "sphX"',
    });
  });
});

describe('a live subscription from a backend without live events', () => {
  it('starts as connecting and polls, never trying a stream the backend does not have', async () => {
    const withoutEvents: Omit<StorefrontBackend, 'liveEvents'> = {
      getProducts: (refs, options) => demo.getProducts(refs, options),
      getShop: (appid, options) => demo.getShop(appid, options),
      listShopProducts: (appid, page, options) => demo.listShopProducts(appid, page, options),
      search: (query, options) => demo.search(query, options),
      suggest: (prefix, options) => demo.suggest(prefix, options),
      getLive: (name, options) => demo.getLive(name, options),
      resolveLinks: (links, options) => demo.resolveLinks(links, options),
    };
    const client = createClient({ backend: withoutEvents });
    const states: LiveConnectionState[] = [];
    const errors: unknown[] = [];
    const subscription = client.subscribeLive({ finderUserName: demo.liveRooms[0]! }, () => {}, {
      onState: (state) => states.push(state),
      onError: (error) => errors.push(error),
      pollIntervalMs: 60_000,
    });
    try {
      assert.equal(subscription.state, 'connecting');
      await until(() => subscription.room !== undefined, 'the first room');
      assert.equal(subscription.state, 'polling');
      assert.deepEqual(states, ['polling']);
      assert.deepEqual(errors, []);
    } finally {
      subscription.close();
    }
  });
});
