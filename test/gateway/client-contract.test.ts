import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, type XiaodianClient } from '@xiaodian/client';
import { startGateway, type RunningGateway } from '@xiaodian/gateway';
import type { LiveRoom } from '@xiaodian/model';
import { appid, finder, fixtureBackend, type FixtureBackend } from './fixture-backend.ts';

// The client and the gateway are two halves of one contract: this drives every client method through a
// real gateway on loopback, so a route or shape that drifts on either side fails here.

describe('client ↔ gateway over HTTP', () => {
  let backend: FixtureBackend;
  let gateway: RunningGateway;
  let client: XiaodianClient;
  before(async () => {
    backend = fixtureBackend();
    gateway = await startGateway({ backend, port: 0, log: false, maxStreamMs: 300 });
    client = createClient({ gateway: gateway.url, retry: { retries: 0 } });
  });
  after(() => gateway.close());

  it('reads products, shops, pages, search and suggestions with the gateway’s shapes', async () => {
    const [a, b] = backend.products;
    const [productA, productB] = await Promise.all([client.getProduct(a!), client.getProduct(b!)]);
    assert.equal(productA.productId, a!.productId);
    assert.equal(productB.productId, b!.productId);
    assert.equal(backend.calls['getProducts'], 1, 'one batched request');

    assert.equal((await client.getShop({ appid })).name, '山野户外官方旗舰店');
    const page = await client.listShopProducts({ appid }, { limit: 50 });
    assert.equal(page.items.length, 50);
    assert.ok(page.nextCursor);
    const next = await client.listShopProducts({ appid }, { limit: 50, cursor: page.nextCursor! });
    assert.equal(next.items.length, 10);

    const found = await client.search({ q: '测试', maxPrice: 2000, guarantees: ['seven_day_return'] });
    assert.ok(found.items.length > 0 && found.items.every((item) => item.ok));
    assert.equal(found.hits.length, found.items.length);
    assert.ok(found.facets.guarantee.some((facet) => facet.value === 'seven_day_return'));
    const productCalls = backend.calls['getProducts'];
    const first = found.items[0]!;
    assert.ok(first.ok);
    await client.getProduct({ appid: first.product.appid, productId: first.product.productId });
    assert.equal(backend.calls['getProducts'], productCalls, 'a product found by search is already cached');
    await client.search({ q: '测试', category: '服饰', inStock: true });
    assert.deepEqual(
      backend.searches.map(({ category, inStock }) => [category, inStock]),
      [
        [undefined, undefined],
        ['服饰', true],
      ],
    );
    assert.deepEqual(await client.suggest('山'), [{ text: '山冲锋衣', kind: 'query' }]);

    await assert.rejects(client.getShop({ appid: 'wx0000000000000000' }), { code: 'not_found' });
  });

  it('resolves an article with a short link through POST /v1/resolve', async () => {
    const items = await client.resolveArticle(
      `<a href="https://channels.weixin.qq.com/shop/a/abc123">短链</a><xd-shop-entry appid="${appid}"></xd-shop-entry>`,
    );
    assert.deepEqual(
      items.map((item) => (item.ok ? [item.kind, item.ref] : ['error', item.error.code])),
      [
        ['product', { kind: 'product', appid, productId: backend.products[1]!.productId }],
        ['shop', { kind: 'shop', appid }],
      ],
    );
  });

  // Guards two mutations: the gateway ignoring Last-Event-ID, and the client never sending it. Events are
  // emitted in the gap between the stream's clean close and the reconnection, so only a resume finds them.
  it('follows a live room over the gateway’s SSE stream, across the stream’s clean close, missing nothing', async () => {
    const updates: LiveRoom[] = [];
    const subscription = client.subscribeLive({ finderUserName: finder }, (room) => updates.push(room), {
      reconnectDelayMs: 20,
    });
    const waitFor = async (check: () => boolean, what: string) => {
      const deadline = Date.now() + 5_000;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    let streamsAtGap: number | undefined;
    try {
      await waitFor(() => subscription.state === 'streaming' && backend.subscribers() === 1, 'the stream');
      backend.emit({ type: 'viewers', viewers: 2000 });
      await waitFor(() => subscription.room?.viewers === 2000, 'the first event');
      // The gateway closes every stream after maxStreamMs (300 ms). The first stream's end runs before the
      // gateway closes the response, so the client cannot have reconnected yet: these two fall in the gap.
      backend.onStreamEnd = () => {
        delete backend.onStreamEnd;
        streamsAtGap = backend.calls['liveEvents'];
        backend.emit({ type: 'heat', heat: 9000 });
        backend.emit({ type: 'viewers', viewers: 2100 });
      };
      await waitFor(() => backend.calls['liveEvents']! >= 2 && backend.subscribers() === 1, 'the reconnection');
      assert.equal(streamsAtGap, 1, 'the events were emitted while no stream was open');
      backend.emit({ type: 'viewers', viewers: 2200 });
      await waitFor(() => subscription.room?.viewers === 2200, 'an event after the reconnection');
      assert.equal(subscription.room?.heat, 9000, 'the event from the gap was applied');
      assert.deepEqual(
        updates.map((room) => room.lastEventId).filter((id) => id !== undefined),
        ['1', '2', '3', '4'],
        'every event once, in order',
      );
    } finally {
      subscription.close();
    }
  });
});
