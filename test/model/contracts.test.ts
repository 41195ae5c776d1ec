import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  XiaodianError,
  applyLiveEvent,
  compareLiveEventIds,
  extractArticleRefs,
  formatRefLink,
  linkedAccountLimit,
  liveEventSchema,
  liveFromWeChat,
  liveRoomSchema,
  parseRef,
  ratioFromWeChat,
  scoreFromWeChat,
  shopFromWeChat,
  shopSchema,
  wechatEnvelopeSchema,
  wechatLiveInfoSchema,
  wechatLiveNoticeSchema,
  wechatShopInfoSchema,
  type LiveRoom,
} from '@xiaodian/model';
import { wechatFixture } from '../fixtures.ts';

const appid = 'wx3f8a2c1d9e7b6a54';

describe('parseRef', () => {
  it('reads every form a person or a page holds', () => {
    assert.deepEqual(parseRef(`${appid}:10000201001001`), { kind: 'product', appid, productId: '10000201001001' });
    assert.deepEqual(parseRef(appid), { kind: 'shop', appid });
    assert.deepEqual(parseRef('sphAbc123'), { kind: 'live', finderUserName: 'sphAbc123' });
    assert.deepEqual(parseRef(`https://gw.example/p/${appid}/42?promotion_link=PL%201&media_id=M1`), {
      kind: 'product',
      appid,
      productId: '42',
      promotionLink: 'PL 1',
      mediaId: 'M1',
    });
    assert.deepEqual(parseRef(`https://gw.example/base/s/${appid}`), { kind: 'shop', appid });
    assert.deepEqual(parseRef({ appid, 'product-id': '7', 'product-promotion-link': 'P' }), {
      kind: 'product',
      appid,
      productId: '7',
      promotionLink: 'P',
    });
    assert.deepEqual(parseRef({ 'finder-user-name': 'sphAbc123' }), { kind: 'live', finderUserName: 'sphAbc123' });
  });

  it('round-trips canonical links', () => {
    const ref = { kind: 'product' as const, appid, productId: '42', promotionLink: 'a&b=c' };
    assert.deepEqual(parseRef(formatRefLink(ref, 'https://gw.example/')), ref);
  });

  for (const bad of [
    'wx123:1',
    `${appid}:01`,
    `${appid}:1:2`,
    `${appid}:99999999999999999999999`,
    'sph<script>',
    'https://gw.example/p/wx3f8a2c1d9e7b6a54/abc',
    'https://channels.weixin.qq.com/shop/a/abc',
    'javascript:alert(1)',
    '',
  ]) {
    it(`rejects ${JSON.stringify(bad)} with invalid_ref and a reason`, () => {
      assert.throws(
        () => parseRef(bad),
        (error: unknown) => error instanceof XiaodianError && error.code === 'invalid_ref' && error.message.length > 10,
      );
    });
  }
});

