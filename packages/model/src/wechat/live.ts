import { z } from 'zod/mini';
import {
  liveStatusName,
  noticeStatusName,
  replayStatusName,
  type LiveBagItem,
  type LiveNotice,
  type LiveRoom,
} from '../domain/live.js';
import { looseInt } from './scalars.js';

/** `wx.getChannelsLiveInfo` success result. */
export const wechatLiveInfoSchema = z.looseObject({
  feedId: z.optional(z.string()),
  nonceId: z.optional(z.string()),
  description: z.optional(z.string()),
  status: looseInt,
  /** A string in the docs, a number in the typings. */
  replayStatus: z.optional(looseInt),
  headUrl: z.optional(z.string()),
  nickname: z.optional(z.string()),
});
export type WeChatLiveInfo = z.output<typeof wechatLiveInfoSchema>;

/** `wx.getChannelsLiveNoticeInfo` success result. */
export const wechatLiveNoticeSchema = z.looseObject({
  noticeId: z.string(),
  status: looseInt,
  /** Unix seconds, a string in the docs. */
  startTime: looseInt,
  reservable: z.optional(z.boolean()),
  headUrl: z.optional(z.string()),
  nickname: z.optional(z.string()),
  description: z.optional(z.string()),
});
export type WeChatLiveNotice = z.output<typeof wechatLiveNoticeSchema>;

export function noticeFromWeChat(raw: WeChatLiveNotice): LiveNotice {
  const notice: LiveNotice = {
    noticeId: raw.noticeId,
    status: noticeStatusName(raw.status),
    startAt: raw.startTime * 1000,
    // A notice can only be reserved while it is open.
    reservable: (raw.reservable ?? false) && raw.status === 0,
  };
  if (raw.description) notice.description = raw.description;
  return notice;
}

/**
 * Maps WeChat's live info (and notice) to the domain room. Viewers, heat and the bag are not in
 * WeChat's mini-program API; a backend that has them passes them in `extra`.
 */
export function liveFromWeChat(
  finderUserName: string,
  info: WeChatLiveInfo,
  extra: {
    notice?: WeChatLiveNotice;
    viewers?: number;
    heat?: number;
    bag?: LiveBagItem[];
    shopAppid?: string;
  } = {},
): LiveRoom {
  const room: LiveRoom = {
    finderUserName,
    nickname: info.nickname ?? extra.notice?.nickname ?? '',
    avatarUrl: info.headUrl ?? extra.notice?.headUrl ?? '',
    description: info.description ?? '',
    status: liveStatusName(info.status),
    statusCode: info.status,
    replay: replayStatusName(info.replayStatus ?? 0),
    viewers: extra.viewers ?? 0,
    heat: extra.heat ?? 0,
    bag: extra.bag ?? [],
  };
  if (info.feedId) room.feedId = info.feedId;
  if (extra.notice) room.notice = noticeFromWeChat(extra.notice);
  if (extra.shopAppid) room.shopAppid = extra.shopAppid;
  return room;
}
