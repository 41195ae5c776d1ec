import {
  XiaodianError,
  liveRef,
  productRef,
  shopRef,
  type LiveRef,
  type ProductRef,
  type ShopRef,
} from '@xiaodian/model';

/**
 * Every client method names what it reads with a ref object — `{appid, productId}`, `{appid}`,
 * `{finderUserName}` — the shapes `parseRef` returns. Anything else (a bare string, a missing field, a
 * malformed id) is an `invalid_ref` that says what the method takes, before any request is made.
 */
function fields(value: unknown, method: string, shape: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  const given = typeof value === 'string' ? `the string "${value}"` : String(value);
  throw new XiaodianError('invalid_ref', `${method} takes a ref object ${shape}, not ${given}`);
}

function text(value: unknown, method: string, shape: string, field: string): string {
  if (typeof value === 'string') return value;
  throw new XiaodianError('invalid_ref', `${method} takes a ref object ${shape}; "${field}" is missing`);
}

export function productRefArg(value: unknown, method: string): ProductRef {
  // Kept small: it runs on every product card. The model's checks name what is wrong with each part.
  const ref = fields(value, method, '{appid, productId}') as Partial<ProductRef>;
  return productRef(String(ref.appid), String(ref.productId), ref);
}

export function shopRefArg(value: unknown, method: string): ShopRef {
  const shape = '{appid}';
  return shopRef(text(fields(value, method, shape)['appid'], method, shape, 'appid'));
}

export function liveRefArg(value: unknown, method: string): LiveRef {
  const shape = '{finderUserName}';
  return liveRef(text(fields(value, method, shape)['finderUserName'], method, shape, 'finderUserName'));
}
