// Kills StrykerJS mutants (npm run mutation -- gateway) in the Node server (serve.ts) that only the
// spawned-command tests reached, and those drive the built dist, which the mutation run cannot see: what
// Node's HTTP parser refuses is answered in our JSON error shape (raw UTF-8 in a URL, oversized headers,
// not HTTP at all), IPv6 listen URLs, a port already taken, and the client address behind a proxy.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { connect, createServer } from 'node:net';
import { describe, it } from 'node:test';
import { startGateway } from '@xiaodian/gateway';
import { appid, finder, fixtureBackend } from './fixture-backend.ts';

/** Sends `request` as raw bytes and reads the whole answer (the server closes the connection). */
async function rawExchange(url: string, request: Buffer | string): Promise<string> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  socket.end(request);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 2)]),
  );
  return { statusLine, headers, body };
}

describe('the Node server answers what its HTTP parser refuses, in the JSON error shape', () => {
  const cases: Array<[string, Buffer | string, string, RegExp]> = [
    [
      'raw UTF-8 in the URL',
      Buffer.concat([
        Buffer.from('GET /v1/search?q='),
        Buffer.from('防晒', 'utf8'),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
      ]),
      'HTTP/1.1 400 Bad Request',
      /^The request URL holds characters that must be percent-encoded \(UTF-8 text such as 防晒 is sent as %E9%98%B2%E6%99%92\); encode the query/,
    ],
    [
      'headers over the limit',
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      'HTTP/1.1 431 Request Header Fields Too Large',
      /^The request headers are too large$/,
    ],
    ['not HTTP at all', 'HELLO THERE\r\n\r\n', 'HTTP/1.1 400 Bad Request', /^The request is not valid HTTP\/1\.1$/],
  ];
  for (const [what, request, statusLine, message] of cases) {
    it(what, async () => {
      const gateway = await startGateway({ backend: fixtureBackend(), port: 0, log: false });
      try {
        const answer = parse(await rawExchange(gateway.url, request));
        assert.equal(answer.statusLine, statusLine);
        assert.equal(answer.headers['content-type'], 'application/json; charset=UTF-8');
        assert.equal(answer.headers['cache-control'], 'no-store');
        assert.equal(answer.headers['connection'], 'close');
        assert.equal(Number(answer.headers['content-length']), Buffer.byteLength(answer.body));
        const { error } = JSON.parse(answer.body) as { error: { code: string; message: string; requestId: string } };
        assert.equal(error.code, 'bad_request');
        assert.match(error.message, message);
        assert.match(error.requestId, /^[0-9a-f-]{36}$/);
      } finally {
        await gateway.close();
      }
    });
  }
});

describe('a request the parser refuses on a connection that is already answering', () => {
  it('closes the connection instead of writing an error into the middle of the answer', async () => {
    const gateway = await startGateway({ backend: fixtureBackend(), port: 0, log: false });
    try {
      const { hostname, port } = new URL(gateway.url);
      const socket = connect(Number(port), hostname);
      await once(socket, 'connect');
      // A live stream stays open; garbage pipelined behind it reaches the parser while it is being answered.
      socket.write(`GET /v1/lives/${finder}/events HTTP/1.1\r\nHost: x\r\n\r\n`);
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      const closed = once(socket, 'close');
      while (!Buffer.concat(chunks).toString('utf8').includes('retry: ')) await new Promise((r) => setTimeout(r, 10));
      socket.write('HELLO THERE\r\n\r\n');
      await closed;
      const answer = Buffer.concat(chunks).toString('utf8');
      assert.match(answer, /^HTTP\/1\.1 200 OK\r\n/);
      assert.equal(answer.match(/HTTP\/1\.1 /g)?.length, 1, 'no second status line inside the stream');
      assert.doesNotMatch(answer, /bad_request/);
    } finally {
      await gateway.close();
    }
  });
});

/** A gateway that lets each client make one request a minute: the second one shows whose bucket it was. */
const startLimitedToOne = (options: { trustProxy?: boolean } = {}) =>
  startGateway({
    backend: fixtureBackend(),
    port: 0,
    log: false,
    rateLimit: { limit: 1, windowMs: 60_000 },
    ...options,
  });

describe('starting the Node server', () => {
  it('names an IPv6 listen address in brackets', async (t) => {
    const probe = createServer();
    const ipv6 = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.listen(0, '::1', () => probe.close(() => resolve(true)));
    });
    if (!ipv6) return t.skip('no IPv6 loopback on this machine');
    const gateway = await startGateway({ backend: fixtureBackend(), port: 0, host: '::1', log: false });
    try {
      assert.match(gateway.url, /^http:\/\/\[::1\]:\d+$/);
      assert.equal((await fetch(`${gateway.url}/healthz`)).status, 200);
    } finally {
      await gateway.close();
    }
  });

  it('fails with EADDRINUSE on a port already taken, instead of hanging', async () => {
    const first = await startGateway({ backend: fixtureBackend(), port: 0, log: false });
    try {
      const port = Number(new URL(first.url).port);
      await assert.rejects(startGateway({ backend: fixtureBackend(), port, log: false }), { code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });

  it('trusts no proxy unless told: X-Forwarded-For alone does not make a new client', async () => {
    const gateway = await startLimitedToOne();
    try {
      const ask = (forwardedFor: string) =>
        fetch(`${gateway.url}/v1/shops/${appid}`, { headers: { 'x-forwarded-for': forwardedFor } });
      assert.equal((await ask('10.0.0.1')).status, 200);
      assert.equal((await ask('10.0.0.2')).status, 429);
    } finally {
      await gateway.close();
    }
  });

  it("counts each peer address as its own client (127.0.0.1 and 127.0.0.2 are both this machine's)", async () => {
    const gateway = await startLimitedToOne();
    try {
      const { port } = new URL(gateway.url);
      const askFrom = (localAddress: string) =>
        new Promise<number>((resolve, reject) => {
          const request = httpRequest(
            { host: '127.0.0.1', port: Number(port), path: `/v1/shops/${appid}`, localAddress, agent: false },
            (response) => {
              response.resume();
              resolve(response.statusCode ?? 0);
            },
          );
          request.on('error', reject);
          request.end();
        });
      assert.equal(await askFrom('127.0.0.1'), 200);
      assert.equal(await askFrom('127.0.0.1'), 429, 'the same peer again');
      assert.equal(await askFrom('127.0.0.2'), 200, 'another peer: a bucket of its own');
    } finally {
      await gateway.close();
    }
  });

  it('behind a trusted proxy, counts the first X-Forwarded-For address, and the peer when it is blank', async () => {
    const gateway = await startLimitedToOne({ trustProxy: true });
    try {
      const ask = (forwardedFor?: string) =>
        fetch(`${gateway.url}/v1/shops/${appid}`, {
          headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
        }).then((response) => response.status);
      // The client, then the proxies it passed: only the first address is the client's bucket.
      assert.equal(await ask('10.0.0.1, 10.9.9.9'), 200);
      assert.equal(await ask(' 10.0.0.1 , 10.8.8.8'), 429, 'the same client through another proxy');
      assert.equal(await ask('10.0.0.2, 10.9.9.9'), 200, 'another client through the same proxy');
      assert.equal(await ask(''), 200, 'blank: the peer address, a bucket of its own');
      assert.equal(await ask(), 429, 'no header: the same peer');
    } finally {
      await gateway.close();
    }
  });
});
