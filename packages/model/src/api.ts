import { z } from 'zod/mini';
import { errorCodes } from './errors.js';

export const errorBodySchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  upstream: z.optional(z.object({ errcode: z.number(), errmsg: z.string(), rid: z.optional(z.string()) })),
});

/** `{ "error": {...} }`, the body of every gateway error response. */
export const errorResponseSchema = z.object({ error: errorBodySchema });

/**
 * `GET /v1/products`: one entry per ref, in order, each `{ref, ok: true, product}` or
 * `{ref, ok: false, error}`. Items are checked one by one by the client, so the envelope accepts any
 * item and a malformed one fails alone.
 */
export const productsResponseSchema = z.object({
  items: z.array(z.looseObject({ ref: z.string(), ok: z.boolean() })),
});
export type ProductsResponse = z.output<typeof productsResponseSchema>;
