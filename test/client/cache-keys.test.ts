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

  // Mutation (keys.ts): numbers and booleans read as objects (`typeof value === 'object'` → true) all became
  // `{}`, so searches that differ only in a price or a page size were one key.
  it('tells apart searches that differ only in a number', async () => {
    const { client, asked } = countingSearch();
    await client.search({ q: '茶', minPrice: 100 });
    await client.search({ q: '茶', minPrice: 200 });
    await client.search({ q: '茶', minPrice: 200, maxPrice: 900 });
    await client.search({ q: '茶', minPrice: 200, maxPrice: 900, limit: 3 });
    assert.deepEqual(
      asked.map((query) => [query.minPrice, query.maxPrice, query.limit]),
      [
        [100, undefined, undefined],
        [200, undefined, undefined],
        [200, 900, undefined],
        [200, 900, 3],
      ],
    );
  });

  // Mutation (keys.ts): `inStock` written as always true, or always left out, in the key.
  it('tells a search for what is in stock from one for everything, and treats inStock: false as no filter', async () => {
    const { client, asked } = countingSearch();
    await client.search({ q: '茶' });
    await client.search({ q: '茶', inStock: true });
    await client.search({ q: '茶', inStock: false });
    assert.deepEqual(
      asked.map((query) => query.inStock),
      [undefined, true],
    );
  });
});

describe('cache keys of shop product pages and suggestions', () => {
  function countingLists() {
    const demo = createDemoBackend();
    const asked: string[] = [];
    const client = createClient({
      backend: {
        getProducts: (refs, options) => demo.getProducts(refs, options),
        listShopProducts(appid, page, options) {
          asked.push(`list ${appid} ${page.cursor ?? '-'} ${page.limit ?? '-'}`);
          return demo.listShopProducts(appid, page, options);
        },
        suggest(prefix, options) {
          asked.push(`suggest ${prefix}`);
          return demo.suggest(prefix, options);
        },
      },
    });
    return { client, asked, shops: demo.shops };
  }

  it('asks once per shop, cursor and page size, and answers a repeat from the cache', async () => {
    const { client, asked, shops } = countingLists();
    const [first, second] = shops;
    const page = await client.listShopProducts({ appid: first!.appid }, { limit: 2 });
    await client.listShopProducts({ appid: first!.appid }, { limit: 2 });
    await client.listShopProducts({ appid: first!.appid }, { limit: 3 });
    await client.listShopProducts({ appid: second!.appid }, { limit: 2 });
    assert.ok(page.nextCursor, 'the first shop has a second page');
    await client.listShopProducts({ appid: first!.appid }, { limit: 2, cursor: page.nextCursor });
    assert.deepEqual(asked, [
      `list ${first!.appid} - 2`,
      `list ${first!.appid} - 3`,
      `list ${second!.appid} - 2`,
      `list ${first!.appid} ${page.nextCursor} 2`,
    ]);
  });

  it('asks once per suggestion prefix, and answers a repeat from the cache', async () => {
    const { client, asked } = countingLists();
    await client.suggest('防晒');
    await client.suggest('防晒');
    await client.suggest('fang');
    assert.deepEqual(asked, ['suggest 防晒', 'suggest fang']);
  });
});
