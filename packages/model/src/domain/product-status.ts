// Kept apart from the zod schemas so that elements can name a status without bundling zod.

/**
 * WeChat's product `status` values. Only `5` is buyable; values WeChat adds later are kept raw and read
 * as not buyable rather than failing the product.
 */
export const productStatuses = {
  0: 'initial',
  5: 'on_sale',
  6: 'recycled',
  9: 'deleted',
  11: 'delisted',
  12: 'delisted_sold_out',
  13: 'delisted_violation',
  14: 'delisted_deposit',
  15: 'delisted_brand_expired',
  20: 'banned',
} as const;
export type ProductStatusName = (typeof productStatuses)[keyof typeof productStatuses] | 'unknown';

export function statusName(status: number): ProductStatusName {
  return (productStatuses as Record<number, ProductStatusName>)[status] ?? 'unknown';
}
