import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { createGateway, createGatewayApp, type LogEntry } from '@xiaodian/gateway';
import {
  XiaodianError,
  errorResponseSchema,
  healthResponseSchema,
  liveResponseSchema,
  liveRoomSchema,
  productPageResponseSchema,
  productSchema,
  productsResponseSchema,
  resolveResponseSchema,
  shopResponseSchema,
  shopSchema,
  searchPageResponseSchema,
  suggestResponseSchema,
} from '@xiaodian/model';
import { appid, finder, fixtureBackend } from './fixture-backend.ts';

const quiet = { log: false as const };

function gateway(overrides: Parameters<typeof createGatewayApp>[0] extends infer O ? Partial<O> : never = {}) {
  const backend = fixtureBackend();
  const app = createGatewayApp({ backend, ...quiet, ...overrides });
  return { backend, app };
}

const ref = (id: string | number) => `${appid}:${id}`;

describe('gateway v1 routes answer data that validates against the model', () => {
  const { backend, app } = gateway();
  const [first, second] = backend.products;

  it('products: one entry per ref, in order, a missing ref failing alone', async () => {
    const asked = `/v1/products?refs=${ref(second!.productId)},${ref(99999)},${ref(first!.productId)}`;
    // The same list with spaces around refs and split over repeated refs= parameters reads alike.
    const spaced = `/v1/products?refs=%20${ref(second!.productId)}%20,${ref(99999)}&refs=${ref(first!.productId)}%20`;
    for (const url of [asked, spaced]) {
      const response = await app.request(url);
      assert.equal(response.status, 200, url);
      const body = productsResponseSchema.parse(await response.json());
      assert.deepEqual(
        body.items.map((item) => [item.ref, item.ok]),
        [
          [ref(second!.productId), true],
          [ref(99999), false],
          [ref(first!.productId), true],
        ],
        url,
      );
      assert.equal(productSchema.safeParse(body.items[0]!['product']).success, true);
      assert.equal((body.items[1]!['error'] as { code: string }).code, 'not_found');
    }
  });

  it('shops, shop products (paged), search, suggest, live room, resolve and health', async () => {
    const shopBody = shopResponseSchema.parse(await (await app.request(`/v1/shops/${appid}`)).json());
    assert.equal(shopSchema.safeParse(shopBody.shop).success, true);

    const page1 = productPageResponseSchema.parse(
      await (await app.request(`/v1/shops/${appid}/products?limit=50`)).json(),
    );
    assert.equal(page1.items.length, 50);
    assert.equal(page1.total, 60);
    assert.ok(page1.nextCursor);
    const page2 = productPageResponseSchema.parse(
      await (await app.request(`/v1/shops/${appid}/products?limit=50&cursor=${page1.nextCursor}`)).json(),
    );
    assert.equal(page2.items.length, 10);
    assert.equal(page2.nextCursor, undefined);
    for (const item of [...page1.items, ...page2.items]) assert.equal(productSchema.safeParse(item).success, true);

    const search = searchPageResponseSchema.parse(
      await (await app.request(`/v1/search?q=${encodeURIComponent('测试')}&max_price=2000&sort=sales`)).json(),
    );
    assert.ok(search.items.length > 0);
    for (const item of search.items) assert.ok(productSchema.parse(item).minPrice <= 2000);
    // One hit per item, pointing at the matched words of that item's title.
    assert.equal(search.hits.length, search.items.length);
    search.items.forEach((item, i) => {
      const title = productSchema.parse(item).title;
      for (const [start, end] of search.hits[i]!.titleRanges) assert.equal(title.slice(start, end), '测试');
    });
    assert.ok(search.facets.shop.length > 0 && search.facets.price.length > 0);

    const suggest = suggestResponseSchema.parse(
      await (await app.request(`/v1/search/suggest?q=${encodeURIComponent('山')}`)).json(),
    );
    assert.deepEqual(suggest.suggestions, [{ text: '山冲锋衣', kind: 'query' }]);

    const live = liveResponseSchema.parse(await (await app.request(`/v1/lives/${finder}`)).json());
    assert.equal(liveRoomSchema.safeParse(live.live).success, true);

    const health = healthResponseSchema.parse(await (await app.request('/healthz')).json());
    assert.equal(health.status, 'ok');
  });

  it('resolve: refs and data for article HTML, in document order, short links through the backend', async () => {
    const html = `<p>看看 <xd-product-card appid="${appid}" product-id="${first!.productId}"></xd-product-card>
      <a href="https://channels.weixin.qq.com/shop/a/abc123">短链</a> <xd-shop-entry appid="${appid}"></xd-shop-entry>
      <a href="https://channels.weixin.qq.com/shop/a/gone">旧链接</a> <xd-live-widget finder-user-name="${finder}"></xd-live-widget>
      <xd-product-card appid="${appid}" product-id="${first!.productId}"></xd-product-card></p>`;
    const response = await app.request('/v1/resolve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ html }),
    });
    assert.equal(response.status, 200);
    const { items } = resolveResponseSchema.parse(await response.json());
    assert.deepEqual(
      items.map((item) => [item.ok, (item['ref'] as { kind?: string } | undefined)?.kind]),
      [
        [true, 'product'],
        [true, 'product'],
        [true, 'shop'],
        [false, undefined],
        [true, 'live'],
      ],
    );
    assert.equal(productSchema.safeParse(items[0]!['product']).success, true);
    assert.equal((items[1]!['product'] as { productId: string }).productId, second!.productId);
    assert.equal(shopSchema.safeParse(items[2]!['shop']).success, true);
    assert.equal((items[3]!['error'] as { code: string }).code, 'not_found');
    assert.equal(liveRoomSchema.safeParse(items[4]!['live']).success, true);

    const refsOnly = await app.request('/v1/resolve?include=refs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ links: ['https://channels.weixin.qq.com/shop/a/abc123', `https://x.test/s/${appid}`] }),
    });
    const refs = resolveResponseSchema.parse(await refsOnly.json()).items;
    assert.deepEqual(
      refs.map((item) => item['ref']),
      [
        { kind: 'product', appid, productId: second!.productId },
        { kind: 'shop', appid },
      ],
    );
    assert.equal(refs[0]!['product'], undefined, 'no data asked for');
  });
});

