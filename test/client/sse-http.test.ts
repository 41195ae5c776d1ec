import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { createClient, webStorageStore } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import type { LiveRoom } from '@xiaodian/model';

const room: LiveRoom = {
  finderUserName: 'sphHttpLive01',
  nickname: '清泉茶饮',
  avatarUrl: 'https://wx.qlogo.cn/x/0',
  description: '新茶品鉴',
  status: 'live',
  statusCode: 2,
  replay: 'none',
  viewers: 10,
  heat: 100,
  bag: [],
  lastEventId: '3',
};

/**
 * A real SSE server on loopback: the first connection sends two events and is cut mid-stream; the
 * second must arrive with `Last-Event-ID: 4` and gets the rest. It records what each connection asked.
 */
const connections: Array<{ lastEventId: string | undefined; accept: string | undefined }> = [];
const open = new Set<ServerResponse>();
const server = createServer((request, response) => {
  if (request.url === '/v1/lives/sphHttpLive01') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ live: room }));
    return;
  }
  if (request.url !== '/v1/lives/sphHttpLive01/events') {
    response.writeHead(404).end();
    return;
  }
  const lastEventId = request.headers['last-event-id'] as string | undefined;
  connections.push({ lastEventId, accept: request.headers.accept });
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  open.add(response);
  response.on('close', () => open.delete(response));
  const send = (id: number, data: object) =>
    response.write(
      `id: ${id}\nevent: ${(data as { type: string }).type}\ndata: ${JSON.stringify({ id: String(id), at: id, ...data })}\n\n`,
    );
  if (connections.length === 1) {
    response.write('retry: 10\n: heartbeat\n\n');
    send(4, { type: 'viewers', viewers: 20 });
    // Half an event, then the test cuts the connection (once event 4 has been applied, so a loaded machine
    // cannot lose it in flight): the parser must not apply the half.
    response.write('id: 5\ndata: {"id":"5","at":5,"type":"heat","heat":');
  } else {
    send(5, { type: 'heat', heat: 500 });
    send(6, { type: 'viewers', viewers: 30 });
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const gateway = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => {
  for (const response of open) response.destroy();
  server.close();
});

describe('live subscription over HTTP (fetch + SSE)', () => {
  it('streams, reconnects after a cut with Last-Event-ID, and loses or repeats nothing', async (t) => {
    const client = createClient({ gateway, random: () => 0 });
    const applied: string[] = [];
    const states: string[] = [];
    const subscription = client.subscribeLive(
      { finderUserName: 'sphHttpLive01' },
      (_room, event) => event && applied.push(event.id),
      {
        reconnectDelayMs: 5,
        onState: (state) => states.push(state),
      },
    );
    // Closed even when an assertion fails: a live subscription left open keeps reconnecting.
    t.after(() => subscription.close());
    const deadline = Date.now() + 5000;
    while (applied.length < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    for (const response of open) response.destroy();
    while (applied.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(applied, ['4', '5', '6']);
    assert.equal(connections[0]?.lastEventId, '3', 'the first connection resumes from the room snapshot');
    assert.equal(connections[1]?.lastEventId, '4', 'the reconnect resumes after the last complete event');
    assert.equal(connections[0]?.accept, 'text/event-stream');
    assert.equal(subscription.room?.viewers, 30);
    assert.equal(subscription.room?.heat, 500);
    assert.ok(states.includes('reconnecting'));
    subscription.close();
    while (subscription.state !== 'closed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    assert.equal(subscription.state, 'closed');
  });
});

describe('bounded persistence and Retry-After dates', () => {
  it('keeps at most maxPersisted entries in storage, dropping the least recently written', async () => {
    const demo = createDemoBackend();
    const storage = new Map<string, string>();
    const store = webStorageStore({
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
      removeItem: (key) => void storage.delete(key),
    })!;
    const client = createClient({ backend: demo, cache: { store, maxPersisted: 3 } });
    for (const product of demo.products.slice(0, 5)) await client.getProduct(product);
    await Promise.resolve();
    const entries = [...storage.keys()].filter((key) => key !== 'xd:v1:in-process:index');
    assert.equal(entries.length, 3);
    assert.deepEqual(
      entries.map((key) => key.split(':').pop()).sort(),
      demo.products
        .slice(2, 5)
        .map((p) => p.productId)
        .sort(),
    );
    assert.equal(JSON.parse(storage.get('xd:v1:in-process:index')!).length, 3);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const delays: number[] = [];
    let calls = 0;
    const client = createClient({
      gateway: 'http://gateway.test',
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 60_000 },
      fetch: async () => {
        calls += 1;
        return Response.json(
          { error: { code: 'upstream', message: 'maintenance' } },
          { status: 503, headers: { 'retry-after': new Date(Date.now() - 1000).toUTCString() } },
        );
      },
    });
    client.observe((event) => event.type === 'retry' && delays.push(event.delayMs));
    await assert.rejects(client.getProduct({ appid: 'wx3f8a2c1d9e7b6a54', productId: '1' }), { code: 'upstream' });
    assert.equal(calls, 2);
    assert.deepEqual(delays, [0], 'a date in the past means retry now');
  });
});
