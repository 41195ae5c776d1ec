import {
  XiaodianError,
  errorBodySchema,
  formatProductRef,
  maxRefsPerRequest,
  productSchema,
  type Product,
  type ProductRef,
  type ProductSource,
} from '@xiaodian/model';
import { createBatcher } from './batcher.js';
import { createHttpBackend, type FetchLike } from './http-backend.js';

export type ClientOptions =
  | { gateway: string; fetch?: FetchLike }
  /** In-process, no HTTP: for Storybook, tests and server-side rendering. */
  | { backend: ProductSource };

export interface ClientStats {
  /** Calls made to the backend (HTTP requests, for a gateway client). */
  requests: number;
  /** Refs asked for by callers. */
  asks: number;
}

export interface XiaodianClient {
  /** Resolves one product. Asks made in the same tick share one request. */
  getProduct(ref: ProductRef): Promise<Product>;
  readonly stats: Readonly<ClientStats>;
}

/** Checks one backend item against the schema: a malformed item becomes that ref's own error. */
function validateItem(item: unknown, ref: ProductRef): Product {
  if (typeof item === 'object' && item !== null && 'ok' in item) {
    if (item.ok === true && 'product' in item) {
      const parsed = productSchema.safeParse(item.product);
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0];
      throw new XiaodianError(
        'invalid_response',
        `Product ${formatProductRef(ref)} failed validation${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}`,
      );
    }
    if (item.ok === false && 'error' in item) {
      const parsed = errorBodySchema.safeParse(item.error);
      if (parsed.success) throw XiaodianError.from(parsed.data);
    }
  }
  throw new XiaodianError('invalid_response', `Malformed result for ${formatProductRef(ref)}`);
}

export function createClient(options: ClientOptions): XiaodianClient {
  const backend = 'backend' in options ? options.backend : createHttpBackend(options);
  const stats: ClientStats = { requests: 0, asks: 0 };

  const products = createBatcher<ProductRef, Product>({
    keyOf: formatProductRef,
    maxBatchSize: maxRefsPerRequest,
    async run(refs) {
      stats.requests += 1;
      let items: unknown[];
      try {
        items = await backend.getProducts(refs);
      } catch (error) {
        // Callers only ever see XiaodianError, whatever an in-process backend throws.
        throw error instanceof XiaodianError
          ? error
          : new XiaodianError(
              'upstream',
              `The backend failed: ${error instanceof Error ? error.message : String(error)}`,
              {
                cause: error,
              },
            );
      }
      return refs.map((ref, i) => {
        try {
          return { status: 'fulfilled', value: validateItem(items[i], ref) } as const;
        } catch (reason) {
          return { status: 'rejected', reason } as const;
        }
      });
    },
  });

  return {
    stats,
    getProduct(ref) {
      stats.asks += 1;
      return products.load(ref);
    },
  };
}
