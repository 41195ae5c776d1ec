/**
 * The HTTP routes' edges that the client's file-by-file mutation run left unguarded (http-routes.ts): an
 * envelope of the wrong shape, links mapped back to the ones asked for, the gateway's clock read from an
 * answer's headers, and the live stream itself: its request, its first sign of life, heartbeats, `retry:`
 * hints, events that are not JSON. The transport is a double, so each answer is exactly the one under test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveHeartbeat } from '@xiaodian/model';
import type { Transport, TransportRequest, TransportResponse } from '@xiaodian/client';
import { createHttpBackend } from '../../packages/client/src/http-backend.ts';

const gateway = 'http://127.0.0.1:1';

function answer(status: number, body?: unknown, headers: Record<string, string> = {}): TransportResponse {
  return { status, header: (name) => headers[name.toLowerCase()], json: async () => body };
}

/** A backend whose every request is answered by `respond`, and what it was asked. */
function backendAnswering(respond: (request: TransportRequest) => TransportResponse) {
  const sent: TransportRequest[] = [];
  const transport: Transport = { request: async (request) => (sent.push(request), respond(request)) };
  return { backend: createHttpBackend({ gateway, transport }), sent };
}

/** A backend whose live stream answers `status` and then sends `chunks`, and the stream requests it got. */
function streamingBackend(chunks: readonly string[], status = 200, body?: unknown) {
  const sent: TransportRequest[] = [];
  const transport: Transport = {
    request: async () => answer(500),
    stream: async (request) => {
      sent.push(request);
      return {
        response: answer(status, body),
        chunks: (async function* () {
          yield* chunks;
        })(),
      };
    },
  };
  return { backend: createHttpBackend({ gateway, transport }), sent };
}

async function collect(events: AsyncIterable<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

describe('answers in the wrong envelope', () => {
  for (const [route, call] of [
    ['shop', (backend: ReturnType<typeof createHttpBackend>) => backend.getShop!('wx1')],
    ['suggest', (backend: ReturnType<typeof createHttpBackend>) => backend.suggest!('防')],
    ['live', (backend: ReturnType<typeof createHttpBackend>) => backend.getLive!('sph1')],
    ['resolve', (backend: ReturnType<typeof createHttpBackend>) => backend.resolveLinks!(['https://a.test/'])],
  ] as const) {
    it(`rejects a ${route} answer that is not its envelope, naming the route`, async () => {
      for (const body of [{ other: 1 }, null, 'text', 7]) {
        const { backend } = backendAnswering(() => answer(200, body));
        await assert.rejects(call(backend), {
          code: 'invalid_response',
          message: `The gateway sent a ${route} response of the wrong shape`,
        });
      }
    });
  }

  it("unwraps each envelope's own field", async () => {
    const bodies: Record<string, unknown> = {
      '/v1/shops/wx1': { shop: { appid: 'wx1' }, suggestions: 'not this' },
      '/v1/search/suggest': { suggestions: ['防晒衣'], shop: 'not this' },
      '/v1/lives/sph1': { live: { status: 'live' }, shop: 'not this' },
    };
    const { backend } = backendAnswering((request) => answer(200, bodies[new URL(request.url).pathname]));
    assert.deepEqual(await backend.getShop!('wx1'), { appid: 'wx1' });
    assert.deepEqual(await backend.suggest!('防'), ['防晒衣']);
    assert.deepEqual(await backend.getLive!('sph1'), { status: 'live' });
  });
});

describe('links resolved by the gateway', () => {
  it('posts the links for refs, and maps the answers back to the links asked for, in their order', async () => {
    const first = { source: 'https://a.test/1', ok: true, ref: { kind: 'shop', appid: 'wx1' } };
    const second = { source: 'https://a.test/2', ok: true, ref: { kind: 'shop', appid: 'wx2' } };
    const { backend, sent } = backendAnswering(() => answer(200, { items: [second, 'junk', null, first] }));
    const links = ['https://a.test/1', 'https://a.test/3', 'https://a.test/2', 'https://a.test/1'];
    assert.deepEqual(await backend.resolveLinks!(links), [
      first,
      { ok: false, error: { code: 'not_found', message: 'Nothing found for https://a.test/3' } },
      second,
      first,
    ]);
    const [request] = sent;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.url, `${gateway}/v1/resolve?include=refs`);
    assert.deepEqual(JSON.parse(request!.body!), { links });
  });

  it('does not take an answer without a source for a link', async () => {
    const { backend } = backendAnswering(() => answer(200, { items: [{ ok: true, ref: { kind: 'shop' } }] }));
    const [resolution] = await backend.resolveLinks!(['undefined']);
    assert.deepEqual(resolution, { ok: false, error: { code: 'not_found', message: 'Nothing found for undefined' } });
  });

  it('rejects items that are not a list', async () => {
    const { backend } = backendAnswering(() => answer(200, { items: { 0: 'a' } }));
    await assert.rejects(backend.resolveLinks!(['https://a.test/1']), {
      code: 'invalid_response',
      message: 'The gateway sent a resolve response of the wrong shape',
    });
  });
});

