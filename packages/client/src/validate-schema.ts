/**
 * The one checker behind every browser validator: it walks a JSON Schema (draft-07) converted from the
 * model's zod schemas at build (scripts/generate-validators.mjs writes one `validator(schema)` per schema
 * name). A schema is data, so each further resource costs only its description, not compiled code; the
 * keywords below are the ones zod's converter emits for the browser schemas, and the generator refuses any
 * other, so a schema this checker would misread never ships. The validator-equivalence tests hold it to zod.
 */
export interface Schema {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  /** One schema for every item, or one per position (a tuple; its `maxItems` bounds its length). */
  items?: Schema | readonly Schema[];
  minItems?: number;
  maxItems?: number;
  properties?: Readonly<Record<string, Schema>>;
  required?: readonly string[];
  /** `false`: unknown keys are dropped, as zod drops them; a schema: each unknown key's value must match. */
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  /** The first branch that matches wins, as in a zod union (a discriminated union's tags are distinct). */
  anyOf?: readonly Schema[];
  oneOf?: readonly Schema[];
}

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

export function validator(schema: Schema): CompiledValidator {
  const validate: CompiledValidator = (data) => {
    const issue = walk(schema, data, '', true);
    validate.errors = issue ? [issue] : null;
    return !issue;
  };
  return validate;
}

/** JSON's kinds, with integers apart; NaN and ±Infinity are no JSON number, as zod's `z.number()` holds. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value !== 'number') return typeof value;
  return Number.isInteger(value) ? 'integer' : Number.isFinite(value) ? 'number' : 'non-finite';
}

/** What a bound measures: a number itself, a string's or an array's `.length` (UTF-16 units, as zod counts). */
const measure = (value: unknown): number =>
  typeof value === 'number' ? value : typeof value === 'string' || Array.isArray(value) ? value.length : NaN;

/**
 * The checks of one value against one keyword. A check passes a value of a kind it does not apply to (NaN
 * fails no bound); `type` rejects the wrong kind. Objects, arrays and unions are walked apart, below.
 */
const checks: Readonly<Record<string, (value: unknown, expected: never, kind: string) => boolean>> = {
  type: (_, type: string | string[], kind) =>
    [type].flat().some((name) => name === kind || (name === 'number' && kind === 'integer')),
  enum: (value, allowed: unknown[]) => allowed.includes(value),
  const: (value, allowed: unknown) => value === allowed,
  pattern: (value, pattern: string) => typeof value !== 'string' || new RegExp(pattern).test(value),
  minimum: (value, limit: number) => !(measure(value) < limit),
  maximum: (value, limit: number) => !(measure(value) > limit),
  exclusiveMinimum: (value, limit: number) => !(measure(value) <= limit),
  exclusiveMaximum: (value, limit: number) => !(measure(value) >= limit),
  minLength: (value, limit: number) => !(measure(value) < limit),
  maxLength: (value, limit: number) => !(measure(value) > limit),
  minItems: (value, limit: number) => !(measure(value) < limit),
  maxItems: (value, limit: number) => !(measure(value) > limit),
};

const fail = (instancePath: string, keyword: string, params: Record<string, unknown>): Issue => ({
  instancePath,
  keyword,
  params,
});

/**
 * The first issue of `value` against `schema`, or undefined. With `strip`, keys a closed object does not
 * name are deleted as the walk goes (the caller discards a value that fails); union branches are tried
 * without it, so only the branch that matches strips.
 */
function walk(schema: Schema, value: unknown, path: string, strip: boolean): Issue | undefined {
  const kind = kindOf(value);
  for (const keyword in schema) {
    const expected = schema[keyword as keyof Schema] as never;
    if (checks[keyword]?.(value, expected, kind) === false) return fail(path, keyword, { [keyword]: expected });
  }
  if (kind === 'array') {
    const array = value as unknown[];
    const { items } = schema;
    for (let index = 0; index < array.length; index += 1) {
      const itemSchema: Schema | undefined = Array.isArray(items) ? items[index] : (items as Schema | undefined);
      const issue = itemSchema && walk(itemSchema, array[index], `${path}/${index}`, strip);
      if (issue) return issue;
    }
  }
  if (kind === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? [])
      if (object[key] === undefined) return fail(path, 'required', { missingProperty: key });
    const named = schema.properties ?? {};
    for (const key of Object.keys(object)) {
      const at = `${path}/${key}`;
      const issue = schema.propertyNames && walk(schema.propertyNames, key, at, false);
      if (issue) return fail(at, 'propertyNames', { propertyName: key });
      if (Object.prototype.hasOwnProperty.call(named, key)) {
        // An optional key may hold undefined (zod reads it as absent); a required one was checked above.
        const propertyIssue = object[key] === undefined ? undefined : walk(named[key]!, object[key], at, strip);
        if (propertyIssue) return propertyIssue;
      } else if (schema.additionalProperties === false) {
        if (strip) delete object[key];
      } else if (typeof schema.additionalProperties === 'object') {
        const extraIssue = walk(schema.additionalProperties, object[key], at, strip);
        if (extraIssue) return extraIssue;
      }
    }
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    let closest: Issue | undefined;
    for (const branch of branches) {
      const issue = walk(branch, value, path, false);
      if (!issue) return strip ? walk(branch, value, path, true) : undefined;
      // A branch whose tag (`const`) does not match says least about what is wrong.
      if (!closest || closest.keyword === 'const') closest = issue;
    }
    return closest ?? fail(path, 'anyOf', {});
  }
  return undefined;
}
