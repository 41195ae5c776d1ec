import {
  XiaodianError,
  formatProductRef,
  type ProductRef,
  type ProductResult,
  type RequestOptions,
  type StorefrontBackend,
} from '@xiaodian/model';
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

export async function errorFrom(response: TransportResponse): Promise<XiaodianError> {
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
  const code =
    response.status === 429
      ? 'rate_limited'
      : response.status === 504
        ? 'timeout'
        : response.status === 404
          ? 'not_found'
          : response.status === 400
            ? 'bad_request'
            : 'upstream';
  return new XiaodianError(code, `Gateway answered HTTP ${response.status}`, options);
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
  ): Promise<unknown> {
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
    if (response.status < 200 || response.status >= 300) throw await errorFrom(response);
    return response.json();
  };
}

/**
 * A `StorefrontBackend` that talks to a Xiaodian gateway over any transport. Items are returned
 * unvalidated: the client checks each one on its own, so a bad item cannot fail its neighbours.
 */
export function createHttpBackend(options: HttpBackendOptions): StorefrontBackend {
  const call = createCaller(options);
  let loaded: Promise<Omit<StorefrontBackend, 'getProducts'>> | undefined;
  const routes = () => (loaded ??= import('./http-routes.js').then((module) => module.createHttpRoutes(options, call)));

  return {
    async getProducts(refs: readonly ProductRef[], requestOptions = {}): Promise<ProductResult[]> {
      const body = await call('GET', '/v1/products', { refs: refs.map(formatProductRef).join(',') }, requestOptions);
      if (!isProductsResponse(body) || body.items.length !== refs.length) throw shapeError('products');
      // Each item is checked by the client on its own.
      return body.items as unknown as ProductResult[];
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
