// scripts/mutation-compile.mjs, Stryker's build step: what it rewrites in the JavaScript it transpiles, so that
// a test process in the sandbox runs the sandbox's (mutated) sources, and where it refuses to run.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { assertInSandbox, packageTargets, rewriteSpecifiers } from '../../scripts/mutation-compile.mjs';

const targets = packageTargets(readFileSync('tsconfig.mutation.json', 'utf8'));

describe('mutation-compile', () => {
  it("points every @xiaodian name at the package's sources, as tsconfig.mutation.json maps it", () => {
    assert.deepEqual(targets, {
      '@xiaodian/model': 'packages/model/src/index.js',
      '@xiaodian/model/search': 'packages/model/src/search/index.js',
      '@xiaodian/client': 'packages/client/src/index.js',
      '@xiaodian/client/create': 'packages/client/src/create.js',
      '@xiaodian/demo': 'packages/demo/src/index.js',
      '@xiaodian/gateway': 'packages/gateway/src/index.js',
    });
  });

  it('rewrites @xiaodian imports relative to the importing file, static and dynamic', () => {
    const code = [
      'import { a } from "@xiaodian/model";',
      'import { b } from "@xiaodian/model/search";',
      'const c = await import("@xiaodian/gateway");',
    ].join('\n');
    assert.equal(
      rewriteSpecifiers(code, 'test/gateway/api.test.ts', targets),
      [
        'import { a } from "../../packages/model/src/index.js";',
        'import { b } from "../../packages/model/src/search/index.js";',
        'const c = await import("../../packages/gateway/src/index.js");',
      ].join('\n'),
    );
    assert.equal(
      rewriteSpecifiers('export * from "@xiaodian/model";', 'packages/gateway/src/app.ts', targets),
      'export * from "../../model/src/index.js";',
    );
  });

  it('turns relative .ts paths into their .js twins, in imports and in other strings', () => {
    assert.equal(
      rewriteSpecifiers('import { f } from "./fixture-backend.ts";', 'test/gateway/api.test.ts', targets),
      'import { f } from "./fixture-backend.js";',
    );
    assert.equal(
      rewriteSpecifiers('join(dir, "../../packages/client/src/validate-schema.ts")', 'test/client/x.test.ts', targets),
      'join(dir, "../../packages/client/src/validate-schema.js")',
    );
  });

  it('leaves alone what is not a sandbox module: packages, unknown @xiaodian names, absolute paths, other extensions', () => {
    const untouched = [
      'import { Hono } from "hono";',
      'import x from "@xiaodian/elements";',
      'const name = "@xiaodian/gateway is the server";',
      'const file = "/abs/path/file.ts";',
      'const text = "see ./notes.tsx";',
    ].join('\n');
    assert.equal(rewriteSpecifiers(untouched, 'test/gateway/api.test.ts', targets), untouched);
  });

  it('runs only in a Stryker sandbox, never in the checkout', () => {
    assert.throws(() => assertInSandbox('/work/project'), /run it in a Stryker sandbox/);
    assert.doesNotThrow(() => assertInSandbox('/work/project/.stryker-tmp/sandbox-a1'));
  });
});
