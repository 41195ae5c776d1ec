// Kills StrykerJS mutants (npm run mutation -- gateway) in the search route and /metrics: every search
// parameter must reach the backend exactly as asked (the fixture backend ignores sort, min_price and
// guarantee itself, so a route that dropped them passed), equal queries share a cache entry while
// different ones do not, and refused (429) requests are counted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGateway, createGatewayApp, GatewayMetrics } from '@xiaodian/gateway';
import type { SearchQuery } from '@xiaodian/model';
import { readSearchQuery } from '../../packages/gateway/src/routes/search.ts';
import { appid, fixtureBackend } from './fixture-backend.ts';

/** The fixture backend, recording every search query it is asked. */
function recordingBackend() {
  const backend = fixtureBackend();
  const asked: SearchQuery[] = [];
  const search = backend.search.bind(backend);
  backend.search = async (query) => {
    asked.push(query);
    return search(query);
  };
  return { backend, asked };
}

const reader = (params: Record<string, string>) => (name: string) => params[name];

describe('search parameters reach the backend', () => {
  it('passes q, appid, sort, min_price, max_price, guarantees, cursor and limit, typed', async () => {
    const { backend, asked } = recordingBackend();
    const app = createGatewayApp({ backend, log: false, rateLimit: false });
    const response = await app.request(
      `/v1/search?q=${encodeURIComponent(' 测试 ')}&appid=${appid}&sort=price_desc&min_price=100&max_price=2500` +
        `&guarantee=freight_insurance,seven_day_return&guarantee=freight_insurance&cursor=abc_1&limit=7`,
    );
    assert.equal(response.status, 200);
    assert.deepEqual(asked, [
      {
        q: '测试',
        appid,
        sort: 'price_desc',
        minPrice: 100,
        maxPrice: 2500,
        guarantees: ['freight_insurance', 'seven_day_return'],
        cursor: 'abc_1',
        limit: 7,
      },
    ]);
  });

  it('leaves out what was not asked, and needs no q when a shop is named', () => {
    assert.deepEqual(readSearchQuery(reader({ q: '帐篷' })), { q: '帐篷', limit: 20 });
    assert.deepEqual(readSearchQuery(reader({ appid }), []), { q: '', appid, limit: 20 });
    assert.deepEqual(readSearchQuery(reader({ q: 'x', appid: '', sort: '', min_price: '', max_price: '' })), {
      q: 'x',
      limit: 20,
    });
  });

  it('reads in_stock 1 as in stock only, 0 or empty as everything, and refuses the rest, cut to 60 characters', () => {
    assert.equal(readSearchQuery(reader({ q: 'x', in_stock: '1' })).inStock, true);
    for (const everything of ['0', '']) {
      assert.deepEqual(readSearchQuery(reader({ q: 'x', in_stock: everything })), { q: 'x', limit: 20 });
    }
    const refusal = (inStock: string, shown: string) =>
      assert.throws(() => readSearchQuery(reader({ q: 'x', in_stock: inStock })), {
        message: `"in_stock" must be 1 (only products in stock) or 0; got "${shown}"`,
      });
    refusal('yes', 'yes');
    refusal('9'.repeat(70), '9'.repeat(60));
  });

  it('reads a category, trimmed, and refuses one too long by its name', () => {
    assert.equal(readSearchQuery(reader({ q: 'x', category: ' 户外 ' })).category, '户外');
    assert.throws(() => readSearchQuery(reader({ q: 'x', category: '类'.repeat(101) })), {
      message: '"category" may be at most 100 characters',
    });
  });

  it('accepts min_price 0, equal bounds and the largest price, and refuses the rest with a 400 naming them', async () => {
    assert.deepEqual(readSearchQuery(reader({ q: 'x', min_price: '0', max_price: '0' })), {
      q: 'x',
      limit: 20,
      minPrice: 0,
      maxPrice: 0,
    });
    assert.equal(readSearchQuery(reader({ q: 'x', max_price: '1000000000' })).maxPrice, 1_000_000_000);

    const app = createGatewayApp({ backend: fixtureBackend(), log: false, rateLimit: false });
    const refused = async (query: string) => {
      const response = await app.request(`/v1/search?${query}`);
      assert.equal(response.status, 400, query);
      return ((await response.json()) as { error: { message: string } }).error.message;
    };
    assert.equal(
      await refused('q=x&min_price=300&max_price=200'),
      '"min_price" (300) is above "max_price" (200); prices are in fen',
    );
    assert.match(await refused('q=x&max_price=1000000001'), /"max_price" must be a whole number from 0 to 1000000000/);
    assert.match(await refused('q=x&min_price=-1'), /"min_price"/);
    assert.match(await refused('q=x&sort=cheapest'), /"sort" must be one of relevance, sales, price_asc, price_desc/);
    assert.match(await refused('q=x&guarantee=free_lunch'), /"guarantee" must be among/);
    assert.match(await refused('appid='), /Query parameter "q" is required/);
  });
});

