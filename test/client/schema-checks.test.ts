import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
// The model's own zod (4.x): the converter the browser schemas go through.
import { z } from '../../packages/model/node_modules/zod/mini/index.js';
import { seededRandom } from '@xiaodian/demo';
import { validatorsModule } from '../../scripts/lib/validator-code.mjs';
import { mutate, type Json } from './payload-mutations.js';

/**
 * The checks the browser validators are written with (validate-schema.ts and validate-schema-more.ts),
 * held to zod on the schema features today's browser schemas do not use yet, so that the next schema
 * (search facets, match ranges, a nullable field…) is checked as zod checks it: unions, nullable fields,
 * patterns, length and exclusive bounds, tuples, records (with open and with enumerated keys) and loose
 * objects, through the generator's own code writer.
 */
const schemas = {
  union: z.union([z.object({ kind: z.literal('a'), n: z.int() }), z.object({ kind: z.literal('b'), s: z.string() })]),
  nullable: z.object({ pinned: z.nullable(z.string()), note: z.optional(z.string()) }),
  pattern: z.object({ appid: z.string().check(z.regex(/^wx[0-9a-f]{16}$/)) }),
  bounds: z.object({
    name: z.string().check(z.minLength(2), z.maxLength(6)),
    ratio: z.number().check(z.gt(0), z.lt(1)),
    tags: z.array(z.string()).check(z.minLength(1), z.maxLength(3)),
  }),
  tuple: z.object({ ranges: z.array(z.tuple([z.int(), z.int()])) }),
  record: z.object({ facets: z.record(z.string(), z.int()) }),
  enumRecord: z.record(z.enum(['low', 'high']), z.number()),
  loose: z.looseObject({ id: z.string() }),
};
const samples: Record<keyof typeof schemas, unknown[]> = {
  union: [
    { kind: 'a', n: 1 },
    { kind: 'b', s: 'x' },
    // A branch is tried without stripping: branch a, which fails on `kind`, must not drop `s` on its way.
    { s: 'x', n: 1, kind: 'b' },
  ],
  nullable: [{ pinned: null }, { pinned: 'p', note: 'n' }],
  pattern: [{ appid: 'wx3f8a2c1d9e7b6a54' }],
  bounds: [{ name: 'abc', ratio: 0.5, tags: ['x', 'y'] }],
  tuple: [
    {
      ranges: [
        [0, 2],
        [4, 6],
      ],
    },
  ],
  record: [{ facets: { 茶: 3, 衣: 0 } }],
  enumRecord: [{ low: 1, high: 2 }],
  loose: [{ id: 'x', extra: { kept: true } }],
};
const replacements: unknown[] = [
  undefined,
  null,
  'x',
  '',
  'wxZZ',
  'abcdefgh',
  -1,
  0,
  1,
  1.5,
  2 ** 60,
  Number.NaN,
  true,
  [],
  {},
  ['x'],
  [1, 2, 3],
  'a',
  'b',
];

const names = Object.keys(schemas) as Array<keyof typeof schemas>;
/**
 * Compiled with the others for the first-issue tests only: against zod's own parse, a slot holding
 * `undefined` (which JSON cannot carry) counts as an absent optional item, so the mutations disagree there.
 */
const issueOnlySchemas = {
  optionalTuple: z.tuple([z.int(), z.optional(z.string())]),
  level: z.object({ level: z.enum(['low', 'high']), note: z.string() }),
};
/** JSON Schemas no zod schema writes today, which the checks must still read as JSON Schema does. */
const rawSchemas = {
  untypedPattern: { pattern: '^wx' },
  untypedMaxLength: { maxLength: 3 },
  untypedMaxItems: { maxItems: 1 },
  untypedMaximum: { maximum: 3 },
  noBranches: { anyOf: [] },
};
const dir = mkdtempSync(join(tmpdir(), 'xd-schema-checks-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const source = validatorsModule(
  [
    ...Object.entries({ ...schemas, ...issueOnlySchemas }).map(
      ([name, schema]) =>
        [`validate_${name}`, z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'throw' }), name] as const,
    ),
    ...Object.entries(rawSchemas).map(([name, schema]) => [`validate_${name}`, schema, name] as const),
  ],
  {
    common: pathToFileURL(join(import.meta.dirname, '../../packages/client/src/validate-schema.ts')).href,
    more: pathToFileURL(join(import.meta.dirname, '../../packages/client/src/validate-schema-more.ts')).href,
  },
);
writeFileSync(join(dir, 'validators.mjs'), source);
const validators = (await import(pathToFileURL(join(dir, 'validators.mjs')).href)) as Record<
  string,
  (value: unknown) => boolean
>;

describe('the validators’ checks against zod, on the features no browser schema uses yet', () => {
  for (const [index, name] of names.entries()) {
    it(`${name}: accepts the samples as zod does, and agrees with zod on 1,000 mutations`, () => {
      const schema = schemas[name] as unknown as { safeParse(value: unknown): { success: boolean; data?: unknown } };
      const validate = validators[`validate_${name}`]!;
      const random = seededRandom(100 + index);
      let rejected = 0;
      for (let i = 0; i < 1000; i += 1) {
        const payload = structuredClone(samples[name][i % samples[name].length]) as Json;
        if (i >= samples[name].length)
          for (let n = 1 + Math.floor(random() * 2); n > 0; n -= 1) mutate(payload, random, replacements);
        const byZod = schema.safeParse(structuredClone(payload));
        const copy = structuredClone(payload);
        assert.equal(validate(copy), byZod.success, `${name} payload ${i}: ${JSON.stringify(payload)}`);
        if (byZod.success) assert.deepEqual(copy, byZod.data, `${name} payload ${i} output`);
        else rejected += 1;
      }
      // Mutations must exercise rejection, or the agreement proves nothing.
      assert.ok(rejected > 100, `${name}: only ${rejected} of 1000 mutated payloads were invalid`);
    });
  }

  it('refuses, at build, a keyword the checks cannot honour', () => {
    assert.throws(
      () => validatorsModule([['x', { type: 'string', format: 'email' }, 'x']]),
      /x\.format is not a keyword the client's checks know/,
    );
  });
});

