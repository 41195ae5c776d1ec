import { z } from 'zod/mini';
import { count, timestamp } from './common.js';

/** 主体类型: WeChat sends "企业" or "个体工商户"; anything else is kept as `other`. */
export const shopSubjectTypes = ['enterprise', 'individual', 'other'] as const;
export type ShopSubjectType = (typeof shopSubjectTypes)[number];

/** `info.status` of basics/info/get; values WeChat adds later are kept as `unknown`. */
export const shopStatuses = ['opening', 'open_finished', 'closing', 'close_finished', 'unknown'] as const;
export type ShopStatus = (typeof shopStatuses)[number];

/** Brand certification shown on shop entries, e.g. 官方旗舰店. */
export const brandCertifications = ['official_flagship', 'flagship', 'exclusive', 'specialty', 'authorized'] as const;
export type BrandCertification = (typeof brandCertifications)[number];

/** The three DSR scores (店铺评分): 0–5 with two decimals. */
export const shopScoresSchema = z.object({
  description: z.number().check(z.gte(0), z.lte(5)),
  service: z.number().check(z.gte(0), z.lte(5)),
  logistics: z.number().check(z.gte(0), z.lte(5)),
});
export type ShopScores = z.output<typeof shopScoresSchema>;

/** A 公众号 (`gh_…`) or 视频号 (`sph…`) account linked to the shop. */
export const linkedAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  avatarUrl: z.optional(z.string()),
});
export type LinkedAccount = z.output<typeof linkedAccountSchema>;

export const shopSchema = z.object({
  appid: z.string(),
  name: z.string().check(z.minLength(1)),
  logoUrl: z.string(),
  subjectType: z.enum(shopSubjectTypes),
  status: z.enum(shopStatuses),
  /** The shop's original id (`gh_…`), when known. */
  username: z.optional(z.string()),
  isLocalLife: z.boolean(),
  openedAt: z.optional(timestamp),
  brand: z.optional(z.object({ name: z.string(), certification: z.enum(brandCertifications) })),
  /** Absent when the backend cannot tell (WeChat's API has no separate DSR scores). */
  scores: z.optional(shopScoresSchema),
  productsOnSale: z.optional(count),
  totalSales: z.optional(count),
  linkedAccounts: z.object({
    officialAccounts: z.array(linkedAccountSchema),
    channels: z.array(linkedAccountSchema),
    /** 小程序 bound to the shop (cooperation/list), when the backend reads them. */
    miniPrograms: z.optional(z.array(linkedAccountSchema)),
  }),
  /** WeChat's H5 short link to the shop. */
  h5Url: z.optional(z.string()),
});
export type Shop = z.output<typeof shopSchema>;

const day = 24 * 60 * 60 * 1000;

/**
 * How many 视频号 and 公众号 accounts an enterprise shop may link: 5 + 5, raised to 10 + 10 once the shop
 * has been open 30 days with every DSR score at 4.6 or above.
 */
export function linkedAccountLimit(
  shop: Pick<Shop, 'subjectType' | 'openedAt' | 'scores'>,
  now: number,
): { channels: number; officialAccounts: number } {
  const scores = shop.scores;
  const raised =
    shop.subjectType === 'enterprise' &&
    shop.openedAt !== undefined &&
    now - shop.openedAt >= 30 * day &&
    scores !== undefined &&
    Math.min(scores.description, scores.service, scores.logistics) >= 4.6;
  const limit = raised ? 10 : 5;
  return { channels: limit, officialAccounts: limit };
}
