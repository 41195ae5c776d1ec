import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  SseParser,
  createClient,
  wxStorageStore,
  wxTransport,
  type WxLike,
  type WxRequestOptions,
} from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import { createGatewayApp } from '@xiaodian/gateway';
import {
  XiaodianError,
  type LiveEvent,
  type LiveEventsOptions,
  type LiveRoom,
  type ProductSource,
  type StorefrontBackend,
} from '@xiaodian/model';
import { room } from './live-test-room.ts';

const demo = createDemoBackend();
const app = createGatewayApp({ backend: demo, log: false, rateLimit: false });
const firstRef = { appid: demo.products[0]!.appid, productId: demo.products[0]!.productId };

/**
 * A stand-in for the mini-program `wx` object that behaves like the real API: callbacks instead of
 * promises, `statusCode` and `header`, `errMsg` on failure, a task with `abort()`, answers that
 * arrive asynchronously. Behind it is the real gateway app.
 */
function wxStandIn(options: { failWith?: string; delayMs?: number } = {}) {
  const calls: WxRequestOptions[] = [];
  const storage = new Map<string, unknown>();
  let aborted = 0;
  // Signals for tests that act once a request is out, or check it was aborted: awaited, not slept on.
  let requested!: () => void;
  const firstRequest = new Promise<void>((resolve) => (requested = resolve));
  let abortedOnce!: () => void;
  const firstAbort = new Promise<void>((resolve) => (abortedOnce = resolve));
  const wx: WxLike & {
    getStorageSync(key: string): unknown;
    setStorageSync(key: string, value: string): void;
    removeStorageSync(key: string): void;
  } = {
    request(request) {
      calls.push(request);
      requested();
      let cancelled = false;
      setTimeout(async () => {
        if (cancelled) return;
        if (options.failWith) return request.fail({ errMsg: `request:fail ${options.failWith}` });
        const response = await app.request(request.url, {
          method: request.method,
          headers: request.header,
          ...(request.data !== undefined ? { body: request.data } : {}),
        });
        const header: Record<string, string> = {};
        response.headers.forEach((value, key) => (header[key.replace(/^./, (c) => c.toUpperCase())] = value));
        const text = await response.text();
        if (cancelled) return;
        request.success({
          statusCode: response.status,
          header,
          data: request.dataType === 'json' ? JSON.parse(text) : text,
          errMsg: 'request:ok',
        });
      }, options.delayMs ?? 1);
      return {
        abort() {
          cancelled = true;
          aborted += 1;
          abortedOnce();
          request.fail({ errMsg: 'request:fail abort' });
        },
      };
    },
    getStorageSync: (key) => storage.get(key) ?? '',
    setStorageSync: (key, value) => void storage.set(key, value),
    removeStorageSync: (key) => void storage.delete(key),
  };
  return { wx, calls, storage, aborts: () => aborted, firstRequest, firstAbort };
}

describe('wx.request transport', () => {
  it('resolves a tick of products with one wx.request and reads statusCode, header and text data', async () => {
    const { wx, calls } = wxStandIn();
    const client = createClient({ gateway: 'https://gateway.test', transport: wxTransport(wx) });
    const products = await Promise.all(demo.products.slice(0, 5).map((p) => client.getProduct(p)));
    assert.equal(products.length, 5);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.method, 'GET');
    assert.match(calls[0]?.url ?? '', /\/v1\/products\?refs=/);
  });

  it('maps errMsg failures to offline and timeout, and a gateway error to its code', async () => {
    const offline = createClient({
      gateway: 'https://gateway.test',
      retry: false,
      transport: wxTransport(wxStandIn({ failWith: 'url not in domain list' }).wx),
    });
    await assert.rejects(offline.getProduct(firstRef), { code: 'offline' });
    const slow = createClient({
      gateway: 'https://gateway.test',
      retry: false,
      transport: wxTransport(wxStandIn({ failWith: 'timeout' }).wx),
    });
    await assert.rejects(slow.getProduct(firstRef), { code: 'timeout' });
    const client = createClient({ gateway: 'https://gateway.test', transport: wxTransport(wxStandIn().wx) });
    await assert.rejects(client.getProduct({ appid: firstRef.appid, productId: '1' }), { code: 'not_found' });
  });

  it('aborts the wx request task when the caller gives up', async () => {
    const standIn = wxStandIn({ delayMs: 200 });
    const client = createClient({ gateway: 'https://gateway.test', transport: wxTransport(standIn.wx) });
    const controller = new AbortController();
    const ask = client.getProduct(firstRef, { signal: controller.signal });
    await standIn.firstRequest;
    controller.abort();
    await assert.rejects(ask, { code: 'aborted' });
    await standIn.firstAbort;
    assert.equal(standIn.aborts(), 1);
  });

  it('persists through wx.setStorageSync so the next launch reads from storage', async () => {
    const standIn = wxStandIn();
    const first = createClient({
      gateway: 'https://gateway.test',
      transport: wxTransport(standIn.wx),
      cache: { store: wxStorageStore(standIn.wx) },
    });
    await first.getProduct(firstRef);
    const second = createClient({
      gateway: 'https://gateway.test',
      transport: wxTransport(standIn.wx),
      cache: { store: wxStorageStore(standIn.wx) },
    });
    await second.getProduct(firstRef);
    assert.equal(standIn.calls.length, 1);
  });
});

