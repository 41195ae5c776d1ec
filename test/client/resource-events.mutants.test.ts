/**
 * Shops, a shop's product pages and live rooms through the client, as its events and storage show them
 * (found unguarded by the client's mutation run): each names its resource and cache key, one request serves
 * identical asks, the caller's signal reaches the backend, what is kept in storage and what in memory only,
 * and what an unsupported or malformed answer says.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, webStorageStore, type ClientEvent } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import type { LiveRoom, Page, Product, ProductSource, Shop, StorefrontBackend } from '@xiaodian/model';
import { memoryWebStorage } from './memory-web-storage.ts';

const demo = createDemoBackend();
const { appid } = demo.shops[0]!;
const finderUserName = demo.liveRooms[0]!;

type Resources = ProductSource & Pick<StorefrontBackend, 'getShop' | 'listShopProducts' | 'getLive'>;

/** The demo's shops, pages and lives, each call recorded with whether it carried a signal. */
function recordingBackend(overrides: Partial<Resources> = {}) {
  const calls: string[] = [];
  const record = (method: string, options: { signal?: AbortSignal } | undefined) =>
    calls.push(`${method}${options?.signal instanceof AbortSignal ? ' with signal' : ''}`);
  const backend: Resources = {
    getProducts: (refs, options) => (record('getProducts', options), demo.getProducts(refs, options)),
    getShop: (id, options) => (record('getShop', options), demo.getShop(id, options)),
    listShopProducts: (id, page, options) => (
      record('listShopProducts', options),
      demo.listShopProducts(id, page, options)
    ),
    getLive: (name, options) => (record('getLive', options), demo.getLive(name, options)),
    ...overrides,
  };
  return { backend, calls };
}

describe('shops, pages and lives through the client', () => {
  it('name their resource and cache key in the events, and hit the cache the second time', async () => {
    const { backend } = recordingBackend();
    const client = createClient({ backend });
    const events: ClientEvent[] = [];
    client.observe((event) => events.push(event));
    await client.getShop({ appid });
    await client.getShop({ appid });
    await client.listShopProducts({ appid }, { limit: 2 });
    await client.getLive({ finderUserName });
    const summary = events.map((event) =>
      event.type === 'cache'
        ? `cache ${event.resource} ${event.key} ${event.outcome}`
        : event.type === 'request'
          ? `request ${event.resource} ${event.size} ${event.attempt}`
          : event.type,
    );
    assert.deepEqual(summary, [
      `cache shop shop:${appid} miss`,
      'request shop 1 1',
      `cache shop shop:${appid} fresh`,
      `cache shop_products shop-products:{"appid":"${appid}","limit":2} miss`,
      'request shop_products 1 1',
      'request live 1 1',
    ]);
    assert.equal(client.stats.asks, 4, 'a live room is an ask like any other');
  });

  it('hand the backend the call’s signal', async () => {
    const { backend, calls } = recordingBackend();
    const client = createClient({ backend });
    await client.getShop({ appid });
    await client.listShopProducts({ appid });
    await client.getLive({ finderUserName });
    assert.deepEqual(calls, ['getShop with signal', 'listShopProducts with signal', 'getLive with signal']);
  });

  it('share one request between identical asks made at once', async () => {
    const { backend, calls } = recordingBackend();
    const client = createClient({ backend });
    const [a, b] = await Promise.all([client.getShop({ appid }), client.getShop({ appid })]);
    assert.equal(a.appid, b.appid);
    const [c, d] = await Promise.all([client.getLive({ finderUserName }), client.getLive({ finderUserName })]);
    assert.equal(c.finderUserName, d.finderUserName);
    assert.deepEqual(calls, ['getShop with signal', 'getLive with signal']);
    // Different rooms asked at once are different requests.
    const other = demo.liveRooms[1]!;
    const rooms = await Promise.all([client.getLive({ finderUserName }), client.getLive({ finderUserName: other })]);
    assert.deepEqual(
      rooms.map((room) => room.finderUserName),
      [finderUserName, other],
    );
  });

  it('keep shops in storage, and pages and the products on them in memory only', async () => {
    const { data, storage } = memoryWebStorage();
    const { backend, calls } = recordingBackend();
    const client = createClient({ backend, cache: { store: webStorageStore(storage) } });
    await client.getShop({ appid });
    const page = await client.listShopProducts({ appid }, { limit: 2 });
    const stored = [...data.keys()].filter((key) => !key.endsWith('index'));
    assert.equal(stored.length, 1, `stored: ${stored.join(', ')}`);
    assert.ok(stored[0]!.endsWith(`shop:${appid}`));
    // A product just listed costs no request, from memory.
    const listed = page.items.find((item) => item.ok);
    assert.ok(listed?.ok);
    await client.getProduct({ appid: listed.product.appid, productId: listed.product.productId });
    assert.equal(calls.includes('getProducts with signal'), false);
  });

  it('leave out the cursor of a last page', async () => {
    const client = createClient({ backend: recordingBackend().backend });
    let page = await client.listShopProducts({ appid }, { limit: 50 });
    for (let pages = 1; page.nextCursor !== undefined; pages++) {
      assert.ok(pages < 100, 'the pages of one shop end');
      page = await client.listShopProducts({ appid }, { limit: 50, cursor: page.nextCursor });
    }
    assert.equal('nextCursor' in page, false);
  });

  it('say which method a backend lacks', async () => {
    const client = createClient({ backend: { getProducts: () => Promise.resolve([]) } });
    const lacks = (method: string) => ({
      code: 'bad_request',
      message: `This client's backend does not provide ${method}`,
    });
    await assert.rejects(client.getShop({ appid }), lacks('getShop'));
    await assert.rejects(client.getLive({ finderUserName }), lacks('getLive'));
    await assert.rejects(client.listShopProducts({ appid }), lacks('shop_products'));
  });

  it('name the shop, the live room and the page item that failed their checks', async () => {
    const good = await demo.listShopProducts(appid, { limit: 2 });
    const { backend } = recordingBackend({
      getShop: async () => ({ appid, name: 42 }) as unknown as Shop,
      getLive: async () => ({ finderUserName }) as unknown as LiveRoom,
      listShopProducts: async () =>
        ({ ...good, items: [good.items[0], { title: 'no ids' }] }) as unknown as Page<Product>,
    });
    const client = createClient({ backend, retry: false });
    await assert.rejects(client.getShop({ appid }), {
      code: 'invalid_response',
      message: new RegExp(`^Shop ${appid} failed validation`),
    });
    await assert.rejects(client.getLive({ finderUserName }), {
      code: 'invalid_response',
      message: new RegExp(`^Live room ${finderUserName} failed validation`),
    });
    const page = await client.listShopProducts({ appid });
    assert.equal(page.items[0]!.ok, true);
    assert.match(page.items[1]!.ok ? '' : page.items[1]!.error.message, /^Shop product 1 failed validation/);
  });
});
