/**
 * The response envelopes, the shop and the live room schemas, and the rules beside them, at the edges the
 * model's mutation run found unguarded (api-resources.ts, domain/shop.ts, domain/live.ts): every field of a
 * full example survives a parse (an emptied object would strip it), every enum value is accepted (an emptied
 * or blanked list would refuse it), and each status code maps to its own name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  brandCertifications,
  guarantees,
  healthResponseSchema,
  linkedAccountLimit,
  liveEventSchema,
  liveEventTypes,
  liveNoticeSchema,
  liveResponseSchema,
  liveRoomSchema,
  liveStatusCodes,
  liveStatuses,
  liveStatusName,
  matchKinds,
  maxResolveBodyBytes,
  maxResolveLinks,
  noticeStatuses,
  noticeStatusName,
  productPageResponseSchema,
  replayStatuses,
  replayStatusName,
  resolveRequestSchema,
  resolveResponseSchema,
  searchFacetsSchema,
  searchPageResponseSchema,
  shopResponseSchema,
  shopSchema,
  shopStatuses,
  shopSubjectTypes,
  suggestionKinds,
  suggestResponseSchema,
  type Shop,
} from '@xiaodian/model';

/** A schema as these tests use it: zod/mini's `safeParse`. */
interface Parser {
  safeParse(input: unknown): { success: true; data: unknown } | { success: false };
}

/** Parses `input` and expects it back whole: a field the schema dropped or changed fails here. */
function assertKeptWhole(schema: Parser, input: unknown, what: string): void {
  const result = schema.safeParse(input);
  assert.ok(result.success, `${what} should parse`);
  assert.deepEqual(result.data, input, `${what} should come back whole`);
}

function assertRefused(schema: Parser, input: unknown, what: string): void {
  assert.equal(schema.safeParse(input).success, false, `${what} should be refused`);
}

const appid = 'wx0b1c2d3e4f5a6b7c';

const facets = {
  category: [{ value: '服饰', count: 3 }],
  shop: [{ value: appid, name: '山野户外', count: 2 }],
  guarantee: guarantees.map((value, i) => ({ value, count: i })),
  price: [
    { min: 0, max: 5000, count: 4 },
    { min: 5000, count: 1 },
  ],
};

describe('the response envelopes (api-resources.ts)', () => {
  it('keep every field of a full answer, for every route', () => {
    assertKeptWhole(shopResponseSchema, { shop: { appid } }, 'a shop answer');
    assertKeptWhole(productPageResponseSchema, { items: [{ a: 1 }], total: 7, nextCursor: '20' }, 'a product page');
    assertKeptWhole(searchFacetsSchema, facets, 'facets with every guarantee');
    assertKeptWhole(
      searchPageResponseSchema,
      {
        items: [{ productId: '1' }, { productId: '2' }],
        total: 2,
        nextCursor: 'c2',
        hits: matchKinds.map((kind, i) => ({ kind, titleRanges: [[i, i + 1]] })),
        facets,
        didYouMean: '防晒衣',
      },
      'a search page with every match kind',
    );
    assertKeptWhole(
      suggestResponseSchema,
      { suggestions: suggestionKinds.map((kind) => ({ text: `${kind}…`, kind })) },
      'suggestions of every kind',
    );
    assertKeptWhole(liveResponseSchema, { live: { finderUserName: 'sphA' } }, 'a live answer');
    assertKeptWhole(
      resolveRequestSchema,
      { html: '<p>x</p>', links: ['https://a.example/'], appid },
      'a resolve request',
    );
    assertKeptWhole(
      resolveResponseSchema,
      { items: [{ source: 'https://a.example/', ok: true, ref: { kind: 'shop', appid } }] },
      'a resolve answer (loose items keep their other fields)',
    );
    assertKeptWhole(healthResponseSchema, { status: 'ok', uptime: 3 }, 'a health answer (loose)');
  });

  it('refuse what breaks the contract', () => {
    assertRefused(shopResponseSchema, {}, 'a shop answer without its shop');
    assertRefused(productPageResponseSchema, { items: [], total: -1 }, 'a negative total');
    assertRefused(productPageResponseSchema, { total: 0 }, 'a page without items');
    assertRefused(
      searchFacetsSchema,
      { ...facets, guarantee: [{ value: 'free_lunch', count: 1 }] },
      'an unknown guarantee',
    );
    assertRefused(
      searchFacetsSchema,
      { ...facets, shop: [{ value: appid, count: 1 }] },
      'a shop facet without its name',
    );
    assertRefused(searchFacetsSchema, { ...facets, price: [{ max: 5, count: 1 }] }, 'a price band without its min');
    const page = { items: [], total: 0, hits: [], facets };
    assertKeptWhole(searchPageResponseSchema, page, 'an empty search page');
    assertRefused(
      searchPageResponseSchema,
      { ...page, hits: [{ kind: 'telepathy', titleRanges: [] }] },
      'an unknown match kind',
    );
    assertRefused(
      searchPageResponseSchema,
      { ...page, hits: [{ kind: 'exact', titleRanges: [[1]] }] },
      'a range of one offset',
    );
    assertRefused(
      searchPageResponseSchema,
      { ...page, hits: [{ kind: 'exact', titleRanges: [[-1, 2]] }] },
      'a negative offset',
    );
    assertRefused(searchPageResponseSchema, { items: [], total: 0, hits: [] }, 'a search page without facets');
    assertRefused(suggestResponseSchema, { suggestions: [{ text: 'x', kind: 'brand' }] }, 'an unknown suggestion kind');
    assertRefused(liveResponseSchema, {}, 'a live answer without its room');
    assertRefused(resolveRequestSchema, { links: 'https://a.example/' }, 'links as one string');
    assertRefused(resolveResponseSchema, { items: [{ source: 'x' }] }, 'a resolved item without ok');
    assertRefused(resolveResponseSchema, { items: [{ ok: true }] }, 'a resolved item without its source');
    assertRefused(healthResponseSchema, { status: 'degraded' }, 'a health answer that is not ok');
  });

  it('bound a resolve request at 200 links or 512 KiB of HTML', () => {
    assert.equal(maxResolveLinks, 200);
    assert.equal(maxResolveBodyBytes, 524_288);
  });
});

