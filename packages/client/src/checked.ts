import { XiaodianError } from '@xiaodian/model';
import { firstIssue, type CompiledValidator } from './validate.js';

/**
 * The value, typed, when the validator accepts it; else an `invalid_response` naming the first issue. For
 * the lazily loaded checks (validate-resources.ts, validate-search.ts); not in validate.ts, which every
 * product card loads.
 */
export function checked<T>(validator: CompiledValidator, value: unknown, what: string): T {
  if (validator(value)) return value as T;
  throw new XiaodianError('invalid_response', `${what} failed validation${firstIssue(validator)}`);
}
