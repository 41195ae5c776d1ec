import { z } from 'zod/mini';
import { fen } from '../wechat/scalars.js';
import { count, timestamp } from './common.js';

/** `wx.getChannelsLiveInfo` status: 1 not started, 2 live, 3 ended, 4 preparing. */
export const liveStatusCodes = { 1: 'not_started', 2: 'live', 3: 'ended', 4: 'preparing' } as const;
export const liveStatuses = ['not_started', 'live', 'ended', 'preparing', 'unknown'] as const;
export type LiveStatus = (typeof liveStatuses)[number];

/** `replayStatus`: 0 none, 1 ready, 3 generating, 6 expired. */
export const replayStatusCodes = { 0: 'none', 1: 'ready', 3: 'generating', 6: 'expired' } as const;
export const replayStatuses = ['none', 'ready', 'generating', 'expired', 'unknown'] as const;
export type ReplayStatus = (typeof replayStatuses)[number];

/** Live notice (预约) status: 0 open, 1 cancelled, 2 used. */
export const noticeStatusCodes = { 0: 'open', 1: 'cancelled', 2: 'used' } as const;
export const noticeStatuses = ['open', 'cancelled', 'used', 'unknown'] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];

export function liveStatusName(code: number): LiveStatus {
  return (liveStatusCodes as Record<number, LiveStatus>)[code] ?? 'unknown';
}
export function replayStatusName(code: number): ReplayStatus {
  return (replayStatusCodes as Record<number, ReplayStatus>)[code] ?? 'unknown';
}
export function noticeStatusName(code: number): NoticeStatus {
  return (noticeStatusCodes as Record<number, NoticeStatus>)[code] ?? 'unknown';
}

export const liveNoticeSchema = z.object({
  noticeId: z.string(),
  status: z.enum(noticeStatuses),
  startAt: timestamp,
  reservable: z.boolean(),
  description: z.optional(z.string()),
});
export type LiveNotice = z.output<typeof liveNoticeSchema>;

/** A product in the live room's bag (小黄车), numbered as the host calls it out. */
export const liveBagItemSchema = z.object({
  appid: z.string(),
  productId: z.string(),
  /** The number on the bag, 1-based. */
  index: count,
  title: z.string(),
  image: z.string(),
  price: fen,
  /** The price before the live discount, when lower than it. */
  originalPrice: z.optional(fen),
  stock: count,
  /** While a flash sale (秒杀) runs: when it ends, unix ms. */
  flashSaleEndsAt: z.optional(timestamp),
});
export type LiveBagItem = z.output<typeof liveBagItemSchema>;

export const liveRoomSchema = z.object({
  finderUserName: z.string(),
  nickname: z.string(),
  avatarUrl: z.string(),
  description: z.string(),
  feedId: z.optional(z.string()),
  status: z.enum(liveStatuses),
  /** The raw WeChat status, kept so a value added later is not lost. */
  statusCode: z.number(),
  replay: z.enum(replayStatuses),
  notice: z.optional(liveNoticeSchema),
  /** The shop whose products the room sells. */
  shopAppid: z.optional(z.string()),
  startedAt: z.optional(timestamp),
  endedAt: z.optional(timestamp),
  viewers: count,
  /** 热力值. */
  heat: count,
  /** The product being explained (讲解中), if any. */
  pinnedProductId: z.optional(z.string()),
  bag: z.array(liveBagItemSchema),
  /** The id of the last event this snapshot includes: subscribe from it and nothing is missed or repeated. */
  lastEventId: z.optional(z.string()),
});
export type LiveRoom = z.output<typeof liveRoomSchema>;

const eventBase = {
  id: z.string(),
  /** When it happened, on the server's clock. */
  at: timestamp,
  /**
   * When the server sent it, on its clock (unix ms): a catch-up replay sends old events now. Clients learn
   * the server's clock from it, so countdowns hold on a device whose clock is wrong.
   */
  time: z.optional(timestamp),
};

/**
 * Events of a live room, as the gateway streams them over SSE. `snapshot` replaces the whole room; it is
 * sent when a subscriber resumes from an id older than the retained history.
 */
export const liveEventSchema = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('snapshot'), room: liveRoomSchema }),
  z.object({
    ...eventBase,
    type: z.literal('status'),
    status: z.enum(liveStatuses),
    statusCode: z.number(),
    replay: z.enum(replayStatuses),
  }),
  z.object({ ...eventBase, type: z.literal('viewers'), viewers: count }),
  z.object({ ...eventBase, type: z.literal('heat'), heat: count }),
  z.object({ ...eventBase, type: z.literal('pin'), productId: z.nullable(z.string()) }),
  z.object({
    ...eventBase,
    type: z.literal('stock'),
    productId: z.string(),
    stock: count,
    /** Stock only rises when the seller restocked: without this, a higher count is a stale one and ignored. */
    restock: z.optional(z.boolean()),
  }),
  z.object({
    ...eventBase,
    type: z.literal('price'),
    productId: z.string(),
    price: fen,
    originalPrice: z.optional(fen),
    flashSaleEndsAt: z.optional(timestamp),
  }),
  z.object({ ...eventBase, type: z.literal('product_added'), item: liveBagItemSchema }),
  z.object({ ...eventBase, type: z.literal('product_removed'), productId: z.string() }),
]);
export type LiveEvent = z.output<typeof liveEventSchema>;
export type LiveEventType = LiveEvent['type'];
export const liveEventTypes = [
  'snapshot',
  'status',
  'viewers',
  'heat',
  'pin',
  'stock',
  'price',
  'product_added',
  'product_removed',
] as const satisfies readonly LiveEventType[];
