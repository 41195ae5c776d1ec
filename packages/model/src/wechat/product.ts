import { z } from 'zod/mini';
import { fen, flag, looseInt, wechatId } from './scalars.js';

const attr = z.object({ attr_key: z.string(), attr_value: z.string() });

export const wechatSkuSchema = z.looseObject({
  sku_id: wechatId,
  out_sku_id: z.optional(z.string()),
  thumb_img: z.optional(z.string()),
  sale_price: fen,
  stock_num: looseInt,
  sku_code: z.optional(z.string()),
  status: z.optional(looseInt),
  sku_attrs: z.optional(z.array(attr)),
});

export const wechatExtraServiceSchema = z.looseObject({
  seven_day_return: z.optional(flag),
  pay_after_use: z.optional(flag),
  freight_insurance: z.optional(flag),
  fake_one_pay_three: z.optional(flag),
  damage_guarantee: z.optional(flag),
  exchange_support: z.optional(flag),
});

/** The `product` object of `POST /channels/ec/product/get`, as WeChat documents it. */
export const wechatProductSchema = z.looseObject({
  product_id: wechatId,
  out_product_id: z.optional(z.string()),
  title: z.string().check(z.minLength(1)),
  short_title: z.optional(z.string()),
  sub_title: z.optional(z.string()),
  head_imgs: z.array(z.string()),
  desc_info: z.optional(z.looseObject({ imgs: z.optional(z.array(z.string())), desc: z.optional(z.string()) })),
  cats_v2: z.optional(z.array(z.looseObject({ cat_id: wechatId }))),
  brand_id: z.optional(wechatId),
  attrs: z.optional(z.array(attr)),
  min_price: z.optional(fen),
  total_sold_num: z.optional(looseInt),
  status: looseInt,
  edit_status: z.optional(looseInt),
  product_type: z.optional(looseInt),
  extra_service: z.optional(wechatExtraServiceSchema),
  skus: z.optional(z.array(wechatSkuSchema)),
});

export type WeChatProduct = z.output<typeof wechatProductSchema>;
export type WeChatProductInput = z.input<typeof wechatProductSchema>;
export type WeChatSku = z.output<typeof wechatSkuSchema>;