describe('gateway input validation: every route answers bad input with a 4xx and a message', () => {
  const { app } = gateway();
  const tooMany = Array.from({ length: 51 }, (_, i) => ref(i + 1)).join(',');
  const cases: Array<[string, number, string, RegExp]> = [
    ['/v1/products', 400, 'bad_request', /refs.*required/],
    ['/v1/products?refs=', 400, 'bad_request', /required/],
    // Blank (a space) alone or beside a ref: missing, not "refs[1] is invalid" (mutants: `some`, no `trim`).
    ['/v1/products?refs=%20', 400, 'bad_request', /required/],
    [`/v1/products?refs=${ref(1)}&refs=%20`, 400, 'bad_request', /required/],
    ['/v1/products?refs=nonsense', 400, 'invalid_ref', /refs\[0\].*APPID:PRODUCT_ID/],
    [`/v1/products?refs=${ref(1)},${appid}:abc`, 400, 'invalid_ref', /refs\[1\].*product id/],
    [`/v1/products?refs=${tooMany}`, 400, 'bad_request', /At most 50/],
    ['/v1/shops/not-an-appid', 400, 'invalid_ref', /appid/],
    ['/v1/shops/wx0000000000000000', 404, 'not_found', /No shop/],
    ['/v1/shops/WX3F8A2C1D9E7B6A54/products', 400, 'invalid_ref', /appid/],
    [`/v1/shops/${appid}/products?limit=0`, 400, 'bad_request', /"limit".*1 to 50/],
    [`/v1/shops/${appid}/products?limit=51`, 400, 'bad_request', /"limit"/],
    [`/v1/shops/${appid}/products?limit=2.5`, 400, 'bad_request', /"limit"/],
    [`/v1/shops/${appid}/products?cursor=${encodeURIComponent('../etc')}`, 400, 'bad_request', /cursor/],
    ['/v1/search', 400, 'bad_request', /"q" is required/],
    [`/v1/search?q=${'长'.repeat(101)}`, 400, 'bad_request', /at most 100/],
    ['/v1/search?q=a%00b', 400, 'bad_request', /control characters/],
    ['/v1/search?q=tea&sort=cheapest', 400, 'bad_request', /"sort" must be one of relevance, sales/],
    ['/v1/search?q=tea&min_price=-1', 400, 'bad_request', /"min_price"/],
    ['/v1/search?q=tea&min_price=500&max_price=100', 400, 'bad_request', /above "max_price"/],
    ['/v1/search?q=tea&guarantee=free_lunch', 400, 'bad_request', /"guarantee" must be among/],
    ['/v1/search?q=tea&appid=wx1', 400, 'invalid_ref', /appid/],
    ['/v1/search/suggest', 400, 'bad_request', /"q" is required/],
    ['/v1/search/suggest?q=%20%20', 400, 'bad_request', /"q" is required/],
    ['/v1/lives/not a finder', 400, 'invalid_ref', /finder_user_name/],
    ['/v1/lives/sphNobodyHere', 404, 'not_found', /No live room/],
    ['/v1/lives/bad!/events', 400, 'invalid_ref', /finder_user_name/],
    ['/v1/lives/sphNobodyHere/events', 404, 'not_found', /No live room/],
    [`/v1/lives/${finder}/events?last_event_id=${encodeURIComponent('a b')}`, 400, 'bad_request', /Last-Event-ID/],
    ['/v1/nothing-here', 404, 'not_found', /No route GET/],
  ];
  for (const [path, status, code, message] of cases) {
    it(`${path.length > 70 ? `${path.slice(0, 70)}…` : path} → ${status} ${code}`, async () => {
      const response = await app.request(path);
      assert.equal(response.status, status);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const body = errorResponseSchema.parse(await response.json());
      assert.equal(body.error.code, code);
      assert.match(body.error.message, message);
    });
  }

  const post = (body: string, type = 'application/json') =>
    app.request('/v1/resolve', { method: 'POST', headers: { 'content-type': type }, body });
  it('POST /v1/resolve: not JSON, wrong shape, both or neither field, too many links, too large', async () => {
    const expect400 = async (response: Response, message: RegExp) => {
      assert.equal(response.status, 400);
      assert.match(errorResponseSchema.parse(await response.json()).error.message, message);
    };
    await expect400(await post('<p>', 'text/html'), /Content-Type: application\/json/);
    await expect400(await post('{"html": '), /not valid JSON/);
    await expect400(await post('{"html": 5}'), /exactly one of/);
    await expect400(await post('{}'), /exactly one of/);
    await expect400(await post('{"html": "", "links": []}'), /exactly one of/);
    await expect400(
      await post(JSON.stringify({ links: Array.from({ length: 201 }, (_, i) => `https://x.test/${i}`) })),
      /At most 200 links/,
    );
    const huge = await post(JSON.stringify({ html: 'x'.repeat(600 * 1024) }));
    assert.equal(huge.status, 413);
    assert.match(errorResponseSchema.parse(await huge.json()).error.message, /larger than 524288 bytes/);
    await expect400(
      await app.request('/v1/resolve?include=everything', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"links":[]}',
      }),
      /"include"/,
    );
  });
});

