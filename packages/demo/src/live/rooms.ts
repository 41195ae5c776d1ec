import type { LiveBagItem, LiveRoom, Product, Shop } from '@xiaodian/model';

/** How a room starts, relative to when the simulation starts. */
export type RoomScript =
  | { kind: 'live'; startedAgoMs: number }
  | { kind: 'preparing'; liveInMs: number }
  | { kind: 'not_started'; startsInMs: number }
  | { kind: 'ended'; endedAgoMs: number; replay: 'ready' | 'none' | 'expired' };

export interface RoomDefinition {
  finderUserName: string;
  /** Defaults to the shop's name. */
  nickname?: string;
  description: string;
  /** Index of the shop (in catalog order) whose products the room sells. */
  shop: number;
  script: RoomScript;
}

const minute = 60_000;

/** Eight rooms covering every state WeChat reports, on the shops of the first categories. */
export const roomDefinitions: readonly RoomDefinition[] = [
  {
    finderUserName: 'sphShanyeOutdoor',
    nickname: '山野户外官方',
    description: '秋冬徒步装备专场 冲锋衣直降',
    shop: 0,
    script: { kind: 'live', startedAgoMs: 42 * minute },
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
];

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
  const status = script.kind;
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
  const bag = [...onSale].sort((a, b) => b.sales - a.sales).slice(0, 6 + Math.floor(random() * 5));
  room.bag = bag.map((product, i) => bagItem(product, i + 1, random() < 0.5));
  if (script.kind === 'live') {
    room.startedAt = start - script.startedAgoMs;
    room.viewers = 800 + Math.floor(random() * 6_000);
    room.heat = room.viewers * (20 + Math.floor(random() * 30));
    room.pinnedProductId = room.bag[0]?.productId;
  } else if (script.kind === 'ended') {
    room.startedAt = start - script.endedAgoMs - 2 * 60 * minute;
    room.endedAt = start - script.endedAgoMs;
    room.heat = 50_000 + Math.floor(random() * 400_000);
  } else {
    const startsIn = script.kind === 'preparing' ? script.liveInMs : script.startsInMs;
    room.notice = {
      noticeId: `notice_${definition.finderUserName}`,
      status: 'open',
      startAt: start + startsIn,
      // Reservations (预约) close once the room is preparing.
      reservable: script.kind === 'not_started',
      description: definition.description,
    };
    if (script.kind === 'preparing') room.viewers = 30 + Math.floor(random() * 200);
  }
  if (room.pinnedProductId === undefined) delete room.pinnedProductId;
  return room;
}

export { replayCodes, statusCodes };
