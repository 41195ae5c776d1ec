import { XiaodianError, formatProductRef, type RequestOptions } from '@xiaodian/model';
import type { UncheckedBackend } from './backend.js';
import { lazyModule } from './lazy.js';
import { isErrorBody, isProductsResponse } from './validate.js';
import type { Transport, TransportRequest, TransportResponse } from './transport/transport.js';

export interface HttpBackendOptions {
  /** The gateway's base URL, e.g. `https://shop.example.com`. */
  gateway: string;
  transport: Transport;
}

export type Query = Record<string, string | number | readonly string[] | undefined>;

export function buildUrl(base: string, path: string, query: Query = {}): string {
  const params: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [String(value)];
    for (const item of values) params.push(`${encodeURIComponent(key)}=${encodeURIComponent(item)}`);
  }
  return base.replace(/\/+$/, '') + path + (params.length ? `?${params.join('&')}` : '');
}

/** `Retry-After` is seconds or an HTTP date. */
function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const retryableStatuses = new Set([429, 502, 503, 504]);

/**
 * What a gateway's error answer means. Only the API's own JSON error body speaks for the API: a `not_found`
 * comes from there and nowhere else. Without one, the status is the server's (or a proxy's): 429 and 5xx
 * are service trouble; any other status (a page's 404, a 401 or 405 from something that is not a gateway)
 * means the URL does not speak the Xiaodian API, which is a setup problem, `misconfigured`.
 */
export async function errorFrom(response: TransportResponse, url: string): Promise<XiaodianError> {
  const body = await response.json();
  const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
  const retryAfter = retryAfterMs(response.header('retry-after'));
  const options = {
    retryable: retryableStatuses.has(response.status),
    ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
  };
  if (isErrorBody(error)) {
    return new XiaodianError(error.code, error.message, {
      ...options,
      ...(error.upstream ? { upstream: error.upstream } : {}),
    });
  }
  const status = response.status;
  const code = status === 429 ? 'rate_limited' : status === 504 ? 'timeout' : status >= 500 ? 'upstream' : undefined;
  return code
    ? new XiaodianError(code, `Gateway answered HTTP ${status}`, options)
    : notTheApi(url, `answered HTTP ${status} without the API's JSON error`);
}

/** The one message for a gateway URL that is not a Xiaodian gateway: what a developer needs to fix it. */
function notTheApi(url: string, what: string): XiaodianError {
  return new XiaodianError(
    'misconfigured',
    `${url} ${what}: it does not speak the Xiaodian API. Check the gateway URL.`,
  );
}

/** The gateway as a URL, or undefined when it is not an absolute http(s) URL (and so cannot be a gateway). */
function gatewayUrl(gateway: string): URL | undefined {
  try {
    const url = new URL(gateway);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    // Not a URL at all.
  }
  return undefined;
}

/** The gateway as persisted entries name their source: scheme, host, port and path, without a trailing slash. */
export function gatewayNamespace(gateway: string): string {
  const url = gatewayUrl(gateway);
  return url ? url.origin + url.pathname.replace(/\/+$/, '') : gateway;
}

/** Throws `misconfigured` when the gateway URL cannot be used at all. */
export function checkGateway(gateway: string): void {
  if (!gatewayUrl(gateway)) throw notTheApi(`The gateway "${gateway}"`, 'is not an absolute http(s) URL');
}

export function shapeError(route: string): XiaodianError {
  return new XiaodianError('invalid_response', `The gateway sent a ${route} response of the wrong shape`);
}

export type Caller = (
  method: 'GET' | 'POST',
  path: string,
  query: Query,
  requestOptions: RequestOptions,
  body?: unknown,
  /** Sees the answer's headers before its body is read (the live route's server clock). */
  onResponse?: (response: TransportResponse) => void,
) => Promise<unknown>;

/** Sends one request and reads its JSON, turning non-2xx answers into `XiaodianError`s. */
export function createCaller(options: HttpBackendOptions): Caller {
  const { transport } = options;
  return async function call(
    method: 'GET' | 'POST',
    path: string,
    query: Query,
    requestOptions: RequestOptions,
    body?: unknown,
    onResponse?: (response: TransportResponse) => void,
  ): Promise<unknown> {
    checkGateway(options.gateway);
    const request: TransportRequest = {
      url: buildUrl(options.gateway, path, query),
      method,
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      signal: requestOptions.signal ?? new AbortController().signal,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    };
    const response = await transport.request(request);
    if (response.status < 200 || response.status >= 300) throw await errorFrom(response, request.url);
    onResponse?.(response);
    const json = await response.json();
    // A 2xx that is not JSON at all (an HTML fallback page): not a gateway. JSON of the wrong shape is
    // `invalid_response`, found by the checks that follow.
    if (json === undefined) throw notTheApi(request.url, 'answered without JSON');
    return json;
  };
}

/**
 * A backend that talks to a Xiaodian gateway over any transport. Answers are handed over as the gateway
 * sent them: the client checks each item on its own, so a bad item cannot fail its neighbours.
 */
export function createHttpBackend(options: HttpBackendOptions): UncheckedBackend {
  const call = createCaller(options);
  const routes = lazyModule(
    () => import('./http-routes.js').then((module) => module.createHttpRoutes(options, call)),
    "the client's HTTP routes",
  );

  return {
    async getProducts(refs, requestOptions = {}): Promise<readonly unknown[]> {
      const body = await call('GET', '/v1/products', { refs: refs.map(formatProductRef).join(',') }, requestOptions);
      if (!isProductsResponse(body) || body.items.length !== refs.length) throw shapeError('products');
      return body.items;
    },

    // The other routes load on first use: product cards never download them.
    getShop: async (...args) => (await routes()).getShop(...args),
    listShopProducts: async (...args) => (await routes()).listShopProducts(...args),
    search: async (...args) => (await routes()).search(...args),
    suggest: async (...args) => (await routes()).suggest(...args),
    getLive: async (...args) => (await routes()).getLive(...args),
    resolveLinks: async (...args) => (await routes()).resolveLinks(...args),
    async *liveEvents(...args) {
      yield* (await routes()).liveEvents(...args);
    },
  };
}
