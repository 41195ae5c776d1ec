import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it, type TestContext } from 'node:test';
import {
  createClient,
  type ClientEvent,
  type LiveConnectionState,
  type LiveSubscription,
  type XiaodianError,
} from '@xiaodian/client';
import {
  XiaodianError as ModelError,
  type LiveEvent,
  type LiveEventsOptions,
  type ProductSource,
  type StorefrontBackend,
} from '@xiaodian/model';
// The module and the client it needs, from the sources alike (the module knows only clients of its own copy).
import { createClient as createSourceClient } from '../../packages/client/src/client.ts';
import { subscribeLive } from '../../packages/client/src/live/subscribe-live.ts';
import { ref, room, until } from './live-test-room.ts';

// Written from the survivors of `npm run mutation -- client` in live/subscribe-live.ts: each test is named for
// the behaviour it guards. Waits are on what the code does by itself (bounded), or on node:test's mock timers
// where a delay's exact length is the point.

/** `until` for tests on mock timers (setTimeout is frozen there): lets promises and I/O run, not timers. */
async function settled(check: () => boolean, what: string, timeoutMs = 3_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Lets every pending promise run (mock timers frozen): what can happen without time passing has happened. */
async function drain(): Promise<void> {
  for (let i = 0; i < 50; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

const noProducts: ProductSource['getProducts'] = async () => [];

/** An in-process backend whose event streams the test writes: each connection runs `connect`. */
function inProcess(
  connect: (options: LiveEventsOptions, n: number) => AsyncGenerator<unknown>,
  getLive: () => Promise<unknown> = async () => room,
) {
  const connections: Array<{ options: LiveEventsOptions }> = [];
  let rooms = 0;
  const backend: ProductSource & Partial<StorefrontBackend> = {
    getProducts: noProducts,
    getLive: (() => {
      rooms += 1;
      return getLive();
    }) as StorefrontBackend['getLive'],
    liveEvents: ((_name: string, options: LiveEventsOptions = {}) => {
      connections.push({ options });
      return connect(options, connections.length);
    }) as StorefrontBackend['liveEvents'],
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
 * A connection that opens (one heartbeat: state `streaming`), stays open and quiet until cut, and then ends
 * cleanly (as the in-process demo backend does).
 */
async function* heldOpen(options: LiveEventsOptions): AsyncGenerator<LiveEvent> {
  options.onHeartbeat?.({});
  yield* [];
  await held(options.signal);
}

const viewers = (id: string, count: number): LiveEvent => ({ id, at: 1, type: 'viewers', viewers: count });

function watch(subscription: () => LiveSubscription, t: TestContext) {
  t.after(() => subscription().close());
}

/** A subscription to a room whose stream stays open, once streaming: its connections and states recorded. */
async function streamingSubscription(t: TestContext, signal?: AbortSignal) {
  const { backend, connections } = inProcess(heldOpen);
  const states: LiveConnectionState[] = [];
  const subscription = createClient({ backend }).subscribeLive(ref, () => undefined, {
    ...(signal ? { signal } : {}),
    onState: (state) => states.push(state),
  });
  watch(() => subscription, t);
  await until(() => subscription.state === 'streaming', 'streaming');
  return { subscription, connections, states };
}

/** A subscription that streamed, then was paused: its stream cut, its states recorded. */
async function pausedWhileStreaming(t: TestContext) {
  const streaming = await streamingSubscription(t);
  streaming.subscription.pause();
  await until(() => streaming.connections[0]?.options.signal?.aborted === true, 'the stream cut');
  return streaming;
}

describe('live subscription: starting and stopping', () => {
  it('never starts with a signal that was aborted before it was made', async () => {
    // Mutant guarded: `outer?.aborted` → false (a listener on a signal that has fired, and a loop that runs).
    // The client's handle never hands such a signal on (takeOver sees it closed), so the module is driven here.
    const { backend, rooms } = inProcess(heldOpen);
    const states: LiveConnectionState[] = [];
    const subscription = subscribeLive(createSourceClient({ backend }), ref.finderUserName, () => undefined, {
      signal: AbortSignal.abort(),
      onState: (state) => states.push(state),
    });
    await until(() => states.includes('closed'), 'closed');
    assert.equal(rooms(), 0, 'no room was asked for');
    assert.equal(subscription.state, 'closed');
  });

  it('winds down to closed when paused and closed at once, while streaming or while waiting to reconnect', async (t) => {
    // Mutants guarded: the loop not leaving at once when closed (`signal.aborted` → false in either catch),
    // then waiting for a resume() that a closed subscription never gets.
    const { subscription, states } = await streamingSubscription(t);
    subscription.pause();
    subscription.close();
    await until(() => states.at(-1) === 'closed', 'closed after pause and close while streaming');

    const { backend } = inProcess(async function* () {
      yield* [];
      throw new ModelError('upstream', 'The stream broke');
    });
    const waitingStates: LiveConnectionState[] = [];
    const waiting = createClient({ backend }).subscribeLive(ref, () => undefined, {
      mode: 'stream',
      reconnectDelayMs: 60_000,
      onState: (state) => waitingStates.push(state),
    });
    watch(() => waiting, t);
    await until(() => waitingStates.includes('reconnecting'), 'waiting to reconnect');
    waiting.pause();
    waiting.close();
    await until(() => waitingStates.at(-1) === 'closed', 'closed after pause and close while waiting');
  });

  it('never starts a subscription closed before the live module has loaded', async (t) => {
    const { backend, rooms } = inProcess(heldOpen);
    const client = createClient({ backend });
    const states: LiveConnectionState[] = [];
    const early = client.subscribeLive(ref, () => undefined, { onState: (state) => states.push(state) });
    early.close();
    // A second subscription proves the module has loaded: the first had every chance to start.
    const later = client.subscribeLive(ref, () => undefined);
    watch(() => later, t);
    await until(() => later.state === 'streaming', 'the second subscription streaming');
    assert.equal(rooms(), 1, 'only the second subscription asked for the room');
    assert.equal(early.state, 'closed');
    assert.deepEqual(states, []);
  });

  it('closes, cutting its stream, when the caller’s signal aborts', async (t) => {
    const page = new AbortController();
    const { subscription, connections, states } = await streamingSubscription(t, page.signal);
    page.abort();
    await until(() => states.includes('closed'), 'the loop wound down to closed');
    assert.equal(subscription.state, 'closed');
    assert.equal(connections[0]?.options.signal?.aborted, true, 'the stream was cut');
  });

  it('winds down to closed when closed while paused', async (t) => {
    const { subscription, states } = await pausedWhileStreaming(t);
    await drain(); // the loop now waits for resume()
    subscription.close();
    await until(() => states.at(-1) === 'closed', 'closed');
    assert.deepEqual(states, ['streaming', 'connecting', 'closed']);
  });

  it('opens no stream when closed or paused by the first room’s update', async (t) => {
    for (const stop of ['close', 'pause'] as const) {
      const { backend, connections } = inProcess(heldOpen);
      const states: LiveConnectionState[] = [];
      const subscription: LiveSubscription = createClient({ backend }).subscribeLive(
        ref,
        // The handle exists by the time the first room arrives (asynchronously).
        () => subscription[stop](),
        { onState: (state) => states.push(state) },
      );
      watch(() => subscription, t);
      await until(() => subscription.room !== undefined, 'the room');
      await drain();
      assert.equal(connections.length, 0, `${stop}: no stream`);
      subscription.close();
      await until(() => states.at(-1) === 'closed', 'closed');
    }
  });

  it('ignores pause() and resume() once closed', async (t) => {
    const { subscription, connections, states } = await streamingSubscription(t);
    subscription.close();
    await until(() => states.at(-1) === 'closed', 'closed');
    subscription.pause();
    subscription.resume();
    assert.deepEqual(states, ['streaming', 'closed']);
    assert.equal(subscription.state, 'closed');
    assert.equal(connections.length, 1);
  });

  it('opens no connection while paused, and stays connecting (not reconnecting) when its stream ends on the pause', async (t) => {
    const { subscription, connections, states } = await pausedWhileStreaming(t);
    await drain();
    assert.equal(connections.length, 1, 'no connection while paused');
    assert.deepEqual(states, ['streaming', 'connecting']);
    subscription.resume();
    await until(() => connections.length === 2 && subscription.state === 'streaming', 'streaming again');
    assert.deepEqual(states, ['streaming', 'connecting', 'streaming']);
  });

  it('cuts the running stream on pause() even after a resume() that had nothing to resume', async (t) => {
    const { subscription, connections } = await streamingSubscription(t);
    subscription.resume(); // not paused: nothing to do
    subscription.pause();
    await until(() => connections[0]?.options.signal?.aborted === true, 'the stream cut by the pause');
  });

  it('reconnects at once when paused and resumed during the wait after a failure, instead of ending', async (t) => {
    const { backend, connections } = inProcess(async function* () {
      yield* [];
      throw new ModelError('offline', 'the network dropped');
    });
    const errors: string[] = [];
    const subscription = createClient({ backend, random: () => 0 }).subscribeLive(ref, () => undefined, {
      mode: 'stream',
      reconnectDelayMs: 600_000,
      onError: (error) => errors.push(error.code),
    });
    watch(() => subscription, t);
    await until(() => subscription.state === 'reconnecting', 'waiting after the failure');
    subscription.pause();
    subscription.resume();
    await until(() => connections.length === 2, 'the catch-up connection, long before the 5-minute wait');
    assert.notEqual(subscription.state, 'closed');
    assert.deepEqual(errors.slice(0, 2), ['offline', 'offline']);
  });
});

describe('live subscription: what the server says', () => {
  it('reports each connection state once, not again for each event or poll', async (t) => {
    let n = 0;
    const { backend } = inProcess(async function* (options) {
      for (n = 6; n < 10; n += 1) yield viewers(String(n), n);
      await held(options.signal);
    });
    const states: LiveConnectionState[] = [];
    const subscription = createClient({ backend }).subscribeLive(ref, () => undefined, {
      onState: (state) => states.push(state),
    });
    watch(() => subscription, t);
    await until(() => subscription.room?.viewers === 9, 'four events');
    assert.deepEqual(states, ['streaming']);
  });

  it('passes on an event the room already includes not at all, and a new one once', async (t) => {
    const { backend } = inProcess(async function* (options) {
      yield viewers('4', 1); // older than the room's last event (5)
      yield viewers('5', 2); // the room's last event
      yield viewers('6', 3);
      yield viewers('6', 4); // a replay
      await held(options.signal);
    });
    const updates: Array<string | undefined> = [];
    const subscription = createClient({ backend }).subscribeLive(ref, (_room, event) => updates.push(event?.id), {
      mode: 'stream',
    });
    watch(() => subscription, t);
    await until(() => subscription.room?.viewers === 3, 'the new event');
    await drain();
    assert.deepEqual(updates, [undefined, '6']);
    assert.equal(subscription.room?.viewers, 3);
    assert.equal(subscription.room?.lastEventId, '6');
  });

  it('remembers the last 256 events it applied, so a replay of any of them changes nothing', async (t) => {
    // Ids of different epochs are not ordered by the model: only the subscription's memory stops a replay.
    const ids = Array.from({ length: 257 }, (_, i) => `r${i}-1`);
    const { backend } = inProcess(async function* (options) {
      for (const [i, id] of ids.entries()) yield viewers(id, i);
      yield viewers(ids[1]!, 9_999); // 256 events back: still remembered
      yield viewers('marker-1', 1);
      yield viewers(ids[0]!, 7_777); // 258 events back: forgotten, so the memory stays bounded
      await held(options.signal);
    });
    const applied: string[] = [];
    const subscription = createClient({ backend }).subscribeLive(
      ref,
      (_room, event) => event && applied.push(event.id),
      { mode: 'stream' },
    );
    watch(() => subscription, t);
    await until(() => applied.includes('marker-1'), 'the marker after the replay');
    assert.equal(applied.filter((id) => id === ids[1]).length, 1, 'the replay of an event 256 back is ignored');
    await until(() => subscription.room?.viewers === 7_777, 'the event 258 back applied again');
    assert.equal(applied.length, 259);
  });

  it('learns the server clock as the largest of its last eight samples, and reports only changes', async (t) => {
    const offsets: number[] = [];
    let afterEight: number[] = [];
    const { backend } = inProcess(async function* (options) {
      // The device clock reads 0: each heartbeat's time is its sample of the offset.
      for (const time of [1_000, 100, 100, 100, 100, 100, 100, 100]) options.onHeartbeat?.({ time });
      afterEight = [...offsets];
      options.onHeartbeat?.({ time: 100 }); // the 1 000 sample drops out of the last eight
      options.onHeartbeat?.({ time: 400 });
      yield* [];
      await held(options.signal);
    });
    const subscription = createClient({ backend, now: () => 0 }).subscribeLive(ref, () => undefined, {
      mode: 'stream',
      onServerTime: (offset) => offsets.push(offset),
    });
    watch(() => subscription, t);
    await until(() => offsets.length >= 3, 'three estimates');
    assert.deepEqual(afterEight, [1_000]);
    assert.deepEqual(offsets, [1_000, 100, 400]);
    assert.equal(subscription.serverNow(), 400);
  });

  it('learns the server clock from an in-process backend’s own clock', async (t) => {
    const ahead = 300_000;
    const { backend } = inProcess(heldOpen);
    const withClock = { ...backend, now: () => Date.now() + ahead };
    const subscription = createClient({ backend: withClock }).subscribeLive(ref, () => undefined, { mode: 'poll' });
    watch(() => subscription, t);
    await until(() => subscription.room !== undefined, 'the room');
    const offset = subscription.serverNow() - Date.now();
    assert.ok(Math.abs(offset - ahead) < 1_000, `offset ${offset} ms, not ${ahead}`);
  });

  it('counts its room reads and reports its requests to observers', async (t) => {
    const { backend } = inProcess(heldOpen);
    const client = createClient({ backend });
    const events: ClientEvent[] = [];
    client.observe((event) => events.push(event));
    const subscription = client.subscribeLive(ref, () => undefined);
    watch(() => subscription, t);
    await until(() => subscription.state === 'streaming', 'streaming');
    assert.equal(client.stats.asks, 1);
    assert.deepEqual(
      events.filter((event) => event.type === 'request'),
      [
        { type: 'request', resource: 'live', size: 1, attempt: 1 },
        { type: 'request', resource: 'live_events', size: 1, attempt: 1 },
      ],
    );
  });

  it('sends no Last-Event-ID on its first connection when the room names no last event', async (t) => {
    const { backend, connections } = inProcess(heldOpen, async () => ({ ...room, lastEventId: undefined }));
    const subscription = createClient({ backend }).subscribeLive(ref, () => undefined, { mode: 'stream' });
    watch(() => subscription, t);
    await until(() => connections.length === 1, 'the stream');
    assert.equal(Object.hasOwn(connections[0]!.options, 'lastEventId'), false);
  });
});

describe('live subscription: failures', () => {
  async function firstError(
    backend: ProductSource & Partial<StorefrontBackend>,
    t: TestContext,
    options: { mode?: 'stream' | 'poll' | 'auto'; heartbeatTimeoutMs?: number } = {},
  ): Promise<XiaodianError> {
    const errors: XiaodianError[] = [];
    const subscription = createClient({ backend, random: () => 0 }).subscribeLive(ref, () => undefined, {
      reconnectDelayMs: 600_000,
      ...options,
      onError: (error) => errors.push(error),
    });
    watch(() => subscription, t);
    await until(() => errors.length > 0, 'an error');
    return errors[0]!;
  }

  it('says a backend without events cannot stream when told to stream, instead of polling', async (t) => {
    const { getLive } = inProcess(heldOpen).backend;
    const error = await firstError({ getProducts: noProducts, ...(getLive && { getLive }) }, t, { mode: 'stream' });
    assert.equal(error.code, 'bad_request');
    assert.equal(error.message, 'This backend cannot stream events');
  });

  it('says a backend without rooms cannot give one', async (t) => {
    const { liveEvents } = inProcess(heldOpen).backend;
    const error = await firstError({ getProducts: noProducts, ...(liveEvents && { liveEvents }) }, t);
    assert.equal(error.code, 'bad_request');
    assert.equal(error.message, 'This client’s backend does not provide getLive'.replace('’', "'"));
  });

  it('names the room whose answer is not a room', async (t) => {
    const error = await firstError(inProcess(heldOpen, async () => ({ nickname: 7 })).backend, t);
    assert.equal(error.code, 'invalid_response');
    assert.match(error.message, /^Live room sphLiveTest01\b/);
  });

  it('names the room whose stream sends something that is not an event', async (t) => {
    const { backend } = inProcess(async function* (options) {
      yield { id: '6', type: 'no such type' };
      await held(options.signal);
    });
    const error = await firstError(backend, t, { mode: 'stream' });
    assert.equal(error.code, 'invalid_response');
    assert.match(error.message, /^Live event of sphLiveTest01\b/);
  });

  it('reports a silent stream as a timeout, naming the room and the wait, even when the cut makes it throw', async (t) => {
    const { backend } = inProcess(async function* (options) {
      yield viewers('6', 3);
      await held(options.signal);
      throw new DOMException('The operation was aborted', 'AbortError'); // as fetch does
    });
    const error = await firstError(backend, t, { mode: 'stream', heartbeatTimeoutMs: 20 });
    assert.equal(error.code, 'timeout');
    assert.equal(error.message, 'The live stream of sphLiveTest01 fell silent for 20 ms');
  });

  it('takes a stream the server ends cleanly for no failure, and reconnects from its last event', async (t) => {
    const { backend, connections } = inProcess(async function* (_options, n) {
      yield viewers(String(5 + n), n);
    });
    const errors: string[] = [];
    const states: LiveConnectionState[] = [];
    const subscription = createClient({ backend, random: () => 0 }).subscribeLive(ref, () => undefined, {
      mode: 'stream',
      reconnectDelayMs: 2,
      onError: (error) => errors.push(error.code),
      onState: (state) => states.push(state),
    });
    watch(() => subscription, t);
    await until(() => connections.length >= 3, 'three connections');
    subscription.close();
    assert.deepEqual(errors, []);
    assert.deepEqual(states.slice(0, 4), ['streaming', 'reconnecting', 'streaming', 'reconnecting']);
    assert.deepEqual(
      connections.slice(0, 3).map((connection) => connection.options.lastEventId),
      ['5', '6', '7'],
    );
  });

  it('never gives a stream up for polling in stream mode, however often it fails', async (t) => {
    const { backend, connections, rooms } = inProcess(async function* () {
      yield* [];
      throw new ModelError('offline', 'the proxy cut it');
    });
    const states = new Set<LiveConnectionState>();
    const subscription = createClient({ backend, random: () => 0 }).subscribeLive(ref, () => undefined, {
      mode: 'stream',
      reconnectDelayMs: 1,
      maxReconnectDelayMs: 2,
      onState: (state) => states.add(state),
    });
    watch(() => subscription, t);
    await until(() => connections.length >= 6, 'six connections');
    assert.equal(states.has('polling'), false);
    assert.equal(rooms(), 1);
  });
});

describe('live subscription: waits (mock timers)', () => {
  it('waits the reconnect delay, doubled per stream that failed, between half and all of it by chance', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { backend, connections } = inProcess(async function* () {
      yield* []; // ends at once: a failure
    });
    const subscription = createClient({ backend, random: () => 0.5 }).subscribeLive(ref, () => undefined, {
      mode: 'stream',
      reconnectDelayMs: 100,
      maxReconnectDelayMs: 10_000,
    });
    watch(() => subscription, t);
    // random 0.5: three quarters of 100, then of 200, then of 400 ms.
    let count = 1;
    for (const delay of [75, 150, 300]) {
      await settled(() => connections.length === count && subscription.state === 'reconnecting', 'the wait');
      t.mock.timers.tick(delay - 1);
      await drain();
      assert.equal(connections.length, count, `not before ${delay} ms`);
      t.mock.timers.tick(1);
      count += 1;
      await settled(() => connections.length === count, `a connection after ${delay} ms`);
    }
  });

  it('does not double the delay after a stream that delivered, or one that lasted the longest delay', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let now = 0;
    const { backend, connections } = inProcess(async function* (_options, n) {
      if (n <= 2) yield viewers(String(5 + n), n);
      else now += 1_000; // quiet, but open exactly as long as the longest delay
    });
    const subscription = createClient({ backend, random: () => 0.5, now: () => now }).subscribeLive(
      ref,
      () => undefined,
      { mode: 'stream', reconnectDelayMs: 100, maxReconnectDelayMs: 1_000 },
    );
    watch(() => subscription, t);
    for (let count = 1; count <= 5; count += 1) {
      await settled(() => connections.length === count && subscription.state === 'reconnecting', 'the wait');
      t.mock.timers.tick(74);
      await drain();
      assert.equal(connections.length, count, 'not before 75 ms');
      t.mock.timers.tick(1);
      await settled(() => connections.length === count + 1, `connection ${count + 1} after 75 ms`);
    }
  });

  it('after giving a failing stream up, polls on its interval and backs off further when a poll fails', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { backend, connections, rooms } = inProcess(
      async function* () {
        yield* [];
        throw new ModelError('offline', 'the proxy cut it');
      },
      async () => {
        if (rooms() === 2) throw new ModelError('offline', 'the first poll failed');
        return room;
      },
    );
    const states: LiveConnectionState[] = [];
    const subscription = createClient({ backend, random: () => 0.5, retry: false }).subscribeLive(
      ref,
      () => undefined,
      { reconnectDelayMs: 100, pollIntervalMs: 1_000, onState: (state) => states.push(state) },
    );
    watch(() => subscription, t);
    // Three failed streams, 75 and 150 ms apart (random 0.5), then polling.
    for (const delay of [75, 150]) {
      await settled(() => subscription.state === 'reconnecting', 'the wait');
      t.mock.timers.tick(delay);
      await drain();
    }
    await settled(() => states.at(-1) === 'polling', 'polling');
    assert.equal(connections.length, 3);
    const readAfter = async (ms: number, expected: number) => {
      t.mock.timers.tick(ms - 1);
      await drain();
      assert.equal(rooms(), expected - 1, `no read before ${ms} ms`);
      t.mock.timers.tick(1);
      await settled(() => rooms() === expected, `read ${expected} after ${ms} ms`);
    };
    await readAfter(1_000, 2); // the first poll waits its interval: it fails, the fourth failure in a row
    await settled(() => subscription.state === 'reconnecting', 'the wait after the failed poll');
    // Three quarters of 100 × 2³ (the fourth failure), then the interval.
    t.mock.timers.tick(599);
    await drain();
    assert.equal(subscription.state, 'reconnecting', 'still waiting after the failed poll');
    t.mock.timers.tick(1);
    await settled(() => subscription.state === 'polling', 'polling again after 600 ms');
    await readAfter(1_000, 3);
  });

  it('stays connecting, asking for nothing, while paused during the wait after a failed poll', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { backend, rooms } = inProcess(heldOpen, async () => {
      if (rooms() === 2) throw new ModelError('offline', 'a poll failed');
      return room;
    });
    const client = createClient({ backend, random: () => 0.5, retry: false });
    const states: LiveConnectionState[] = [];
    const subscription = client.subscribeLive(ref, () => undefined, {
      mode: 'poll',
      reconnectDelayMs: 100,
      pollIntervalMs: 1_000,
      onState: (state) => states.push(state),
    });
    watch(() => subscription, t);
    await settled(() => rooms() === 1 && subscription.state === 'polling', 'the first answer');
    t.mock.timers.tick(1_000);
    await settled(() => rooms() === 2 && subscription.state === 'reconnecting', 'the failed poll');
    const asks = client.stats.asks;
    subscription.pause();
    await drain();
    assert.deepEqual(states, ['polling', 'reconnecting', 'connecting']);
    assert.equal(client.stats.asks, asks, 'no ask while paused');
  });

  it('polls at once when paused and resumed during the wait after a failed poll', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { backend, rooms } = inProcess(heldOpen, async () => {
      if (rooms() === 2) throw new ModelError('offline', 'a poll failed');
      return room;
    });
    const subscription = createClient({ backend, random: () => 0.5, retry: false }).subscribeLive(
      ref,
      () => undefined,
      { mode: 'poll', reconnectDelayMs: 100, pollIntervalMs: 1_000 },
    );
    watch(() => subscription, t);
    await settled(() => rooms() === 1 && subscription.state === 'polling', 'the first answer');
    t.mock.timers.tick(1_000);
    await settled(() => rooms() === 2 && subscription.state === 'reconnecting', 'the failed poll');
    subscription.pause();
    subscription.resume();
    await settled(() => rooms() === 3, 'the catch-up poll, at once');
    assert.equal(subscription.state, 'polling');
  });

  it('polls on its interval, and at once after a resume', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { backend, rooms } = inProcess(heldOpen);
    const states: LiveConnectionState[] = [];
    const subscription = createClient({ backend }).subscribeLive(ref, () => undefined, {
      mode: 'poll',
      pollIntervalMs: 100,
      onState: (state) => states.push(state),
    });
    watch(() => subscription, t);
    const pollAfter = async (ms: number, expected: number) => {
      t.mock.timers.tick(ms - 1);
      await drain();
      assert.equal(rooms(), expected - 1, `no poll before ${ms} ms`);
      t.mock.timers.tick(1);
      await settled(() => rooms() === expected, `poll ${expected}`);
    };
    await settled(() => rooms() === 1 && states.includes('polling'), 'the first answer');
    await pollAfter(100, 2);
    await pollAfter(100, 3);
    subscription.pause();
    subscription.resume();
    await settled(() => rooms() === 4, 'the catch-up poll, at once');
    await pollAfter(100, 5);
    assert.deepEqual(states, ['polling', 'connecting', 'polling']);
  });
});
