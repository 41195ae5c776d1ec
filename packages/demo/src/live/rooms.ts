import type { LiveBagItem, LiveRoom, Product, Shop } from '@xiaodian/model';

/**
 * How a room behaves, relative to when the simulation starts. Rooms that show a state (`preparing`,
 * `not_started`, `ended`) keep showing it at any moment, so every state is always there to look at: a notice
 * that comes due is moved on (the host postponed), a preparing room's start keeps slipping by `liveInMs`.
 * `scripted` walks a whole live on a fixed timeline (`scriptedLive`), for tests; `idle` is a linked account
 * that is not live and has nothing announced.
 */
export type RoomScript =
  | { kind: 'live'; startedAgoMs: number; alwaysFlashSale?: boolean }
  | { kind: 'preparing'; liveInMs: number }
  | { kind: 'not_started'; startsInMs: number }
  | { kind: 'ended'; endedAgoMs: number; replay: 'ready' | 'none' | 'expired' | 'generating' }
  | { kind: 'scripted' }
  | { kind: 'idle' };

export interface RoomDefinition {
  finderUserName: string;
  /** Defaults to the shop's name. */
  nickname?: string;
  description: string;
  /** Index of the shop (in catalog order) whose products the room sells; the room is one of its linked 视频号. */
  shop: number;
  script: RoomScript;
}

const minute = 60_000;

/** The scripted room's steps, each `afterMs` after the simulation starts. */
export const scriptedLiveSteps = [
  { afterMs: 0, step: 'notice' },
  { afterMs: 5 * minute, step: 'preparing' },
  { afterMs: 10 * minute, step: 'live' },
  { afterMs: 11 * minute, step: 'explain_next' },
  { afterMs: 12 * minute, step: 'flash_sale' },
  { afterMs: 13 * minute, step: 'sold_out' },
  { afterMs: 14 * minute, step: 'flash_sale_end' },
  { afterMs: 15 * minute, step: 'ended_replay_generating' },
  { afterMs: 16 * minute, step: 'replay_ready' },
] as const;
export type ScriptedLiveStep = (typeof scriptedLiveSteps)[number]['step'];

/**
 * A room that walks a whole live on clock steps (with `manualClock`, one `advance` per step): a reservable
 * notice starting 10 minutes in → preparing (5 min) → live, explaining the first product (10 min) → the
 * second product (11 min) → a flash sale on it, ending at 14 min (12 min) → the third product sells out
 * (13 min) → the flash sale ends (14 min) → ended, replay generating (15 min) → replay ready (16 min). Nothing
 * else happens in it: what a test sees at each step is exactly the step.
 */
export const scriptedLive = {
  finderUserName: 'sphXiaodianScript',
  /** When the notice says the live starts, after the simulation starts. */
  startsAfterMs: 10 * minute,
  /** When the flash sale ends, after the simulation starts. */
  flashSaleEndsAfterMs: 14 * minute,
  steps: scriptedLiveSteps,
} as const;

/** Rooms covering every state WeChat reports, each on one of its shop's linked 视频号. */
export const roomDefinitions: readonly RoomDefinition[] = [
  {
    finderUserName: 'sphShanyeOutdoor',
    nickname: '山野户外官方',
    description: '秋冬徒步装备专场 冲锋衣直降',
    shop: 0,
    script: { kind: 'live', startedAgoMs: 42 * minute, alwaysFlashSale: true },
  },
  {
    finderUserName: 'sphQingquanTea',
    nickname: '清泉茶饮',
    description: '明前龙井品鉴 买二送一',
    shop: 1,
    script: { kind: 'live', startedAgoMs: 15 * minute },
  },
  {
    finderUserName: 'sphHuajianBeauty',
    nickname: '花间美妆',
    description: '双11返场 精华买一送一',
    shop: 3,
    script: { kind: 'live', startedAgoMs: 95 * minute },
  },
  {
    finderUserName: 'sphMuyuHome',
    nickname: '木语家居生活',
    description: '周末家居焕新 提前预约抽免单',
    shop: 2,
    script: { kind: 'not_started', startsInMs: 3 * 60 * minute },
  },
  {
    finderUserName: 'sphJewelryLive',
    description: '足金新品首发 马上开播',
    shop: 8,
    script: { kind: 'preparing', liveInMs: 2 * minute },
  },
  {
    finderUserName: 'sphDigitalLive',
    description: '耳机专场回放',
    shop: 9,
    script: { kind: 'ended', endedAgoMs: 2 * 60 * minute, replay: 'ready' },
  },
  {
    finderUserName: 'sphBabyLive',
    description: '宝妈福利场',
    shop: 10,
    script: { kind: 'ended', endedAgoMs: 26 * 60 * minute, replay: 'none' },
  },
  {
    finderUserName: 'sphFashionLive',
    description: '夏装清仓（回放已过期）',
    shop: 4,
    script: { kind: 'ended', endedAgoMs: 40 * 24 * 60 * minute, replay: 'expired' },
  },
  {
    finderUserName: 'sphSportsReplay',
    description: '跑鞋专场 回放生成中',
    shop: 5,
    script: { kind: 'ended', endedAgoMs: 10 * minute, replay: 'generating' },
  },
  {
    finderUserName: scriptedLive.finderUserName,
    description: '小店直播演示 全流程',
    shop: 6,
    script: { kind: 'scripted' },
  },
];

