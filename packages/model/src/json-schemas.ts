import { z } from 'zod/mini';
import { errorBodySchema, productsResponseSchema } from './api.js';
import { productPageResponseSchema, searchPageResponseSchema, suggestResponseSchema } from './api-resources.js';
import { liveEventSchema, liveRoomSchema } from './domain/live.js';
import { productSchema } from './domain/product.js';
import { shopSchema } from './domain/shop.js';

function convert(schema: z.ZodMiniType): Record<string, unknown> {
  const json: Record<string, unknown> = { ...z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'throw' }) };
  // The dialect is the compiler's choice (draft-07), not part of the shape.
  delete json['$schema'];
  return json;
}

/**
 * A discriminated union as Ajv's `discriminator` keyword reads it: only the branch named by the tag is
 * checked. Without it, trying each branch in turn would strip (`removeAdditional`) the fields that belong
 * to the branch that matches.
 */
function discriminated(json: Record<string, unknown>, propertyName: string): Record<string, unknown> {
  const branches = json['oneOf'] ?? json['anyOf'];
  if (!Array.isArray(branches)) throw new Error('Expected a union of object schemas');
  const rest = { ...json };
  delete rest['anyOf'];
  delete rest['oneOf'];
  return {
    ...rest,
    type: 'object',
    properties: { [propertyName]: { type: 'string' } },
    required: [propertyName],
    discriminator: { propertyName },
    oneOf: branches,
  };
}

export const browserSchemaNames = [
  'product',
  'errorBody',
  'productsResponse',
  'shop',
  'productPage',
  'searchPage',
  'suggestResponse',
  'liveRoom',
  'liveEvent',
] as const;
export type BrowserSchemaName = (typeof browserSchemaNames)[number];

/**
 * The schemas the browser validates, as JSON Schema (draft-07), converted from the zod schemas that stay
 * the single source of truth. The client's build compiles them into small standalone validators
 * (scripts/generate-validators.mjs), so no page carries zod's runtime whichever bundler builds it; a test
 * checks that both accept and reject the same payloads.
 */
export function browserJsonSchemas(): Record<BrowserSchemaName, Record<string, unknown>> {
  return {
    product: convert(productSchema),
    errorBody: convert(errorBodySchema),
    productsResponse: convert(productsResponseSchema),
    shop: convert(shopSchema),
    productPage: convert(productPageResponseSchema),
    searchPage: convert(searchPageResponseSchema),
    suggestResponse: convert(suggestResponseSchema),
    liveRoom: convert(liveRoomSchema),
    liveEvent: discriminated(convert(liveEventSchema), 'type'),
  };
}
