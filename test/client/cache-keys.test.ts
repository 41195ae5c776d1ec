import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import type { SearchQuery } from '@xiaodian/model';

/** The demo backend, counting the search calls that reach it. */
function countingSearch() {
  const demo = createDemoBackend();
  const asked: SearchQuery[] = [];
  const client = createClient({
    backend: {
      getProducts: (refs, options) => demo.getProducts(refs, options),
      search(query, options) {
        asked.push(query);
        return demo.search(query, options);
      },
    },
  });
  return { client, asked };
}

describe('canonical cache keys', () => {
  it('answers the same search written with its fields in another order from the cache', async () => {
    const { client, asked } = countingSearch();
    const first = await client.search({ q: '防晒', sort: 'sales', minPrice: 100, limit: 5 });
    const second = await client.search({ limit: 5, minPrice: 100, sort: 'sales', q: '防晒' });
    assert.equal(asked.length, 1);
    assert.deepEqual(second, first);
  });

  it('treats undefined fields, and guarantees in any order or repeated, as the same search', async () => {
    const { client, asked } = countingSearch();
    await client.search({ q: '茶', guarantees: ['seven_day_return', 'free_shipping'] });
    await client.search({
      q: '茶',
      appid: undefined,
      guarantees: ['free_shipping', 'seven_day_return', 'free_shipping'],
    });
    assert.equal(asked.length, 1);
  });

  it('still tells different searches apart', async () => {
    const { client, asked } = countingSearch();
    await client.search({ q: '茶', sort: 'sales' });
    await client.search({ q: '茶', sort: 'price_asc' });
    await client.search({ q: '茶', guarantees: ['free_shipping'] });
    assert.equal(asked.length, 3);
  });

  // Mutation (keys.ts, found by `npm run mutation -- client`): every list written as the same key (`[…]` → '')
  // survived, since each search above differs in something besides its list.
  it('tells two searches apart that differ only in their guarantees', async () => {
    const { client, asked } = countingSearch();
    const freeShipping = await client.search({ q: '茶', guarantees: ['free_shipping'] });
    const sevenDayReturn = await client.search({ q: '茶', guarantees: ['seven_day_return'] });
    assert.equal(asked.length, 2);
    assert.deepEqual(
      asked.map((query) => query.guarantees),
      [['free_shipping'], ['seven_day_return']],
    );
    assert.notEqual(freeShipping, sevenDayReturn);
  });
});