/** What a demo 视频号 shows, for tests, stories and pages to pick one by. */
export type DemoLiveState =
  | 'live'
  | 'preparing'
  | 'not_started'
  | 'ended_replay_ready'
  | 'ended_replay_generating'
  | 'ended_replay_expired'
  | 'ended_no_replay'
  | 'scripted';

export interface DemoLiveAccount {
  finderUserName: string;
  state: DemoLiveState;
  /** Index of the shop (catalog order) that links this 视频号. */
  shop: number;
}

function stateOf(script: RoomScript): DemoLiveState {
  if (script.kind === 'ended') return script.replay === 'none' ? 'ended_no_replay' : `ended_replay_${script.replay}`;
  if (script.kind === 'idle') return 'not_started';
  return script.kind;
}

/**
 * The demo's live rooms and the state each shows at any moment (the scripted one moves through them on
 * its timeline). Every other linked 视频号 of the demo shops is known too and answers `not_started`
 * without a notice: see `DemoBackend.liveAccounts`.
 */
export const demoLiveAccounts: readonly DemoLiveAccount[] = roomDefinitions.map((definition) => ({
  finderUserName: definition.finderUserName,
  state: stateOf(definition.script),
  shop: definition.shop,
}));

const statusCodes = { not_started: 1, live: 2, ended: 3, preparing: 4 } as const;
const replayCodes = { none: 0, ready: 1, generating: 3, expired: 6 } as const;

export function bagItem(product: Product, index: number, discount: boolean): LiveBagItem {
  const stock = Math.min(
    999,
    product.skus.reduce((sum, sku) => sum + Math.max(0, sku.stock), 0),
  );
  const item: LiveBagItem = {
    appid: product.appid,
    productId: product.productId,
    index,
    title: product.shortTitle ?? product.title,
    image: product.images[0] ?? '',
    price: discount ? Math.max(100, Math.round((product.minPrice * 0.85) / 100) * 100 - 10) : product.minPrice,
    stock,
  };
  if (discount && item.price < product.minPrice) item.originalPrice = product.minPrice;
  return item;
}

/** The room at the start of the simulation: status, notice, audience and bag. */
export function initialRoom(
  definition: RoomDefinition,
  shop: Shop,
  products: readonly Product[],
  avatarUrl: string,
  start: number,
  random: () => number,
): LiveRoom {
  const script = definition.script;
  const status = script.kind === 'scripted' || script.kind === 'idle' ? 'not_started' : script.kind;
  const room: LiveRoom = {
    finderUserName: definition.finderUserName,
    nickname: definition.nickname ?? shop.name,
    avatarUrl,
    description: definition.description,
    status,
    statusCode: statusCodes[status],
    replay: script.kind === 'ended' ? script.replay : 'none',
    shopAppid: shop.appid,
    viewers: 0,
    heat: 0,
    bag: [],
  };
  const onSale = products.filter((product) => product.appid === shop.appid && product.availability === 'available');
  // An account with nothing announced has an empty bag.
  const bag =
    script.kind === 'idle' ? [] : [...onSale].sort((a, b) => b.sales - a.sales).slice(0, 6 + Math.floor(random() * 5));
  room.bag = bag.map((product, i) => bagItem(product, i + 1, random() < 0.5));
  if (script.kind === 'live') {
    room.startedAt = start - script.startedAgoMs;
    room.viewers = 800 + Math.floor(random() * 6_000);
    room.heat = room.viewers * (20 + Math.floor(random() * 30));
    room.pinnedProductId = room.bag[0]?.productId;
    // Something has sold out already (已抢光): a live room always shows one.
    const last = room.bag.at(-1);
    if (last) last.stock = 0;
  } else if (script.kind === 'idle') {
    // Not live, nothing announced.
  } else if (script.kind === 'ended') {
    room.startedAt = start - script.endedAgoMs - 2 * 60 * minute;
    room.endedAt = start - script.endedAgoMs;
    room.heat = 50_000 + Math.floor(random() * 400_000);
  } else {
    const startsIn =
      script.kind === 'preparing'
        ? script.liveInMs
        : script.kind === 'scripted'
          ? scriptedLive.startsAfterMs
          : script.startsInMs;
    room.notice = {
      noticeId: `notice_${definition.finderUserName}`,
      status: 'open',
      startAt: start + startsIn,
      // Reservations (预约) close once the room is preparing.
      reservable: script.kind !== 'preparing',
      description: definition.description,
    };
    if (script.kind === 'preparing') room.viewers = 30 + Math.floor(random() * 200);
  }
  if (room.pinnedProductId === undefined) delete room.pinnedProductId;
  return room;
}

export { replayCodes, statusCodes };
