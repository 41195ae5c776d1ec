// Describes the browser's JSON Schemas (from the model's zod schemas, see packages/model/src/json-schemas.ts)
// for the client's one schema checker (packages/client/src/validate-schema.ts): each output exports one
// `validator(schema)` per schema name, so a page of product cards validates every product without shipping
// a schema library, and each further resource costs its description only, not compiled code (the Ajv
// standalone code this replaced cost a page of cards about 2 kB min+gzip). The descriptions keep only the
// keywords the checker reads, and any keyword it does not know stops the build: a schema that the checker
// would misread never ships. Tests `validator-equivalence` hold every validator to zod.
// Runs in `npm run build:packages` after the model is built; the output is generated, not committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { browserJsonSchemas } from '../packages/model/dist/index.js';

// Two files: what every product card runs, and what shops, lists and lives run (loaded on first use).
const outputs = [
  {
    file: 'packages/client/src/generated/validators.ts',
    exports: {
      validateProduct: 'product',
      validateProductsResponse: 'productsResponse',
    },
  },
  {
    file: 'packages/client/src/generated/resource-validators.ts',
    exports: {
      validateShop: 'shop',
      validateProductPage: 'productPage',
      validateSearchPage: 'searchPage',
      validateSuggestResponse: 'suggestResponse',
      validateLiveRoom: 'liveRoom',
      validateLiveEvent: 'liveEvent',
    },
  },
];

/** Keywords whose value is a schema, a list of schemas or a map of them: the description walks into them. */
const subschemaKeywords = {
  items: 'schema-or-list',
  additionalProperties: 'schema-or-boolean',
  propertyNames: 'schema',
  properties: 'map',
  anyOf: 'list',
  oneOf: 'list',
};
/** Keywords the checker reads as plain values. */
const valueKeywords = new Set([
  'type',
  'enum',
  'const',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'required',
]);
/**
 * Annotations the checker may ignore: `discriminator` (a union's first matching branch is its tagged one, as
 * the tags are distinct constants) and the words of documentation.
 */
const ignoredKeywords = new Set(['discriminator', 'title', 'description', '$schema']);

/** A schema as the checker reads it, or a build error naming the keyword it could not honour and where. */
function describe(schema, where) {
  if (typeof schema === 'boolean') return schema;
  const description = {};
  for (const [keyword, value] of Object.entries(schema)) {
    const at = `${where}.${keyword}`;
    if (ignoredKeywords.has(keyword)) continue;
    // A tuple (zod's `z.tuple`) has no items past its own: its `maxItems` already says so.
    if (keyword === 'additionalItems' && value === false && schema.maxItems === schema.items?.length) continue;
    if (valueKeywords.has(keyword)) description[keyword] = value;
    else if (subschemaKeywords[keyword] === 'map')
      description[keyword] = Object.fromEntries(
        Object.entries(value).map(([key, subschema]) => [key, describe(subschema, `${at}.${key}`)]),
      );
    else if (Array.isArray(value) && subschemaKeywords[keyword]?.includes('list'))
      description[keyword] = value.map((subschema, index) => describe(subschema, `${at}[${index}]`));
    else if (subschemaKeywords[keyword] === 'schema-or-boolean' && typeof value === 'boolean')
      description[keyword] = value;
    else if (subschemaKeywords[keyword] && typeof value === 'object' && !Array.isArray(value))
      description[keyword] = describe(value, at);
    else
      throw new Error(
        `generate-validators: ${at} is not a keyword the client's schema checker knows (validate-schema.ts); ` +
          'teach it the keyword (and the equivalence tests a payload that needs it) or express the zod schema otherwise',
      );
  }
  // Every JSON object key is a string: a bare string check of the keys checks nothing.
  if (JSON.stringify(description.propertyNames) === '{"type":"string"}') delete description.propertyNames;
  return description;
}

/**
 * The module: one `validator(…)` per export. A subschema met more than once in the file (a string, a
 * non-negative safe integer, a shop…) is written once, as a constant the others share.
 */
function compile(exports) {
  const schemas = browserJsonSchemas();
  const described = Object.entries(exports).map(([exported, name]) => {
    if (!schemas[name]) throw new Error(`generate-validators: no browser schema named ${name} (json-schemas.ts)`);
    return [exported, describe(schemas[name], name)];
  });
  const uses = new Map();
  const count = (node) => {
    if (typeof node !== 'object' || node === null) return;
    if (!Array.isArray(node)) uses.set(JSON.stringify(node), (uses.get(JSON.stringify(node)) ?? 0) + 1);
    for (const child of Object.values(node)) count(child);
  };
  for (const [, description] of described) count(description);
  const constants = new Map();
  const declarations = [];
  const code = (node) => {
    if (typeof node !== 'object' || node === null) return JSON.stringify(node);
    if (Array.isArray(node)) return `[${node.map(code).join(',')}]`;
    const json = JSON.stringify(node);
    if (constants.has(json)) return constants.get(json);
    const literal = `{${Object.entries(node)
      .map(([key, value]) => `${JSON.stringify(key)}:${code(value)}`)
      .join(',')}}`;
    if (uses.get(json) < 2) return literal;
    const name = `s${constants.size}`;
    constants.set(json, name);
    declarations.push(`const ${name} = ${literal};`);
    return name;
  };
  const validators = described.map(
    ([exported, description]) => `export const ${exported} = /* @__PURE__ */ validator(${code(description)});`,
  );
  return [`import { validator } from '../validate-schema.js';`, ...declarations, ...validators].join('\n');
}

for (const { file, exports } of outputs) {
  const code = compile(exports);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `// Generated by scripts/generate-validators.mjs from the model's zod schemas. Do not edit.\n${code}\n`,
  );
  console.log(`generate-validators: wrote ${file} (${code.length} bytes)`);
}
