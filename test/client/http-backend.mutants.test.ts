/**
 * The gateway client's HTTP layer (http-backend.ts) at the edges the client's first whole mutation run
 * left unguarded: what each request carries, when an answer counts as an error, how an error answer's
 * status and `Retry-After` are read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, type Transport, type TransportRequest } from '@xiaodian/client';
import { XiaodianError } from '@xiaodian/model';
import { errorFrom } from '../../packages/client/src/http-backend.ts';

/** An answer with `status`, `headers` and a JSON `body` (undefined: not JSON). */
function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  return {
    status,
    header: (name: string) => headers[name.toLowerCase()],
    json: async () => body,
  };
}

const url = 'http://127.0.0.1:1/v1/shops/wx1';

describe('the gateway client over HTTP', () => {
  it('asks for JSON, and sends JSON with its type only when there is a body', async () => {
    const sent: TransportRequest[] = [];
    const transport: Transport = {
      request: async (request) => (sent.push(request), answer(200, { items: [] })),
    };
    const client = createClient({ gateway: 'http://127.0.0.1:1', transport, retry: false });
    await client.resolveArticle('<a href="https://store.weixin.qq.com/shop/a/AbCd">x</a>').catch(() => undefined);
    await client.getShop({ appid: 'wx3f8a2c1d9e7b6a54' }).catch(() => undefined);
    const [post, get] = sent;
    assert.equal(post!.method, 'POST');
    assert.deepEqual(post!.headers, { accept: 'application/json', 'content-type': 'application/json' });
    assert.deepEqual(JSON.parse(post!.body!), { links: ['https://store.weixin.qq.com/shop/a/AbCd'] });
    assert.equal(get!.method, 'GET');
    assert.deepEqual(get!.headers, { accept: 'application/json' });
    assert.equal('body' in get!, false);
  });

  it('takes any status outside 200–299 as an error, 300 included', async () => {
    for (const status of [199, 300, 304]) {
      const transport: Transport = { request: async () => answer(status, { appid: 'wx1' }) };
      const client = createClient({ gateway: 'http://127.0.0.1:1', transport, retry: false });
      await assert.rejects(client.getShop({ appid: 'wx3f8a2c1d9e7b6a54' }), { code: 'misconfigured' }, String(status));
    }
  });
});

describe("an error answer's meaning", () => {
  it('reads Retry-After as whole seconds, or as an HTTP date from now, and nothing else', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.UTC(2026, 11, 2, 1, 0, 0) });
    const after = async (value: string) =>
      (await errorFrom(answer(503, undefined, { 'retry-after': value }), url)).retryAfterMs;
    assert.equal(await after('120'), 120_000);
    assert.equal(await after(' 7 '), 7_000);
    assert.equal(await after('Wed, 02 Dec 2026 01:00:30 GMT'), 30_000);
    assert.equal(await after('Wed, 02 Dec 2026 00:59:00 GMT'), 0, 'a date already past means now');
    for (const unreadable of ['soon', '12abc', 'abc12', '']) {
      const error = await errorFrom(answer(503, undefined, { 'retry-after': unreadable }), url);
      assert.equal(error.retryAfterMs, undefined, unreadable);
    }
  });

  it('reads a status without the API error body: 429, 504, 500 and up as service trouble, the rest as not the API', async () => {
    const meaning = async (status: number) => {
      const error = await errorFrom(answer(status, { error: 'not the body' }), url);
      return [error.code, error.retryable, error.message];
    };
    assert.deepEqual(await meaning(429), ['rate_limited', true, 'Gateway answered HTTP 429']);
    assert.deepEqual(await meaning(504), ['timeout', true, 'Gateway answered HTTP 504']);
    assert.deepEqual(await meaning(500), ['upstream', false, 'Gateway answered HTTP 500']);
    assert.deepEqual(await meaning(499), [
      'misconfigured',
      false,
      `${url} answered HTTP 499 without the API's JSON error: it does not speak the Xiaodian API. Check the gateway URL.`,
    ]);
  });

  it("speaks with the API's own error body when there is one", async () => {
    const error = await errorFrom(answer(404, { error: { code: 'not_found', message: 'No such shop' } }), url);
    assert.ok(error instanceof XiaodianError);
    assert.deepEqual([error.code, error.message], ['not_found', 'No such shop']);
  });
});
