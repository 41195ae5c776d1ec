import { z } from 'zod/mini';
import { count } from './domain/common.js';
import { guarantees } from './domain/product.js';
import { matchKinds, suggestionKinds } from './domain/search.js';

// Response envelopes of every route but products, apart from api.ts so product cards never carry them.

/** Links or HTML bytes per `POST /v1/resolve`. */
export const maxResolveLinks = 200;
export const maxResolveBodyBytes = 512 * 1024;

/** `GET /v1/shops/{appid}` → `{shop}`; the shop is checked with `shopSchema`. */
export const shopResponseSchema = z.object({ shop: z.unknown() });

/**
 * `GET /v1/shops/{appid}/products` → a page whose items are checked one by one
 * with `productSchema`.
 */
export const productPageResponseSchema = z.object({
  items: z.array(z.unknown()),
  total: count,
  nextCursor: z.optional(z.string()),
});

/** A highlighted span of a title: `[start, end)` in UTF-16 offsets. */
const matchRangeSchema = z.tuple([count, count]);

/** Facet counts of a search: what each filter value would leave, the other filters applied. */
export const searchFacetsSchema = z.object({
  category: z.array(z.object({ value: z.string(), count })),
  shop: z.array(z.object({ value: z.string(), name: z.string(), count })),
  guarantee: z.array(z.object({ value: z.enum(guarantees), count })),
  price: z.array(z.object({ min: count, max: z.optional(count), count })),
});

/**
 * `GET /v1/search` → a page of products (checked one by one with `productSchema`), with per-item match
 * info (`hits[i]` belongs to `items[i]`), facet counts and, for a query without hits, a did-you-mean.
 */
export const searchPageResponseSchema = z.object({
  items: z.array(z.unknown()),
  total: count,
  nextCursor: z.optional(z.string()),
  hits: z.array(z.object({ kind: z.enum(matchKinds), titleRanges: z.array(matchRangeSchema) })),
  facets: searchFacetsSchema,
  didYouMean: z.optional(z.string()),
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
  /** With `links`: the shop a product id pasted alone belongs to (the embed builder's shop picker). */
  appid: z.optional(z.string()),
});
export const resolveResponseSchema = z.object({
  items: z.array(z.looseObject({ source: z.string(), ok: z.boolean() })),
});

/** `GET /healthz`. */
export const healthResponseSchema = z.looseObject({ status: z.literal('ok') });
