import { localizedCatalog } from '../internal/i18n.js';
import type { LiveWidgetStatus, ReservationOutcome } from './live-widget.options.js';

export const zhCN = {
  loading: '直播间加载中',
  notFound: '直播间不存在',
  offline: '网络不可用',
  loadFailed: '直播间加载失败',
  unavailable: '直播间暂不可用',
  retry: '重试',
  retryLabel: '重试加载直播间',
  status: {
    not_started: '直播预告',
    preparing: '马上开播',
    live: '直播中',
    ended: '直播已结束',
  } satisfies Record<LiveWidgetStatus, string>,
  viewers: (count: string) => `${count}人观看`,
  heat: (count: string) => `热力值 ${count}`,
  reconnecting: '重新连接中',
  openRoom: '进入直播间',
  startsIn: '距开播',
  days: (count: number) => `${count}天`,
  startingSoon: '即将开播',
  startsAt: (when: string) => `${when} 开播`,
  reserve: '预约直播',
  reserved: '已预约',
  reservation: {
    reserved: '预约成功，开播时会提醒你',
    already_reserved: '你已预约过这场直播',
    notice_cancelled: '这场直播预告已取消',
    notice_expired: '这场直播预告已过期',
    live_ended: '这场直播已结束',
    failed: '预约没有成功，请重试',
  } satisfies Record<ReservationOutcome, string>,
  explaining: '讲解中',
  buy: '去购买',
  soldOut: '已抢光',
  stockLeft: (count: string) => `剩余${count}件`,
  bag: (count: number) => `小黄车 · ${count}件商品`,
  flashSale: '秒杀',
  flashSaleEndsIn: '距结束',
  originalPrice: (price: string) => `原价${price}`,
  replay: '看回放',
  replayGenerating: '回放生成中',
  replayExpired: '回放已过期',
  noReplay: '本场直播暂无回放',
  announce: {
    explaining: (title: string) => `正在讲解：${title}`,
    soldOut: (title: string) => `${title} 已抢光`,
    flashSale: (title: string, price: string) => `秒杀开始：${title} ${price}`,
  },
};
export type LiveWidgetMessages = typeof zhCN;

/** English loads on demand, as the other elements' words do. */
export const liveWidgetMessages = localizedCatalog(
  zhCN,
  async () => (await import('./live-widget.messages.en-US.js')).enUS,
);