describe('gateway caching: ETag, Cache-Control and the response cache', () => {
  // Guards the mutation "the ETag is one constant for every body": a client would be told 304 for changed data.
  it('tags each answer with the SHA-1 of its own bytes, so different answers never share an ETag', async () => {
    const { app } = gateway();
    const urlA = `/v1/products?refs=${ref(10000201001001)}`;
    const urlB = `/v1/products?refs=${ref(10000201001002)}`;
    const a = await app.request(urlA);
    const b = await app.request(urlB);
    const [bodyA, bodyB] = [await a.text(), await b.text()];
    assert.notEqual(bodyA, bodyB);
    assert.equal(a.headers.get('etag'), `"${createHash('sha1').update(bodyA).digest('base64url')}"`);
    assert.equal(b.headers.get('etag'), `"${createHash('sha1').update(bodyB).digest('base64url')}"`);
    const crossed = await app.request(urlB, { headers: { 'if-none-match': a.headers.get('etag')! } });
    assert.equal(crossed.status, 200, "another answer's tag is not a match");
    assert.equal(await crossed.text(), bodyB);
  });

  it('round-trips an ETag: a matching If-None-Match gets a bodiless 304, a changed one the full answer', async () => {
    const { app } = gateway();
    const url = `/v1/products?refs=${ref(10000201001001)}`;
    const first = await app.request(url);
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^"[A-Za-z0-9_-]{27}"$/);
    assert.match(first.headers.get('cache-control') ?? '', /^public, max-age=30, stale-while-revalidate=300$/);
    const again = await app.request(url, { headers: { 'if-none-match': etag! } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('etag'), etag);
    const weak = await app.request(url, { headers: { 'if-none-match': `"other", W/${etag}` } });
    assert.equal(weak.status, 304, 'weak comparison, any tag in the list');
    const other = await app.request(url, { headers: { 'if-none-match': '"stale-tag"' } });
    assert.equal(other.status, 200);
    assert.deepEqual(await other.json(), await first.json());
    const shop = await app.request(`/v1/shops/${appid}`);
    const shopAgain = await app.request(`/v1/shops/${appid}`, {
      headers: { 'if-none-match': shop.headers.get('etag')! },
    });
    assert.equal(shopAgain.status, 304);
  });

  it('asks the backend once for repeated and concurrent asks, serves stale at once and refreshes behind', async () => {
    let now = 1_000_000;
    const { app, backend } = gateway({ now: () => now });
    const url = `/v1/shops/${appid}`;
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.request(url)));
    assert.ok(answers.every((answer) => answer.status === 200));
    assert.equal(backend.calls['getShop'], 1, 'five concurrent misses, one backend call');
    assert.equal((await app.request(url)).headers.get('x-cache'), 'fresh');
    assert.equal(backend.calls['getShop'], 1);

    now += 301_000; // past max-age=300, inside stale-while-revalidate
    const stale = await app.request(url);
    assert.equal(stale.headers.get('x-cache'), 'stale');
    assert.equal(stale.headers.get('age'), '301');
    // The refresh runs behind the stale answer; poll (bounded) until it has landed rather than sleep a guess.
    let after = stale.headers.get('x-cache');
    for (const deadline = Date.now() + 5000; after === 'stale' && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      after = (await app.request(url)).headers.get('x-cache');
    }
    assert.equal(after, 'fresh');
    assert.equal(backend.calls['getShop'], 2, 'one refresh in the background, however many stale reads');

    now += 10_000_000; // past the stale window: a plain miss
    assert.equal((await app.request(url)).headers.get('x-cache'), 'miss');
  });

  // Guards the mutation "cache every products answer": a ref that timed out once would fail for five minutes.
  it('never caches a product answer holding a transient per-ref failure, but caches one whose ref is gone', async () => {
    const { app, backend } = gateway();
    const [good, flaky] = [ref(10000201001001), ref(10000201001002)];
    const url = `/v1/products?refs=${good},${flaky}`;
    backend.refFailures.set(flaky, { code: 'timeout', message: 'WeChat did not answer for this product' });
    const failed = await app.request(url);
    assert.equal(failed.status, 200);
    const failedItems = productsResponseSchema.parse(await failed.json()).items;
    assert.deepEqual(
      failedItems.map((item) => [item.ref, item.ok]),
      [
        [good, true],
        [flaky, false],
      ],
    );
    backend.refFailures.clear();
    const retried = await app.request(url);
    assert.equal(retried.headers.get('x-cache'), 'miss', 'the answer with a timeout was not kept');
    assert.equal(backend.calls['getProducts'], 2);
    assert.deepEqual(
      productsResponseSchema.parse(await retried.json()).items.map((item) => item.ok),
      [true, true],
    );

    const gone = `/v1/products?refs=${good},${ref(99999)}`;
    assert.equal((await app.request(gone)).headers.get('x-cache'), 'miss');
    assert.equal((await app.request(gone)).headers.get('x-cache'), 'fresh', 'not_found stays not found for a while');
    assert.equal(backend.calls['getProducts'], 3);
  });

  it('never caches an error answer', async () => {
    const { app, backend } = gateway();
    backend.fail = new XiaodianError('upstream', 'WeChat is busy', {
      upstream: { errcode: -1, errmsg: 'system error' },
    });
    const failed = await app.request(`/v1/shops/${appid}`);
    assert.equal(failed.status, 502);
    const body = errorResponseSchema.parse(await failed.json());
    assert.equal(body.error.upstream, undefined, 'WeChat’s words go to the log, not to callers');
    delete backend.fail;
    assert.equal((await app.request(`/v1/shops/${appid}`)).status, 200);
  });
});

