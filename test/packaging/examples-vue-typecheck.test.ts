// examples/vue type-checks with vue-tsc and strictTemplates: the generated global components
// (@xiaodian/elements/vue) type the template's attributes as their unions and `@xd-open` as the event class.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { typecheck } from './typecheck.ts';

describe('the Vue example type-checks', () => {
  it('examples/vue with vue-tsc --strictTemplates (global components from @xiaodian/elements/vue)', async () => {
    assert.equal(await typecheck('node_modules/vue-tsc/bin/vue-tsc.js', 'examples/vue'), '');
  });
});
