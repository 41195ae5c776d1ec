import { z } from 'zod/mini';
import { fen } from '../wechat/scalars.js';
import { count } from './common.js';

/** Guarantees as shown on a card; names follow WeChat's `extra_service` flags and the affiliate API's list. */
export const guarantees = [
  'seven_day_return',
  'freight_insurance',
  'worry_free',
  'damage_guarantee',
  'fake_one_pay_three',
  'pay_after_use',
  'free_shipping',
  'exchange_support',
] as const;
export type Guarantee = (typeof guarantees)[number];

/** Where a card stands, for the shopper: the one thing it must say honestly. */
export const availabilities = ['available', 'sold_out', 'unavailable'] as const;
export type Availability = (typeof availabilities)[number];

export const skuSchema = z.object({
  skuId: z.string(),
  price: fen,
  stock: z.number(),
  attrs: z.array(z.object({ key: z.string(), value: z.string() })),
  image: z.optional(z.string()),
});

export const shopSummarySchema = z.object({
  appid: z.string(),
  name: z.string(),
  logoUrl: z.string(),
});

/** The normalised product every element and client method works with. */
export const productSchema = z.object({
  appid: z.string(),
  productId: z.string(),
  title: z.string().check(z.minLength(1)),
  shortTitle: z.optional(z.string()),
  images: z.array(z.string()),
  /** Lowest and highest SKU price in fen. */
  minPrice: fen,
  maxPrice: fen,
  /** The price before a discount, when the seller shows one. */
  originalPrice: z.optional(fen),
  sales: count,
  /** The raw WeChat status code. */
  status: z.number(),
  availability: z.enum(availabilities),
  guarantees: z.array(z.enum(guarantees)),
  skus: z.array(skuSchema),
  shop: shopSummarySchema,
  /** WeChat's H5 short link: opened in the WeChat browser, shown as a QR code elsewhere. */
  h5Url: z.optional(z.string()),
  /** Top-level category name, e.g. 服饰, 食品, 美妆. */
  category: z.optional(z.string()),
  /** 送礼: the product can be sent to a friend as a gift. */
  giftable: z.optional(z.boolean()),
  /** 优选联盟: present when promoters may sell it for a commission. */
  affiliate: z.optional(
    z.object({
      /** Commission as a fraction of the price, 0–0.9 (WeChat's three scales are normalised to this one). */
      commissionRatio: z.number().check(z.gte(0), z.lte(0.9)),
      /** A promoter's `product_promotion_link`, when the backend has one to show. */
      promotionLink: z.optional(z.string()),
    }),
  ),
});

export type Product = z.output<typeof productSchema>;
export type Sku = z.output<typeof skuSchema>;
export type ShopSummary = z.output<typeof shopSummarySchema>;
