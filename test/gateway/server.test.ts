import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startGateway } from '@xiaodian/gateway';
import { appid, fixtureBackend } from './fixture-backend.ts';

describe('gateway server on Node', () => {
  it('serves the API and static pages on one loopback port, then stops', async () => {
    const site = mkdtempSync(join(tmpdir(), 'xd-site-'));
    writeFileSync(join(site, 'page.html'), '<!doctype html><title>ok</title>');
    const gateway = await startGateway({
      backend: fixtureBackend(),
      port: 0,
      host: '127.0.0.1',
      staticDir: site,
      log: false,
    });
    try {
      assert.match(gateway.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal((await fetch(`${gateway.url}/healthz`)).status, 200);
      const page = await fetch(`${gateway.url}/page.html`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<title>ok<\/title>/);
      assert.equal((await fetch(`${gateway.url}/v1/shops/${appid}`)).status, 200);
      assert.equal((await fetch(`${gateway.url}/missing.html`)).status, 404);
    } finally {
      await gateway.close();
    }
  });

  it('rate-limits by peer address, or by X-Forwarded-For only when told to trust the proxy', async () => {
    for (const trustProxy of [false, true]) {
      const gateway = await startGateway({
        backend: fixtureBackend(),
        port: 0,
        log: false,
        rateLimit: { limit: 2, windowMs: 60_000 },
        trustProxy,
      });
      try {
        const ask = (forwardedFor: string) =>
          fetch(`${gateway.url}/v1/shops/${appid}`, { headers: { 'x-forwarded-for': forwardedFor } });
        const statuses = [];
        for (const client of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) statuses.push((await ask(client)).status);
        // Untrusted, the header is ignored: all three come from 127.0.0.1 and the third is refused.
        assert.deepEqual(statuses, trustProxy ? [200, 200, 200] : [200, 200, 429], `trustProxy ${trustProxy}`);
      } finally {
        await gateway.close();
      }
    }
  });
});
