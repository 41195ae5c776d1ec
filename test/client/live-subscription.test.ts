import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { createClient, type LiveConnectionState, type XiaodianError } from '@xiaodian/client';
import { createDemoBackend, manualClock, scriptedLive } from '@xiaodian/demo';
import { createGatewayApp } from '@xiaodian/gateway';
import {
  XiaodianError as ModelError,
  type LiveEvent,
  type LiveEventsOptions,
  type LiveRoom,
  type ProductSource,
  type StorefrontBackend,
} from '@xiaodian/model';
import { ref, room, until } from './live-test-room.ts';

const noProducts: ProductSource['getProducts'] = async () => [];

/** An in-process backend whose event streams the test writes: each connection runs `connect`. */
function inProcess(
  connect: (options: LiveEventsOptions, n: number) => AsyncGenerator<LiveEvent>,
  getLive: () => Promise<LiveRoom> = async () => room,
) {
  const connections: Array<{ at: number; lastEventId: string | undefined }> = [];
  let rooms = 0;
  const backend: ProductSource & Partial<StorefrontBackend> = {
    getProducts: noProducts,
    getLive: () => {
      rooms += 1;
      return getLive();
    },
    liveEvents: (_name, options = {}) => {
      connections.push({ at: performance.now(), lastEventId: options.lastEventId });
      return connect(options, connections.length);
    },
  };
  return { backend, connections, rooms: () => rooms };
}

