import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XiaodianError, createClient } from '@xiaodian/client';

const ref = { appid: 'wx3f8a2c1d9e7b6a54', productId: '10000201001001' };
const html = (status: number) =>
  new Response('<!doctype html><title>Not Found</title><h1>404</h1>', {
    status,
    headers: { 'content-type': 'text/html' },
  });

function assertMisconfigured(error: unknown, url: RegExp): true {
  assert.ok(error instanceof XiaodianError);
  assert.equal(error.code, 'misconfigured');
  assert.equal(error.retryable, false);
  assert.match(error.message, /does not speak the Xiaodian API/);
  assert.match(error.message, url);
  return true;
}

describe('a gateway URL that does not speak the Xiaodian API', () => {
  it('calls a 404 HTML page misconfigured, not not_found, naming the URL', async () => {
    const client = createClient({ gateway: 'https://shop.example/blog', retry: false, fetch: async () => html(404) });
    await assert.rejects(client.getProduct(ref), (error) =>
      assertMisconfigured(error, /https:\/\/shop\.example\/blog\/v1\/products/),
    );
    await assert.rejects(client.getShop({ appid: ref.appid }), (error) => assertMisconfigured(error, /shops/));
  });

  it('calls a 200 HTML fallback page misconfigured too', async () => {
    const client = createClient({ gateway: 'https://shop.example', retry: false, fetch: async () => html(200) });
    await assert.rejects(client.getProduct(ref), (error) => assertMisconfigured(error, /shop\.example/));
  });

  it('rejects "not a url" as misconfigured without sending anything', async () => {
    let sent = 0;
    const client = createClient({
      gateway: 'not a url',
      fetch: async () => {
        sent += 1;
        return html(404);
      },
    });
    await assert.rejects(client.getProduct(ref), (error) =>
      assertMisconfigured(error, /"not a url" is not an absolute http\(s\) URL/),
    );
    await assert.rejects(client.search({ q: '茶' }), { code: 'misconfigured' });
    assert.equal(sent, 0);
  });

  it('still reports the API’s own not_found answer as not_found', async () => {
    const client = createClient({
      gateway: 'https://gateway.example',
      retry: false,
      fetch: async () => Response.json({ error: { code: 'not_found', message: 'No such shop' } }, { status: 404 }),
    });
    await assert.rejects(client.getShop({ appid: ref.appid }), { code: 'not_found', message: 'No such shop' });
  });

  it('keeps 5xx and 429 without an API body as retryable service trouble', async () => {
    for (const [status, code] of [
      [502, 'upstream'],
      [503, 'upstream'],
      [504, 'timeout'],
      [429, 'rate_limited'],
    ] as const) {
      const client = createClient({
        gateway: 'https://gateway.example',
        retry: false,
        fetch: async () => html(status),
      });
      await assert.rejects(client.getProduct(ref), (error: unknown) => {
        assert.ok(error instanceof XiaodianError);
        assert.equal(error.code, code, `HTTP ${status}`);
        assert.equal(error.retryable, true);
        return true;
      });
    }
  });

  it('answers JSON of the wrong shape with invalid_response, not misconfigured', async () => {
    const client = createClient({
      gateway: 'https://gateway.example',
      retry: false,
      fetch: async () => Response.json({ hello: 1 }),
    });
    await assert.rejects(client.getProduct(ref), { code: 'invalid_response' });
  });
});