describe('the validators’ first issue, which names what is wrong in the client’s error message', () => {
  const firstIssueOf = (
    name: keyof typeof schemas | keyof typeof issueOnlySchemas | keyof typeof rawSchemas,
    value: unknown,
  ) => {
    const validate = validators[`validate_${name}`] as ((value: unknown) => boolean) & { errors?: unknown[] | null };
    assert.equal(validate(value), false, `${JSON.stringify(value)} must fail ${name}`);
    return validate.errors?.[0];
  };

  // Mutants: a branch's tag mismatch preferred, every later branch preferred, the union's own issue instead.
  it('a union reports the branch whose tag matched, not the tag mismatch of another branch', () => {
    assert.deepEqual(firstIssueOf('union', { kind: 'b', n: 1, s: 1 }), {
      instancePath: '/s',
      keyword: 'type',
      params: { type: 'string' },
    });
    assert.deepEqual(firstIssueOf('union', { kind: 'a', n: 1.5, s: 'x' }), {
      instancePath: '/n',
      keyword: 'type',
      params: { type: 'integer' },
    });
  });

  it('a pattern reports the field and the pattern it missed', () => {
    assert.deepEqual(firstIssueOf('pattern', { appid: 'wxZZ' }), {
      instancePath: '/appid',
      keyword: 'pattern',
      params: { pattern: '^wx[0-9a-f]{16}$' },
    });
  });

  it('a tuple reports the position that is wrong, and a short tuple its length', () => {
    assert.deepEqual(firstIssueOf('tuple', { ranges: [[0, 'x']] }), {
      instancePath: '/ranges/0/1',
      keyword: 'type',
      params: { type: 'integer' },
    });
    assert.deepEqual(firstIssueOf('tuple', { ranges: [[0]] }), {
      instancePath: '/ranges/0',
      keyword: 'minItems',
      params: { limit: 2 },
    });
  });

  it('a tuple shorter than its optional items is checked only as far as it goes', () => {
    const validate = validators['validate_optionalTuple']!;
    assert.equal(validate([1]), true);
    assert.deepEqual(firstIssueOf('optionalTuple', [1, 2]), {
      instancePath: '/1',
      keyword: 'type',
      params: { type: 'string' },
    });
  });

  it('a record with enumerated keys reports the key it does not know', () => {
    assert.deepEqual(firstIssueOf('enumRecord', { low: 1, high: 2, mid: 3 }), {
      instancePath: '/mid',
      keyword: 'propertyNames',
      params: { propertyName: 'mid' },
    });
  });

  it('a union with no branches fails every value, as an empty anyOf does', () => {
    assert.deepEqual(firstIssueOf('noBranches', 'x'), { instancePath: '', keyword: 'anyOf', params: {} });
  });

  it('a pattern without a type checks strings only: JSON Schema lets other kinds pass it', () => {
    const validate = validators['validate_untypedPattern']!;
    assert.equal(validate(5), true, 'a number, which would read as "5", is no string');
    assert.equal(validate('wx1'), true);
    assert.deepEqual(firstIssueOf('untypedPattern', 'ab'), {
      instancePath: '',
      keyword: 'pattern',
      params: { pattern: '^wx' },
    });
  });

  it('an enum reports the values it allows, and a missing property its name', () => {
    assert.deepEqual(firstIssueOf('level', { level: 'mid', note: 'x' }), {
      instancePath: '/level',
      keyword: 'enum',
      params: { allowed: ['low', 'high'] },
    });
    assert.deepEqual(firstIssueOf('level', { level: 'low' }), {
      instancePath: '',
      keyword: 'required',
      params: { missingProperty: 'note' },
    });
  });

  it('a bound without a type measures only its own kind: lengths strings, items arrays, limits numbers', () => {
    const [maxLength, maxItems, maximum] = ['untypedMaxLength', 'untypedMaxItems', 'untypedMaximum'].map(
      (name) => validators[`validate_${name}`]!,
    );
    for (const other of [12345, { length: 10 }, ['a', 'b', 'c', 'd']]) assert.equal(maxLength!(other), true);
    for (const other of ['ab', { length: 2 }, 7]) assert.equal(maxItems!(other), true);
    // '4' and [4] would read as 4 in arithmetic: a bound on numbers must not measure them.
    for (const other of ['4', [4], { length: 4 }]) assert.equal(maximum!(other), true);
    assert.equal(maxLength!('abc'), true);
    assert.deepEqual(firstIssueOf('untypedMaxLength', 'abcd'), {
      instancePath: '',
      keyword: 'maxLength',
      params: { limit: 3 },
    });
    assert.deepEqual(firstIssueOf('untypedMaxItems', [1, 2]), {
      instancePath: '',
      keyword: 'maxItems',
      params: { limit: 1 },
    });
    assert.deepEqual(firstIssueOf('untypedMaximum', 4), {
      instancePath: '',
      keyword: 'maximum',
      params: { limit: 3 },
    });
  });
});
