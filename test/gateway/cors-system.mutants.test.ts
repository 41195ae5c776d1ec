// Kills StrykerJS mutants (npm run mutation -- gateway) in CORS and the system routes. CORS: the exact
// headers for an allowed, a refused and a missing origin, `Vary: Origin` whenever the answer depends on the
// origin (a CDN must not hand one origin's answer to another), and preflights. System: /healthz's uptime,
// /readyz's 200 and 503, no-store on all three, /metrics' content type, and the demo pictures' paths,
// ETags and 304s.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { createGatewayApp, type GatewayAsset } from '@xiaodian/gateway';
import { corsPolicy, type CorsOptions } from '../../packages/gateway/src/middleware/cors.ts';
import { etagOf } from '../../packages/gateway/src/http/etag.ts';
import { appid, fixtureBackend } from './fixture-backend.ts';

const allowed = 'https://shop.example.com';

function corsApp(overrides: Partial<CorsOptions> = {}) {
  return new Hono()
    .use(
      '*',
      corsPolicy({
        origins: [allowed],
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['Content-Type', 'Last-Event-ID'],
        exposeHeaders: ['ETag', 'Age'],
        maxAgeSeconds: 321,
        ...overrides,
      }),
    )
    .all('/thing', (c) => c.text('thing'));
}

const corsHeaders = (response: Response) =>
  Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'));

