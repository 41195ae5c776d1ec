import {
  XiaodianError,
  type LiveEventsOptions,
  type LiveHeartbeat,
  type PageRequest,
  type SearchQuery,
} from '@xiaodian/model';
import type { LiveRequestOptions, UncheckedBackend } from './backend.js';
import {
  buildUrl,
  checkGateway,
  errorFrom,
  shapeError,
  type Caller,
  type HttpBackendOptions,
  type Query,
} from './http-backend.js';
import type { TransportResponse } from './transport/transport.js';
import { lazyModule } from './lazy.js';

// Only a live stream parses SSE: a page that lists or searches never downloads the parser.
const sseParser = lazyModule(() => import('./live/sse-parser.js'), 'the SSE parser');

type Routes = Required<Omit<UncheckedBackend, 'getProducts' | 'now'>>;

/** The one field of a JSON object envelope (`{shop}`, `{live}`…); what it holds is checked by the client. */
function field(body: unknown, name: string, route: string): unknown {
  if (typeof body !== 'object' || body === null || !(name in body)) throw shapeError(route);
  return (body as Record<string, unknown>)[name];
}

/**
 * Every gateway route but products, loaded by the HTTP backend on first use. Answers are handed over as
 * the gateway sent them, unwrapped from their envelope: the client validates every one.
 */
export function createHttpRoutes(options: HttpBackendOptions, call: Caller): Routes {
  const pageQuery = (page: PageRequest): Query => ({ cursor: page.cursor, limit: page.limit });

  return {
    async getShop(appid, requestOptions = {}) {
      return field(await call('GET', `/v1/shops/${encodeURIComponent(appid)}`, {}, requestOptions), 'shop', 'shop');
    },

    listShopProducts(appid, page, requestOptions = {}) {
      return call('GET', `/v1/shops/${encodeURIComponent(appid)}/products`, pageQuery(page), requestOptions);
    },

    search(query: SearchQuery, requestOptions = {}) {
      return call(
        'GET',
        '/v1/search',
        {
          q: query.q,
          appid: query.appid,
          sort: query.sort,
          min_price: query.minPrice,
          max_price: query.maxPrice,
          guarantee: query.guarantees,
          category: query.category,
          in_stock: query.inStock ? 1 : undefined,
          ...pageQuery(query),
        },
        requestOptions,
      );
    },

    async suggest(prefix, requestOptions = {}) {
      const body = await call('GET', '/v1/search/suggest', { q: prefix }, requestOptions);
      return field(body, 'suggestions', 'suggest');
    },

    async getLive(finderUserName, requestOptions: LiveRequestOptions = {}) {
      const { onServerTime } = requestOptions;
      const body = await call(
        'GET',
        `/v1/lives/${encodeURIComponent(finderUserName)}`,
        {},
        requestOptions,
        undefined,
        onServerTime &&
          ((response) => {
            const time = serverTimeOf(response);
            if (time !== undefined) onServerTime(time);
          }),
      );
      return field(body, 'live', 'live');
    },

    liveEvents(finderUserName, eventOptions: LiveEventsOptions = {}) {
      return streamEvents(options, finderUserName, eventOptions);
    },

    async resolveLinks(links, requestOptions = {}) {
      const items = field(
        await call('POST', '/v1/resolve', { include: 'refs' }, requestOptions, { links }),
        'items',
        'resolve',
      );
      if (!Array.isArray(items)) throw shapeError('resolve');
      // The gateway answers per distinct link found; map them back to the links asked for, in order. Each
      // answer is checked by the article resolver, like any backend's.
      const bySource = new Map<unknown, unknown>(
        items.map((item: unknown) => [
          typeof item === 'object' && item !== null && 'source' in item ? item.source : undefined,
          item,
        ]),
      );
      return links.map(
        (link) =>
          bySource.get(link) ?? { ok: false, error: { code: 'not_found', message: `Nothing found for ${link}` } },
      );
    },
  };
}

/** Raw SSE events from the gateway, parsed as JSON; the subscription validates and applies them. */
async function* streamEvents(
  options: HttpBackendOptions,
  finderUserName: string,
  eventOptions: LiveEventsOptions,
): AsyncIterable<unknown> {
  const stream = options.transport.stream;
  if (!stream) throw new XiaodianError('offline', 'This transport cannot stream events');
  checkGateway(options.gateway);
  const signal = eventOptions.signal ?? new AbortController().signal;
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (eventOptions.lastEventId !== undefined) headers['last-event-id'] = eventOptions.lastEventId;
  const url = buildUrl(options.gateway, `/v1/lives/${encodeURIComponent(finderUserName)}/events`);
  const { response, chunks } = await stream.call(options.transport, { url, method: 'GET', headers, signal });
  if (response.status !== 200) throw await errorFrom(response, url);
  // The answer itself is the first sign of life; the gateway's heartbeats (comments) carry its clock.
  eventOptions.onHeartbeat?.({});
  const { SseParser } = await sseParser();
  const parser = new SseParser({
    onComment(text) {
      const heartbeat = readHeartbeat(text);
      if (heartbeat) eventOptions.onHeartbeat?.(heartbeat);
    },
  });
  for await (const chunk of chunks) {
    for (const message of parser.push(chunk)) {
      if (message.retry !== undefined) eventOptions.onRetry?.(message.retry);
      if (message.data === '') continue;
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        throw new XiaodianError('invalid_response', `An event of type ${message.event} was not JSON`);
      }
      yield data;
    }
  }
}

/**
 * The gateway's clock when it answered: `X-Server-Time` (unix ms, exact), else the standard `Date`
 * header, which has whole seconds only (rounded down, as a sample of the clock must never run ahead).
 */
function serverTimeOf(response: TransportResponse): number | undefined {
  const exact = Number(response.header('x-server-time'));
  if (Number.isFinite(exact) && exact > 0) return exact;
  const date = Date.parse(response.header('date') ?? '');
  return Number.isFinite(date) ? date : undefined;
}

/**
 * A gateway heartbeat comment, `heartbeat {"time":…,"intervalMs":…}`; a bare `heartbeat` (older gateways)
 * is a sign of life without a clock. Anything else in a comment is not ours and is ignored.
 */
function readHeartbeat(text: string): LiveHeartbeat | undefined {
  if (!text.startsWith('heartbeat')) return undefined;
  const heartbeat: LiveHeartbeat = {};
  try {
    // A bare heartbeat has nothing to parse, and `null` nothing to destructure: both throw, as junk does.
    const { time, intervalMs } = JSON.parse(text.slice('heartbeat'.length)) as Record<string, unknown>;
    // Number.isFinite is true of finite numbers only (it does not convert, as the global isFinite does).
    if (Number.isFinite(time)) heartbeat.time = time as number;
    if (typeof intervalMs === 'number' && intervalMs > 0) heartbeat.intervalMs = intervalMs;
  } catch {
    // A heartbeat whose fields cannot be read still says the connection is alive.
  }
  return heartbeat;
}