const fullShop: Shop = {
  appid,
  name: '山野户外旗舰店',
  logoUrl: 'https://img.example/logo.png',
  subjectType: 'enterprise',
  status: 'open_finished',
  username: 'gh_0123456789ab',
  isLocalLife: false,
  openedAt: 1_700_000_000_000,
  brand: { name: '山野', certification: 'official_flagship' },
  scores: { description: 4.8, service: 4.7, logistics: 4.9 },
  productsOnSale: 12,
  totalSales: 3400,
  linkedAccounts: {
    officialAccounts: [{ id: 'gh_0123456789ab', name: '山野户外', avatarUrl: 'https://img.example/a.png' }],
    channels: [{ id: 'sphShanyeOutdoor', name: '山野户外直播' }],
    miniPrograms: [{ id: 'wx1111111111111111', name: '山野商城' }],
  },
  h5Url: 'https://store.weixin.qq.com/shop/a/abc',
};

describe('the shop schema (domain/shop.ts)', () => {
  it('keeps every field of a full shop, with every subject type, status and certification', () => {
    assertKeptWhole(shopSchema, fullShop, 'a full shop');
    for (const subjectType of shopSubjectTypes) assertKeptWhole(shopSchema, { ...fullShop, subjectType }, subjectType);
    for (const status of shopStatuses) assertKeptWhole(shopSchema, { ...fullShop, status }, status);
    for (const certification of brandCertifications) {
      assertKeptWhole(shopSchema, { ...fullShop, brand: { name: '山野', certification } }, certification);
    }
    assert.deepEqual([...shopSubjectTypes], ['enterprise', 'individual', 'other']);
    assert.deepEqual([...shopStatuses], ['opening', 'open_finished', 'closing', 'close_finished', 'unknown']);
    assert.deepEqual(
      [...brandCertifications],
      ['official_flagship', 'flagship', 'exclusive', 'specialty', 'authorized'],
    );
  });

  it('refuses an empty name, an unknown status and scores outside 0–5', () => {
    assertRefused(shopSchema, { ...fullShop, name: '' }, 'an empty name');
    assertRefused(shopSchema, { ...fullShop, status: 'paused' }, 'an unknown status');
    assertRefused(
      shopSchema,
      { ...fullShop, brand: { name: '山野', certification: 'famous' } },
      'an unknown certification',
    );
    for (const key of ['description', 'service', 'logistics'] as const) {
      assertKeptWhole(shopSchema, { ...fullShop, scores: { ...fullShop.scores!, [key]: 0 } }, `${key} 0`);
      assertKeptWhole(shopSchema, { ...fullShop, scores: { ...fullShop.scores!, [key]: 5 } }, `${key} 5`);
      assertRefused(shopSchema, { ...fullShop, scores: { ...fullShop.scores!, [key]: -0.01 } }, `${key} below 0`);
      assertRefused(shopSchema, { ...fullShop, scores: { ...fullShop.scores!, [key]: 5.01 } }, `${key} above 5`);
    }
    assertRefused(
      shopSchema,
      { ...fullShop, linkedAccounts: { officialAccounts: [] } },
      'linked accounts without channels',
    );
    assertRefused(
      shopSchema,
      { ...fullShop, linkedAccounts: { officialAccounts: [], channels: [{ id: 'sphA' }] } },
      'a linked account without its name',
    );
  });
});

