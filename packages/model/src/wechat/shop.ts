import { z } from 'zod/mini';
import type { Shop, ShopStatus, ShopSubjectType } from '../domain/shop.js';
import { looseInt } from './scalars.js';

/** `info` of `GET /channels/ec/basics/info/get`. */
export const wechatShopInfoSchema = z.looseObject({
  nickname: z.string().check(z.minLength(1)),
  headimg_url: z.string(),
  subject_type: z.optional(z.string()),
  status: z.optional(z.string()),
  username: z.optional(z.string()),
  is_local_life: z.optional(z.boolean()),
  /** Unix seconds, sometimes a string. */
  open_timestamp: z.optional(looseInt),
});
export type WeChatShopInfo = z.output<typeof wechatShopInfoSchema>;
export type WeChatShopInfoInput = z.input<typeof wechatShopInfoSchema>;

const subjectTypes: Record<string, ShopSubjectType> = { 企业: 'enterprise', 个体工商户: 'individual' };
const statuses = new Set<string>(['opening', 'open_finished', 'closing', 'close_finished']);

/**
 * Maps basics/info to the domain shop. WeChat's API does not give DSR scores, certification, counts or
 * linked accounts, so a backend that knows them passes them in `extra`.
 */
export function shopFromWeChat(
  appid: string,
  info: WeChatShopInfo,
  extra: Partial<Pick<Shop, 'brand' | 'scores' | 'productsOnSale' | 'totalSales' | 'linkedAccounts' | 'h5Url'>> = {},
): Shop {
  const shop: Shop = {
    appid,
    name: info.nickname,
    logoUrl: info.headimg_url,
    subjectType: subjectTypes[info.subject_type ?? ''] ?? 'other',
    status: statuses.has(info.status ?? '') ? (info.status as ShopStatus) : 'unknown',
    isLocalLife: info.is_local_life ?? false,
    linkedAccounts: extra.linkedAccounts ?? { officialAccounts: [], channels: [] },
  };
  if (info.username) shop.username = info.username;
  if (info.open_timestamp !== undefined && info.open_timestamp > 0) shop.openedAt = info.open_timestamp * 1000;
  if (extra.brand) shop.brand = extra.brand;
  if (extra.scores) shop.scores = extra.scores;
  if (extra.productsOnSale !== undefined) shop.productsOnSale = extra.productsOnSale;
  if (extra.totalSales !== undefined) shop.totalSales = extra.totalSales;
  if (extra.h5Url) shop.h5Url = extra.h5Url;
  return shop;
}

/** The affiliate API's shop score is an integer ×100 (463 → 4.63). */
export function scoreFromWeChat(score: number): number {
  return Math.round(score) / 100;
}

/**
 * Commission and service ratios come in three scales depending on the endpoint; this is the one place
 * they become a fraction (0.2 = 20 %).
 */
export function ratioFromWeChat(value: number, scale: 'percent' | 'per100000' | 'per1000000'): number {
  const divisor = scale === 'percent' ? 100 : scale === 'per100000' ? 100_000 : 1_000_000;
  return value / divisor;
}
