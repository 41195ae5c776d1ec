import { XiaodianError } from '@xiaodian/model';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

function wrap(response: Response): TransportResponse {
  return {
    status: response.status,
    header: (name) => response.headers.get(name) ?? undefined,
    json: () => response.json().catch(() => undefined) as Promise<unknown>,
  };
}

async function send(doFetch: FetchLike, request: TransportRequest): Promise<Response> {
  try {
    return await doFetch(request.url, {
      method: request.method,
      headers: request.headers,
      signal: request.signal,
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
  } catch (cause) {
    if (request.signal.aborted) throw new XiaodianError('aborted', 'The request was aborted', { cause });
    throw new XiaodianError('offline', 'Could not reach the gateway', { cause });
  }
}

async function* noChunks(): AsyncIterable<string> {
  // An error response has no event stream; its body is read through `response.json()`.
}

/** `fetch` in browsers, Node 18+ and workers. Streaming uses the response body's ReadableStream. */
export function fetchTransport(fetchImpl?: FetchLike): Transport {
  const doFetch: FetchLike = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  return {
    async request(request) {
      return wrap(await send(doFetch, request));
    },
    async stream(request) {
      const response = await send(doFetch, request);
      const wrapped = wrap(response);
      if (!response.body || response.status !== 200) return { response: wrapped, chunks: noChunks() };
      // Loaded on first use: pages without live widgets never download it.
      const { textChunks } = await import('./text-chunks.js');
      return { response: wrapped, chunks: textChunks(response.body, request.signal) };
    },
  };
}
