import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createDemoBackend } from '@xiaodian/demo';
import { createGatewayApp, startGateway } from '@xiaodian/gateway';
import { errorResponseSchema, productSchema, productsResponseSchema } from '@xiaodian/model';

const backend = createDemoBackend();
const app = createGatewayApp({ backend });
const [first, second] = backend.products;
assert.ok(first && second);
const ref = (p: { appid: string; productId: string }) => `${p.appid}:${p.productId}`;

async function expectError(path: string, status: number, code: string, message: RegExp) {
  const response = await app.request(path);
  assert.equal(response.status, status, path);
  const body = errorResponseSchema.parse(await response.json());
  assert.equal(body.error.code, code);
  assert.match(body.error.message, message);
}

describe('GET /v1/products', () => {
  it('answers one entry per ref, in order, each valid, with a not-found ref failing alone', async () => {
    const missing = `${first.appid}:99999`;
    const response = await app.request(`/v1/products?refs=${ref(second)},${missing},${ref(first)}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control') ?? '', /stale-while-revalidate/);
    const body = productsResponseSchema.parse(await response.json());
    assert.deepEqual(
      body.items.map((item) => [item.ref, item.ok]),
      [
        [ref(second), true],
        [missing, false],
        [ref(first), true],
      ],
    );
    assert.equal(productSchema.safeParse(body.items[0]?.['product']).success, true);
    assert.equal((body.items[1]?.['error'] as { code: string }).code, 'not_found');
  });

  it('answers bad input with a 400 and a message', async () => {
    await expectError('/v1/products', 400, 'bad_request', /refs.*required/);
    await expectError('/v1/products?refs=', 400, 'bad_request', /required/);
    await expectError('/v1/products?refs=nonsense', 400, 'invalid_ref', /APPID:PRODUCT_ID/);
    await expectError(`/v1/products?refs=${first.appid}:abc`, 400, 'invalid_ref', /product id/);
    const tooMany = Array.from({ length: 51 }, (_, i) => `${first.appid}:${i + 1}`).join(',');
    await expectError(`/v1/products?refs=${tooMany}`, 400, 'bad_request', /At most 50/);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    await expectError('/v1/nothing-here', 404, 'not_found', /No route/);
  });
});

describe('gateway server', () => {
  it('serves the API and static pages on one loopback port, then stops', async () => {
    const site = mkdtempSync(join(tmpdir(), 'xd-site-'));
    writeFileSync(join(site, 'page.html'), '<!doctype html><title>ok</title>');
    const gateway = await startGateway({ backend, port: 0, host: '127.0.0.1', staticDir: site });
    try {
      assert.match(gateway.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${gateway.url}/healthz`);
      assert.deepEqual(await health.json(), { status: 'ok' });
      const page = await fetch(`${gateway.url}/page.html`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<title>ok<\/title>/);
      const products = await fetch(`${gateway.url}/v1/products?refs=${ref(first)}`);
      assert.equal(products.status, 200);
      const missing = await fetch(`${gateway.url}/missing.html`);
      assert.equal(missing.status, 404);
    } finally {
      await gateway.close();
    }
  });
});
