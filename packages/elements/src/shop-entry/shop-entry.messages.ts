import type { BrandCertification } from '@xiaodian/model';
import { localizedCatalog } from '../internal/i18n.js';

export const zhCN = {
  loading: '店铺加载中',
  enter: '进店',
  closed: '店铺已关闭',
  /** The inline link's status, one character in place of the logo. */
  closedMark: '关',
  loadFailed: '店铺加载失败',
  notFound: '店铺不存在',
  offline: '网络不可用',
  unavailable: '店铺暂不可用',
  retry: '重试',
  retryLabel: '重试加载店铺',
  scores: { description: '描述', service: '服务', logistics: '物流' },
  onSale: (count: string) => `在售${count}件`,
  sold: (count: string) => `已售${count}`,
  accounts: (official: number, channels: number) => `关联公众号${official} · 视频号${channels}`,
  certification: {
    official_flagship: '官方旗舰店',
    flagship: '旗舰店',
    exclusive: '专营店',
    specialty: '专卖店',
    authorized: '品牌授权',
  } satisfies Record<BrandCertification, string>,
};
export type ShopEntryMessages = typeof zhCN;

/** English loads on demand, as the product card's does. */
export const shopEntryMessages = localizedCatalog(
  zhCN,
  async () => (await import('./shop-entry.messages.en-US.js')).enUS,
);