describe("the gateway's clock on a live answer", () => {
  async function clockOf(headers: Record<string, string>): Promise<number[]> {
    const { backend } = backendAnswering(() => answer(200, { live: {} }, headers));
    const times: number[] = [];
    await backend.getLive!('sph1', { onServerTime: (time) => times.push(time) });
    return times;
  }

  it('takes X-Server-Time when it is a positive, finite number', async () => {
    assert.deepEqual(
      await clockOf({ 'x-server-time': '1764637230123', date: 'Wed, 02 Dec 2026 01:00:30 GMT' }),
      [1764637230123],
    );
  });

  it('falls back to the Date header when X-Server-Time is zero, infinite or unreadable', async () => {
    const date = Date.UTC(2026, 11, 2, 1, 0, 30);
    for (const exact of ['0', '-5', 'Infinity', 'soon']) {
      assert.deepEqual(await clockOf({ 'x-server-time': exact, date: 'Wed, 02 Dec 2026 01:00:30 GMT' }), [date], exact);
    }
  });

  it('reports no clock when neither header can be read', async () => {
    assert.deepEqual(await clockOf({}), []);
    assert.deepEqual(await clockOf({ date: 'yesterday' }), []);
  });
});

describe('the live stream over HTTP', () => {
  it('asks for an event stream at the room, resuming after the last event seen', async () => {
    const { backend, sent } = streamingBackend([]);
    await collect(backend.liveEvents!('sph 1', { lastEventId: '42' }));
    await collect(backend.liveEvents!('sph 1'));
    assert.equal(sent[0]!.url, `${gateway}/v1/lives/sph%201/events`);
    assert.equal(sent[0]!.method, 'GET');
    assert.deepEqual(sent[0]!.headers, { accept: 'text/event-stream', 'last-event-id': '42' });
    assert.deepEqual(sent[1]!.headers, { accept: 'text/event-stream' });
  });

  it('passes the caller’s signal to the transport', async () => {
    const { backend, sent } = streamingBackend([]);
    const controller = new AbortController();
    await collect(backend.liveEvents!('sph1', { signal: controller.signal }));
    assert.equal(sent[0]!.signal, controller.signal);
  });

  it('says a transport that cannot stream is offline for events', async () => {
    const transport: Transport = { request: async () => answer(500) };
    const backend = createHttpBackend({ gateway, transport });
    await assert.rejects(collect(backend.liveEvents!('sph1')), {
      code: 'offline',
      message: 'This transport cannot stream events',
    });
  });

  it("turns an answer other than 200 into the gateway's error, before any sign of life", async () => {
    const { backend } = streamingBackend(['data: {}\n\n'], 404, {
      error: { code: 'not_found', message: 'No such room' },
    });
    const heartbeats: LiveHeartbeat[] = [];
    await assert.rejects(collect(backend.liveEvents!('sph1', { onHeartbeat: (beat) => heartbeats.push(beat) })), {
      code: 'not_found',
      message: 'No such room',
    });
    assert.deepEqual(heartbeats, []);
  });

  it('takes the answer as a first sign of life, then reads the clock and interval of each heartbeat', async () => {
    const { backend } = streamingBackend([
      ': heartbeat {"time":1764637230123,"intervalMs":15000}\n\n',
      ': heartbeat\n\n',
      ': heartbeat {"time":"noon","intervalMs":0}\n\n',
      ': heartbeat {"time":1e999,"intervalMs":-3}\n\n',
      ': heartbeat null\n\n',
      ': heartbeat {"time":"1764637230123","intervalMs":"15000"}\n\n',
      ': heartbeat {not json\n\n',
      ': a comment that is not ours\n\n',
      ': xheartbeat {"time":9}\n\n',
    ]);
    const heartbeats: LiveHeartbeat[] = [];
    await collect(backend.liveEvents!('sph1', { onHeartbeat: (beat) => heartbeats.push(beat) }));
    // Numbers written as strings are not numbers: a gateway sends them bare.
    assert.deepEqual(heartbeats, [{}, { time: 1764637230123, intervalMs: 15000 }, {}, {}, {}, {}, {}, {}]);
  });

  it('reads a heartbeat whose fields follow without a space', async () => {
    const { backend } = streamingBackend([': heartbeat{"time":5}\n\n']);
    const heartbeats: LiveHeartbeat[] = [];
    await collect(backend.liveEvents!('sph1', { onHeartbeat: (beat) => heartbeats.push(beat) }));
    assert.deepEqual(heartbeats, [{}, { time: 5 }]);
  });

  it('streams without listeners for heartbeats or retry hints', async () => {
    const { backend } = streamingBackend([': heartbeat {"time":5}\n\nretry: 100\ndata: {"n":1}\n\n']);
    assert.deepEqual(await collect(backend.liveEvents!('sph1')), [{ n: 1 }]);
  });

  it("hands over each event's JSON, skips empty data, and reports the server's retry hints", async () => {
    const { backend } = streamingBackend(['retry: 2500\n\n', 'id: 1\ndata: {"n":1}\n\n', 'data:\n\n', 'data: [2]\n\n']);
    const retries: number[] = [];
    const events = await collect(backend.liveEvents!('sph1', { onRetry: (delay) => retries.push(delay) }));
    assert.deepEqual(events, [{ n: 1 }, [2]]);
    assert.deepEqual(retries, [2500]);
  });

  it('fails on an event that is not JSON, naming its type', async () => {
    const { backend } = streamingBackend(['event: stock\ndata: {oops\n\n']);
    await assert.rejects(collect(backend.liveEvents!('sph1')), {
      code: 'invalid_response',
      message: 'An event of type stock was not JSON',
    });
  });
});