describe('search answers are cached by what was asked, not how it was written', () => {
  it('shares an entry across parameter and guarantee order, and keeps different filters apart', async () => {
    const { backend, asked } = recordingBackend();
    const app = createGatewayApp({ backend, log: false, rateLimit: false });
    const get = async (query: string) => (await app.request(`/v1/search?${query}`)).headers.get('x-cache');
    assert.equal(await get('q=x&guarantee=freight_insurance,seven_day_return&sort=sales'), 'miss');
    assert.equal(await get('sort=sales&guarantee=seven_day_return&guarantee=freight_insurance&q=x'), 'fresh');
    assert.equal(asked.length, 1);

    // Each of these differs from the first in one field; each is its own answer.
    const variants = [
      'q=y&guarantee=freight_insurance,seven_day_return&sort=sales',
      `q=x&appid=${appid}&guarantee=freight_insurance,seven_day_return&sort=sales`,
      'q=x&guarantee=freight_insurance,seven_day_return&sort=price_asc',
      'q=x&guarantee=freight_insurance,seven_day_return',
      'q=x&guarantee=freight_insurance,seven_day_return&sort=sales&min_price=1',
      'q=x&guarantee=freight_insurance,seven_day_return&sort=sales&max_price=1',
      'q=x&guarantee=freight_insurance&sort=sales',
      'q=x&guarantee=freight_insurance,seven_day_return&sort=sales&cursor=20',
      'q=x&guarantee=freight_insurance,seven_day_return&sort=sales&limit=5',
    ];
    for (const variant of variants) assert.equal(await get(variant), 'miss', variant);
    assert.equal(asked.length, 1 + variants.length);
  });

  // Mutations (routes/search.ts canonicalKey): a field written as one constant whenever it is set (`appid && ''`,
  // `inStock` always true) kept one-field variants apart from the query without it, but not two values of it:
  // a shop's cached answer would have been served for another shop's search.
  it('keeps two values of the same filter apart, and reads an absent sort or in_stock as their defaults', async () => {
    const { backend, asked } = recordingBackend();
    const app = createGatewayApp({ backend, log: false, rateLimit: false });
    const get = async (query: string) => (await app.request(`/v1/search?${query}`)).headers.get('x-cache');
    const pairs = [
      [`q=x&appid=${appid}`, 'q=x&appid=wx0000000000000001'],
      ['q=x&min_price=1', 'q=x&min_price=2'],
      ['q=x&max_price=1', 'q=x&max_price=2'],
      ['q=x&category=帐篷', 'q=x&category=睡袋'],
      ['q=x&cursor=20', 'q=x&cursor=40'],
      ['q=x', 'q=x&in_stock=1'],
    ];
    for (const [first, second] of pairs) {
      assert.equal(await get(first!), 'miss', first);
      assert.equal(await get(second!), 'miss', second);
    }
    assert.equal(asked.length, 2 * pairs.length);
    assert.equal(await get('q=x&sort=relevance'), 'fresh', 'relevance is the default sort');
    assert.equal(await get('q=x&in_stock=0'), 'fresh', 'in_stock=0 asks for everything');
    assert.equal(asked.length, 2 * pairs.length);
  });

  it('caches suggestions per prefix', async () => {
    const backend = fixtureBackend();
    const seen: string[] = [];
    backend.suggest = async (prefix) => {
      seen.push(prefix);
      return [{ text: `${prefix}冲锋衣`, kind: 'query' }];
    };
    const app = createGatewayApp({ backend, log: false, rateLimit: false });
    const body = async (q: string) =>
      (await (await app.request(`/v1/search/suggest?q=${encodeURIComponent(q)}`)).json()) as unknown;
    assert.deepEqual(await body('山'), { suggestions: [{ text: '山冲锋衣', kind: 'query' }] });
    await body(' 山 ');
    await body('水');
    assert.deepEqual(seen, ['山', '水']);
  });
});