describe('how many accounts a shop may link (linkedAccountLimit)', () => {
  const day = 86_400_000;
  const openedAt = 1_700_000_000_000;
  const highScores = { description: 4.6, service: 4.6, logistics: 4.6 };
  const raisedShop = { subjectType: 'enterprise' as const, openedAt, scores: highScores };
  const limitOf = (shop: Parameters<typeof linkedAccountLimit>[0], now: number) => linkedAccountLimit(shop, now);

  it('raises 5 + 5 to 10 + 10 for an enterprise open 30 days with every score at 4.6 or above', () => {
    assert.deepEqual(limitOf(raisedShop, openedAt + 30 * day), { channels: 10, officialAccounts: 10 });
    assert.deepEqual(limitOf(raisedShop, openedAt + 400 * day), { channels: 10, officialAccounts: 10 });
  });

  it('keeps 5 + 5 a millisecond before 30 days, for a lower score in any of the three, or without a date or scores', () => {
    const five = { channels: 5, officialAccounts: 5 };
    assert.deepEqual(limitOf(raisedShop, openedAt + 30 * day - 1), five);
    for (const key of ['description', 'service', 'logistics'] as const) {
      assert.deepEqual(
        limitOf({ ...raisedShop, scores: { ...highScores, [key]: 4.59 } }, openedAt + 60 * day),
        five,
        key,
      );
    }
    assert.deepEqual(limitOf({ subjectType: 'enterprise', scores: highScores }, openedAt + 60 * day), five, 'no date');
    assert.deepEqual(limitOf({ subjectType: 'enterprise', openedAt }, openedAt + 60 * day), five, 'no scores');
    assert.deepEqual(limitOf({ ...raisedShop, subjectType: 'individual' }, openedAt + 60 * day), five, 'individual');
    assert.deepEqual(limitOf({ ...raisedShop, subjectType: 'other' }, openedAt + 60 * day), five, 'other');
  });
});

const fullRoom = {
  finderUserName: 'sphShanyeOutdoor',
  nickname: '山野户外直播',
  avatarUrl: 'https://img.example/host.png',
  description: '冬季徒步装备专场',
  feedId: 'export/UzFfAgtgekIEAQAAAAAA',
  status: 'live',
  statusCode: 2,
  replay: 'none',
  notice: {
    noticeId: 'notice-1',
    status: 'open',
    startAt: 1_700_000_000_000,
    reservable: true,
    description: '周五晚八点',
  },
  shopAppid: appid,
  startedAt: 1_700_000_100_000,
  endedAt: 1_700_000_900_000,
  viewers: 1200,
  heat: 56_000,
  pinnedProductId: '10000201',
  bag: [
    {
      appid,
      productId: '10000201',
      index: 1,
      title: '防晒衣',
      image: 'https://img.example/p.png',
      price: 9900,
      originalPrice: 12_900,
      stock: 30,
      flashSaleEndsAt: 1_700_000_500_000,
    },
  ],
  lastEventId: '42',
};