/** Waits until the signal aborts: a connection that stays open and quiet. */
function held(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal || signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * A gateway stand-in at the HTTP level: `fetch` answers the room as JSON and each event stream with a body
 * the test writes to (`push`), ends (`end`) or leaves hanging; `respond` can hold a stream's answer back.
 */
function sseGateway(options: { respond?: (n: number) => Promise<void> } = {}) {
  const encoder = new TextEncoder();
  const streams: Array<{ lastEventId: string | null; push(text: string): void; end(): void; at: number }> = [];
  const fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    if (!url.endsWith('/events')) return Response.json({ live: room });
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let open = true;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    const stream = {
      lastEventId: new Headers(init.headers).get('last-event-id'),
      at: performance.now(),
      push: (text: string) => open && controller.enqueue(encoder.encode(text)),
      end: () => {
        if (open) controller.close();
        open = false;
      },
    };
    init.signal?.addEventListener('abort', () => {
      if (open) controller.error(new DOMException('The operation was aborted', 'AbortError'));
      open = false;
    });
    streams.push(stream);
    await options.respond?.(streams.length);
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
  return { fetch, streams };
}

const sse = (event: Partial<LiveEvent> & { id: string; type: string }) =>
  `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify({ at: 1, ...event })}\n\n`;

describe('live subscription fixes', () => {
  it('reports closed at once and never connects when its signal is already aborted', async (t) => {
    const { backend, rooms } = inProcess(async function* (options) {
      await held(options.signal);
      yield* [];
    });
    const client = createClient({ backend });
    const aborted = new AbortController();
    aborted.abort();
    const states: LiveConnectionState[] = [];
    const early = client.subscribeLive(ref, () => undefined, {
      signal: aborted.signal,
      onState: (state) => states.push(state),
    });
    assert.equal(early.state, 'closed');
    // A second subscription proves the module has loaded and connected: the first had every chance to.
    const later = client.subscribeLive(ref, () => undefined);
    t.after(() => later.close());
    await until(() => later.room !== undefined, 'the second subscription');
    assert.equal(rooms(), 1, 'only the live subscription asked for the room');
    assert.equal(early.state, 'closed');
    assert.ok(
      states.every((state) => state === 'closed'),
      `it went nowhere but closed: ${states.join()}`,
    );
  });

  it('removes its abort listener from the caller’s signal once closed', async () => {
    const { backend } = inProcess(async function* (options) {
      await held(options.signal);
      yield* [];
    });
    const client = createClient({ backend });
    const page = new AbortController();
    for (let i = 0; i < 3; i += 1) {
      const subscription = client.subscribeLive(ref, () => undefined, { signal: page.signal });
      await until(() => subscription.room !== undefined, 'the room');
      subscription.close();
      await until(() => subscription.state === 'closed', 'closed');
    }
    assert.equal(getEventListeners(page.signal, 'abort').length, 0);
  });

  it('backs off when the stream ends as soon as it opens, instead of reconnecting at once', async (t) => {
    // A stream that ends without an event.
    const { backend, connections } = inProcess(async function* () {
      yield* [];
    });
    const client = createClient({ backend, random: () => 0 });
    const subscription = client.subscribeLive(ref, () => undefined, { mode: 'stream', reconnectDelayMs: 40 });
    t.after(() => subscription.close());
    await until(() => connections.length >= 4, 'four connections');
    subscription.close();
    const gaps = connections.slice(1, 4).map((connection, i) => connection.at - connections[i]!.at);
    // Jitter 0: half of 40, 80, 160 ms: doubling per stream that delivered nothing.
    [20, 40, 80].forEach((delay, i) => assert.ok(gaps[i]! >= delay - 1, `gap ${i}: ${gaps[i]} ms < ${delay} ms`));
  });

  it('keeps streaming a stream that works and drops now and then, instead of counting its cuts as failures in a row', async (t) => {
    const { backend, connections } = inProcess(async function* (_options, n) {
      yield { id: String(5 + n), at: n, type: 'viewers', viewers: n };
      throw new ModelError('offline', `cut ${n}`);
    });
    const client = createClient({ backend, random: () => 0 });
    const states = new Set<LiveConnectionState>();
    const subscription = client.subscribeLive(ref, () => undefined, {
      reconnectDelayMs: 4,
      onState: (state) => states.add(state),
    });
    t.after(() => subscription.close());
    await until(() => connections.length >= 6, 'six connections');
    assert.equal(states.has('polling'), false, 'three cuts of a working stream are no reason to poll');
    assert.deepEqual(
      connections.slice(0, 6).map((connection) => connection.lastEventId),
      ['5', '6', '7', '8', '9', '10'],
    );
  });

  it('waits the server’s retry: hint before reconnecting after the server ends the stream', async (t) => {
    const gateway = sseGateway();
    const client = createClient({ gateway: 'http://gateway.test', fetch: gateway.fetch, random: () => 0.999 });
    const subscription = client.subscribeLive(ref, () => undefined, { mode: 'stream', reconnectDelayMs: 60_000 });
    t.after(() => subscription.close());
    await until(() => gateway.streams.length === 1, 'the stream');
    gateway.streams[0]!.push(`retry: 50\n\n${sse({ id: '6', type: 'viewers', viewers: 3 })}`);
    await until(() => subscription.room?.viewers === 3, 'the event');
    gateway.streams[0]!.end();
    await until(() => gateway.streams.length === 2, 'the reconnection');
    const gap = gateway.streams[1]!.at - gateway.streams[0]!.at;
    assert.ok(gap >= 45, `reconnected after ${gap} ms, not the 50 ms the server asked for`);
    assert.equal(gateway.streams[1]!.lastEventId, '6');
  });

  it('takes a stream that falls silent for a dead connection and reconnects from the last event', async (t) => {
    const gateway = sseGateway();
    const client = createClient({ gateway: 'http://gateway.test', fetch: gateway.fetch, random: () => 0 });
    const errors: XiaodianError[] = [];
    const subscription = client.subscribeLive(ref, () => undefined, {
      mode: 'stream',
      reconnectDelayMs: 1,
      onError: (error) => errors.push(error),
    });
    t.after(() => subscription.close());
    await until(() => gateway.streams.length === 1, 'the stream');
    // The gateway announces heartbeats every 20 ms, sends one event, then nothing: the phone lost its network
    // without the socket closing.
    gateway.streams[0]!.push(`: heartbeat {"time":${Date.now()},"intervalMs":20}\n\n`);
    gateway.streams[0]!.push(sse({ id: '6', type: 'viewers', viewers: 3 }));
    await until(() => gateway.streams.length === 2, 'a reconnection after the silence');
    assert.equal(gateway.streams[1]!.lastEventId, '6');
    assert.equal(errors[0]?.code, 'timeout');
  });

  it('opens no stream when closed while the room’s first answer is on its way', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    let asked = false;
    const { backend, connections } = inProcess(
      async function* (options) {
        await held(options.signal);
        yield* [];
      },
      async () => {
        asked = true;
        await answered;
        return room;
      },
    );
    const states: LiveConnectionState[] = [];
    const subscription = createClient({ backend }).subscribeLive(ref, () => undefined, {
      onState: (state) => states.push(state),
    });
    await until(() => asked, 'the room asked for');
    subscription.close();
    answer(); // the answer arrives after the close
    await until(() => states.includes('closed'), 'closed');
    assert.equal(connections.length, 0, 'no stream opened');
    assert.equal(subscription.room, undefined, 'the late answer is not applied');
  });

  it('is connecting, not streaming, until the stream’s answer arrives', async (t) => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const gateway = sseGateway({ respond: () => answered });
    const client = createClient({ gateway: 'http://gateway.test', fetch: gateway.fetch });
    const subscription = client.subscribeLive(ref, () => undefined, { mode: 'stream' });
    t.after(() => subscription.close());
    await until(() => gateway.streams.length === 1, 'the stream request');
    await new Promise((resolve) => setTimeout(resolve, 5)); // let the request reach its await
    assert.equal(subscription.state, 'connecting');
    answer();
    await until(() => subscription.state === 'streaming', 'streaming');
  });
});

