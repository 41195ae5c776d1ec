import { z } from 'zod/mini';
import { errorBodySchema, productsResponseSchema } from './api.js';
import { productSchema } from './domain/product.js';

function convert(schema: z.ZodMiniType): Record<string, unknown> {
  const json: Record<string, unknown> = { ...z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'throw' }) };
  // The dialect is the compiler's choice (draft-07), not part of the shape.
  delete json['$schema'];
  return json;
}

/**
 * The schemas the browser validates on every page, as JSON Schema (draft-07), converted from the
 * zod schemas that stay the single source of truth. The client's build compiles them into small
 * standalone validators (scripts/generate-validators.mjs), so a page of product cards does not carry
 * zod's runtime; a test checks that both accept and reject the same payloads.
 */
export function browserJsonSchemas(): Record<'product' | 'errorBody' | 'productsResponse', Record<string, unknown>> {
  return {
    product: convert(productSchema),
    errorBody: convert(errorBodySchema),
    productsResponse: convert(productsResponseSchema),
  };
}
