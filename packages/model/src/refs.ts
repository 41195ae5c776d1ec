import { XiaodianError } from './errors.js';

/** A 小店 appid: `wx` followed by 16 hex characters. */
export const appidPattern = /^wx[0-9a-f]{16}$/;
/** WeChat ids are uint64 carried as decimal strings. */
export const idPattern = /^[1-9][0-9]{0,19}$/;
const maxUint64 = 18446744073709551615n;

export interface ProductRef {
  appid: string;
  productId: string;
  /** Affiliate attribution (`product-promotion-link`); passed through to the purchase unchanged. */
  promotionLink?: string;
  mediaId?: string;
}

export function isAppid(value: string): boolean {
  return appidPattern.test(value);
}

export function isId(value: string): boolean {
  return idPattern.test(value) && BigInt(value) <= maxUint64;
}

/** Validates the parts of a product ref, throwing `invalid_ref` with the reason. */
export function productRef(
  appid: string,
  productId: string,
  extra: Omit<ProductRef, 'appid' | 'productId'> = {},
): ProductRef {
  if (!isAppid(appid)) {
    throw new XiaodianError('invalid_ref', `Invalid appid "${appid}": expected "wx" followed by 16 hex characters`);
  }
  if (!isId(productId)) {
    throw new XiaodianError('invalid_ref', `Invalid product id "${productId}": expected a decimal uint64`);
  }
  return { appid, productId, ...extra };
}

/** `APPID:PRODUCT_ID`, the form the gateway's `refs` parameter and cache keys use. */
export function formatProductRef(ref: Pick<ProductRef, 'appid' | 'productId'>): string {
  return `${ref.appid}:${ref.productId}`;
}

/** Parses `APPID:PRODUCT_ID`, rejecting anything else with `invalid_ref` and a reason. */
export function parseProductRef(text: string): ProductRef {
  const parts = text.trim().split(':');
  if (parts.length !== 2) {
    throw new XiaodianError('invalid_ref', `Invalid product ref "${text}": expected APPID:PRODUCT_ID`);
  }
  const [appid = '', productId = ''] = parts;
  return productRef(appid, productId);
}
