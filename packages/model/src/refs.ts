import { XiaodianError } from './errors.js';

/** A 小店 appid: `wx` followed by 16 hex characters. */
export const appidPattern = /^wx[0-9a-f]{16}$/;
/** WeChat ids are uint64 carried as decimal strings. */
export const idPattern = /^[1-9][0-9]{0,19}$/;
/** A 视频号 account's finder user name: `sph` and a short run of letters, digits, `_` or `-`. */
export const finderUserNamePattern = /^sph[0-9A-Za-z_-]{3,40}$/;
const maxUint64 = 18446744073709551615n;

export interface ProductRef {
  appid: string;
  productId: string;
  /** Affiliate attribution (`product-promotion-link`); passed through to the purchase unchanged. */
  promotionLink?: string;
  mediaId?: string;
}

export interface ShopRef {
  appid: string;
}

export interface LiveRef {
  finderUserName: string;
}

/** Any reference an article can hold, tagged by what it points at. */
export type ArticleRef =
  ({ kind: 'product' } & ProductRef) | ({ kind: 'shop' } & ShopRef) | ({ kind: 'live' } & LiveRef);
export type ArticleRefKind = ArticleRef['kind'];

export function isAppid(value: string): boolean {
  return appidPattern.test(value);
}

export function isId(value: string): boolean {
  return idPattern.test(value) && BigInt(value) <= maxUint64;
}

export function isFinderUserName(value: string): boolean {
  return finderUserNamePattern.test(value);
}

function checkAppid(appid: string): void {
  if (!isAppid(appid)) {
    throw new XiaodianError('invalid_ref', `Invalid appid "${appid}": expected "wx" followed by 16 hex characters`);
  }
}

/** Validates the parts of a product ref, throwing `invalid_ref` with the reason. */
export function productRef(
  appid: string,
  productId: string,
  extra: Omit<ProductRef, 'appid' | 'productId'> = {},
): ProductRef {
  checkAppid(appid);
  if (!isId(productId)) {
    throw new XiaodianError('invalid_ref', `Invalid product id "${productId}": expected a decimal uint64`);
  }
  const ref: ProductRef = { appid, productId };
  // Optional parts are only set when present (and text), so refs compare and serialise cleanly.
  if (extra.promotionLink && typeof extra.promotionLink === 'string') ref.promotionLink = extra.promotionLink;
  if (extra.mediaId && typeof extra.mediaId === 'string') ref.mediaId = extra.mediaId;
  return ref;
}

export function shopRef(appid: string): ShopRef {
  checkAppid(appid);
  return { appid };
}

export function liveRef(finderUserName: string): LiveRef {
  if (!isFinderUserName(finderUserName)) {
    throw new XiaodianError(
      'invalid_ref',
      `Invalid finder user name "${finderUserName}": expected "sph" followed by letters, digits, "_" or "-"`,
    );
  }
  return { finderUserName };
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
