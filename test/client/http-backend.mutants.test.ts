/**
 * The HTTP backend's own edges (http-backend.ts), left unguarded by the client's mutation run: the gateway
 * URL with trailing slashes or a look-alike scheme, a `Retry-After` a transport did not trim, an error answer
 * whose body is JSON `null`, a 2xx that is not JSON, and a products answer with fewer items than refs asked.
 * The transport is a double, so each answer is exactly the one under test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Transport, TransportRequest, TransportResponse } from '@xiaodian/client';
import { XiaodianError } from '@xiaodian/model';
import { checkGateway, createHttpBackend, gatewayNamespace } from '../../packages/client/src/http-backend.ts';

const ref = { appid: 'wx3f8a2c1d9e7b6a54', productId: '1001' };

function answer(status: number, body?: unknown, headers: Record<string, string> = {}): TransportResponse {
  return { status, header: (name) => headers[name.toLowerCase()], json: async () => body };
}

function backendAnswering(gateway: string, respond: () => TransportResponse) {
  const sent: TransportRequest[] = [];
  const transport: Transport = { request: async (request) => (sent.push(request), respond()) };
  return { backend: createHttpBackend({ gateway, transport }), sent };
}

describe('the gateway URL', () => {
  it('drops every trailing slash of the gateway before the route, and of its namespace', async () => {
    const { backend, sent } = backendAnswering('http://127.0.0.1:1/api//', () => answer(503));
    await assert.rejects(backend.getProducts([ref]), { code: 'upstream' });
    assert.equal(sent[0]!.url, 'http://127.0.0.1:1/api/v1/products?refs=wx3f8a2c1d9e7b6a54%3A1001');
    assert.equal(gatewayNamespace('https://gw.example/api//'), 'https://gw.example/api');
  });

  it('takes http and https only, not a scheme that merely contains or starts with them', () => {
    for (const good of ['http://gw.example', 'https://gw.example/api']) checkGateway(good);
    for (const bad of ['xhttp://gw.example', 'https2://gw.example', 'httpx://gw.example', 'ftp://gw.example']) {
      assert.throws(() => checkGateway(bad), { code: 'misconfigured' }, bad);
    }
  });
});

describe('the answers it reads', () => {
  it('reads a Retry-After of seconds that a transport left with spaces around', async () => {
    const { backend } = backendAnswering('http://127.0.0.1:1', () =>
      answer(429, { error: { code: 'rate_limited', message: 'Slow down' } }, { 'retry-after': ' 5 ' }),
    );
    await assert.rejects(backend.getProducts([ref]), (error: unknown) => {
      assert.ok(error instanceof XiaodianError);
      assert.equal(error.code, 'rate_limited');
      assert.equal(error.retryAfterMs, 5000);
      return true;
    });
  });

  it('reads an error answer whose body is JSON null by its status', async () => {
    const { backend } = backendAnswering('http://127.0.0.1:1', () => answer(503, null));
    await assert.rejects(backend.getProducts([ref]), { code: 'upstream', message: 'Gateway answered HTTP 503' });
  });

  it('calls a 2xx that is not JSON an answer from something that is not a gateway', async () => {
    const { backend } = backendAnswering('http://127.0.0.1:1', () => answer(200, undefined));
    await assert.rejects(backend.getProducts([ref]), {
      code: 'misconfigured',
      message:
        'http://127.0.0.1:1/v1/products?refs=wx3f8a2c1d9e7b6a54%3A1001 answered without JSON: it does not speak the Xiaodian API. Check the gateway URL.',
    });
  });

  it('refuses a products answer with fewer or more items than refs asked, naming the route', async () => {
    for (const items of [[], [{}, {}]]) {
      const { backend } = backendAnswering('http://127.0.0.1:1', () => answer(200, { items }));
      await assert.rejects(backend.getProducts([ref]), {
        code: 'invalid_response',
        message: 'The gateway sent a products response of the wrong shape',
      });
    }
  });
});
