import { z } from 'zod/mini';
import { count } from './domain/common.js';
import { suggestionKinds } from './domain/search.js';
import { errorCodes } from './errors.js';

/** Refs per `GET /v1/products` request; more is a 400, so clients split above it. */
export const maxRefsPerRequest = 50;
/** Links or HTML bytes per `POST /v1/resolve`. */
export const maxResolveLinks = 200;
export const maxResolveBodyBytes = 512 * 1024;

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

/** `GET /v1/shops/{appid}` → `{shop}`; the shop is checked with `shopSchema`. */
export const shopResponseSchema = z.object({ shop: z.unknown() });

/**
 * `GET /v1/shops/{appid}/products` and `GET /v1/search` → a page whose items are checked one by one
 * with `productSchema`.
 */
export const productPageResponseSchema = z.object({
  items: z.array(z.unknown()),
  total: count,
  nextCursor: z.optional(z.string()),
});

/** `GET /v1/search/suggest?q=` → `{suggestions: [{text, kind}]}`. */
export const suggestResponseSchema = z.object({
  suggestions: z.array(z.object({ text: z.string(), kind: z.enum(suggestionKinds) })),
});

/** `GET /v1/lives/{finder_user_name}` → `{live}`; the room is checked with `liveRoomSchema`. */
export const liveResponseSchema = z.object({ live: z.unknown() });

/**
 * `POST /v1/resolve` with `{html}` or `{links}` (JSON) → one item per distinct reference found, in
 * document order: `{source, ok: true, ref, product? | shop? | live?}` or `{source, ok: false, error}`.
 */
export const resolveRequestSchema = z.object({
  html: z.optional(z.string()),
  links: z.optional(z.array(z.string())),
});
export const resolveResponseSchema = z.object({
  items: z.array(z.looseObject({ source: z.string(), ok: z.boolean() })),
});

/** `GET /healthz`. */
export const healthResponseSchema = z.looseObject({ status: z.literal('ok') });