describe('/metrics', () => {
  it('counts requests refused with 429, and only those', async () => {
    const gateway = createGateway({
      backend: fixtureBackend(),
      log: false,
      rateLimit: { limit: 2, windowMs: 60_000 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await gateway.app.request(`/v1/shops/${appid}`)).status);
    assert.deepEqual(statuses, [200, 200, 429, 429, 429]);
    const text = await (await gateway.app.request('/metrics')).text();
    assert.match(text, /^xiaodian_rate_limited_total 3$/m);
    assert.match(text, /^# TYPE xiaodian_rate_limited_total counter$/m);
  });

  it('tells a refused client the limit, the window in seconds and when to retry', async () => {
    const gateway = createGateway({ backend: fixtureBackend(), log: false, rateLimit: { limit: 1, windowMs: 30_000 } });
    await gateway.app.request(`/v1/shops/${appid}`);
    const refused = await gateway.app.request(`/v1/shops/${appid}`);
    assert.equal(refused.status, 429);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'rate_limited');
    assert.match(body.error.message, /^Too many requests: at most 1 every 30 s per client; retry after/);
    assert.ok(Number(refused.headers.get('retry-after')) > 0, 'Retry-After in seconds');
  });

  it('writes only the text exposition format: each family described (HELP, TYPE) before its samples', () => {
    const metrics = new GatewayMetrics(0);
    metrics.recordRequest('GET', '/v1/products', 200, 0.01);
    metrics.recordRateLimited();
    const text = metrics.render(1_000);
    assert.ok(text.endsWith('\n'), 'ends with a line feed');
    const described = new Map<string, { help: string; type: string }>();
    for (const line of text.trimEnd().split('\n')) {
      const help = /^# HELP (\w+) (\S.*)$/.exec(line);
      const type = /^# TYPE (\w+) (counter|gauge|histogram)$/.exec(line);
      const sample = /^(\w+?)(_bucket|_sum|_count)?(\{[^}]*\})? (\S+)$/.exec(line);
      if (help) described.set(help[1]!, { help: help[2]!, type: '' });
      else if (type) {
        assert.ok(described.has(type[1]!), `TYPE after HELP for ${type[1]}`);
        described.get(type[1]!)!.type = type[2]!;
      } else if (sample) {
        const family = described.has(sample[1]!) ? sample[1]! : `${sample[1]}${sample[2] ?? ''}`;
        assert.ok(described.get(family)?.type, `a sample of a described family: ${line}`);
        assert.ok(Number.isFinite(Number(sample[4])), `a number: ${line}`);
      } else assert.fail(`not a line of the exposition format: ${JSON.stringify(line)}`);
    }
    assert.deepEqual(Object.fromEntries(described), {
      xiaodian_http_requests_total: {
        help: 'HTTP requests answered, by method, route and status.',
        type: 'counter',
      },
      xiaodian_http_request_duration_seconds: {
        help: 'Time to answer (to the first byte for streams).',
        type: 'histogram',
      },
      xiaodian_cache_lookups_total: { help: 'Response cache lookups, by result.', type: 'counter' },
      xiaodian_rate_limited_total: { help: 'Requests refused with 429 by the per-client limit.', type: 'counter' },
      xiaodian_live_streams_open: { help: 'Live event streams open now.', type: 'gauge' },
      xiaodian_live_events_sent_total: { help: 'Live events written to streams.', type: 'counter' },
      xiaodian_uptime_seconds: { help: 'Seconds since the gateway started.', type: 'gauge' },
    });
  });

  it('renders request counters, histogram buckets, cache lookups, streams and uptime', () => {
    const metrics = new GatewayMetrics(10_000);
    metrics.recordRequest('GET', '/v1/products', 200, 0.004);
    metrics.recordRequest('GET', '/v1/products', 200, 0.3);
    metrics.recordRequest('GET', '/v1/x"y\\z\nw', 404, 20);
    metrics.recordCache('fresh');
    metrics.recordCache('miss');
    metrics.recordCache('miss');
    metrics.recordStreamEvent();
    metrics.openStreams = 4;
    const lines = metrics.render(12_500).split('\n');
    const has = (line: string) => assert.ok(lines.includes(line), `missing: ${line}`);
    has('# HELP xiaodian_http_requests_total HTTP requests answered, by method, route and status.');
    has('# TYPE xiaodian_http_requests_total counter');
    has('xiaodian_http_requests_total{method="GET",route="/v1/products",status="200"} 2');
    has('xiaodian_http_requests_total{method="GET",route="/v1/x\\"y\\\\z\\nw",status="404"} 1');
    has('# TYPE xiaodian_http_request_duration_seconds histogram');
    has('xiaodian_http_request_duration_seconds_bucket{route="/v1/products",le="0.001"} 0');
    has('xiaodian_http_request_duration_seconds_bucket{route="/v1/products",le="0.005"} 1');
    has('xiaodian_http_request_duration_seconds_bucket{route="/v1/products",le="0.25"} 1');
    has('xiaodian_http_request_duration_seconds_bucket{route="/v1/products",le="0.5"} 2');
    has('xiaodian_http_request_duration_seconds_bucket{route="/v1/products",le="10"} 2');
    has('xiaodian_http_request_duration_seconds_bucket{route="/v1/products",le="+Inf"} 2');
    has('xiaodian_http_request_duration_seconds_sum{route="/v1/products"} 0.304');
    has('xiaodian_http_request_duration_seconds_count{route="/v1/products"} 2');
    has('xiaodian_http_request_duration_seconds_bucket{route="/v1/x\\"y\\\\z\\nw",le="10"} 0');
    has('xiaodian_http_request_duration_seconds_bucket{route="/v1/x\\"y\\\\z\\nw",le="+Inf"} 1');
    has('xiaodian_cache_lookups_total{result="fresh"} 1');
    has('xiaodian_cache_lookups_total{result="stale"} 0');
    has('xiaodian_cache_lookups_total{result="miss"} 2');
    has('xiaodian_rate_limited_total 0');
    has('# TYPE xiaodian_live_streams_open gauge');
    has('xiaodian_live_streams_open 4');
    has('xiaodian_live_events_sent_total 1');
    has('xiaodian_uptime_seconds 2.5');
    assert.equal(lines.at(-1), '', 'the text ends with a newline');
    // A bucket counts what is at most its bound: exactly 0.005 s falls in le="0.005".
    const edge = new GatewayMetrics(0);
    edge.recordRequest('GET', '/', 200, 0.005);
    assert.ok(edge.render(0).includes('xiaodian_http_request_duration_seconds_bucket{route="/",le="0.005"} 1'));
    assert.ok(edge.render(0).includes('xiaodian_http_request_duration_seconds_bucket{route="/",le="0.001"} 0'));
    assert.ok(new GatewayMetrics(5_000).render(1_000).includes('xiaodian_uptime_seconds 0\n'), 'never negative');
  });
});