describe('the live room schema (domain/live.ts)', () => {
  it('keeps every field of a full room, with every status, replay and notice status', () => {
    assertKeptWhole(liveRoomSchema, fullRoom, 'a full room');
    for (const status of liveStatuses) assertKeptWhole(liveRoomSchema, { ...fullRoom, status }, status);
    for (const replay of replayStatuses) assertKeptWhole(liveRoomSchema, { ...fullRoom, replay }, replay);
    assert.deepEqual([...liveStatuses], ['not_started', 'live', 'ended', 'preparing', 'unknown']);
    assert.deepEqual([...replayStatuses], ['none', 'ready', 'generating', 'expired', 'unknown']);
    assert.deepEqual([...noticeStatuses], ['open', 'cancelled', 'used', 'unknown']);
    for (const status of noticeStatuses) {
      assertKeptWhole(liveNoticeSchema, { ...fullRoom.notice, status }, `notice ${status}`);
    }
  });

  it('refuses an unknown status, a bag item without stock and a negative price', () => {
    assertRefused(liveRoomSchema, { ...fullRoom, status: 'paused' }, 'an unknown status');
    assertRefused(liveRoomSchema, { ...fullRoom, replay: 'lost' }, 'an unknown replay');
    assertRefused(liveNoticeSchema, { ...fullRoom.notice, status: 'moved' }, 'an unknown notice status');
    const noStock: Record<string, unknown> = { ...fullRoom.bag[0] };
    delete noStock.stock;
    assertRefused(liveRoomSchema, { ...fullRoom, bag: [noStock] }, 'a bag item without stock');
    assertRefused(liveRoomSchema, { ...fullRoom, bag: [{ ...fullRoom.bag[0], price: -1 }] }, 'a negative price');
    assertRefused(
      liveRoomSchema,
      { ...fullRoom, bag: [{ ...fullRoom.bag[0], flashSaleEndsAt: 1.5 }] },
      'a fractional end',
    );
    assertRefused(liveNoticeSchema, { ...fullRoom.notice, reservable: 'yes' }, 'a notice reservable as text');
  });

  it('keeps every field of an event of each type, and refuses one without its id or time', () => {
    const base = { id: '42', at: 1_700_000_000_000, time: 1_700_000_000_500 };
    const events = [
      { ...base, type: 'snapshot', room: fullRoom },
      { ...base, type: 'status', status: 'ended', statusCode: 3, replay: 'generating' },
      { ...base, type: 'viewers', viewers: 1300 },
      { ...base, type: 'heat', heat: 57_000 },
      { ...base, type: 'pin', productId: '10000201' },
      { ...base, type: 'pin', productId: null },
      { ...base, type: 'stock', productId: '10000201', stock: 0, restock: false },
      {
        ...base,
        type: 'price',
        productId: '10000201',
        price: 8900,
        originalPrice: 12_900,
        flashSaleEndsAt: 1_700_000_600_000,
      },
      { ...base, type: 'product_added', item: fullRoom.bag[0] },
      { ...base, type: 'product_removed', productId: '10000201' },
    ];
    for (const event of events) assertKeptWhole(liveEventSchema, event, `a ${event.type} event`);
    assert.deepEqual([...new Set(events.map((event) => event.type))], [...liveEventTypes]);
    for (const event of events) {
      const withoutId: Record<string, unknown> = { ...event };
      delete withoutId.id;
      assertRefused(liveEventSchema, withoutId, `a ${event.type} event without its id`);
      assertRefused(liveEventSchema, { ...event, at: -1 }, `a ${event.type} event before 1970`);
    }
    assertRefused(liveEventSchema, { ...base, type: 'heat', heat: -1 }, 'a negative heat');
    assertRefused(
      liveEventSchema,
      { ...base, type: 'status', status: 'paused', statusCode: 2, replay: 'none' },
      'an unknown status',
    );
  });

  it("names each of WeChat's codes, and any other code unknown", () => {
    assert.deepEqual([1, 2, 3, 4, 0, 5].map(liveStatusName), [
      'not_started',
      'live',
      'ended',
      'preparing',
      'unknown',
      'unknown',
    ]);
    assert.deepEqual(liveStatusCodes, { 1: 'not_started', 2: 'live', 3: 'ended', 4: 'preparing' });
    assert.deepEqual([0, 1, 3, 6, 2, 7].map(replayStatusName), [
      'none',
      'ready',
      'generating',
      'expired',
      'unknown',
      'unknown',
    ]);
    assert.deepEqual([0, 1, 2, 3, -1].map(noticeStatusName), ['open', 'cancelled', 'used', 'unknown', 'unknown']);
  });
});
