import { XiaodianError, applyLiveEvent, type LiveEvent, type LiveRoom } from '@xiaodian/model';
import type { XiaodianClient } from '../client.js';
import { coreOf } from '../internal.js';
import { sleep } from '../signals.js';
import { checkLiveEvent } from '../validate-resources.js';

export type LiveConnectionState = 'connecting' | 'streaming' | 'polling' | 'reconnecting' | 'closed';

export interface LiveSubscriptionOptions {
  signal?: AbortSignal;
  /** `auto` streams and falls back to polling where streaming is unavailable. */
  mode?: 'auto' | 'stream' | 'poll';
  /** Polling interval, in ms. */
  pollIntervalMs?: number;
  /** First reconnect delay, doubled per failure up to `maxReconnectDelayMs`, with jitter. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  onState?(state: LiveConnectionState): void;
  /** A failure the subscription recovers from by itself (it keeps trying until closed). */
  onError?(error: XiaodianError): void;
}

export interface LiveSubscription {
  /** The room with every event applied so far; undefined until the first answer. */
  readonly room: LiveRoom | undefined;
  readonly state: LiveConnectionState;
  close(): void;
}

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
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
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

  function apply(event: LiveEvent) {
    // Defensive: a server that replays an event must not make stock drop twice.
    if (seen.includes(event.id)) return;
    seen.push(event.id);
    if (seen.length > 256) seen.shift();
    room = room
      ? applyLiveEvent(room, event)
      : event.type === 'snapshot'
        ? { ...event.room, lastEventId: event.id }
        : room;
    if (room) onUpdate(room, event);
  }

  async function fetchRoom() {
    room = await client.getLive({ finderUserName }, { signal });
    onUpdate(room, undefined);
  }

  async function stream(): Promise<void> {
    const liveEvents = core.backend.liveEvents?.bind(core.backend);
    if (!liveEvents) throw new XiaodianError('bad_request', 'This backend cannot stream events');
    const lastEventId = room?.lastEventId;
    const events = liveEvents(finderUserName, { signal, ...(lastEventId !== undefined ? { lastEventId } : {}) });
    core.emit({ type: 'request', resource: 'live_events', size: 1, attempt: 1 });
    setState('streaming');
    for await (const raw of events) {
      apply(checkLiveEvent(raw, `Live event of ${finderUserName}`));
    }
  }

  async function run() {
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (!room) await fetchRoom();
        if (mode === 'poll') {
          setState('polling');
          await sleep(pollIntervalMs, signal);
          const before = room?.lastEventId;
          const next = await client.getLive({ finderUserName }, { signal });
          if (next.lastEventId === undefined || next.lastEventId !== before) {
            room = next;
            onUpdate(room, undefined);
          }
          failures = 0;
          continue;
        }
        await stream();
        // The server closed the stream cleanly: reconnect from the last event at once.
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        const failure = XiaodianError.from(error);
        options.onError?.(failure);
        failures += 1;
        // A stream that keeps failing (a proxy that buffers or cuts it) is given up for polling in auto mode.
        if (mode === 'auto' && failures >= 3 && room) {
          mode = 'poll';
          continue;
        }
        setState('reconnecting');
        const ceiling = Math.min(maxDelay, baseDelay * 2 ** (failures - 1));
        try {
          await sleep(Math.round(ceiling / 2 + (core.random() * ceiling) / 2), signal);
        } catch {
          break;
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
    get state() {
      return state;
    },
    close() {
      controller.abort();
    },
  };
}
