import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isProduct } from '@xiaodian/client';
import { createDemoBackend, seededRandom } from '@xiaodian/demo';
import { productSchema } from '@xiaodian/model';

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

type Json = Record<string, unknown> | unknown[];

/** Replaces one randomly chosen value anywhere in the payload (or adds an unknown key). */
function mutate(payload: Json, random: () => number): void {
  let node: Json = payload;
  for (let depth = 0; depth < 4; depth += 1) {
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[Math.floor(random() * keys.length)]!;
    const child = (node as Record<string | number, unknown>)[key];
    const descend = typeof child === 'object' && child !== null && random() < 0.5;
    if (descend) {
      node = child as Json;
      continue;
    }
    if (!Array.isArray(node) && random() < 0.1) {
      node['extraField'] = 'kept out';
      return;
    }
    // A copy: the shared [] and {} must never become part of a payload and be mutated later.
    const value = structuredClone(replacements[Math.floor(random() * replacements.length)]);
    if (value === undefined && !Array.isArray(node)) delete node[key as string];
    else (node as Record<string | number, unknown>)[key] = value;
    return;
  }
}

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
      for (let n = 1 + Math.floor(random() * 2); n > 0; n -= 1) mutate(payload, random);
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
