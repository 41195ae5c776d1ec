// Compiles the browser's JSON Schemas (from the model's zod schemas, see packages/model/src/json-schemas.ts)
// into standalone validator code with Ajv, the standard JSON Schema compiler. The output has no runtime
// dependency, so a page of product cards validates every product without shipping a schema library.
// Runs in `npm run build:packages` after the model is built; the output is generated, not committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
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

function compile(exports) {
  // Draft-07: Ajv's default dialect; 2020-12 adds bookkeeping for unevaluated properties these schemas never use.
  const ajv = new Ajv({
    code: { source: true, esm: true },
    // zod strips unknown keys of a plain object; Ajv does the same where `additionalProperties: false`.
    removeAdditional: true,
    // A discriminated union checks only the branch its tag names (see json-schemas.ts in the model).
    discriminator: true,
    allErrors: false,
    // Messages are built by the client from keyword and path; Ajv's own texts would only add bytes.
    messages: false,
    strict: true,
    // String lengths as `.length` counts them, exactly as zod does (and no runtime helper to import).
    // Ajv marks the option deprecated; its logger is off so the build stays quiet. Strict mode still throws.
    unicode: false,
    logger: false,
    // Required properties checked by a loop over the schema's list, not one inlined test each (same order,
    // same first missing property reported).
    loopRequired: 0,
  });
  const schemas = browserJsonSchemas();
  for (const name of new Set(Object.values(exports))) ajv.addSchema(schemas[name], name);
  const code = standaloneCode(ajv, exports);
  if (/require\(/.test(code)) throw new Error('The generated validators need a runtime helper; they must stand alone');
  // The client reads only an error's instancePath, keyword and params; every error object also carries its
  // schema path, a long string per check that would cost each page of cards about a kilobyte.
  const slim = code.replace(/,schemaPath:"[^"]*"/g, '');
  if (slim.includes('schemaPath')) throw new Error('Could not strip every schemaPath from the generated validators');
  return withFailureHelper(withoutErrorCount(withSchemasPruned(slim)));
}

/**
 * Ajv embeds each whole schema in the code, though the checks read only a few parts of it: property names
 * (for `removeAdditional`), `required` lists and `enum` values. Each embedded schema keeps just the parts the
 * code reads; the names of a `properties` object that is only looked up (`hasOwnProperty.call(…, key)`)
 * keep a placeholder value.
 */
function withSchemasPruned(code) {
  return code.replace(/const (schema\d+) = (\{.*?\});(?=const |function )/g, (declaration, name, json) => {
    const schema = JSON.parse(json);
    const uses = [...code.matchAll(new RegExp(`(\\.call\\()?\\b${name}((?:\\.\\w+|\\[\\d+\\])*)`, 'g'))];
    const paths = uses.filter((use) => use.index !== code.indexOf(declaration) + 'const '.length);
    if (paths.some(([, , path]) => path === '')) return declaration;
    const pruned = {};
    const segmentsOf = (path) => path.match(/\w+/g);
    const get = (segments) => segments.reduce((value, key) => value[key], schema);
    const set = (segments, value) => {
      let target = pruned;
      let source = schema;
      for (const key of segments.slice(0, -1)) {
        source = source[key];
        if (typeof target[key] !== 'object') target[key] = Array.isArray(source) ? [] : {};
        target = target[key];
      }
      target[segments.at(-1)] = value;
    };
    // Looked-up `properties` first, so that deeper reads fill in the entries they need.
    const lookups = paths
      .filter(([, call, path]) => call && path.endsWith('.properties'))
      .sort(([, , a], [, , b]) => a.length - b.length);
    for (const [, , path] of lookups) {
      const segments = segmentsOf(path);
      set(segments, Object.fromEntries(Object.keys(get(segments)).map((key) => [key, 0])));
    }
    for (const [, call, path] of paths)
      if (!(call && path.endsWith('.properties'))) set(segmentsOf(path), get(segmentsOf(path)));
    return `const ${name} = ${JSON.stringify(pruned)};`;
  });
}

/**
 * Each failing check writes its error object out in full (`validate10.errors = [{instancePath: …, keyword:
 * …, params: …}];return false;`), some ninety times per file; one helper that builds it makes every site a
 * call. The error objects are the same, keys in the same order.
 */
function withFailureHelper(code) {
  const site =
    /(validate\d+)\.errors = \[\{instancePath(?::([^,{}]+))?,keyword:("[a-zA-Z]+"),params:(\{[^;{}]*\})\}\];return false;/g;
  const calls = code.replace(site, (_, validate, path, keyword, params) => {
    return `return failed(${validate},${path ?? 'instancePath'},${keyword},${params});`;
  });
  if (/\.errors = \[/.test(calls)) throw new Error('An error site in the generated validators was not rewritten');
  const helper =
    'function failed(validate,instancePath,keyword,params){validate.errors=[{instancePath,keyword,params}];return false;}';
  return calls.replace('"use strict";', `"use strict";${helper}`);
}

/**
 * With `allErrors: false` every failing check sets `errors` and returns at once, so the error count Ajv
 * threads through the code (`const _errs3 = errors; … var valid0 = _errs3 === errors;`) is always 0 where it
 * is read. Where nothing ever counts an error (no `errors++`, no error list built up), those reads become
 * `true` and the count goes, which the minifier then folds away. Code that does count is left as it is.
 */
function withoutErrorCount(code) {
  if (/errors\+\+|vErrors\.push|vErrors = \[/.test(code)) return code;
  const folded = code
    .replaceAll('let vErrors = null;let errors = 0;', '')
    .replace(/const _errs\d+ = errors;/g, '')
    .replace(/_errs\d+ === errors|errors === _errs\d+|errors === 0/g, 'true')
    .replaceAll('.errors = vErrors;', '.errors = null;');
  // A `validN` flag that is only ever set to true is always true where it is read: the reads and writes go.
  const flags = new Set([...folded.matchAll(/\b(valid\d+) = /g)].map(([, flag]) => flag));
  let unflagged = folded;
  for (const flag of flags) {
    const writes = [...folded.matchAll(new RegExp(`\\b${flag} = ([^;]*);`, 'g'))];
    if (writes.some(([, value]) => value !== 'true')) continue;
    unflagged = unflagged
      .replaceAll(`var ${flag} = true;`, '')
      .replaceAll(`if(!${flag}){break;}`, '')
      .replaceAll(`if(${flag}){`, 'if(true){');
  }
  if (/\berrors\b(?! = [[n])|vErrors|_errs/.test(unflagged.replace(/\.errors\b/g, '')))
    throw new Error('The generated validators count errors in a way withoutErrorCount does not know');
  return unflagged;
}

for (const { file, exports } of outputs) {
  const code = compile(exports);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `// @ts-nocheck\n// Generated by scripts/generate-validators.mjs from the model's zod schemas. Do not edit.\n${code}\n`,
  );
  console.log(`generate-validators: wrote ${file} (${code.length} bytes)`);
}