describe('SSE parser', () => {
  it('parses events split anywhere, with CRLF, comments, multi-line data, ids and retry', () => {
    const parser = new SseParser();
    const text =
      ': heartbeat\r\nid: 7\r\nevent: viewers\r\ndata: {"a":\r\ndata: 1}\r\n\r\nretry: 3000\n\nid: 8\ndata: x\n\n';
    const messages = [];
    for (const char of text) messages.push(...parser.push(char));
    assert.deepEqual(
      messages.map((m) => [m.id, m.event, m.data, m.retry]),
      [
        ['7', 'viewers', '{"a":\n1}', undefined],
        [undefined, 'message', '', 3000],
        ['8', 'message', 'x', undefined],
      ],
    );
    assert.equal(parser.lastEventId, '8');
  });
});

/** A live backend whose events the test controls; it counts connections and the ids they resume from. */
function scriptedLive(room: LiveRoom) {
  const resumes: Array<string | undefined> = [];
  let queue: LiveEvent[] = [];
  let wake: (() => void) | undefined;
  let breakNext = false;
  const backend: ProductSource & Partial<StorefrontBackend> = {
    getProducts: (refs) => demo.getProducts(refs),
    async getLive() {
      return room;
    },
    async *liveEvents(_name: string, options: LiveEventsOptions = {}) {
      resumes.push(options.lastEventId);
      for (;;) {
        while (queue.length) {
          const event = queue.shift()!;
          yield event;
        }
        if (breakNext) {
          breakNext = false;
          throw new XiaodianError('offline', 'connection dropped');
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          options.signal?.addEventListener('abort', () => resolve(), { once: true });
        });
        if (options.signal?.aborted) return;
      }
    },
  };
  return {
    backend,
    resumes,
    push(...events: LiveEvent[]) {
      queue = [...queue, ...events];
      wake?.();
    },
    drop() {
      breakNext = true;
      wake?.();
    },
  };
}

const baseRoom: LiveRoom = {
  ...room,
  bag: [
    {
      appid: firstRef.appid,
      productId: firstRef.productId,
      index: 1,
      title: '防晒衣',
      image: 'data:,',
      price: 9900,
      stock: 10,
    },
  ],
};

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(check(), 'condition not reached in time');
};

