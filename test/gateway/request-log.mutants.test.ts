// Kills StrykerJS mutants (npm run mutation -- gateway) in the request log: one JSON line per request whose
// level follows the status, whose route is the matched pattern (or "other"), whose query is kept but cut at
// 300 characters, and whose time is also the duration sample in /metrics (in seconds there).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGatewayApp, type LogEntry } from '@xiaodian/gateway';
import { XiaodianError } from '@xiaodian/model';
import { appid, fixtureBackend } from './fixture-backend.ts';

/** A gateway whose clock moves only when the backend works: each shop read takes exactly `workMs`. */
function loggedGateway(workMs = 250) {
  const entries: LogEntry[] = [];
  let clock = 1_000_000;
  const backend = fixtureBackend();
  const getShop = backend.getShop.bind(backend);
  backend.getShop = async (id, options) => {
    clock += workMs;
    return getShop(id, options);
  };
  const app = createGatewayApp({ backend, log: (entry) => entries.push(entry), rateLimit: false, now: () => clock });
  return { app, backend, entries };
}

describe('the request log line', () => {
  it('names the matched route, method, path, status and the time the answer took, without a query', async () => {
    const { app, entries } = loggedGateway(250);
    assert.equal((await app.request(`/v1/shops/${appid}`)).status, 200);
    const entry = entries.find((e) => e.msg === 'request')!;
    assert.deepEqual(
      { ...entry, requestId: typeof entry.requestId },
      {
        level: 'info',
        msg: 'request',
        requestId: 'string',
        method: 'GET',
        path: `/v1/shops/${appid}`,
        route: '/v1/shops/:appid',
        status: 200,
        ms: 250,
        cache: 'miss',
      },
    );
    assert.equal('query' in entry, false, 'no query, no query field');
  });

  it('is "warn" for 4xx answers from 400 on and "error" from 500 on', async () => {
    const { app, backend, entries } = loggedGateway();
    const levels = async (url: string) => {
      const response = await app.request(url);
      return [response.status, entries.at(-1)?.level];
    };
    assert.deepEqual(await levels('/v1/shops/not-an-appid'), [400, 'warn']);
    assert.deepEqual(await levels('/v1/shops/wx0000000000000000'), [404, 'warn']);
    backend.fail = new Error('the backend fell over');
    assert.deepEqual(await levels('/v1/shops/wx1111111111111111'), [500, 'error']);
    backend.fail = new XiaodianError('upstream', 'WeChat did not answer');
    const [status, level] = await levels('/v1/shops/wx2222222222222222');
    assert.ok(typeof status === 'number' && status > 500, `an upstream failure is a 5xx above 500, got ${status}`);
    assert.equal(level, 'error');
  });

  it('calls a path no route matches "other", so an attacker cannot grow the route labels', async () => {
    const { app, entries } = loggedGateway();
    assert.equal((await app.request('/nothing-here/at-all')).status, 404);
    assert.equal(entries.at(-1)?.route, 'other');
    const metrics = await (await app.request('/metrics')).text();
    assert.match(metrics, /xiaodian_http_requests_total\{method="GET",route="other",status="404"\} 1/);
    assert.doesNotMatch(metrics, /nothing-here/);
  });

  it('keeps the query from its "?", whole up to 300 characters and cut with "…" beyond', async () => {
    const { app, entries } = loggedGateway();
    await app.request(`/v1/shops/${appid}/products?limit=5`);
    assert.equal(entries.at(-1)?.query, '?limit=5');
    const exactly300 = `?limit=5&cursor=${'1'.repeat(300 - '?limit=5&cursor='.length)}`;
    await app.request(`/v1/shops/${appid}/products${exactly300}`);
    assert.equal(entries.at(-1)?.query, exactly300);
    const longer = `${exactly300}9`;
    await app.request(`/v1/shops/${appid}/products${longer}`);
    assert.equal(entries.at(-1)?.query, `${exactly300}…`);
  });
});

describe('the request duration in /metrics', () => {
  it('is the logged time in seconds, under its route', async () => {
    const { app } = loggedGateway(250);
    await app.request(`/v1/shops/${appid}`);
    const metrics = await (await app.request('/metrics')).text();
    const labels = 'route="/v1/shops/:appid"';
    assert.match(metrics, new RegExp(`xiaodian_http_request_duration_seconds_sum\\{${labels}\\} 0\\.25\\n`));
    assert.match(metrics, new RegExp(`xiaodian_http_request_duration_seconds_bucket\\{${labels},le="0\\.25"\\} 1\\n`));
    assert.match(metrics, new RegExp(`xiaodian_http_request_duration_seconds_bucket\\{${labels},le="0\\.1"\\} 0\\n`));
  });
});