describe('gateway search passes every parameter to the backend', () => {
  // Guards the mutation "the gateway silently drops sort, min_price and guarantee": the answer would still
  // be a valid page, only the wrong one.
  it('hands the backend q, appid, sort, both prices, the guarantees, cursor and limit, as parsed', async () => {
    const { app, backend } = gateway();
    const response = await app.request(
      `/v1/search?q=${encodeURIComponent('测试')}&appid=${appid}&sort=price_desc&min_price=2010&max_price=2040` +
        '&guarantee=freight_insurance&guarantee=seven_day_return&cursor=2&limit=5',
    );
    assert.equal(response.status, 200);
    assert.deepEqual(backend.searches, [
      {
        q: '测试',
        appid,
        sort: 'price_desc',
        minPrice: 2010,
        maxPrice: 2040,
        guarantees: ['freight_insurance', 'seven_day_return'],
        cursor: '2',
        limit: 5,
      },
    ]);
    const page = productPageResponseSchema.parse(await response.json());
    // Products n = 20…50 cost 1990 + n fen; the even ones offer freight insurance: 16 hits, most
    // expensive first, and the cursor skips the first two.
    assert.equal(page.total, 16);
    assert.deepEqual(
      page.items.map((item) => productSchema.parse(item).minPrice),
      [2036, 2034, 2032, 2030, 2028],
    );
  });

  it('hands the backend the category and in_stock filters, and refuses an in_stock it cannot read', async () => {
    const { app, backend } = gateway();
    const url = `/v1/search?q=${encodeURIComponent('测试')}&category=${encodeURIComponent('服饰')}&in_stock=1`;
    assert.equal((await app.request(url)).status, 200);
    assert.equal((await app.request(`/v1/search?q=x&in_stock=0`)).status, 200);
    assert.deepEqual(
      backend.searches.map(({ category, inStock }) => ({ category, inStock })),
      [
        { category: '服饰', inStock: true },
        { category: undefined, inStock: undefined },
      ],
    );
    const bad = await app.request('/v1/search?q=x&in_stock=yes');
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: { message: string } }).error.message, /"in_stock" must be 1/);
  });

  it('answers each sort in its own order, from separate cache entries', async () => {
    const { app } = gateway();
    const ids = async (sort: string) =>
      productPageResponseSchema
        .parse(await (await app.request(`/v1/search?q=${encodeURIComponent('测试')}&limit=3&sort=${sort}`)).json())
        .items.map((item) => productSchema.parse(item).productId);
    assert.deepEqual(await ids('price_asc'), ['10000201001001', '10000201001002', '10000201001003']);
    assert.deepEqual(await ids('sales'), ['10000201001060', '10000201001059', '10000201001058']);
  });
});

