/**
 * The small checks every browser validator is built from. scripts/generate-validators.mjs writes each of
 * the model's zod schemas (through its JSON Schema) as a composition of these (`is('string')`,
 * `object({…}, required, false)`…), one `validator(…)` per schema name, so a resource costs its
 * description only, not compiled code, and a page loads only the checks its schemas use: the rarer ones
 * (unions, patterns, tuples, key checks) are in validate-schema-more.ts. The generator refuses any keyword
 * it cannot write with them, so a schema these would misread never ships; the validator-equivalence tests
 * hold every validator to zod.
 */
export interface Issue {
  /** JSON Pointer to the value that failed, `''` for the root. */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** What a validator reports besides its verdict: the first issue it met, as Ajv reported it. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: Issue[] | null;
}

/**
 * One check of a value at `path`: its first issue, or undefined. With `strip`, keys a closed object does
 * not name are deleted as the walk goes (the caller discards a value that fails); a union tries its
 * branches without it, so only the branch that matches strips.
 */
export type Check = (value: unknown, path: string, strip: boolean) => Issue | undefined;

export function validator(check: Check): CompiledValidator {
  const validate: CompiledValidator = (data) => {
    const issue = check(data, '', true);
    validate.errors = issue ? [issue] : null;
    return !issue;
  };
  return validate;
}

export const fail = (instancePath: string, keyword: string, params: Record<string, unknown>): Issue => ({
  instancePath,
  keyword,
  params,
});

/**
 * JSON's kinds, with integers apart; NaN and ±Infinity are no JSON number, as zod's `z.number()` holds:
 * they have no kind, so no type names them.
 */
function kindOf(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value !== 'number') return typeof value;
  return Number.isInteger(value) ? 'integer' : Number.isFinite(value) ? 'number' : undefined;
}

/**
 * A value of one of the JSON types (space-separated: `'string null'`; `''` for any), then `more`, in
 * order. An integer is a number too.
 */
export const is =
  (type: string, ...more: Check[]): Check =>
  (value, path, strip) => {
    const kind = kindOf(value);
    if (type && !type.split(' ').some((name) => name === kind || (name === 'number' && kind === 'integer')))
      return fail(path, 'type', { type });
    for (const check of more) {
      const issue = check(value, path, strip);
      if (issue) return issue;
    }
    return undefined;
  };

/**
 * What a bound's keyword measures, as JSON Schema says: a length bound a string's `.length` (UTF-16 units,
 * as zod counts), an items bound an array's, any other bound a number itself. A value of another kind
 * measures NaN, which fails no bound.
 */
function measureOf(keyword: string, value: unknown): number {
  if (keyword.endsWith('Length')) return typeof value === 'string' ? value.length : NaN;
  if (keyword.endsWith('Items')) return Array.isArray(value) ? value.length : NaN;
  return typeof value === 'number' ? value : NaN;
}

/**
 * A bound, as its JSON Schema keyword names it. `side`: -1 for a lower bound, 1 for an upper one, -2 and 2
 * when the limit itself is excluded.
 */
export const bound =
  (keyword: string, limit: number, side: number): Check =>
  (value, path) => {
    const beyond = (measureOf(keyword, value) - limit) * side;
    return beyond > 0 || (side * side > 1 && beyond === 0) ? fail(path, keyword, { limit }) : undefined;
  };

/** One of the values (`enum`, or `const` for one). */
export const among =
  (values: readonly unknown[], keyword = 'enum'): Check =>
  (value, path) =>
    values.includes(value) ? undefined : fail(path, keyword, { allowed: values });

/** An array whose every item passes `items` (when given), then `more` (bounds, a tuple's positions). */
export const array = (items: Check | undefined, ...more: Check[]): Check =>
  is(
    'array',
    (value, path, strip) => {
      const list = value as unknown[];
      for (let index = 0; index < list.length; index += 1) {
        const issue = items?.(list[index], `${path}/${index}`, strip);
        if (issue) return issue;
      }
      return undefined;
    },
    ...more,
  );

/**
 * An object with `properties`, the first `required` of which it must have (an optional one may hold
 * undefined: zod reads it as absent), and what other keys may be: `false`, dropped as zod drops them; a
 * check, each value checked; undefined, kept as they are. Then `more` (a check of the keys). The required
 * properties come first so that the description need not name them twice.
 */
export const object = (
  properties: Readonly<Record<string, Check | undefined>>,
  required: number,
  rest: Check | false | undefined,
  ...more: Check[]
): Check =>
  is(
    'object',
    (value, path, strip) => {
      const object = value as Record<string, unknown>;
      for (const key of Object.keys(properties).slice(0, required))
        if (object[key] === undefined) return fail(path, 'required', { missingProperty: key });
      for (const key of Object.keys(object)) {
        const named = Object.prototype.hasOwnProperty.call(properties, key);
        const check = named ? properties[key] : rest;
        if (check === false) {
          if (strip) delete object[key];
        } else if (check && !(named && object[key] === undefined)) {
          const issue = check(object[key], `${path}/${key}`, strip);
          if (issue) return issue;
        }
      }
      return undefined;
    },
    ...more,
  );
