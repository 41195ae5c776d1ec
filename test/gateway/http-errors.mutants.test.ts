// Kills StrykerJS mutants (npm run mutation -- gateway) in http/errors.ts, checked here one function at a time
// on a bare Hono app: each error code's status, what an error answer looks like, what a WeChat error tells a
// caller and what it leaves in the log, and how a thrown error becomes a response (Retry-After rounded up).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono, type Context } from 'hono';
import { XiaodianError, errorCodes, type ErrorBody, type ErrorCode } from '@xiaodian/model';
import type { LogEntry } from '@xiaodian/gateway';
import {
  BadRequest,
  NotServed,
  errorResponse,
  notServedResponse,
  publicError,
  responseForError,
  statusFor,
} from '../../packages/gateway/src/http/errors.ts';

/** Runs `answer` in a request with id `req-1` (as the app's requestId middleware sets it) and returns the response. */
async function within(answer: (c: Context) => Response | Promise<Response>, requestId: string | null = 'req-1') {
  const app = new Hono().get('/where', (c) => {
    if (requestId) c.set('requestId' as never, requestId as never);
    return answer(c);
  });
  return app.request('/where');
}

const bodyOf = async (response: Response) => (await response.json()) as { error: Record<string, unknown> };

describe('http/errors', () => {
  it('gives every error code its honest status', () => {
    const expected: Record<ErrorCode, number> = {
      bad_request: 400,
      invalid_ref: 400,
      not_found: 404,
      rate_limited: 429,
      upstream: 502,
      invalid_response: 502,
      offline: 502,
      timeout: 504,
      aborted: 499,
      internal: 500,
      misconfigured: 500,
    };
    assert.deepEqual(Object.fromEntries(errorCodes.map((code) => [code, statusFor(code)])), expected);
  });

  it('answers an error as { error: { code, message } }, never cached, with upstream only when given', async () => {
    const plain = await within((c) => errorResponse(c, 404, 'not_found', 'No such shop'));
    assert.equal(plain.status, 404);
    assert.equal(plain.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await bodyOf(plain), { error: { code: 'not_found', message: 'No such shop' } });
    const upstream = { errcode: 45009, errmsg: 'reach max api daily quota limit' };
    const withUpstream = await within((c) => errorResponse(c, 502, 'upstream', 'WeChat said no', upstream));
    assert.deepEqual(await bodyOf(withUpstream), { error: { code: 'upstream', message: 'WeChat said no', upstream } });
  });

  it('reads a bad request as bad_request unless it says invalid_ref', () => {
    assert.equal(new BadRequest('x').code, 'bad_request');
    assert.equal(new BadRequest('x', 'invalid_ref').code, 'invalid_ref');
    assert.equal(new BadRequest('the message').message, 'the message');
  });

  describe('publicError', () => {
    const run = async (body: ErrorBody, requestId?: string, where: Record<string, unknown> = {}) => {
      const logs: LogEntry[] = [];
      let result: unknown;
      await within((c) => {
        result = publicError(c, (entry) => logs.push(entry), body, where);
        return c.text('');
      }, requestId ?? null);
      return { result, logs };
    };

    it('logs a WeChat error with its errcode, rid and errmsg, and tells the caller our words with the request id', async () => {
      const upstream = { errcode: -1, errmsg: 'system error', rid: 'rid-9' };
      const { result, logs } = await run({ code: 'upstream', message: 'WeChat: system error', upstream }, 'req-1', {
        ref: 'p1',
      });
      assert.deepEqual(result, {
        code: 'upstream',
        message: 'WeChat could not answer this request; the gateway’s operator can look it up by its request id',
        requestId: 'req-1',
      });
      assert.deepEqual(logs, [
        {
          level: 'error',
          msg: 'wechat error',
          requestId: 'req-1',
          path: '/where',
          ref: 'p1',
          code: 'upstream',
          errcode: -1,
          rid: 'rid-9',
          errmsg: 'system error',
          message: 'WeChat: system error',
        },
      ]);
    });

    it('logs a rate limit as a warning without rid when WeChat gave none, and says to try later without a request id', async () => {
      const upstream = { errcode: 45009, errmsg: 'reach max api daily quota limit' };
      const { result, logs } = await run({ code: 'rate_limited', message: 'quota', upstream }, 'req-2');
      assert.deepEqual(result, {
        code: 'rate_limited',
        message: 'WeChat’s call limit for this shop is reached; try again later',
      });
      assert.equal(logs.length, 1);
      assert.equal(logs[0]!.level, 'warn');
      assert.equal('rid' in logs[0]!, false, 'no rid key when WeChat sent none');
    });

    it('keeps the message of a WeChat error that has no words of ours, and logs nothing for our own errors', async () => {
      const upstream = { errcode: 40003, errmsg: 'invalid openid' };
      const notFound = await run({ code: 'not_found', message: 'No such product', upstream }, 'req-3');
      assert.deepEqual(notFound.result, { code: 'not_found', message: 'No such product' });
      const ours = await run({ code: 'timeout', message: 'The backend took too long' }, 'req-4');
      assert.deepEqual(ours.result, { code: 'timeout', message: 'The backend took too long', requestId: 'req-4' });
      assert.deepEqual(ours.logs, []);
      // A 500 is on the serving side too (>= 500, not > 500).
      const internal = await run({ code: 'internal', message: 'Bug' }, 'req-5');
      assert.deepEqual(internal.result, { code: 'internal', message: 'Bug', requestId: 'req-5' });
      const noId = await run({ code: 'internal', message: 'Bug' }, undefined);
      assert.deepEqual(noId.result, { code: 'internal', message: 'Bug' }, 'no requestId key without a request id');
    });
  });

  describe('responseForError', () => {
    it('answers a bad request 400 with its code and message', async () => {
      const response = await within((c) =>
        responseForError(c, new BadRequest('ids is empty', 'invalid_ref'), () => {})!,
      );
      assert.equal(response.status, 400);
      assert.deepEqual(await bodyOf(response), { error: { code: 'invalid_ref', message: 'ids is empty' } });
    });

    it('answers a backend error with its status, no-store, and Retry-After in whole seconds rounded up', async () => {
      for (const [retryAfterMs, header] of [
        [1500, '2'],
        [2000, '2'],
        [1, '1'],
      ] as const) {
        const error = new XiaodianError('rate_limited', 'slow down', { retryAfterMs });
        const response = await within((c) => responseForError(c, error, () => {})!);
        assert.equal(response.status, 429);
        assert.equal(response.headers.get('retry-after'), header, `${retryAfterMs} ms`);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        assert.deepEqual(await bodyOf(response), { error: { code: 'rate_limited', message: 'slow down' } });
      }
      const noWait = await within((c) => responseForError(c, new XiaodianError('timeout', 'late'), () => {})!);
      assert.equal(noWait.status, 504);
      assert.equal(noWait.headers.get('retry-after'), null);
      assert.deepEqual(await bodyOf(noWait), { error: { code: 'timeout', message: 'late', requestId: 'req-1' } });
    });

    it('leaves anything else to the caller', async () => {
      let answer: Response | undefined = new Response('not called');
      await within((c) => {
        answer = responseForError(c, new Error('a bug'), () => {});
        return c.text('');
      });
      assert.equal(answer, undefined);
    });
  });

  it('answers a method the backend does not have 501 not_found, never cached', async () => {
    const response = await within((c) => notServedResponse(c, new NotServed('This backend serves no search')));
    assert.equal(response.status, 501);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await bodyOf(response), {
      error: { code: 'not_found', message: 'This backend serves no search' },
    });
  });
});