describe('live subscriptions', () => {
  it('applies streamed events and resumes after a dropped connection from the last event, with none lost or repeated', async (t) => {
    const live = scriptedLive(baseRoom);
    const client = createClient({ backend: live.backend, random: () => 0 });
    const seen: string[] = [];
    const subscription = client.subscribeLive(
      { finderUserName: 'sphLiveTest01' },
      (_room, event) => event && seen.push(event.id),
      {
        reconnectDelayMs: 1,
      },
    );
    // Closed even when an assertion fails: a live subscription left open keeps reconnecting.
    t.after(() => subscription.close());
    await until(() => live.resumes.length === 1);
    assert.equal(live.resumes[0], '5', 'subscribes from the room snapshot');
    live.push(
      { id: '6', at: 1, type: 'viewers', viewers: 150 },
      { id: '7', at: 2, type: 'stock', productId: firstRef.productId, stock: 9 },
    );
    await until(() => seen.length === 2);
    live.drop();
    await until(() => live.resumes.length === 2);
    assert.equal(live.resumes[1], '7', 'reconnects with Last-Event-ID of the last applied event');
    // A server replaying an event already applied must not apply it twice.
    live.push(
      { id: '7', at: 2, type: 'stock', productId: firstRef.productId, stock: 9 },
      { id: '8', at: 3, type: 'heat', heat: 2000 },
    );
    await until(() => seen.length === 3);
    assert.deepEqual(seen, ['6', '7', '8']);
    assert.equal(subscription.room?.viewers, 150);
    assert.equal(subscription.room?.bag[0]?.stock, 9);
    assert.equal(subscription.room?.heat, 2000);
    subscription.close();
    await until(() => subscription.state === 'closed');
  });

  it('polls the room where streaming is unavailable (the wx transport)', async (t) => {
    let viewers = 10;
    let version = 1;
    const requests: string[] = [];
    const wx: WxLike = {
      request(request) {
        requests.push(request.url);
        setTimeout(() =>
          request.success({
            statusCode: 200,
            header: { 'Content-Type': 'application/json' },
            data: JSON.stringify({ live: { ...baseRoom, viewers, lastEventId: String(version) } }),
          }),
        );
        return { abort() {} };
      },
    };
    const client = createClient({ gateway: 'https://gateway.test', transport: wxTransport(wx) });
    const rooms: number[] = [];
    const subscription = client.subscribeLive({ finderUserName: 'sphLiveTest01' }, (room) => rooms.push(room.viewers), {
      pollIntervalMs: 10,
    });
    // Closed even when an assertion fails: a live subscription left open keeps reconnecting.
    t.after(() => subscription.close());
    await until(() => rooms.length === 1);
    viewers = 42;
    version = 2;
    await until(() => rooms.length === 2);
    assert.deepEqual(rooms, [10, 42]);
    assert.equal(subscription.state, 'polling');
    assert.ok(requests.every((url) => url.endsWith('/v1/lives/sphLiveTest01')));
    subscription.close();
  });
});

describe('resolveArticle', () => {
  it('finds references in document order without duplicates and resolves all products in one request', async () => {
    const urls: string[] = [];
    const client = createClient({
      gateway: 'http://gateway.test',
      fetch: async (url, init) => {
        urls.push(url);
        return app.request(url, init);
      },
    });
    const [a, b, c] = demo.products;
    const html = `
      <article>
        <p>Intro <a href="https://gateway.test/p/${b!.appid}/${b!.productId}?promotion_link=PL1">link</a></p>
        <xd-product-card appid="${a!.appid}" product-id="${a!.productId}"></xd-product-card>
        <!-- <xd-product-card appid="${c!.appid}" product-id="${c!.productId}"></xd-product-card> -->
        <div data-xd-product="${c!.appid}:${c!.productId}"></div>
        <store-product appid="${a!.appid}" product-id="${a!.productId}"></store-product>
        <xd-product-card appid="nonsense" product-id="1"></xd-product-card>
        <a href="https://example.com/about">about</a>
      </article>`;
    const items = await client.resolveArticle(html);
    assert.deepEqual(
      items.map((item) => (item.ok && item.kind === 'product' ? item.product.productId : 'error')),
      [b!.productId, a!.productId, c!.productId],
    );
    const first = items[0]!;
    assert.ok(first.ok && first.ref.kind === 'product' && first.ref.promotionLink === 'PL1');
    assert.equal(urls.length, 1);
    assert.match(urls[0]!, /\/v1\/products\?/);
  });

  it('reads an element as well as a string, and gives short links a per-link error when the backend cannot resolve them', async () => {
    const client = createClient({ backend: demo, retry: false });
    const [a] = demo.products;
    const element = {
      outerHTML: `<div><a href="https://channels.weixin.qq.com/shop/a/unknowncode">x</a><xd-product-card appid="${a!.appid}" product-id="${a!.productId}"></xd-product-card></div>`,
    };
    const items = await client.resolveArticle(element);
    assert.equal(items.length, 2);
    assert.equal(items[0]?.ok, false);
    assert.equal(items[1]?.ok, true);
  });
});