/** A client of the demo gateway on a device whose clock is five minutes (`wrong` ms) slow. */
function slowDeviceClient() {
  const app = createGatewayApp({ backend: createDemoBackend(), log: false, rateLimit: false });
  const wrong = 5 * 60_000;
  const client = createClient({
    gateway: 'http://gateway.test',
    fetch: async (url, init) => app.request(url, init),
    now: () => Date.now() - wrong,
  });
  return { client, wrong };
}

describe('live subscription contract', () => {
  it('runs on the server’s clock when the device clock is five minutes wrong', async (t) => {
    const { client, wrong } = slowDeviceClient();
    const offsets: number[] = [];
    const subscription = client.subscribeLive({ finderUserName: 'sphMuyuHome' }, () => undefined, {
      onServerTime: (offset) => offsets.push(offset),
    });
    t.after(() => subscription.close());
    assert.ok(Math.abs(subscription.serverNow() - (Date.now() - wrong)) < 1_000, 'before any answer: the device');
    await until(() => offsets.length > 0, 'the server time');
    assert.ok(Math.abs(offsets.at(-1)! - wrong) < 1_000, `offset ${offsets.at(-1)} ms`);
    assert.ok(Math.abs(subscription.serverNow() - Date.now()) < 1_000);
  });

  it('runs on the server’s clock while polling when the device clock is five minutes wrong', async (t) => {
    const { client, wrong } = slowDeviceClient();
    const offsets: number[] = [];
    const states: LiveConnectionState[] = [];
    const subscription = client.subscribeLive({ finderUserName: 'sphMuyuHome' }, () => undefined, {
      mode: 'poll',
      onState: (state) => states.push(state),
      onServerTime: (offset) => offsets.push(offset),
    });
    t.after(() => subscription.close());
    // The first answer carries the server's clock: no stream, no heartbeat, no wait for a poll.
    await until(() => offsets.length > 0, 'the server time from the room’s answer');
    assert.deepEqual(states, ['polling']);
    assert.ok(Math.abs(offsets.at(-1)! - wrong) < 1_000, `offset ${offsets.at(-1)} ms`);
    assert.ok(Math.abs(subscription.serverNow() - Date.now()) < 1_000);
  });

  it('learns the server’s clock from a polled answer’s Date header when it has no X-Server-Time', async (t) => {
    const wrong = 5 * 60_000;
    const serverNow = Date.UTC(2026, 10, 24, 12, 0, 7, 250);
    const client = createClient({
      gateway: 'http://gateway.test',
      fetch: async () =>
        new Response(JSON.stringify({ live: room }), {
          headers: { 'content-type': 'application/json', date: new Date(serverNow).toUTCString() },
        }),
      now: () => serverNow - wrong,
    });
    const offsets: number[] = [];
    const subscription = client.subscribeLive(ref, () => undefined, {
      mode: 'poll',
      onServerTime: (offset) => offsets.push(offset),
    });
    t.after(() => subscription.close());
    await until(() => offsets.length > 0, 'the server time');
    // Whole seconds: the estimate never runs ahead of the server, and is behind by under a second.
    assert.equal(offsets.at(-1), wrong - 250);
  });

  it('pauses (closing the stream) and catches up on resume with nothing lost or repeated', async (t) => {
    const start = Date.UTC(2026, 10, 24, 12);
    const clock = manualClock(start);
    const demo = createDemoBackend({ clock });
    const resumes: Array<string | undefined> = [];
    const liveEvents = demo.liveEvents.bind(demo);
    demo.liveEvents = (name, options) => {
      resumes.push(options?.lastEventId);
      return liveEvents(name, options);
    };
    const client = createClient({ backend: demo });
    const applied: string[] = [];
    const subscription = client.subscribeLive(
      { finderUserName: scriptedLive.finderUserName },
      (_room, event) => event && applied.push(event.id),
    );
    t.after(() => subscription.close());
    await until(() => subscription.state === 'streaming', 'streaming');
    const [, preparing, live, next] = scriptedLive.steps;
    clock.set(start + preparing.afterMs);
    await until(() => applied.length === 1, 'the preparing step');
    subscription.pause();
    assert.equal(subscription.state, 'connecting');
    clock.set(start + next.afterMs); // live, then the next product, while the page is hidden
    assert.ok(live.afterMs < next.afterMs);
    subscription.resume();
    const room = await demo.getLive(scriptedLive.finderUserName);
    await until(() => subscription.room?.lastEventId === room.lastEventId, 'catching up');
    assert.equal(resumes.at(-1), applied[0], 'resumed from the last event applied');
    const sequence = applied.map((id) => Number(id.split('-')[1]));
    assert.deepEqual(
      sequence,
      sequence.map((_, i) => sequence[0]! + i),
      'each event once, in order',
    );
    assert.deepEqual(subscription.room, room);
  });

  it('says a room that is gone is gone, and ends closed', async (t) => {
    let gone = false;
    const { backend } = inProcess(
      async function* (options) {
        if (gone) throw new ModelError('not_found', 'No live room sphLiveTest01');
        await held(options.signal);
        yield* [];
      },
      async () => {
        if (gone) throw new ModelError('not_found', 'No live room sphLiveTest01');
        return room;
      },
    );
    const client = createClient({ backend, random: () => 0 });
    const errors: string[] = [];
    const subscription = client.subscribeLive(ref, () => undefined, {
      mode: 'stream',
      reconnectDelayMs: 1,
      onError: (error) => errors.push(error.code),
    });
    t.after(() => subscription.close());
    await until(() => subscription.room !== undefined, 'the room');
    gone = true;
    subscription.pause();
    subscription.resume();
    await until(() => subscription.state === 'closed', 'closed');
    assert.deepEqual(errors, ['not_found']);
  });
});

