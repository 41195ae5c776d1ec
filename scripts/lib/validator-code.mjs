// The code of a validators module: each JSON Schema (draft-07, from the model's zod schemas) written as a
// composition of the client's checks (packages/client/src/validate-schema.ts). Used by
// scripts/generate-validators.mjs, and by test/client/schema-checks.test.ts for the checks no browser
// schema uses yet.

/** Each bound and its side for `bound()`: -1 lower, 1 upper, ±2 when the limit itself is excluded. */
const bounds = {
  minLength: -1,
  maxLength: 1,
  minimum: -1,
  maximum: 1,
  exclusiveMinimum: -2,
  exclusiveMaximum: 2,
  minItems: -1,
  maxItems: 1,
};
/** Where each check lives: the common ones every page loads, the rarer ones apart (validate-schema-more.ts). */
const moreChecks = new Set(['union', 'matches', 'tuple', 'keys']);
/**
 * Annotations the checks may ignore: `discriminator` (a union's first matching branch is its tagged one, as
 * the tags are distinct constants) and the words of documentation.
 */
const ignored = new Set(['discriminator', 'title', 'description', '$schema']);

/**
 * A schema written as checks (validate-schema.ts), as code; `use(name)` records each check used and
 * `sub(schema, where)` writes a subschema (shared when it recurs). A keyword the checks cannot honour is a
 * build error naming it and where it is.
 */
function write(schema, where, use, sub) {
  const seen = new Set();
  const take = (keyword) => {
    seen.add(keyword);
    return schema[keyword];
  };
  const call = (name, ...args) => `${use(name)}(${args.join(',')})`;
  const more = [];
  for (const [keyword, side] of Object.entries(bounds))
    if (schema[keyword] !== undefined) more.push(call('bound', JSON.stringify(keyword), take(keyword), side));
  if (schema.enum) more.push(call('among', JSON.stringify(take('enum'))));
  if ('const' in schema) more.push(call('among', JSON.stringify([take('const')]), '"const"'));
  if (schema.pattern !== undefined) more.push(call('matches', JSON.stringify(take('pattern'))));
  if (schema.propertyNames && JSON.stringify(take('propertyNames')) !== '{"type":"string"}')
    // Every JSON object key is a string: only a narrower key check is written.
    more.push(call('keys', sub(schema.propertyNames, `${where}.propertyNames`)));
  const type = take('type');
  const types = [type ?? ''].flat().join(' ');
  let check;
  if (types === 'object' && !schema.anyOf && !schema.oneOf) {
    const rest = take('additionalProperties');
    const restCode =
      rest === false
        ? 'false'
        : rest === undefined || Object.keys(rest).length === 0
          ? 'undefined'
          : sub(rest, `${where}.additionalProperties`);
    // The required properties first (those a record requires are checked as its other keys are), then the
    // optional ones: `object()` reads the first `required` as required.
    const named = take('properties') ?? {};
    const required = take('required') ?? [];
    const entries = [
      ...required.map((key) => [key, key in named ? sub(named[key], `${where}.properties.${key}`) : restCode]),
      ...Object.keys(named)
        .filter((key) => !required.includes(key))
        .map((key) => [key, sub(named[key], `${where}.properties.${key}`)]),
    ];
    // Integer-like keys would be enumerated first whatever the order written.
    if (entries.some(([key]) => /^\d+$/.test(key)))
      throw new Error(
        `generate-validators: ${where} names a property with a numeric key, which the checks do not order`,
      );
    const properties = entries.map(([key, code]) => `${JSON.stringify(key)}:${code === 'false' ? 'undefined' : code}`);
    check = call('object', `{${properties.join(',')}}`, required.length, restCode, ...more);
  } else if (types === 'array') {
    const items = take('items');
    if (Array.isArray(items)) {
      // A tuple (zod's `z.tuple`) has no items past its own: its `maxItems` says so.
      if (take('additionalItems') !== false || schema.maxItems !== items.length)
        throw new Error(`generate-validators: ${where} is a tuple with a rest, which the checks do not write`);
      more.push(call('tuple', `[${items.map((item, index) => sub(item, `${where}.items[${index}]`)).join(',')}]`));
      check = call('array', 'undefined', ...more);
    } else {
      check = call('array', items === undefined ? 'undefined' : sub(items, `${where}.items`), ...more);
    }
  } else {
    const branches = take('anyOf') ?? take('oneOf');
    if (branches) {
      // A discriminated union as json-schemas.ts writes it: the tag is checked by each branch.
      for (const keyword of ['properties', 'required']) take(keyword);
      more.push(
        call('union', `[${branches.map((branch, index) => sub(branch, `${where}.anyOf[${index}]`)).join(',')}]`),
      );
    }
    check = call('is', JSON.stringify(types), ...more);
  }
  const unknown = Object.keys(schema).filter((keyword) => !seen.has(keyword) && !ignored.has(keyword));
  if (unknown.length)
    throw new Error(
      `generate-validators: ${where}.${unknown[0]} is not a keyword the client's checks know (validate-schema.ts); ` +
        'teach them the keyword (and the equivalence tests a payload that needs it) or express the zod schema otherwise',
    );
  return check;
}

/**
 * The module for `roots` ([exported name, JSON Schema, where], …): one `validator(…)` per export. A subschema met more than once in the file (a string, a
 * non-negative safe integer, a shop…) is written once, as a constant the others share.
 */
export function validatorsModule(
  roots,
  from = { common: '../validate-schema.js', more: '../validate-schema-more.js' },
) {
  const uses = new Map();
  const count = (schema) => {
    if (typeof schema !== 'object' || schema === null) return;
    const json = JSON.stringify(schema);
    uses.set(json, (uses.get(json) ?? 0) + 1);
    for (const value of Object.values(schema.properties ?? {})) count(value);
    for (const value of [schema.items, schema.additionalProperties, schema.propertyNames].flat()) count(value);
    for (const value of schema.anyOf ?? schema.oneOf ?? []) count(value);
  };
  for (const [, schema] of roots) count(schema);
  const used = new Set();
  const use = (name) => (used.add(name), name);
  const constants = new Map();
  const declarations = [];
  const sub = (schema, where) => {
    const json = JSON.stringify(schema);
    if (constants.has(json)) return constants.get(json);
    const code = write(schema, where, use, sub);
    if (uses.get(json) < 2) return code;
    const name = `c${constants.size}`;
    constants.set(json, name);
    declarations.push(`const ${name} = ${code};`);
    return name;
  };
  const validators = roots.map(
    ([exported, schema, name]) =>
      `export const ${exported} = /* @__PURE__ */ ${use('validator')}(${sub(schema, name)});`,
  );
  const common = [...used].filter((name) => !moreChecks.has(name)).sort();
  const rare = [...used].filter((name) => moreChecks.has(name)).sort();
  return [
    `import { ${common.join(', ')} } from '${from.common}';`,
    ...(rare.length ? [`import { ${rare.join(', ')} } from '${from.more}';`] : []),
    ...declarations,
    ...validators,
  ].join('\n');
}
