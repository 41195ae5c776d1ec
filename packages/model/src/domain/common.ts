import { z } from 'zod/mini';

// Integer rules use `z.int()` and `z.gte()`, not refinements, so they survive conversion to JSON Schema.

/** A count: a non-negative safe integer. */
export const count = z.int('expected an integer count').check(z.gte(0, 'expected a non-negative count'));

/** A point in time as unix milliseconds (WeChat's unix seconds are converted at the edge). */
export const timestamp = z.int('expected unix ms').check(z.gte(0, 'expected unix ms'));

/** A page of a longer list. `nextCursor` is opaque; it is absent on the last page. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor?: string;
}

export interface PageRequest {
  cursor?: string;
  /** 1 to `maxPageSize`; `defaultPageSize` when absent. */
  limit?: number;
}

export const defaultPageSize = 20;
export const maxPageSize = 50;

/** Envelope of a page as the gateway sends it; items are checked one by one by the client. */
export const pageEnvelopeSchema = z.object({
  items: z.array(z.unknown()),
  total: count,
  nextCursor: z.optional(z.string()),
});
