/**
 * The model's error type and its shape checks, on their own: every client and gateway failure goes through
 * them, yet only other packages' tests drove them (the model's mutation run found them unguarded).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  XiaodianError,
  browserJsonSchemas,
  browserSchemaNames,
  errorCodes,
  isErrorBody,
  isErrorCode,
} from '@xiaodian/model';

const upstream = { errcode: 10020050, errmsg: 'product not exist rid: 6651-abc', rid: '6651-abc' };

describe('XiaodianError', () => {
  it('is retryable by default only when offline, timed out or rate limited; a transport may say otherwise', () => {
    const retryable = errorCodes.filter((code) => new XiaodianError(code, 'x').retryable);
    assert.deepEqual(retryable, ['timeout', 'offline', 'rate_limited']);
    assert.equal(new XiaodianError('upstream', 'HTTP 503', { retryable: true }).retryable, true);
    assert.equal(new XiaodianError('offline', 'gone for good', { retryable: false }).retryable, false);
  });

  it('keeps its code, message, upstream, Retry-After and cause, and is named for logs', () => {
    const cause = new TypeError('fetch failed');
    const error = new XiaodianError('rate_limited', 'Slow down', { upstream, retryAfterMs: 2000, cause });
    assert.equal(error.name, 'XiaodianError');
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.message, 'Slow down');
    assert.deepEqual(error.upstream, upstream);
    assert.equal(error.retryAfterMs, 2000);
    assert.equal(error.cause, cause);
    assert.ok(error instanceof Error);
    const bare = new XiaodianError('not_found', 'No product');
    assert.equal(bare.upstream, undefined);
    assert.equal(bare.retryAfterMs, undefined);
    assert.equal('cause' in bare, false, 'no cause property when none was given');
  });

  it('serialises as the gateway sends it: upstream only when there is one', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(new XiaodianError('not_found', 'No product'))), {
      code: 'not_found',
      message: 'No product',
    });
    assert.deepEqual(new XiaodianError('upstream', 'WeChat said no', { upstream }).toJSON(), {
      code: 'upstream',
      message: 'WeChat said no',
      upstream,
    });
  });

  it('from(): returns one as it is, rebuilds a valid body, and wraps anything else with it as the cause', () => {
    const original = new XiaodianError('timeout', 'Too slow');
    assert.equal(XiaodianError.from(original), original);

    const rebuilt = XiaodianError.from({ code: 'upstream', message: 'WeChat said no', upstream });
    assert.ok(rebuilt instanceof XiaodianError);
    assert.deepEqual(rebuilt.toJSON(), { code: 'upstream', message: 'WeChat said no', upstream });
    assert.equal(XiaodianError.from({ code: 'not_found', message: 'No product' }).upstream, undefined);

    const thrown = new RangeError('Invalid time value');
    const wrapped = XiaodianError.from(thrown);
    assert.equal(wrapped.code, 'upstream');
    assert.equal(wrapped.message, 'Invalid time value');
    assert.equal(wrapped.cause, thrown);

    const text = XiaodianError.from('socket hang up', 'offline');
    assert.equal(text.code, 'offline');
    assert.equal(text.message, 'socket hang up');
    assert.equal(text.cause, 'socket hang up');
    // A body with an unknown code is not trusted as one: it is wrapped, its text kept only as String().
    const unknown = XiaodianError.from({ code: 'bogus', message: 'x' }, 'invalid_response');
    assert.equal(unknown.code, 'invalid_response');
    assert.equal(unknown.message, '[object Object]');
  });
});

describe('error shape checks', () => {
  it('isErrorCode: only the listed codes', () => {
    assert.ok(errorCodes.every(isErrorCode));
    for (const value of ['', 'NOT_FOUND', 'unknown', 404, undefined, null, ['not_found']]) {
      assert.equal(isErrorCode(value), false, String(value));
    }
  });

  it('isErrorBody: a code, a string message, and an upstream that is WeChat-shaped if present', () => {
    const valid = [
      { code: 'not_found', message: '' },
      { code: 'upstream', message: 'x', upstream: { errcode: 1, errmsg: 'e' } },
      { code: 'upstream', message: 'x', upstream },
      { code: 'upstream', message: 'x', upstream: undefined },
    ];
    for (const body of valid) assert.equal(isErrorBody(body), true, JSON.stringify(body));
    const invalid: unknown[] = [
      null,
      'not_found',
      42,
      {},
      { code: 'not_found' },
      { code: 'not_found', message: 1 },
      { code: 'bogus', message: 'x' },
      { message: 'x' },
      { code: 'upstream', message: 'x', upstream: null },
      { code: 'upstream', message: 'x', upstream: 'WeChat' },
      { code: 'upstream', message: 'x', upstream: { errcode: '1', errmsg: 'e' } },
      { code: 'upstream', message: 'x', upstream: { errcode: 1, errmsg: 2 } },
      { code: 'upstream', message: 'x', upstream: { errcode: 1 } },
      { code: 'upstream', message: 'x', upstream: { errcode: 1, errmsg: 'e', rid: 7 } },
    ];
    for (const body of invalid) assert.equal(isErrorBody(body), false, JSON.stringify(body));
  });
});

describe('browserJsonSchemas', () => {
  it('converts each browser schema to draft-07 JSON Schema without naming the dialect', () => {
    const schemas = browserJsonSchemas();
    assert.deepEqual(Object.keys(schemas), [...browserSchemaNames]);
    for (const name of browserSchemaNames) {
      assert.equal('$schema' in schemas[name], false, name);
      assert.equal(schemas[name]['type'], 'object', name);
    }
    assert.deepEqual((schemas.errorBody['required'] as string[]).sort(), ['code', 'message']);
  });

  it("checks a live event only against the branch its type names (Ajv's discriminator)", () => {
    const { liveEvent } = browserJsonSchemas();
    assert.deepEqual(liveEvent['discriminator'], { propertyName: 'type' });
    assert.deepEqual(liveEvent['required'], ['type']);
    assert.deepEqual(liveEvent['properties'], { type: { type: 'string' } });
    assert.equal('anyOf' in liveEvent, false);
    const branches = liveEvent['oneOf'] as Array<{ properties: { type: { const?: string; enum?: string[] } } }>;
    const tags = branches.map((branch) => branch.properties.type.const ?? branch.properties.type.enum?.[0]);
    assert.ok(tags.includes('snapshot') && tags.includes('viewers') && tags.includes('stock'), tags.join());
    assert.equal(new Set(tags).size, branches.length, 'one branch per type');
  });
});
