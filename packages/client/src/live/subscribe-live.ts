import { XiaodianError, applyLiveEvent, type LiveEvent, type LiveHeartbeat, type LiveRoom } from '@xiaodian/model';
import type { XiaodianClient } from '../client.js';
import { coreOf } from '../internal.js';
import { sleep } from '../signals.js';
import { checkLiveEvent, checkLiveRoom } from '../validate-resources.js';

export type LiveConnectionState = 'connecting' | 'streaming' | 'polling' | 'reconnecting' | 'closed';

export interface LiveSubscriptionOptions {
  signal?: AbortSignal;
  /** `auto` streams and falls back to polling where streaming is unavailable. */
  mode?: 'auto' | 'stream' | 'poll';
  /** Polling interval, in ms. */
  pollIntervalMs?: number;
  /**
   * First reconnect delay, doubled per failure up to `maxReconnectDelayMs`, with jitter. The server's SSE
   * `retry:` hint, when it sends one, takes its place.
   */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /**
   * A stream silent this long (no event, no heartbeat) is taken for a dead connection (a phone that lost
   * its network without the socket closing) and reconnected. Default: three of the server's heartbeat
   * intervals when it announces them (45 s with the gateway's default), else no watch.
   */
  heartbeatTimeoutMs?: number;
  onState?(state: LiveConnectionState): void;
  /**
   * A failure: the subscription recovers from it by itself (it keeps trying until closed), except for a
   * room that is gone (`not_found`), after which it ends in state `closed`.
   */
  onError?(error: XiaodianError): void;
  /** The server's clock minus this device's, in ms, each time the estimate changes. */
  onServerTime?(offsetMs: number): void;
}

export interface LiveSubscription {
  /** The room with every event applied so far; undefined until the first answer. */
  readonly room: LiveRoom | undefined;
  readonly state: LiveConnectionState;
  /** The server's clock, unix ms: countdowns run on it, not on a device clock that may be wrong. */
  serverNow(): number;
  /**
   * Stops consuming (the connection closes; state `connecting`) until `resume()`, which catches up from
   * the last event applied (or a fresh snapshot when the server no longer has the events), nothing lost
   * or applied twice. For a page in a background tab.
   */
  pause(): void;
  resume(): void;
  close(): void;
}

/**
 * Starts the subscription behind the client's synchronous stand-in handle (`client.subscribeLive`), unless it
 * was closed while this module loaded, and moves the running subscription's own members onto it: the caller's
 * handle is the subscription from then on.
 */
export function takeOver(
  handle: LiveSubscription,
  client: XiaodianClient,
  finderUserName: string,
  onUpdate: (room: LiveRoom, event: LiveEvent | undefined) => void,
  options: LiveSubscriptionOptions,
): void {
  if (handle.state === 'closed') return;
  const running = subscribeLive(client, finderUserName, onUpdate, options);
  Object.defineProperties(handle, Object.getOwnPropertyDescriptors(running));
}

/** How many recent clock samples the server time estimate keeps. */
const clockSamples = 8;

/**
 * Keeps a live room up to date: the room now, then its events over Server-Sent Events, reconnecting
 * with `Last-Event-ID` so nothing is missed or applied twice; where streaming is unavailable (the
 * mini-program transport, a proxy that buffers) it polls the room instead.
 */