// Survivors of `npm run mutation -- client` in subscribe-live.ts that the tests above let live.
describe('live subscription edges', () => {
  it('gives a stream up for polling in auto mode after its third failure in a row, not before', async (t) => {
    const { backend, connections, rooms } = inProcess(async function* () {
      yield* [];
      throw new ModelError('offline', 'the proxy cut it');
    });
    const client = createClient({ backend, random: () => 0 });
    const states: LiveConnectionState[] = [];
    const subscription = client.subscribeLive(ref, () => undefined, {
      reconnectDelayMs: 1,
      pollIntervalMs: 2,
      onState: (state) => states.push(state),
    });
    t.after(() => subscription.close());
    await until(() => states.includes('polling') && rooms() >= 2, 'polling, and one poll');
    assert.equal(connections.length, 3);
  });

  it('watches for silence at three of the heartbeat intervals the server announces, unless told otherwise', async (t) => {
    for (const heartbeatTimeoutMs of [undefined, 150]) {
      const { backend, connections } = inProcess(async function* (options) {
        options.onHeartbeat?.({ intervalMs: 20 });
        yield* [];
        await held(options.signal);
      });
      const client = createClient({ backend, random: () => 0 });
      const subscription = client.subscribeLive(ref, () => undefined, {
        mode: 'stream',
        reconnectDelayMs: 1,
        ...(heartbeatTimeoutMs === undefined ? {} : { heartbeatTimeoutMs }),
      });
      t.after(() => subscription.close());
      await until(() => connections.length >= 2, 'a reconnection after the silence');
      subscription.close();
      const gap = connections[1]!.at - connections[0]!.at;
      const expected = heartbeatTimeoutMs ?? 60;
      // No upper bound: a loaded machine may reconnect late, and a watch that never fires fails `until`.
      assert.ok(gap >= expected - 1, `reconnected after ${gap} ms of silence, before the ${expected} ms watch`);
      // Heartbeats without a time leave the clock alone.
      assert.ok(Math.abs(subscription.serverNow() - Date.now()) < 1_000, 'the device clock');
    }
  });

  it('learns the server’s clock from the times of heartbeats and events', async (t) => {
    const ahead = 300_000;
    for (const via of ['heartbeat', 'event'] as const) {
      const { backend } = inProcess(async function* (options) {
        if (via === 'heartbeat') options.onHeartbeat?.({ time: Date.now() + ahead });
        else yield { id: '6', at: 1, type: 'viewers', viewers: 7, time: Date.now() + ahead };
        yield { id: '7', at: 2, type: 'viewers', viewers: 8 };
        await held(options.signal);
      });
      const client = createClient({ backend });
      const subscription = client.subscribeLive(ref, () => undefined, { mode: 'stream' });
      t.after(() => subscription.close());
      await until(() => subscription.room?.viewers === 8, `both events (${via})`);
      const offset = subscription.serverNow() - Date.now();
      subscription.close();
      assert.ok(Math.abs(offset - ahead) < 1_000, `${via}: offset ${offset} ms, not ${ahead}`);
    }
  });

  it('while polling, passes on a room only when its last event changed (or it names none)', async (t) => {
    let lastEventId: string | undefined = '5';
    const { backend, rooms } = inProcess(
      async function* () {
        yield* [];
      },
      async () => ({ ...room, ...(lastEventId === undefined ? { lastEventId: undefined } : { lastEventId }) }),
    );
    const client = createClient({ backend });
    let updates = 0;
    const subscription = client.subscribeLive(ref, () => void (updates += 1), { mode: 'poll', pollIntervalMs: 2 });
    t.after(() => subscription.close());
    await until(() => rooms() >= 4, 'three polls');
    assert.equal(updates, 1, 'the same room polled again is not news');
    lastEventId = '6';
    await until(() => updates === 2, 'the room with a new event');
    const polled = rooms();
    lastEventId = undefined;
    await until(() => rooms() >= polled + 3, 'three more polls');
    assert.ok(updates >= 4, `a room that names no last event is passed on each poll (${updates} updates)`);
    subscription.close();
  });
});
