import { XiaodianError, isErrorBody as hasErrorBodyShape, type ErrorBody, type Product } from '@xiaodian/model';
import { validateProduct, validateProductsResponse } from './generated/validators.js';
import type { CompiledValidator } from './validate-schema.js';

/**
 * The checks every product card runs: the model's zod schemas, described at build time
 * (scripts/generate-validators.mjs) for one small schema checker (validate-schema.ts), so the card does not
 * ship a schema library. Test `validator-equivalence` holds them to the zod schemas. Other resources are
 * checked the same way, by validators loaded on demand (validate-resources.ts).
 */
export type { CompiledValidator } from './validate-schema.js';

/** Where and why a compiled check failed, from its first error (` at path: failed "keyword" {params}`). */
export function firstIssue(validator: CompiledValidator): string {
  const issue = validator.errors?.[0];
  if (!issue) return '';
  const path = issue.instancePath.slice(1).replaceAll('/', '.') || '(root)';
  return ` at ${path}: failed "${issue.keyword}" ${JSON.stringify(issue.params)}`;
}

export function isProduct(value: unknown): value is Product {
  return validateProduct(value);
}

/**
 * An error body as the model's zod schema reads it (`errorBodySchema`): the model's own shape check, which
 * every page loads already for `XiaodianError.from`, plus the finite `errcode` `z.number()` asks for; unknown
 * keys are dropped, as zod drops them. A second compiled validator for three fields would cost each page of
 * cards about 0.4 kB min+gzip.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (!hasErrorBodyShape(value) || (value.upstream && !Number.isFinite(value.upstream.errcode))) return false;
  keepOnly(value, ['code', 'message', 'upstream']);
  if (value.upstream) keepOnly(value.upstream, ['errcode', 'errmsg', 'rid']);
  return true;
}

function keepOnly(object: object, keys: readonly string[]): void {
  for (const key of Object.keys(object)) if (!keys.includes(key)) delete (object as Record<string, unknown>)[key];
}

/** `{items: [{ref, ok, …}]}`, the envelope of `GET /v1/products`; items are checked one by one. */
export function isProductsResponse(value: unknown): value is { items: Array<{ ref: string; ok: boolean }> } {
  return validateProductsResponse(value);
}

export function checkProduct(value: unknown, what: string): Product {
  if (validateProduct(value)) return value as Product;
  throw new XiaodianError('invalid_response', `${what} failed validation${firstIssue(validateProduct)}`);
}

/** One `{ok, product | error}` item of a batch: a malformed item becomes that ref's own error. */
export function checkProductResult(item: unknown, what: string): Product {
  if (typeof item === 'object' && item !== null && 'ok' in item) {
    if (item.ok === true && 'product' in item) return checkProduct(item.product, what);
    if (item.ok === false && 'error' in item && isErrorBody(item.error)) {
      throw new XiaodianError(
        item.error.code,
        item.error.message,
        item.error.upstream ? { upstream: item.error.upstream } : {},
      );
    }
  }
  throw new XiaodianError('invalid_response', `Malformed result for ${what}`);
}
