import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XiaodianError, createClient } from '@xiaodian/client';

/**
 * The client reads a gateway's error body as the model's zod schema (`errorBodySchema`) does: a known code,
 * a string message, an optional `upstream` with a finite number `errcode` and string `errmsg` (and `rid`),
 * unknown keys dropped. A body that fails the check is not trusted: the HTTP status decides the error.
 */
const ref = { appid: 'wx3f8a2c1d9e7b6a54', productId: '10000201001001' };

function clientAnswering(status: number, body: unknown) {
  return createClient({
    gateway: 'http://gateway.test',
    retry: false,
    fetch: async () => Response.json(body, { status }),
  });
}

async function errorOf(promise: Promise<unknown>): Promise<XiaodianError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof XiaodianError);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('an error body from the gateway', () => {
  it('becomes the error it names, with the unknown keys of the body and of upstream dropped', async () => {
    const body = {
      error: {
        code: 'upstream',
        message: 'busy',
        extra: 'dropped',
        upstream: { errcode: 45009, errmsg: 'api freq out of limit', rid: 'r-1', debug: { trace: 1 } },
      },
    };
    const error = await errorOf(clientAnswering(503, body).getProduct(ref));
    assert.deepEqual(error.toJSON(), {
      code: 'upstream',
      message: 'busy',
      upstream: { errcode: 45009, errmsg: 'api freq out of limit', rid: 'r-1' },
    });
  });

  it('is the error of one item in a batch, with unknown keys dropped there too', async () => {
    const item = {
      ref: 'wx3f8a2c1d9e7b6a54:10000201001001',
      ok: false,
      error: { code: 'not_found', message: 'gone', upstream: { errcode: 9401020, errmsg: 'x', extra: true } },
    };
    const error = await errorOf(clientAnswering(200, { items: [item] }).getProduct(ref));
    assert.deepEqual(error.toJSON(), {
      code: 'not_found',
      message: 'gone',
      upstream: { errcode: 9401020, errmsg: 'x' },
    });
  });

  for (const [what, error] of [
    ['an unknown code', { code: 'no_such_code', message: 'x' }],
    ['a message that is not a string', { code: 'not_found', message: 42 }],
    ['no message', { code: 'not_found' }],
    ['an upstream that is not an object', { code: 'not_found', message: 'x', upstream: 'bad' }],
    [
      'an upstream errcode that is not a number',
      { code: 'not_found', message: 'x', upstream: { errcode: '1', errmsg: 'm' } },
    ],
    ['an upstream without errmsg', { code: 'not_found', message: 'x', upstream: { errcode: 1 } }],
    [
      'an upstream rid that is not a string',
      { code: 'not_found', message: 'x', upstream: { errcode: 1, errmsg: 'm', rid: 7 } },
    ],
  ] as const) {
    it(`is not trusted with ${what}: the HTTP status decides`, async () => {
      const failure = await errorOf(clientAnswering(503, { error }).getProduct(ref));
      assert.equal(failure.code, 'upstream');
      assert.equal(failure.message, 'Gateway answered HTTP 503');
    });
  }

  it('is not trusted in a batch item when its upstream errcode is not finite', async () => {
    // Only an in-process backend can send Infinity; z.number() refuses it, and so must the client.
    const malformed = {
      ok: false,
      error: { code: 'not_found', message: 'x', upstream: { errcode: Infinity, errmsg: 'm' } },
    };
    // The client's backend type promises checked results; this one breaks that promise on purpose.
    const client = createClient({ backend: { getProducts: async () => [malformed] as never }, retry: false });
    const failure = await errorOf(client.getProduct(ref));
    assert.equal(failure.code, 'invalid_response');
  });
});
