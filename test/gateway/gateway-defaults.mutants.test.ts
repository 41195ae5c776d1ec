/**
 * The gateway's documented defaults (docs/deploy.md "CDN caching", README "Protection") and its default log
 * line, read directly: the mutation run found these constants and the JSON-lines logger checked by no test,
 * because the server tests set their own policies and switch logging off.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCachePolicies, defaultRateLimit } from '@xiaodian/gateway';
import { jsonLineLog } from '../../packages/gateway/src/options.ts';

const second = 1000;
const minute = 60 * second;

describe('the gateway defaults', () => {
  it('cache each kind of answer as docs/deploy.md says', () => {
    assert.deepEqual(defaultCachePolicies, {
      products: { freshMs: 30 * second, staleMs: 5 * minute },
      shops: { freshMs: 5 * minute, staleMs: 60 * minute },
      lists: { freshMs: minute, staleMs: 10 * minute },
      search: { freshMs: minute, staleMs: 10 * minute },
      suggest: { freshMs: 5 * minute, staleMs: 60 * minute },
      live: { freshMs: 2 * second, staleMs: 10 * second },
    });
  });

  it('allow 600 requests a minute per client', () => {
    assert.deepEqual(defaultRateLimit, { limit: 600, windowMs: minute });
  });

  it('log one JSON line per entry, stamped with the time', (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.UTC(2026, 11, 1, 12, 30) });
    const printed = t.mock.method(console, 'log', () => {});
    jsonLineLog({ level: 'warn', msg: 'redis unavailable', attempt: 2 });
    assert.equal(printed.mock.callCount(), 1);
    assert.deepEqual(printed.mock.calls[0]!.arguments, [
      '{"time":"2026-12-01T12:30:00.000Z","level":"warn","msg":"redis unavailable","attempt":2}',
    ]);
  });
});
