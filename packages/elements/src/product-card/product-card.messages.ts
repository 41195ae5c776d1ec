import type { Guarantee, ProductStatusName } from '@xiaodian/model';
import { localizedCatalog } from '../internal/i18n.js';

/** Why a product cannot be bought, in words a shopper understands. */
export type StatusWords = Record<Exclude<ProductStatusName, 'on_sale'>, string>;

export const zhCN = {
  loading: '商品加载中',
  soldOut: '已售罄',
  sales: (count: string) => `已售${count}`,
  buy: '购买',
  priceFrom: (price: string) => `${price}起`,
  gift: '送礼',
  loadFailed: '商品加载失败',
  notFound: '商品不存在',
  offline: '网络不可用',
  unavailable: '商品暂不可用',
  retry: '重试',
  retryLabel: '重试加载商品',
  status: {
    initial: '商品未上架',
    recycled: '商品已删除',
    deleted: '商品已删除',
    delisted: '商品已下架',
    delisted_sold_out: '商品已售罄下架',
    delisted_violation: '商品因违规下架',
    delisted_deposit: '店铺保证金不足，暂不可售',
    delisted_brand_expired: '品牌授权已过期，暂不可售',
    banned: '商品已被封禁',
    unknown: '商品暂不可售',
  } satisfies StatusWords,
  guarantee: {
    seven_day_return: '七天无理由',
    freight_insurance: '运费险',
    worry_free: '放心买',
    damage_guarantee: '损坏包退',
    fake_one_pay_three: '假一赔三',
    pay_after_use: '先用后付',
    free_shipping: '包邮',
    exchange_support: '支持换货',
  } satisfies Record<Guarantee, string>,
};
export type ProductCardMessages = typeof zhCN;

/** English loads on demand: most pages are Chinese, and they need not download it. */
export const productCardMessages = localizedCatalog(
  zhCN,
  async () => (await import('./product-card.messages.en-US.js')).enUS,
);
