// The examples type-check with the typings the packages ship, as an app's own compiler would check them:
// React 19 JSX (tsc) and the mini-program page and client against miniprogram-api-typings; Vue 3 templates
// in examples-vue-typecheck.test.ts (a file of its own: vue-tsc alone takes half a minute here).
// test/e2e/framework-examples.test.ts builds and renders the web ones.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { typecheck } from './typecheck.ts';

describe('the examples type-check', { concurrency: true }, () => {
  it('examples/react with tsc (JSX attributes, unions and onxd-* events from @xiaodian/elements/react)', async () => {
    assert.equal(await typecheck('node_modules/typescript/bin/tsc', 'examples/react'), '');
  });

  it('examples/mini-program (the intent page, the client over wx.request) against miniprogram-api-typings', async () => {
    assert.equal(await typecheck('node_modules/typescript/bin/tsc', 'examples/mini-program'), '');
  });
});