export function subscribeLive(
  client: XiaodianClient,
  finderUserName: string,
  onUpdate: (room: LiveRoom, event: LiveEvent | undefined) => void,
  options: LiveSubscriptionOptions = {},
): LiveSubscription {
  const core = coreOf(client);
  const controller = new AbortController();
  const signal = controller.signal;
  const outer = options.signal;
  const stop = () => controller.abort();
  if (outer?.aborted) stop();
  else {
    outer?.addEventListener('abort', stop);
    signal.addEventListener('abort', () => outer?.removeEventListener('abort', stop));
  }
  const pollIntervalMs = options.pollIntervalMs ?? 5000;
  const baseDelay = options.reconnectDelayMs ?? 1000;
  const maxDelay = options.maxReconnectDelayMs ?? 30_000;
  let room: LiveRoom | undefined;
  let state: LiveConnectionState = 'connecting';
  // Where streaming is impossible (the wx transport, a backend without events), auto means polling.
  let mode = options.mode ?? 'auto';
  if (mode === 'auto' && !core.canStream) mode = 'poll';
  const setState = (next: LiveConnectionState) => {
    if (state === next) return;
    state = next;
    options.onState?.(next);
  };
  const seen: string[] = [];
  /** Whether the current connection delivered an event: a working stream that then drops starts afresh. */
  let delivered = false;
  /** The server's `retry:` hint, in ms. */
  let retryHint: number | undefined;

  // Server time: each sample (server clock when sent − device clock when received) falls short of the true
  // offset by the time in transit, so the largest recent sample is the best estimate.
  const samples: number[] = [];
  let offset: number | undefined;
  function learnTime(serverTime: number) {
    samples.push(serverTime - core.now());
    if (samples.length > clockSamples) samples.shift();
    const estimate = Math.round(Math.max(...samples));
    if (estimate === offset) return;
    offset = estimate;
    options.onServerTime?.(estimate);
  }

  // Pause: the current connection (or wait) is cut with `connection`; the loop then waits for `resume`.
  let paused = false;
  let connection = new AbortController();
  let wakeUp: (() => void) | undefined;
  signal.addEventListener('abort', () => connection.abort());
  const resumed = () =>
    new Promise<void>((resolve) => {
      wakeUp = resolve;
      signal.addEventListener('abort', () => resolve());
    });

  function apply(event: LiveEvent) {
    // Defensive: a server that replays an event must not make stock drop twice (ids of another epoch are
    // not ordered by the model, so they are remembered here).
    if (seen.includes(event.id)) return;
    seen.push(event.id);
    if (seen.length > 256) seen.shift();
    // run() reads the room before any stream opens, so there is always one to apply an event to.
    const next = room && applyLiveEvent(room, event);
    // The model hands back the same room for an event it already includes or one that came out of order.
    if (!next || next === room) return;
    room = next;
    onUpdate(room, event);
  }

  /**
   * The room now, and the server's clock with it: from the answer (the gateway's `X-Server-Time`), or
   * from an in-process backend's own clock. A subscription that polls hears nothing else from the server,
   * so without it countdowns would run on a device clock that may be minutes wrong.
   */
  async function readRoom(connectionSignal: AbortSignal): Promise<LiveRoom> {
    const getLive = core.backend.getLive?.bind(core.backend);
    if (!getLive) return client.getLive({ finderUserName }, { signal: connectionSignal }); // says why it cannot
    core.stats.asks += 1;
    const answer = await core.call(
      'live',
      1,
      (callSignal) => getLive(finderUserName, { signal: callSignal, onServerTime: learnTime }),
      connectionSignal,
    );
    // Closed (or paused) while the answer was on its way: too late for it, and nothing may follow it.
    if (connectionSignal.aborted) throw new XiaodianError('aborted', 'The live subscription was closed');
    if (core.backend.now) learnTime(core.backend.now());
    return checkLiveRoom(answer, `Live room ${finderUserName}`);
  }

  async function fetchRoom(connectionSignal: AbortSignal) {
    room = await readRoom(connectionSignal);
    onUpdate(room, undefined);
  }

  /**
   * One connection, until the server ends it. Resolves with whether it was healthy (events came, or it
   * lasted), which resets the failure count; rejects when it failed or fell silent.
   */
  async function stream(connectionSignal: AbortSignal): Promise<boolean> {
    const liveEvents = core.backend.liveEvents?.bind(core.backend);
    if (!liveEvents) throw new XiaodianError('bad_request', 'This backend cannot stream events');
    // Never open a stream for a subscription already closed: a transport may not refuse it by itself.
    if (connectionSignal.aborted) throw new XiaodianError('aborted', 'The live subscription was closed');
    const lastEventId = room?.lastEventId;
    const cut = new AbortController();
    const cutNow = () => cut.abort();
    connectionSignal.addEventListener('abort', cutNow);
    let timeoutMs = options.heartbeatTimeoutMs;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let silent = false;
    delivered = false;
    const openedAt = core.now();
    const alive = () => {
      // A transport that ignores its signal may still deliver after a close or pause: that says nothing.
      if (connectionSignal.aborted) return;
      setState('streaming');
      if (timeoutMs === undefined) return;
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        silent = true;
        cut.abort();
      }, timeoutMs);
    };
    const onHeartbeat = (heartbeat: LiveHeartbeat) => {
      if (heartbeat.time !== undefined) learnTime(heartbeat.time);
      if (options.heartbeatTimeoutMs === undefined && heartbeat.intervalMs !== undefined) {
        timeoutMs = heartbeat.intervalMs * 3;
      }
      alive();
    };
    const events = liveEvents(finderUserName, {
      signal: cut.signal,
      onHeartbeat,
      onRetry: (delayMs) => void (retryHint = delayMs),
      ...(lastEventId !== undefined ? { lastEventId } : {}),
    });
    core.emit({ type: 'request', resource: 'live_events', size: 1, attempt: 1 });
    try {
      for await (const raw of events) {
        const event = checkLiveEvent(raw, `Live event of ${finderUserName}`);
        if (event.time !== undefined) learnTime(event.time);
        alive();
        delivered = true;
        apply(event);
      }
    } catch (error) {
      if (!silent) throw error;
    } finally {
      clearTimeout(watchdog);
      connectionSignal.removeEventListener('abort', cutNow);
    }
    if (silent)
      throw new XiaodianError('timeout', `The live stream of ${finderUserName} fell silent for ${timeoutMs} ms`);
    return delivered || core.now() - openedAt >= maxDelay;
  }

  /** The wait before reconnecting: the server's hint or our base, doubled per failure, with jitter. */
  function reconnectDelay(failures: number): number {
    const ceiling = Math.min(maxDelay, (retryHint ?? baseDelay) * 2 ** Math.max(0, failures - 1));
    return Math.round(ceiling / 2 + (core.random() * ceiling) / 2);
  }

  async function run() {
    let failures = 0;
    let catchUp = false;
    while (!signal.aborted) {
      const current = connection.signal;
      try {
        if (!room) await fetchRoom(current);
        if (mode === 'poll') {
          setState('polling');
          if (!catchUp) await sleep(pollIntervalMs, current);
          catchUp = false;
          const before = room?.lastEventId;
          const next = await readRoom(current);
          if (next.lastEventId === undefined || next.lastEventId !== before) {
            room = next;
            onUpdate(room, undefined);
          }
          failures = 0;
          continue;
        }
        catchUp = false;
        const healthy = await stream(current);
        if (current.aborted) throw new XiaodianError('aborted', 'The live stream was cut');
        // The server closed the stream: wait as it asked before reconnecting. A stream that closed without
        // delivering anything counts as a failure, so one that ends at once is not hammered.
        failures = healthy ? 0 : failures + 1;
        setState('reconnecting');
        await sleep(reconnectDelay(failures), current);
      } catch (error) {
        if (signal.aborted) break;
        // Cut by pause(): wait for resume() (unless it came already), then catch up at once.
        if (current.aborted) {
          if (paused) await resumed();
          catchUp = true;
          continue;
        }
        const failure = XiaodianError.from(error);
        options.onError?.(failure);
        // A room that is gone stays gone: say so and stop.
        if (failure.code === 'not_found') break;
        // A stream that worked and then dropped is a first failure, not one more in a row.
        failures = delivered ? 1 : failures + 1;
        delivered = false;
        // A stream that keeps failing (a proxy that buffers or cuts it) is given up for polling in auto mode.
        if (mode === 'auto' && failures >= 3 && room) {
          mode = 'poll';
          continue;
        }
        setState('reconnecting');
        try {
          await sleep(reconnectDelay(failures), current);
        } catch {
          if (signal.aborted) break;
          if (paused) await resumed();
          catchUp = true;
        }
      }
    }
    setState('closed');
  }

  void run();

  return {
    get room() {
      return room;
    },
    // Closed the moment it is closed (or its signal aborts), not once the loop has wound down.
    get state() {
      return signal.aborted ? 'closed' : state;
    },
    serverNow: () => core.now() + (offset ?? 0),
    pause() {
      if (paused || signal.aborted) return;
      paused = true;
      setState('connecting');
      connection.abort();
    },
    resume() {
      if (!paused || signal.aborted) return;
      paused = false;
      connection = new AbortController();
      wakeUp?.();
    },
    close() {
      controller.abort();
    },
  };
}
