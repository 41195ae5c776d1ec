import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isProduct } from '@xiaodian/client';
import { createDemoBackend, seededRandom } from '@xiaodian/demo';
import { productSchema } from '@xiaodian/model';
import { mutate, type Json } from './payload-mutations.js';

/**
 * The browser checks products with validators compiled from the zod schema (scripts/generate-validators.mjs).
 * They must agree with zod on every payload: the catalog as is, and thousands of seeded mutations of it.
 */

const replacements: unknown[] = [
  undefined,
  null,
  'x',
  '',
  -1,
  0,
  1.5,
  2 ** 60,
  Number.NaN,
  true,
  [],
  {},
  ['x'],
  'sold_out',
  'confetti',
];

describe('compiled product validator', () => {
  const products = createDemoBackend().products;

  it('accepts every demo product, with the same output as zod', () => {
    for (const product of products) {
      const copy = structuredClone(product);
      assert.equal(isProduct(copy), true, product.productId);
      assert.deepEqual(copy, productSchema.parse(structuredClone(product)));
    }
  });

  it('agrees with zod on 5,000 mutated payloads, including unknown keys it strips the same way', () => {
    const random = seededRandom(20261124);
    let rejected = 0;
    for (let i = 0; i < 5000; i += 1) {
      const payload = structuredClone(products[i % products.length]!) as unknown as Json;
      for (let n = 1 + Math.floor(random() * 2); n > 0; n -= 1) mutate(payload, random, replacements);
      const byZod = productSchema.safeParse(structuredClone(payload));
      const compiled = structuredClone(payload);
      const byCompiled = isProduct(compiled);
      assert.equal(byCompiled, byZod.success, `payload ${i}: ${JSON.stringify(payload).slice(0, 300)}`);
      if (byZod.success) assert.deepEqual(compiled, byZod.data, `payload ${i} output`);
      else rejected += 1;
    }
    // The mutations must actually exercise rejection, or the agreement above proves nothing.
    assert.ok(rejected > 2000, `only ${rejected} of 5000 mutated payloads were invalid`);
  });
});
