import type { Product } from './domain/product.js';
import type { ErrorBody } from './errors.js';
import type { ProductRef } from './refs.js';

/** One ref's answer: its product or its own error. One bad ref never fails the others. */
export type ProductResult = { ok: true; product: Product } | { ok: false; error: ErrorBody };

export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * What a source of storefront data must do. The demo catalog and the WeChat backend implement it; the
 * gateway serves any implementation over HTTP and the client can call one in-process.
 */
export interface StorefrontBackend {
  /** Answers every ref, in order. */
  getProducts(refs: readonly ProductRef[], options?: RequestOptions): Promise<ProductResult[]>;
}
