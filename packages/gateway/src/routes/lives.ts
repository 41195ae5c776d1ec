import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LiveEvent } from '@xiaodian/model';
import { BadRequest, errorResponse } from '../http/errors.js';
import { readFinderUserName } from '../http/params.js';
import { method, sendCached, type RouteDeps } from './deps.js';

export interface LiveStreamOptions {
  heartbeatMs: number;
  maxStreamMs: number;
  maxStreams: number;
  /** Aborted when the gateway shuts down: every stream then ends cleanly. */
  shutdown: AbortSignal;
}

/** How long a browser's EventSource waits before reconnecting after a close. */
const reconnectMs = 2_000;

/**
 * `GET /v1/lives/{finder_user_name}` (the room now) and `…/events` (Server-Sent Events). A client that
 * reconnects sends `Last-Event-ID` (browsers do it themselves; `?last_event_id=` works where headers
 * cannot be set) and receives every later event once, in order.
 */
export function livesRoutes(deps: RouteDeps, streams: LiveStreamOptions): Hono {
  return new Hono()
    .get('/:finder', async (c) => {
      const name = readFinderUserName(c.req.param('finder'));
      const getLive = method(deps, 'getLive');
      const response = await sendCached(c, deps, 'live', name, async () => ({ live: await getLive(name) }));
      // The clock as the answer leaves (never cached with the room): a client that polls, and so hears no
      // heartbeat, runs its countdowns on it. `Date` has whole seconds only.
      response.headers.set('X-Server-Time', String(serverNowOf(deps)));
      return response;
    })
    .get('/:finder/events', async (c) => {
      const name = readFinderUserName(c.req.param('finder'));
      const lastEventId = readLastEventId(c.req.header('last-event-id') ?? c.req.query('last_event_id'));
      const liveEvents = method(deps, 'liveEvents');
      // An unknown room is a 404 now, not an empty stream the client would reconnect to forever.
      await method(deps, 'getLive')(name);
      if (deps.metrics.openStreams >= streams.maxStreams) {
        c.header('Retry-After', '5');
        return errorResponse(c, 503, 'rate_limited', 'Too many live streams are open on this gateway; retry shortly');
      }
      return streamSSE(c, async (stream) => {
        const stop = new AbortController();
        const end = () => stop.abort();
        stream.onAbort(end);
        streams.shutdown.addEventListener('abort', end, { once: true });
        const deadline = streams.maxStreamMs > 0 ? setTimeout(end, streams.maxStreamMs) : undefined;
        const serverNow = () => serverNowOf(deps);
        // Heartbeats are comments, which every SSE client skips; ours read the clock and interval from them.
        const heartbeatComment = () =>
          `: heartbeat ${JSON.stringify({ time: serverNow(), intervalMs: streams.heartbeatMs })}\n\n`;
        const heartbeat = setInterval(() => {
          stream.write(heartbeatComment()).catch(end);
        }, streams.heartbeatMs);
        deps.metrics.openStreams += 1;
        try {
          await stream.write(`retry: ${reconnectMs}\n\n${heartbeatComment()}`);
          const events = liveEvents(name, { signal: stop.signal, ...(lastEventId ? { lastEventId } : {}) });
          for await (const event of events as AsyncIterable<LiveEvent>) {
            if (stop.signal.aborted) break;
            // When it was sent: a resumed subscriber's catch-up carries old `at`s, but the time is now.
            const sent = { ...event, time: event.time ?? serverNow() };
            await stream.writeSSE({ id: event.id, event: event.type, data: JSON.stringify(sent) });
            deps.metrics.recordStreamEvent();
          }
        } catch (error) {
          if (!stop.signal.aborted) {
            deps.log({ level: 'error', msg: 'live stream failed', room: name, error: String(error) });
          }
        } finally {
          clearInterval(heartbeat);
          clearTimeout(deadline);
          streams.shutdown.removeEventListener('abort', end);
          deps.metrics.openStreams -= 1;
          stop.abort();
        }
      });
    });
}

/** The backend's clock when it keeps one (the demo's simulation), else the gateway's. */
function serverNowOf(deps: RouteDeps): number {
  return deps.backend.now?.() ?? deps.now();
}

function readLastEventId(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[\x21-\x7e]{1,64}$/.test(value)) {
    throw new BadRequest('"Last-Event-ID" must be an event id this gateway sent (at most 64 visible ASCII characters)');
  }
  return value;
}
