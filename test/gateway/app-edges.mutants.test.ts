// Kills StrykerJS mutants (npm run mutation -- gateway) in app.ts, the gateway's assembly: what no route test
// asked of it. A background refresh that fails is logged; WeChat's pushes are never rate-limited and have
// their own body limit; the default backend name; routes that do not exist, with and without a fallback or
// demo pictures; an error no route handled; and /readyz when a check throws, hangs or leaves a timer.
import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { Hono } from 'hono';
import { createGateway, type GatewayOptions, type LogEntry } from '@xiaodian/gateway';
import { appid, fixtureBackend } from './fixture-backend.ts';

function gatewayWith(options: Partial<GatewayOptions> = {}) {
  const logs: LogEntry[] = [];
  const backend = fixtureBackend();
  const gateway = createGateway({ backend, log: (entry) => logs.push(entry), ...options });
  return { backend, logs, gateway, request: gateway.app.request.bind(gateway.app) };
}

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe('the assembled gateway', () => {
  it('logs a background refresh that fails, and keeps serving what it had', async () => {
    let time = 1_000_000;
    const { backend, logs, request } = gatewayWith({ now: () => time });
    const url = `/v1/products?refs=${appid}:${backend.products[0]!.productId}`;
    assert.equal((await request(url)).status, 200);
    time += 31_000; // past the 30 s a product answer is fresh, within the 5 min it may be served stale
    backend.fail = new Error('WeChat is down');
    assert.equal((await request(url)).status, 200, 'the stale answer');
    await new Promise((resolve) => setImmediate(resolve));
    const failures = logs.filter((entry) => entry.msg === 'cache refresh failed');
    assert.equal(failures.length, 1);
    assert.deepEqual(
      { ...failures[0], key: typeof failures[0]!['key'] },
      { level: 'warn', msg: 'cache refresh failed', key: 'string', error: 'Error: WeChat is down' },
    );
  });

  it('never rate-limits a push from WeChat, even once the caller’s bucket is empty', async () => {
    const { request } = gatewayWith({ rateLimit: { limit: 1, windowMs: 60_000 } });
    assert.equal((await request(`/v1/shops/${appid}`)).status, 200);
    assert.equal((await request(`/v1/shops/${appid}`)).status, 429, 'the bucket is empty');
    const push = await request('/v1/wechat/push', { method: 'POST', body: '{}' });
    assert.equal(push.status, 501, 'answered by the push route (not configured here), not by the limiter');
  });

  it('refuses a push body over 64 KiB before reading it, says so, and logs it', async () => {
    const { request, logs } = gatewayWith();
    const body = 'x'.repeat(64 * 1024 + 1);
    const response = await request('/v1/wechat/push', {
      method: 'POST',
      body,
      headers: { 'content-length': String(body.length) },
    });
    assert.equal(response.status, 413);
    assert.deepEqual(await errorOf(response), {
      code: 'bad_request',
      message: 'The push body is larger than 65536 bytes',
    });
    assert.deepEqual(
      logs
        .filter((entry) => entry.msg === 'push rejected')
        .map((entry) => ({ ...entry, requestId: typeof entry['requestId'] })),
      [{ level: 'warn', msg: 'push rejected', requestId: 'string', reason: 'size' }],
    );
  });

  it('calls its backend "custom" unless named, and its ready promise is a promise', async () => {
    const { request, gateway } = gatewayWith();
    assert.equal(((await (await request('/healthz')).json()) as { backend: string }).backend, 'custom');
    assert.ok(gateway.ready instanceof Promise);
    await gateway.ready;
  });

  it('answers a route that does not exist 404 in JSON, under /v1 even with a fallback site', async () => {
    const bare = gatewayWith();
    for (const path of ['/nope', '/v1/nope', '/demo-images/p.png']) {
      const response = await bare.request(path);
      assert.equal(response.status, 404, path);
      assert.deepEqual(await errorOf(response), { code: 'not_found', message: `No route GET ${path}` });
    }
    const fallback = new Hono().get('*', (c) => c.text('the site'));
    const withSite = gatewayWith({ fallback });
    assert.equal(await (await withSite.request('/about.html')).text(), 'the site');
    const api = await withSite.request('/v1/nope');
    assert.equal(api.status, 404);
    assert.deepEqual(await errorOf(api), { code: 'not_found', message: 'No route GET /v1/nope' });
  });

  it('serves the demo pictures under /demo-images when given them, and nothing else', async () => {
    const { request } = gatewayWith({
      assets: (path) => (path === 'products/p.svg' ? { body: '<svg/>', contentType: 'image/svg+xml' } : undefined),
      fallback: new Hono().get('*', (c) => c.text('the site')),
    });
    const response = await request('/demo-images/products/p.svg');
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '<svg/>');
    // Only under /demo-images: the site and the API's own 404 answer everything else.
    assert.equal(await (await request('/products/p.svg')).text(), 'the site');
    assert.equal((await errorOf(await request('/v1/nope'))).message, 'No route GET /v1/nope');
  });

  it('answers an error no route handled 500 "Internal error", and logs it as unhandled', async () => {
    const { request, logs, backend } = gatewayWith();
    backend.getProducts = async () => {
      throw new TypeError('a bug in the backend');
    };
    const response = await request(`/v1/products?refs=${appid}:1`);
    assert.equal(response.status, 500);
    assert.deepEqual(await errorOf(response), { code: 'internal', message: 'Internal error' });
    const unhandled = logs.filter((entry) => entry.msg === 'unhandled');
    assert.equal(unhandled.length, 1);
    assert.equal(unhandled[0]!.level, 'error');
    assert.equal(unhandled[0]!['error'], 'TypeError: a bug in the backend');
  });
});

