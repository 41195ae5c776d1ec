import { XiaodianError, errorBodySchema, productSchema, type Product } from '@xiaodian/model';

export interface Checkable<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

/** Parses with a schema, turning a failure into `invalid_response` that says where and why. */
export function check<T>(schema: Checkable<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? ` at ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : '';
  throw new XiaodianError('invalid_response', `${what} failed validation${where}`);
}

export const checkProduct = (value: unknown, what: string): Product => check(productSchema, value, what);

/** `undefined` instead of a throw: for cache reads, where a bad entry is simply dropped. */
export function valid<T>(schema: Checkable<T>): (value: unknown) => T | undefined {
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
}

/** One `{ok, product | error}` item of a batch: a malformed item becomes that ref's own error. */
export function checkProductResult(item: unknown, what: string): Product {
  if (typeof item === 'object' && item !== null && 'ok' in item) {
    if (item.ok === true && 'product' in item) return checkProduct(item.product, what);
    if (item.ok === false && 'error' in item) {
      const parsed = errorBodySchema.safeParse(item.error);
      if (parsed.success) throw XiaodianError.from(parsed.data);
    }
  }
  throw new XiaodianError('invalid_response', `Malformed result for ${what}`);
}
