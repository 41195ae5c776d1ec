import { XiaodianError, isAppid, isId, productRef, shopRef, type ProductRef, type ShopRef } from '@xiaodian/model';

/**
 * Attribute checks for elements that a page author configures by hand. The rule: tell the developer what is
 * wrong (one `console.warn` naming the attribute and the format it needs), show the shopper only what helps,
 * and let nothing invalid reach a request or an event. Elements run these in `willUpdate`, so attributes set
 * one after another in the same task are checked together, once. The words load only when needed
 * (diagnostics.ts).
 */

/** The diagnostics module, once something needed it: tests await it before looking at the console. */
export const diagnostics = () => import('./diagnostics.js');

/** An `invalid_ref` error that names the attribute at fault; its warning follows once the words load. */
function invalid(host: Element, attribute: string, value: string | undefined): XiaodianError {
  void diagnostics().then((words) => words.warnOnce(host, words.refProblem(host.localName, attribute, value)));
  return new XiaodianError('invalid_ref', `Invalid ${attribute}`);
}

/** The product ref the attributes name, checked with the model's own checks, or why they name none. */
export function checkProductRef(
  host: Element,
  appid: string | undefined,
  productId: string | undefined,
  extra: Omit<ProductRef, 'appid' | 'productId'>,
): ProductRef | XiaodianError {
  if (!isAppid(appid ?? '')) return invalid(host, 'appid', appid);
  if (!isId(productId ?? '')) return invalid(host, 'product-id', productId);
  return productRef(appid ?? '', productId ?? '', extra);
}

/** The shop ref the `appid` attribute names, or why it names none. */
export function checkShopRef(host: Element, appid: string | undefined): ShopRef | XiaodianError {
  return isAppid(appid ?? '') ? shopRef(appid ?? '') : invalid(host, 'appid', appid);
}

/**
 * An enumerated attribute's value if it is one of `allowed` (the first is the default), else the default
 * with a warning. A missing attribute is the default, silently.
 */
export function checkOption<T extends string>(
  host: Element,
  attribute: string,
  value: string | null | undefined,
  allowed: readonly T[],
): T {
  const fallback = allowed[0]!;
  if (value === null || value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  void diagnostics().then((words) =>
    words.warnOnce(host, words.optionProblem(host.localName, attribute, value, allowed)),
  );
  return fallback;
}
