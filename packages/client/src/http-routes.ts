import {
  XiaodianError,
  liveResponseSchema,
  productPageResponseSchema,
  resolveResponseSchema,
  shopResponseSchema,
  suggestResponseSchema,
  type ArticleRef,
  type ErrorBody,
  type LinkResolution,
  type LiveEvent,
  type LiveEventsOptions,
  type LiveRoom,
  type Page,
  type PageRequest,
  type Product,
  type SearchQuery,
  type Shop,
  type StorefrontBackend,
  type Suggestion,
} from '@xiaodian/model';
import { buildUrl, errorFrom, shapeError, type Caller, type HttpBackendOptions, type Query } from './http-backend.js';
import { SseParser } from './live/sse-parser.js';

/** Every gateway route but products, loaded by the HTTP backend on first use. */
export function createHttpRoutes(options: HttpBackendOptions, call: Caller): Omit<StorefrontBackend, 'getProducts'> {
  const pageQuery = (page: PageRequest): Query => ({ cursor: page.cursor, limit: page.limit });

  async function readPage(promise: Promise<unknown>, route: string): Promise<Page<Product>> {
    const parsed = productPageResponseSchema.safeParse(await promise);
    if (!parsed.success) throw shapeError(route);
    return parsed.data as Page<Product>;
  }

  return {
    async getShop(appid, requestOptions = {}): Promise<Shop> {
      const parsed = shopResponseSchema.safeParse(
        await call('GET', `/v1/shops/${encodeURIComponent(appid)}`, {}, requestOptions),
      );
      if (!parsed.success) throw shapeError('shop');
      return parsed.data.shop as Shop;
    },

    listShopProducts(appid, page, requestOptions = {}) {
      return readPage(
        call('GET', `/v1/shops/${encodeURIComponent(appid)}/products`, pageQuery(page), requestOptions),
        'shop products',
      );
    },

    search(query: SearchQuery, requestOptions = {}) {
      return readPage(
        call(
          'GET',
          '/v1/search',
          {
            q: query.q,
            appid: query.appid,
            sort: query.sort,
            min_price: query.minPrice,
            max_price: query.maxPrice,
            guarantee: query.guarantees,
            ...pageQuery(query),
          },
          requestOptions,
        ),
        'search',
      );
    },

    async suggest(prefix, requestOptions = {}): Promise<Suggestion[]> {
      const parsed = suggestResponseSchema.safeParse(
        await call('GET', '/v1/search/suggest', { q: prefix }, requestOptions),
      );
      if (!parsed.success) throw shapeError('suggest');
      return parsed.data.suggestions;
    },

    async getLive(finderUserName, requestOptions = {}): Promise<LiveRoom> {
      const parsed = liveResponseSchema.safeParse(
        await call('GET', `/v1/lives/${encodeURIComponent(finderUserName)}`, {}, requestOptions),
      );
      if (!parsed.success) throw shapeError('live');
      return parsed.data.live as LiveRoom;
    },

    liveEvents(finderUserName, eventOptions: LiveEventsOptions = {}): AsyncIterable<LiveEvent> {
      return streamEvents(options, finderUserName, eventOptions);
    },

    async resolveLinks(links, requestOptions = {}): Promise<LinkResolution[]> {
      const parsed = resolveResponseSchema.safeParse(
        await call('POST', '/v1/resolve', { include: 'refs' }, requestOptions, { links }),
      );
      if (!parsed.success) throw shapeError('resolve');
      // The gateway answers per distinct link found; map them back to the links asked for, in order.
      const bySource = new Map(parsed.data.items.map((item) => [item.source, item]));
      return links.map((link): LinkResolution => {
        const item = bySource.get(link) as { ok: boolean; ref?: unknown; error?: unknown } | undefined;
        // Shapes are checked by the client, which validates every ref and error it is given.
        if (item?.ok && item.ref) return { ok: true, ref: item.ref as ArticleRef };
        if (item && !item.ok && item.error) return { ok: false, error: item.error as ErrorBody };
        return { ok: false, error: { code: 'not_found', message: `Nothing found for ${link}` } };
      });
    },
  };
}

/** Raw SSE events from the gateway; the subscription validates and applies them. */
async function* streamEvents(
  options: HttpBackendOptions,
  finderUserName: string,
  eventOptions: LiveEventsOptions,
): AsyncIterable<LiveEvent> {
  const stream = options.transport.stream;
  if (!stream) throw new XiaodianError('offline', 'This transport cannot stream events');
  const signal = eventOptions.signal ?? new AbortController().signal;
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (eventOptions.lastEventId !== undefined) headers['last-event-id'] = eventOptions.lastEventId;
  const { response, chunks } = await stream.call(options.transport, {
    url: buildUrl(options.gateway, `/v1/lives/${encodeURIComponent(finderUserName)}/events`),
    method: 'GET',
    headers,
    signal,
  });
  if (response.status !== 200) throw await errorFrom(response);
  const parser = new SseParser();
  for await (const chunk of chunks) {
    for (const message of parser.push(chunk)) {
      if (message.data === '') continue;
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        throw new XiaodianError('invalid_response', `An event of type ${message.event} was not JSON`);
      }
      yield data as LiveEvent;
    }
  }
}