describe('gateway protections', () => {
  it('rate-limits per client with 429, Retry-After and the error body; other clients are unaffected', async () => {
    const backend = fixtureBackend();
    const app = createGatewayApp({
      backend,
      ...quiet,
      rateLimit: { limit: 3, windowMs: 60_000 },
      clientKey: (c) => c.req.header('x-test-client') ?? 'none',
    });
    const ask = (client: string) => app.request(`/v1/shops/${appid}`, { headers: { 'x-test-client': client } });
    for (let i = 0; i < 3; i++) assert.equal((await ask('a')).status, 200);
    const refused = await ask('a');
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(errorResponseSchema.parse(await refused.json()).error.code, 'rate_limited');
    assert.equal((await ask('b')).status, 200);
    assert.equal(
      (await app.request('/healthz', { headers: { 'x-test-client': 'a' } })).status,
      200,
      'health is never limited',
    );
  });

  it('allows only listed origins by CORS, and answers preflights', async () => {
    const { app } = gateway({ corsOrigins: ['https://shop.example.com'] });
    const allowed = await app.request(`/v1/shops/${appid}`, { headers: { origin: 'https://shop.example.com' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example.com');
    assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /ETag/);
    const denied = await app.request(`/v1/shops/${appid}`, { headers: { origin: 'https://evil.example' } });
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
    const preflight = await app.request('/v1/resolve', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
  });

  it('maps backend failures to honest statuses and hides internal errors behind a logged 500', async () => {
    const logs: LogEntry[] = [];
    const backend = fixtureBackend();
    const app = createGatewayApp({ backend, log: (entry) => logs.push(entry) });
    backend.fail = new XiaodianError('timeout', 'WeChat did not answer in 5 s');
    assert.equal((await app.request(`/v1/shops/${appid}`)).status, 504);
    backend.fail = new XiaodianError('rate_limited', 'quota', { retryAfterMs: 3_000 });
    const limited = await app.request(`/v1/shops/${appid}`);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '3');
    backend.fail = new TypeError('cannot read properties of undefined (secret=abc)');
    const broken = await app.request(`/v1/products?refs=${ref(10000201001001)}`);
    assert.equal(broken.status, 500);
    assert.deepEqual(await broken.json(), { error: { code: 'internal', message: 'Internal error' } });
    assert.ok(logs.some((entry) => entry.msg === 'unhandled' && String(entry['error']).includes('TypeError')));
    const request = logs.find((entry) => entry.msg === 'request' && entry['status'] === 504)!;
    assert.equal(request.level, 'error');
    assert.equal(request['route'], '/v1/shops/:appid');
    assert.match(String(request['requestId']), /^[0-9a-f-]{36}$/);
    assert.equal(typeof request['ms'], 'number');
  });

  it('answers 501 for routes a products-only backend does not serve', async () => {
    const full = fixtureBackend();
    const app = createGatewayApp({ backend: { getProducts: full.getProducts.bind(full) }, ...quiet });
    const response = await app.request(`/v1/shops/${appid}`);
    assert.equal(response.status, 501);
    // Exactly: with no reason given by the backend, nothing follows the method's name.
    assert.equal(
      errorResponseSchema.parse(await response.json()).error.message,
      "This gateway's backend does not serve getShop",
    );
    assert.equal((await app.request(`/v1/products?refs=${ref(10000201001001)}`)).status, 200);
  });

  // Guards the mutation "429s are not counted": the test of that name once asserted nothing about them.
  it('counts rate-limit refusals in /metrics, as a counter and as 429 requests', async () => {
    const { app } = createGateway({ backend: fixtureBackend(), ...quiet, rateLimit: { limit: 2, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await app.request(`/v1/shops/${appid}`)).status);
    assert.deepEqual(statuses, [200, 200, 429, 429, 429]);
    const text = await (await app.request('/metrics')).text();
    assert.match(text, /^xiaodian_rate_limited_total 3$/m);
    const refused = text.match(/^xiaodian_http_requests_total\{[^}]*status="429"\} (\d+)$/gm) ?? [];
    assert.equal(refused.length, 1, text);
    assert.match(refused[0]!, / 3$/);
  });

  it('counts requests and cache results in /metrics', async () => {
    const gatewayWithMetrics = createGateway({ backend: fixtureBackend(), ...quiet });
    const { app } = gatewayWithMetrics;
    await app.request(`/v1/shops/${appid}`);
    await app.request(`/v1/shops/${appid}`);
    await app.request('/v1/shops/bad');
    const text = await (await app.request('/metrics')).text();
    assert.match(text, /xiaodian_http_requests_total\{method="GET",route="\/v1\/shops\/:appid",status="200"\} 2/);
    assert.match(text, /xiaodian_http_requests_total\{method="GET",route="\/v1\/shops\/:appid",status="400"\} 1/);
    assert.match(text, /xiaodian_cache_lookups_total\{result="fresh"\} 1/);
    assert.match(text, /xiaodian_cache_lookups_total\{result="miss"\} 1/);
    assert.match(text, /xiaodian_http_request_duration_seconds_count\{route="\/v1\/shops\/:appid"\} 3/);
  });
});
