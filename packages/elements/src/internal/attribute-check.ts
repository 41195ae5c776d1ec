import { XiaodianError, isAppid, isId, productRef, shopRef, type ProductRef, type ShopRef } from '@xiaodian/model';

/**
 * Attribute checks for elements that a page author configures by hand. The rule: tell the developer what is
 * wrong (one `console.warn` naming the attribute and the format it needs), show the shopper only what helps,
 * and let nothing invalid reach a request or an event. Elements run these in `willUpdate`, so attributes set
 * one after another in the same task are checked together, once.
 */

const warned = new WeakMap<Element, Set<string>>();

/** Warns once per element for each distinct message (a re-render does not repeat it). */
export function warnOnce(host: Element, message: string): void {
  let messages = warned.get(host);
  if (!messages) warned.set(host, (messages = new Set()));
  if (messages.has(message)) return;
  messages.add(message);
  console.warn(message);
}

/** Why a value that looks almost right is not, so the fix is obvious from the warning alone. */
function hint(value: string, valid: (candidate: string) => boolean): string {
  if (value !== value.trim()) return ' (remove the spaces around it)';
  if (value !== value.toLowerCase() && valid(value.toLowerCase())) return ' (it must be lowercase)';
  if (/^[0-9]+$/.test(value) && !valid(value)) return ' (it is too long or starts with 0)';
  return '';
}

function describe(tag: string, attribute: string, value: string | undefined, format: string, fix: string): string {
  return value === undefined || value === ''
    ? `<${tag}> needs the ${attribute} attribute: ${format}.`
    : `<${tag}> ${attribute}="${value}" is invalid: expected ${format}${fix}.`;
}

const appidFormat = '"wx" followed by 16 lowercase hex characters';
const productIdFormat = 'a product id (decimal digits, at most a uint64)';

function invalid(message: string): XiaodianError {
  return new XiaodianError('invalid_ref', message);
}

/**
 * The product ref the attributes name, checked by the model's own parser, or an `invalid_ref` error whose
 * message names the attribute at fault and the format it needs.
 */
export function checkProductRef(
  tag: string,
  appid: string | undefined,
  productId: string | undefined,
  extra: Omit<ProductRef, 'appid' | 'productId'>,
): ProductRef | XiaodianError {
  if (!isAppid(appid ?? '')) {
    return invalid(describe(tag, 'appid', appid, appidFormat, hint(appid ?? '', isAppid)));
  }
  if (!isId(productId ?? '')) {
    return invalid(describe(tag, 'product-id', productId, productIdFormat, hint(productId ?? '', isId)));
  }
  return productRef(appid ?? '', productId ?? '', extra);
}

/** The shop ref the `appid` attribute names, or an `invalid_ref` error that says what is wrong with it. */
export function checkShopRef(tag: string, appid: string | undefined): ShopRef | XiaodianError {
  if (!isAppid(appid ?? '')) {
    return invalid(describe(tag, 'appid', appid, appidFormat, hint(appid ?? '', isAppid)));
  }
  return shopRef(appid ?? '');
}

/**
 * An enumerated attribute's value if it is one of `allowed`, else `fallback` with a warning. A missing
 * attribute is the default, silently.
 */
export function checkOption<T extends string>(
  host: Element,
  attribute: string,
  value: string | null | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === null || value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  warnOnce(
    host,
    `<${host.localName}> ${attribute}="${value}" is not one of ${allowed.map((option) => `"${option}"`).join(', ')}: ` +
      `showing "${fallback}", the default.`,
  );
  return fallback;
}