describe('extractArticleRefs', () => {
  it('finds elements, data attributes and links in document order, skipping duplicates, comments, scripts and broken markup', () => {
    const html = `
      <p data-xd-shop="${appid}">shop</p>
      <a href="https://channels.weixin.qq.com/shop/a/AbC123">short</a>
      <script>document.write('<xd-product-card appid="${appid}" product-id="9">')</script>
      <xd-product-card appid='${appid}' product-id=5 ></xd-product-card>
      <xd-product-card appid="${appid}"></xd-product-card>
      <a href="https://gw.example/p/${appid}/5">dup of the card</a>
      <channel-live finder-user-name="sphLive01"></channel-live>
      <a href="https://channels.weixin.qq.com/shop/a/AbC123">again</a>
      <div data-xd-ref="${appid}:6&amp;x"></div>
      <div data-xd-product="${appid}:7"></div>`;
    const found = extractArticleRefs(html);
    assert.deepEqual(
      found.map((match) => ('ref' in match ? JSON.stringify(match.ref) : `link ${match.link}`)),
      [
        JSON.stringify({ kind: 'shop', appid }),
        'link https://channels.weixin.qq.com/shop/a/AbC123',
        JSON.stringify({ kind: 'product', appid, productId: '5' }),
        JSON.stringify({ kind: 'live', finderUserName: 'sphLive01' }),
        JSON.stringify({ kind: 'product', appid, productId: '7' }),
      ],
    );
  });

  it('uses configurable link patterns', () => {
    const html = '<a href="https://shop.example/item/1">x</a><a href="https://channels.weixin.qq.com/shop/a/Q">y</a>';
    const found = extractArticleRefs(html, { linkPatterns: [/^https:\/\/shop\.example\/item\//] });
    assert.deepEqual(found, [{ source: 'https://shop.example/item/1', link: 'https://shop.example/item/1' }]);
  });
});

describe('WeChat shop and live shapes', () => {
  it('maps basics/info/get to a valid domain shop', () => {
    const payload = wechatFixture('basics_info_get.json');
    assert.equal(wechatEnvelopeSchema.parse(payload).errcode, 0);
    const shop = shopFromWeChat(appid, wechatShopInfoSchema.parse(payload['info']));
    assert.equal(shop.subjectType, 'enterprise');
    assert.equal(shop.status, 'open_finished');
    assert.equal(shop.openedAt, 1693526400 * 1000);
    assert.equal(shop.scores, undefined, 'WeChat has no separate DSR scores');
    assert.equal(shopSchema.safeParse(shop).success, true);
  });

  it('keeps an unknown shop status and subject type instead of failing', () => {
    const shop = shopFromWeChat(
      appid,
      wechatShopInfoSchema.parse({
        nickname: '新店',
        headimg_url: 'x',
        subject_type: '海外',
        status: 'frozen',
        open_timestamp: '1700000000',
      }),
    );
    assert.equal(shop.status, 'unknown');
    assert.equal(shop.subjectType, 'other');
    assert.equal(shop.openedAt, 1700000000000);
  });

  it('maps live info and a notice with string timestamps, and tolerates unknown live states', () => {
    const info = wechatLiveInfoSchema.parse(wechatFixture('live_info.json'));
    const notice = wechatLiveNoticeSchema.parse(wechatFixture('live_notice_info.json'));
    const room = liveFromWeChat('sphShanye01', info, { notice });
    assert.equal(room.status, 'live');
    assert.equal(room.notice?.startAt, 1764064800 * 1000);
    assert.equal(room.notice?.reservable, true);
    assert.equal(liveRoomSchema.safeParse(room).success, true);
    const future = liveFromWeChat('sphShanye01', wechatLiveInfoSchema.parse({ status: 9, replayStatus: '6' }));
    assert.equal(future.status, 'unknown');
    assert.equal(future.statusCode, 9);
    assert.equal(future.replay, 'expired');
  });

  it('normalises scores and the three commission scales', () => {
    assert.equal(scoreFromWeChat(463), 4.63);
    assert.equal(ratioFromWeChat(20, 'percent'), 0.2);
    assert.equal(ratioFromWeChat(20000, 'per100000'), 0.2);
    assert.equal(ratioFromWeChat(200000, 'per1000000'), 0.2);
  });

  it('raises the linked-account limit only after 30 days with every DSR score at 4.6 or more', () => {
    const day = 86_400_000;
    const scores = { description: 4.8, service: 4.7, logistics: 4.6 };
    assert.equal(linkedAccountLimit({ subjectType: 'enterprise', openedAt: 0, scores }, 31 * day).channels, 10);
    assert.equal(linkedAccountLimit({ subjectType: 'enterprise', openedAt: 0, scores }, 29 * day).channels, 5);
    assert.equal(
      linkedAccountLimit({ subjectType: 'enterprise', openedAt: 0, scores: { ...scores, logistics: 4.59 } }, 40 * day)
        .officialAccounts,
      5,
    );
  });
});

describe('live events', () => {
  const room: LiveRoom = {
    finderUserName: 'sphLive01',
    nickname: 'n',
    avatarUrl: 'a',
    description: 'd',
    status: 'live',
    statusCode: 2,
    replay: 'none',
    viewers: 1,
    heat: 1,
    bag: [{ appid, productId: '1', index: 1, title: 't', image: 'i', price: 1000, stock: 5 }],
  };

  it('applies each event type to the room', () => {
    let next = applyLiveEvent(room, { id: '1', at: 0, type: 'pin', productId: '1' });
    next = applyLiveEvent(next, {
      id: '2',
      at: 0,
      type: 'price',
      productId: '1',
      price: 800,
      originalPrice: 1000,
      flashSaleEndsAt: 60_000,
    });
    assert.equal(next.bag[0]?.flashSaleEndsAt, 60_000);
    next = applyLiveEvent(next, { id: '3', at: 0, type: 'price', productId: '1', price: 1000 });
    assert.equal(next.bag[0]?.flashSaleEndsAt, undefined, 'the end of a flash sale clears its countdown');
    next = applyLiveEvent(next, { id: '4', at: 0, type: 'product_removed', productId: '1' });
    assert.equal(next.pinnedProductId, undefined);
    assert.equal(next.bag.length, 0);
    assert.equal(next.lastEventId, '4');
    assert.equal(room.bag.length, 1, 'the input room is not mutated');
  });

  it('ignores a repeated or out-of-order event: the room comes back unchanged', () => {
    const at6 = applyLiveEvent({ ...room, lastEventId: 'k3x-5' }, { id: 'k3x-6', at: 0, type: 'viewers', viewers: 60 });
    assert.equal(at6.viewers, 60);
    for (const stale of ['k3x-6', 'k3x-4']) {
      assert.equal(applyLiveEvent(at6, { id: stale, at: 0, type: 'viewers', viewers: 7 }), at6, stale);
    }
    // A snapshot older than the room is as stale as any event; one of another epoch (a restarted server) is not.
    const snapshot = { at: 0, type: 'snapshot' as const, room: { ...room, viewers: 9 } };
    assert.equal(applyLiveEvent(at6, { id: 'k3x-2', ...snapshot }), at6);
    assert.equal(applyLiveEvent(at6, { id: 'k9z-1', ...snapshot }).viewers, 9);
    assert.equal(applyLiveEvent(at6, { id: 'k3x-10', at: 0, type: 'heat', heat: 5 }).heat, 5, '10 comes after 6');
  });

  it('never raises stock unless the event says the item was restocked', () => {
    const sold = applyLiveEvent(room, { id: '1', at: 0, type: 'stock', productId: '1', stock: 2 });
    assert.equal(sold.bag[0]?.stock, 2);
    const stale = applyLiveEvent(sold, { id: '2', at: 0, type: 'stock', productId: '1', stock: 4 });
    assert.equal(stale.bag[0]?.stock, 2, 'a higher count without restock is stale');
    assert.equal(stale.lastEventId, '2', 'yet the event is consumed');
    const restocked = applyLiveEvent(stale, {
      id: '3',
      at: 0,
      type: 'stock',
      productId: '1',
      stock: 40,
      restock: true,
    });
    assert.equal(restocked.bag[0]?.stock, 40);
  });

  it('orders event ids of one epoch by their number, and not those of different epochs', () => {
    assert.ok(compareLiveEventIds('9', '10')! < 0);
    assert.ok(compareLiveEventIds('a1-10', 'a1-9')! > 0);
    assert.equal(compareLiveEventIds('a1-3', 'a1-3'), 0);
    assert.equal(compareLiveEventIds('a1-3', 'b2-1'), undefined);
    assert.equal(compareLiveEventIds('x', 'y'), undefined);
  });

  it('validates events and rejects unknown types and negative counts', () => {
    assert.equal(liveEventSchema.safeParse({ id: '1', at: 0, type: 'viewers', viewers: 3 }).success, true);
    assert.equal(liveEventSchema.safeParse({ id: '1', at: 0, type: 'viewers', viewers: -3 }).success, false);
    assert.equal(liveEventSchema.safeParse({ id: '1', at: 0, type: 'confetti' }).success, false);
  });
});
