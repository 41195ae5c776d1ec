import {
  XiaodianError,
  errorResponseSchema,
  formatProductRef,
  productsResponseSchema,
  type ProductRef,
  type ProductResult,
  type RequestOptions,
  type ProductSource,
} from '@xiaodian/model';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpBackendOptions {
  /** The gateway's base URL, e.g. `https://shop.example.com` or `/` for the same origin. */
  gateway: string;
  fetch?: FetchLike;
}

function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

async function readError(response: Response): Promise<XiaodianError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = errorResponseSchema.safeParse(body);
  if (parsed.success) return XiaodianError.from(parsed.data.error);
  const code = response.status === 429 ? 'rate_limited' : response.status === 504 ? 'timeout' : 'upstream';
  return new XiaodianError(code, `Gateway answered HTTP ${response.status}`);
}

/** A `ProductSource` that talks to a Xiaodian gateway over HTTP. Items are returned unvalidated. */
export function createHttpBackend(options: HttpBackendOptions): ProductSource {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    async getProducts(refs: readonly ProductRef[], requestOptions: RequestOptions = {}): Promise<ProductResult[]> {
      const query = refs.map((ref) => encodeURIComponent(formatProductRef(ref))).join(',');
      let response: Response;
      try {
        response = await doFetch(joinUrl(options.gateway, `/v1/products?refs=${query}`), {
          headers: { accept: 'application/json' },
          ...(requestOptions.signal ? { signal: requestOptions.signal } : {}),
        });
      } catch (cause) {
        if (requestOptions.signal?.aborted) throw new XiaodianError('aborted', 'The request was aborted', { cause });
        throw new XiaodianError('offline', 'Could not reach the gateway', { cause });
      }
      if (!response.ok) throw await readError(response);
      const parsed = productsResponseSchema.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success || parsed.data.items.length !== refs.length) {
        throw new XiaodianError('invalid_response', 'The gateway sent a products response of the wrong shape');
      }
      // Each item is validated by the client on its own, so a bad one cannot fail its neighbours.
      return parsed.data.items as unknown as ProductResult[];
    },
  };
}