describe('CORS', () => {
  it('lets a listed origin read the answer and the exposed headers, varying by origin', async () => {
    const response = await corsApp().request('/thing', { headers: { origin: allowed } });
    assert.equal(await response.text(), 'thing');
    assert.deepEqual(corsHeaders(response), {
      'access-control-allow-origin': allowed,
      'access-control-expose-headers': 'ETag,Age',
      vary: 'Origin',
    });
  });

  it('gives an unlisted origin, or none, no CORS headers but still varies by origin', async () => {
    for (const headers of [{ origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
      const response = await corsApp().request('/thing', { headers });
      assert.equal(await response.text(), 'thing');
      assert.deepEqual(corsHeaders(response), { vary: 'Origin' });
    }
  });

  it('allows any origin with "*", which does not vary, and leaves out an empty expose list', async () => {
    const response = await corsApp({ origins: '*', exposeHeaders: [] }).request('/thing', {
      headers: { origin: 'https://anyone.example' },
    });
    assert.deepEqual(corsHeaders(response), { 'access-control-allow-origin': '*' });
  });

  it('answers an allowed preflight 204 with the methods, headers and max age, and a refused one bare', async () => {
    const preflight = (origin: string) =>
      corsApp().request('/thing', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const ok = await preflight(allowed);
    assert.equal(ok.status, 204);
    assert.equal(await ok.text(), '');
    assert.deepEqual(corsHeaders(ok), {
      'access-control-allow-origin': allowed,
      'access-control-expose-headers': 'ETag,Age',
      'access-control-allow-methods': 'GET,POST',
      'access-control-allow-headers': 'Content-Type,Last-Event-ID',
      'access-control-max-age': '321',
      vary: 'Origin',
    });
    const refused = await preflight('https://evil.example');
    assert.equal(refused.status, 204);
    assert.deepEqual(corsHeaders(refused), { vary: 'Origin' });
  });

  it('passes an OPTIONS request that is not a preflight on to the route', async () => {
    const response = await corsApp().request('/thing', { method: 'OPTIONS', headers: { origin: allowed } });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'thing');
    assert.equal(response.headers.get('access-control-allow-methods'), null);
    // Nor is a GET that happens to carry the preflight's header: only OPTIONS is ever answered 204.
    const get = await corsApp().request('/thing', {
      headers: { origin: allowed, 'access-control-request-method': 'POST' },
    });
    assert.equal(get.status, 200);
    assert.equal(await get.text(), 'thing');
  });

  it("is the gateway's on /v1: its methods, request headers, exposed headers and ten-minute preflight cache", async () => {
    const app = createGatewayApp({ backend: fixtureBackend(), log: false, rateLimit: false });
    const response = await app.request(`/v1/shops/${appid}`, {
      method: 'OPTIONS',
      headers: { origin: allowed, 'access-control-request-method': 'GET' },
    });
    assert.deepEqual(corsHeaders(response), {
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'ETag,Retry-After,X-Request-Id,RateLimit,RateLimit-Policy,Age,X-Server-Time',
      'access-control-allow-methods': 'GET,POST,OPTIONS',
      'access-control-allow-headers': 'Content-Type,If-None-Match,Last-Event-ID',
      'access-control-max-age': '600',
    });
  });
});

describe('system routes', () => {
  it('/healthz: liveness with the backend name and whole seconds of uptime, never cached', async () => {
    let clock = 5_000_000;
    const app = createGatewayApp({
      backend: fixtureBackend(),
      backendName: 'fixture',
      log: false,
      rateLimit: false,
      now: () => clock,
    });
    clock += 61_999;
    const response = await app.request('/healthz');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), { status: 'ok', backend: 'fixture', uptimeSeconds: 61 });
  });

  it('/readyz: 200 "ready" when every check passes, 503 "not_ready" naming the one that failed', async () => {
    let redisUp = true;
    const app = createGatewayApp({
      backend: fixtureBackend(),
      backendName: 'fixture',
      log: false,
      rateLimit: false,
      readinessChecks: [
        async () => ({ name: 'quota', ok: true, detail: 'plenty' }),
        async () => ({ name: 'redis', ok: redisUp, detail: redisUp ? 'PONG' : 'refused' }),
      ],
    });
    const ready = await app.request('/readyz');
    assert.equal(ready.status, 200);
    assert.equal(ready.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await ready.json(), {
      status: 'ready',
      backend: 'fixture',
      checks: [
        { name: 'quota', ok: true, detail: 'plenty' },
        { name: 'redis', ok: true, detail: 'PONG' },
      ],
    });
    redisUp = false;
    const notReady = await app.request('/readyz');
    assert.equal(notReady.status, 503);
    assert.equal(notReady.headers.get('cache-control'), 'no-store');
    const body = (await notReady.json()) as { status: string; checks: { name: string; ok: boolean }[] };
    assert.equal(body.status, 'not_ready');
    assert.deepEqual(
      body.checks.map((check) => [check.name, check.ok]),
      [
        ['quota', true],
        ['redis', false],
      ],
    );
  });

  it('/metrics: the Prometheus text format, never cached', async () => {
    const app = createGatewayApp({ backend: fixtureBackend(), log: false, rateLimit: false });
    const response = await app.request('/metrics');
    assert.equal(response.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(await response.text(), /^# HELP xiaodian_http_requests_total /);
  });
});

describe('demo pictures', () => {
  const pictures: Record<string, GatewayAsset> = {
    'products/1.svg': { body: '<svg id="one"/>', contentType: 'image/svg+xml' },
    'shops/logo-2.svg': { body: new TextEncoder().encode('<svg id="two"/>'), contentType: 'image/svg+xml' },
    'a_b-c/d.e_f-g.png': { body: 'png', contentType: 'image/png' },
    'favicon-32': { body: 'ico', contentType: 'image/x-icon' },
  };
  const asked: string[] = [];
  const app = createGatewayApp({
    backend: fixtureBackend(),
    log: false,
    rateLimit: false,
    assets: (path) => {
      asked.push(path);
      return pictures[path];
    },
  });

  it('serve a picture with its type, a day of caching and the ETag of its bytes, text or binary', async () => {
    for (const [path, body] of [
      ['products/1.svg', '<svg id="one"/>'],
      ['shops/logo-2.svg', '<svg id="two"/>'],
      ['a_b-c/d.e_f-g.png', 'png'],
      ['favicon-32', 'ico'],
    ] as const) {
      const response = await app.request(`/demo-images/${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(await response.text(), body);
      assert.equal(response.headers.get('content-type'), pictures[path]!.contentType);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=86400, stale-while-revalidate=604800');
      assert.equal(response.headers.get('etag'), await etagOf(body));
    }
  });

  it('answer 304 with the same ETag and no body when the browser has it', async () => {
    const etag = await etagOf('<svg id="one"/>');
    const response = await app.request('/demo-images/products/1.svg', { headers: { 'If-None-Match': etag } });
    assert.equal(response.status, 304);
    assert.equal(await response.text(), '');
    assert.equal(response.headers.get('etag'), etag);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=86400, stale-while-revalidate=604800');
  });

  it('never ask for a path outside the pictures, and answer 404 naming the path', async () => {
    asked.length = 0;
    for (const path of [
      '..%2Fsecret',
      'products/..%2F..%2Fsecret',
      'products/a..b.svg',
      '.hidden',
      'products//1.svg',
    ]) {
      const response = await app.request(`/demo-images/${path}`);
      assert.equal(response.status, 404, path);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'not_found');
      assert.match(body.error.message, /^No demo image \/demo-images\//);
    }
    assert.deepEqual(asked, []);
    assert.equal((await app.request('/demo-images/products/2.svg')).status, 404);
    assert.deepEqual(asked, ['products/2.svg']);
  });
});
