import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as resourceValidators from '../../packages/client/src/generated/resource-validators.js';
import * as searchValidators from '../../packages/client/src/generated/search-validators.js';
import { createDemoBackend, seededRandom } from '@xiaodian/demo';
import {
  liveEventSchema,
  liveRoomSchema,
  productPageResponseSchema,
  searchPageResponseSchema,
  shopSchema,
  suggestResponseSchema,
  type LiveRoom,
} from '@xiaodian/model';
import { mutate, type Json } from './payload-mutations.js';

/**
 * Shops, pages, suggestions, live rooms and live events are checked in the browser by validators compiled
 * from the zod schemas (scripts/generate-validators.mjs), as products are. They must agree with zod on
 * every payload: the demo's own data, and thousands of seeded mutations of it.
 */
type Validator = (data: unknown) => boolean;
const compiled = { ...resourceValidators, ...searchValidators };

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
  'live',
  'status',
  'snapshot',
];

interface SafeParser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false };
}

function agree(name: string, validator: Validator, schema: SafeParser, samples: readonly unknown[], seed: number) {
  it(`${name}: accepts every sample as zod does, and agrees with zod on 2,000 mutations`, () => {
    for (const sample of samples) {
      const copy = structuredClone(sample);
      const byZod = schema.safeParse(structuredClone(sample));
      assert.equal(byZod.success, true, `${name} sample rejected by zod`);
      assert.equal(validator(copy), true, `${name} sample rejected by the compiled check`);
      if (byZod.success) assert.deepEqual(copy, byZod.data);
    }
    const random = seededRandom(seed);
    let rejected = 0;
    for (let i = 0; i < 2000; i += 1) {
      const payload = structuredClone(samples[i % samples.length]) as Json;
      for (let n = 1 + Math.floor(random() * 2); n > 0; n -= 1) mutate(payload, random, replacements);
      const byZod = schema.safeParse(structuredClone(payload));
      const copy = structuredClone(payload);
      assert.equal(validator(copy), byZod.success, `${name} payload ${i}: ${JSON.stringify(payload).slice(0, 300)}`);
      if (byZod.success) assert.deepEqual(copy, byZod.data, `${name} payload ${i} output`);
      else rejected += 1;
    }
    // Mutations must exercise rejection, or the agreement proves nothing.
    assert.ok(rejected > 400, `${name}: only ${rejected} of 2000 mutated payloads were invalid`);
  });
}

const demo = createDemoBackend();
const rooms: LiveRoom[] = await Promise.all(demo.liveRooms.map((name) => demo.getLive(name)));
const page = await demo.search({ q: '茶', limit: 3 });
const suggestions = await demo.suggest('茶');
const room = rooms.find((r) => r.bag.length > 0)!;
const item = room.bag[0]!;
const events = [
  { id: '1', at: 1, type: 'snapshot', room },
  { id: '2', at: 2, type: 'status', status: 'live', statusCode: 2, replay: 'none' },
  { id: '3', at: 3, type: 'viewers', viewers: 10 },
  { id: '4', at: 4, type: 'heat', heat: 100 },
  { id: '5', at: 5, type: 'pin', productId: null },
  { id: '6', at: 6, type: 'stock', productId: item.productId, stock: 3 },
  { id: '7', at: 7, type: 'price', productId: item.productId, price: 990, originalPrice: 1990, flashSaleEndsAt: 99 },
  { id: '8', at: 8, type: 'product_added', item },
  { id: '9', at: 9, type: 'product_removed', productId: item.productId },
];

describe('compiled resource validators', () => {
  agree('shop', compiled.validateShop as Validator, shopSchema, demo.shops, 11);
  agree(
    'page',
    compiled.validateProductPage as Validator,
    productPageResponseSchema,
    [page, { ...page, nextCursor: 'c2' }],
    12,
  );
  agree(
    'search page',
    compiled.validateSearchPage as Validator,
    searchPageResponseSchema,
    [
      page,
      { ...page, nextCursor: 'c2' },
      {
        items: [],
        total: 0,
        hits: [],
        facets: { category: [], shop: [], guarantee: [], price: [] },
        didYouMean: '茶叶',
      },
    ],
    16,
  );
  agree('suggestions', compiled.validateSuggestResponse as Validator, suggestResponseSchema, [{ suggestions }], 13);
  agree('live room', compiled.validateLiveRoom as Validator, liveRoomSchema, rooms, 14);
  agree('live event', compiled.validateLiveEvent as Validator, liveEventSchema, events, 15);
});
