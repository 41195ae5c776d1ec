// What `xiaodian-gateway` prints and builds its picture URLs from when no --public-base-url is given, and the
// free port it picks for `--port 0`. Apart from public-base-url.test.ts, which spawns the built command (and
// so is left out of `npm run mutation`): these run against the source, so its mutants are measured.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { freePort, listenUrl } from '../../packages/gateway/src/public-url.ts';

describe('the URL a browser on this machine opens for a listen address', () => {
  it('turns a wildcard address into the loopback of its family', () => {
    assert.equal(listenUrl('0.0.0.0', 8787), 'http://127.0.0.1:8787');
    assert.equal(listenUrl('::', 9000), 'http://[::1]:9000');
  });

  it('keeps any other address or name, bracketing IPv6 addresses', () => {
    assert.equal(listenUrl('192.0.2.7', 80), 'http://192.0.2.7:80');
    assert.equal(listenUrl('127.0.0.1', 8787), 'http://127.0.0.1:8787');
    assert.equal(listenUrl('::1', 8787), 'http://[::1]:8787');
    assert.equal(listenUrl('2001:db8::7', 443), 'http://[2001:db8::7]:443');
    assert.equal(listenUrl('localhost', 3000), 'http://localhost:3000');
  });
});

describe('a free port for --port 0', () => {
  it('is a port nothing listens on, that the gateway can then listen on', async () => {
    const port = await freePort('127.0.0.1');
    assert.ok(Number.isInteger(port) && port > 0 && port < 65536, `a TCP port, got ${port}`);
    const server = createServer();
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    assert.equal((server.address() as { port: number }).port, port);
    server.close();
    await once(server, 'close');
  });

  it('fails with the system error for an address this machine does not have, and does not hang', async () => {
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never assigned to an interface here.
    await assert.rejects(freePort('192.0.2.7'), (error: NodeJS.ErrnoException) => {
      assert.equal(error.code, 'EADDRNOTAVAIL');
      return true;
    });
  });
});
