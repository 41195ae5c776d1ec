// Kills StrykerJS mutants (npm run mutation -- gateway) that the route tests let live: the ETag must be
// the digest of the body (a constant tag would tell clients "304, unchanged" for changed data), the
// response cache's fresh / stale / expired boundaries, single flight, and products answers holding a
// transient per-ref failure never being cached.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  createGatewayApp,
  memoryResponseStore,
  ResponseCache,
  type CachedBody,
  type ResponseCacheStore,
} from '@xiaodian/gateway';
import { formatProductRef, type ProductResult } from '@xiaodian/model';
import { etagOf, ifNoneMatchHits } from '../../packages/gateway/src/http/etag.ts';
import { appid, fixtureBackend } from './fixture-backend.ts';

/** What RFC 9110 and the README promise: the quoted, unpadded base64url SHA-1 of the body's UTF-8 bytes. */
const expectedTag = (body: string) => `"${createHash('sha1').update(body, 'utf8').digest('base64url')}"`;

describe('ETag of a response body', () => {
  it('is the quoted base64url SHA-1 of the body, for bodies whose digests hold "+", "/" and padding', async () => {
    // 200 bodies: their digests contain every base64 character that base64url must replace, often twice.
    const bodies = Array.from({ length: 200 }, (_, i) => JSON.stringify({ items: [{ id: i, title: `商品 ${i}` }] }));
    const tags = await Promise.all(bodies.map(etagOf));
    assert.deepEqual(tags, bodies.map(expectedTag));
    const base64 = bodies.map((body) => createHash('sha1').update(body).digest('base64'));
    assert.ok(
      base64.some((text) => (text.match(/\+/g) ?? []).length > 1),
      'some digest has two "+"',
    );
    assert.ok(
      base64.some((text) => (text.match(/\//g) ?? []).length > 1),
      'some digest has two "/"',
    );
  });

  it('differs for different bodies and is stable for the same body', async () => {
    assert.notEqual(await etagOf('{"a":1}'), await etagOf('{"a":2}'));
    assert.equal(await etagOf('{"a":1}'), await etagOf('{"a":1}'));
  });
});

describe('If-None-Match against an ETag', () => {
  const tag = '"abc"';
  it('misses when absent or empty', () => {
    assert.equal(ifNoneMatchHits(undefined, tag), false);
    assert.equal(ifNoneMatchHits('', tag), false);
  });
  it('hits on "*", also with spaces around it', () => {
    assert.equal(ifNoneMatchHits('*', tag), true);
    assert.equal(ifNoneMatchHits(' * ', tag), true);
  });
  it('hits when any listed tag matches, compared weakly, and misses when none does', () => {
    assert.equal(ifNoneMatchHits('"abc"', tag), true);
    assert.equal(ifNoneMatchHits('"x", "abc"', tag), true);
    assert.equal(ifNoneMatchHits('"abc" ,"x"', tag), true);
    assert.equal(ifNoneMatchHits('W/"abc"', tag), true);
    assert.equal(ifNoneMatchHits('"abc"', 'W/"abc"'), true);
    assert.equal(ifNoneMatchHits('"x", "y"', tag), false);
    assert.equal(ifNoneMatchHits('"abcd"', tag), false);
    assert.equal(ifNoneMatchHits('W/"x"', tag), false);
    // Only a leading W/ marks a weak tag: one inside the quotes is part of the tag.
    assert.equal(ifNoneMatchHits('"aW/bc"', tag), false);
    assert.equal(ifNoneMatchHits('"abc"', '"aW/bc"'), false);
  });
});

describe('ETag through the gateway', () => {
  it('answers 304 without a body only for the tag of this very answer', async () => {
    const backend = fixtureBackend();
    const app = createGatewayApp({ backend, log: false, rateLimit: false });
    const [a, b] = backend.products;
    const first = await app.request(`/v1/products?refs=${formatProductRef(a!)}`);
    const second = await app.request(`/v1/products?refs=${formatProductRef(b!)}`);
    const firstTag = first.headers.get('etag')!;
    assert.equal(firstTag, expectedTag(await first.text()));
    assert.notEqual(firstTag, second.headers.get('etag'));

    const hit = await app.request(`/v1/products?refs=${formatProductRef(a!)}`, {
      headers: { 'If-None-Match': firstTag },
    });
    assert.equal(hit.status, 304);
    assert.equal(await hit.text(), '');
    assert.equal(hit.headers.get('etag'), firstTag);

    const changed = await app.request(`/v1/products?refs=${formatProductRef(b!)}`, {
      headers: { 'If-None-Match': firstTag },
    });
    assert.equal(changed.status, 200, 'another answer is not "unchanged"');
    assert.equal(changed.headers.get('content-type'), 'application/json; charset=UTF-8');
  });

  it('states freshness: max-age, stale-while-revalidate, Age and X-Cache from the policy and the clock', async () => {
    let now = 1_000_000;
    const backend = fixtureBackend();
    const app = createGatewayApp({
      backend,
      log: false,
      rateLimit: false,
      now: () => now,
      cachePolicies: { shops: { freshMs: 10_500, staleMs: 60_900 } },
    });
    const miss = await app.request(`/v1/shops/${appid}`);
    assert.equal(miss.headers.get('cache-control'), 'public, max-age=10, stale-while-revalidate=60');
    assert.equal(miss.headers.get('age'), '0');
    assert.equal(miss.headers.get('x-cache'), 'miss');
    now += 7_900;
    const fresh = await app.request(`/v1/shops/${appid}`);
    assert.equal(fresh.headers.get('age'), '7');
    assert.equal(fresh.headers.get('x-cache'), 'fresh');
  });
});

/** A store that records writes, and whose reads or writes can be made to fail. */
function recordingStore() {
  const entries = new Map<string, CachedBody>();
  const writes: Array<{ key: string; ttlMs: number }> = [];
  const store: ResponseCacheStore & { failGet?: boolean; failSet?: boolean } = {
    get(key) {
      if (store.failGet) throw new Error('store down');
      return entries.get(key);
    },
    set(key, value, ttlMs) {
      if (store.failSet) throw new Error('store down');
      writes.push({ key, ttlMs });
      entries.set(key, value);
    },
  };
  return { store, writes, entries };
}

describe('response cache: fresh, stale and expired', () => {
  const policy = { freshMs: 1_000, staleMs: 5_000 };

  function setup() {
    let now = 50_000;
    const { store, writes } = recordingStore();
    const errors: Array<{ key: string; error: unknown }> = [];
    const cache = new ResponseCache(
      store,
      () => now,
      (key, error) => errors.push({ key, error }),
    );
    let produced = 0;
    const produce = async () => ({ value: { n: ++produced }, cacheable: true });
    return {
      cache,
      store,
      writes,
      errors,
      produce,
      produced: () => produced,
      advance: (ms: number) => void (now += ms),
    };
  }

  it('stores an answer for fresh + stale milliseconds, stamped with the clock, and its tag', async () => {
    const t = setup();
    const { entry, state } = await t.cache.read('k', policy, t.produce);
    assert.equal(state, 'miss');
    assert.equal(entry.body, '{"n":1}');
    assert.equal(entry.etag, expectedTag('{"n":1}'));
    assert.equal(entry.storedAt, 50_000);
    assert.deepEqual(t.writes, [{ key: 'k', ttlMs: 6_000 }]);
  });

  it('is fresh until freshMs, stale from freshMs until fresh + stale, and a miss from then', async () => {
    const t = setup();
    await t.cache.read('k', policy, t.produce);
    t.advance(999);
    assert.equal((await t.cache.read('k', policy, t.produce)).state, 'fresh');
    t.advance(1);
    const stale = await t.cache.read('k', policy, t.produce);
    assert.equal(stale.state, 'stale');
    assert.equal(stale.entry.body, '{"n":1}', 'a stale read answers the old entry at once');
    assert.equal(t.produced(), 2, 'and starts one refresh');

    const t2 = setup();
    await t2.cache.read('k', policy, t2.produce);
    t2.advance(5_999);
    assert.equal((await t2.cache.read('k', policy, t2.produce)).state, 'stale');
    const t3 = setup();
    await t3.cache.read('k', policy, t3.produce);
    t3.advance(6_000);
    const expired = await t3.cache.read('k', policy, t3.produce);
    assert.equal(expired.state, 'miss');
    assert.equal(expired.entry.body, '{"n":2}');
  });

  it('asks the producer once for concurrent misses, and again once that load has finished', async () => {
    const t = setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const slow = async () => {
      calls += 1;
      await gate;
      return { value: { calls }, cacheable: false };
    };
    const reads = [t.cache.read('k', policy, slow), t.cache.read('k', policy, slow), t.cache.read('k', policy, slow)];
    release();
    const answers = await Promise.all(reads);
    assert.equal(calls, 1);
    assert.deepEqual(
      answers.map((a) => a.entry.body),
      ['{"calls":1}', '{"calls":1}', '{"calls":1}'],
    );
    // Not cacheable, so nothing was stored: the next read is a miss with a new load, not the finished one.
    await t.cache.read('k', policy, slow);
    assert.equal(calls, 2);
    assert.deepEqual(t.writes, []);
  });

  it('treats a failing store as a miss and reports it, and still answers when storing fails', async () => {
    const t = setup();
    t.store.failGet = true;
    const read = await t.cache.read('k', policy, t.produce);
    assert.equal(read.state, 'miss');
    assert.equal(read.entry.body, '{"n":1}');
    assert.equal(t.errors.length, 1);
    assert.equal(t.errors[0]!.key, 'k');

    t.store.failGet = false;
    t.store.failSet = true;
    const written = await t.cache.read('other', policy, t.produce);
    assert.equal(written.entry.body, '{"n":2}');
    assert.deepEqual(
      t.errors.map((e) => [e.key, String(e.error)]),
      [
        ['k', 'Error: store down'],
        ['other', 'Error: store down'],
      ],
    );
  });

  it('reports a failed background refresh and keeps serving the stale entry', async () => {
    const t = setup();
    await t.cache.read('k', policy, t.produce);
    t.advance(2_000);
    const stale = await t.cache.read('k', policy, async () => {
      throw new Error('backend down');
    });
    assert.equal(stale.state, 'stale');
    assert.equal(stale.entry.body, '{"n":1}');
    // The rejection reaches onBackgroundError a few turns after the producer throws; bounded, never a hang.
    for (let turn = 0; turn < 50 && t.errors.length === 0; turn++) await new Promise((r) => setImmediate(r));
    assert.equal(String(t.errors[0]!.error), 'Error: backend down');
  });
});

describe('the in-process response store', () => {
  const body: CachedBody = { body: '{}', etag: '"e"', storedAt: 1 };

  it('lets an answer go once its time to live has passed, and keeps it until then', async () => {
    const store = memoryResponseStore();
    store.set('short', body, 5);
    store.set('long', body, 60_000);
    assert.deepEqual(store.get('short'), body);
    // lru-cache reads its own clock (performance.now): wait for real time to pass, bounded.
    const deadline = Date.now() + 2_000;
    while (store.get('short') !== undefined) {
      assert.ok(Date.now() < deadline, 'the 5 ms answer was still there after 2 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.deepEqual(store.get('long'), body);
  });

  it('drops an answer a push said is out of date, and only that one', () => {
    const store = memoryResponseStore();
    store.set('a', body, 60_000);
    store.set('b', body, 60_000);
    void store.delete!('a');
    assert.equal(store.get('a'), undefined);
    assert.deepEqual(store.get('b'), body);
  });

  it('holds at most maxEntries answers, letting the least recently used go', () => {
    const store = memoryResponseStore(2);
    store.set('a', body, 60_000);
    store.set('b', body, 60_000);
    store.get('a');
    store.set('c', body, 60_000);
    assert.equal(store.get('b'), undefined);
    assert.deepEqual([store.get('a'), store.get('c')], [body, body]);
  });
});

describe('products answers with per-ref failures', () => {
  /** The fixture backend, with one ref answering a transient (or any chosen) per-ref failure. */
  function backendFailing(code: 'timeout' | 'not_found' | 'upstream') {
    const backend = fixtureBackend();
    const failingRef = formatProductRef(backend.products[1]!);
    const getProducts = backend.getProducts.bind(backend);
    backend.getProducts = async (refs) => {
      const results = await getProducts(refs);
      return results.map((result, i): ProductResult =>
        formatProductRef(refs[i]!) === failingRef ? { ok: false, error: { code, message: code } } : result,
      );
    };
    return backend;
  }

  for (const code of ['timeout', 'upstream'] as const) {
    it(`asks the backend again while one ref has a transient ${code} failure`, async () => {
      const backend = backendFailing(code);
      const app = createGatewayApp({ backend, log: false, rateLimit: false });
      const url = `/v1/products?refs=${backend.products.slice(0, 3).map(formatProductRef).join(',')}`;
      const first = await app.request(url);
      const second = await app.request(url);
      assert.equal(first.status, 200);
      assert.equal(second.headers.get('x-cache'), 'miss');
      assert.equal(backend.calls['getProducts'], 2);
    });
  }

  it('caches an answer whose only failures are products that do not exist', async () => {
    const backend = backendFailing('not_found');
    const app = createGatewayApp({ backend, log: false, rateLimit: false });
    const url = `/v1/products?refs=${backend.products.slice(0, 3).map(formatProductRef).join(',')}`;
    await app.request(url);
    const second = await app.request(url);
    assert.equal(second.headers.get('x-cache'), 'fresh');
    assert.equal(backend.calls['getProducts'], 1);
  });

  it('answers 502 when the backend returns fewer results than refs', async () => {
    const backend = fixtureBackend();
    backend.getProducts = async () => [];
    const app = createGatewayApp({ backend, log: false, rateLimit: false });
    const response = await app.request(`/v1/products?refs=${formatProductRef(backend.products[0]!)}`);
    assert.equal(response.status, 502);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'upstream');
    assert.equal(body.error.message, 'The backend answered 0 of 1 refs');
  });
});

describe("the response cache keeps each page of a shop's products apart", () => {
  type PageBody = { items: { productId: string }[]; nextCursor?: string };
  const idsOf = (page: PageBody) => page.items.map((item) => item.productId);

  // Mutant: every cursor keyed alike (`cursor && ''`), so page three was answered from page two's cached body
  // and a shopper scrolling the shop saw the same page again.
  it('answers the page a cursor asks for, not a cached neighbour, and caches each page by itself', async () => {
    const backend = fixtureBackend();
    const app = createGatewayApp({ backend, log: false, rateLimit: false });
    const pages: PageBody[] = [];
    let query = 'limit=5';
    for (let page = 0; page < 3; page += 1) {
      const response = await app.request(`/v1/shops/${appid}/products?${query}`);
      assert.equal(response.headers.get('x-cache'), 'miss', `page ${page + 1} is asked of the backend`);
      pages.push((await response.json()) as PageBody);
      query = `limit=5&cursor=${pages[page]!.nextCursor}`;
    }
    assert.deepEqual(
      pages.map(idsOf),
      [0, 5, 10].map((start) => backend.products.slice(start, start + 5).map((p) => p.productId)),
    );

    const secondAgain = await app.request(`/v1/shops/${appid}/products?limit=5&cursor=5`);
    assert.equal(secondAgain.headers.get('x-cache'), 'fresh');
    assert.deepEqual(idsOf((await secondAgain.json()) as PageBody), idsOf(pages[1]!));
    assert.equal(backend.calls['listShopProducts'], 3);
  });
});