describe('/readyz', () => {
  afterEach(() => mock.timers.reset());

  const readyz = async (options: Partial<GatewayOptions>) => {
    const response = await gatewayWith(options).request('/readyz');
    return { status: response.status, body: (await response.json()) as { status: string; checks: unknown[] } };
  };

  it('names the check that threw: the backend’s, the cache store’s or an added one', async () => {
    const backend = Object.assign(fixtureBackend(), {
      readiness: async () => {
        throw new Error('backend down');
      },
    });
    const cacheStore = {
      get: async () => undefined,
      set: async () => {},
      delete: async () => {},
      readiness: async () => {
        throw new Error('cache down');
      },
    };
    const { status, body } = await readyz({
      backend,
      cacheStore,
      readinessChecks: [
        async () => ({ name: 'disk', ok: true, detail: 'fine' }),
        async () => {
          throw 'not an Error'; // what a careless check throws
        },
      ],
    });
    assert.equal(status, 503);
    assert.deepEqual(body.checks, [
      { name: 'backend', ok: false, detail: 'The check failed: backend down' },
      { name: 'cache', ok: false, detail: 'The check failed: cache down' },
      { name: 'disk', ok: true, detail: 'fine' },
      { name: 'check', ok: false, detail: 'The check failed: not an Error' },
    ]);
  });

  it('reports the cache store’s own check when it has one', async () => {
    const cacheStore = {
      get: async () => undefined,
      set: async () => {},
      delete: async () => {},
      readiness: async () => ({ name: 'redis', ok: true, detail: 'answers' }),
    };
    const { status, body } = await readyz({ cacheStore });
    assert.equal(status, 200);
    assert.deepEqual(body.checks, [{ name: 'redis', ok: true, detail: 'answers' }]);
  });

  it('gives up on a check that hangs after 3 s, and leaves no timer behind for one that answers', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const before = timers();
    await readyz({ readinessChecks: [async () => ({ name: 'quick', ok: true, detail: 'fine' })] });
    assert.equal(timers(), before, 'the 3 s timer of an answered check is cleared');

    mock.timers.enable({ apis: ['setTimeout'] });
    const pending = readyz({ readinessChecks: [() => new Promise(() => {})] });
    await new Promise((resolve) => setImmediate(resolve));
    mock.timers.tick(2_999);
    await new Promise((resolve) => setImmediate(resolve));
    mock.timers.tick(1);
    const { status, body } = await pending;
    assert.equal(status, 503);
    assert.deepEqual(body.checks, [{ name: 'check', ok: false, detail: 'The check failed: no answer within 3000 ms' }]);
  });
});
