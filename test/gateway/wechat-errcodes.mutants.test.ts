// Kills StrykerJS mutants (npm run mutation -- gateway) in what each WeChat errcode means to our callers
// (wechat/errors.ts): its error code, whether a retry can help and when, and a message in our words that
// names the errcode. operator.test.ts checks that the table holds exactly the documented errcodes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorFromErrcode, errcodeMeanings } from '@xiaodian/gateway';

/** WECHAT.md's classes: quota and rate limits, products or links that do not exist, an unsupported link. */
const expectedCode = (errcode: number) =>
  [45009, 45011].includes(errcode)
    ? 'rate_limited'
    : [10020050, 10020051, 10020052, 10020065].includes(errcode)
      ? 'not_found'
      : errcode === 10020091
        ? 'bad_request'
        : 'upstream';

describe('a WeChat errcode, as our callers see it', () => {
  it('has its class, and a message of our own words ending in the errcode', () => {
    for (const errcode of errcodeMeanings.keys()) {
      const error = errorFromErrcode(errcode, 'WeChat’s own words rid: 1-2-3');
      assert.equal(error.code, expectedCode(errcode), `errcode ${errcode}`);
      assert.match(error.message, new RegExp(`^[^ ].{8,} \\(WeChat errcode ${errcode}\\)$`), `errcode ${errcode}`);
      assert.doesNotMatch(error.message, /own words/);
    }
  });

  it('says what the operator should fix for the errcodes that need one', () => {
    const messages: Array<[number, RegExp]> = [
      [-1, /^WeChat is busy/],
      [40001, /rejected the access token/],
      [41001, /no access token/],
      [42001, /access token expired/],
      [40097, /arguments/],
      [40125, /app secret \(WECHAT_SECRET\)/],
      [44002, /empty body/],
      [45002, /too large/],
      [45009, /daily quota/],
      [45011, /per-minute limit/],
      [45035, /IP allowlist/],
      [61004, /IP allowlist/],
      [47001, /parse the JSON/],
      [48004, /banned/],
      [10020052, /No such product/],
      [10020050, /short link/],
      [10020051, /short link/],
      [10020091, /not supported/],
    ];
    for (const [errcode, text] of messages) assert.match(errorFromErrcode(errcode, 'x').message, text, `${errcode}`);
  });

  it('is retryable when busy or rate limited per minute (after a minute), never for the daily quota', () => {
    const busy = errorFromErrcode(-1, 'system error');
    assert.equal(busy.retryable, true);
    assert.equal(busy.retryAfterMs, undefined);
    const perMinute = errorFromErrcode(45011, 'api minute-quota reach limit');
    assert.equal(perMinute.retryable, true);
    assert.equal(perMinute.retryAfterMs, 60_000);
    const daily = errorFromErrcode(45009, 'reach max api daily quota limit');
    assert.equal(daily.retryable, false);
    assert.equal(daily.retryAfterMs, undefined);
    for (const errcode of [40001, 40125, 45035, 48001, 10020052, 10020091]) {
      assert.equal(errorFromErrcode(errcode, 'x').retryable, false, `${errcode}`);
    }
  });

  it('is "WeChat refused the call" for an errcode no source documents, not retried', () => {
    const error = errorFromErrcode(12345, 'something new');
    assert.equal(error.code, 'upstream');
    assert.equal(error.message, 'WeChat refused the call (WeChat errcode 12345)');
    assert.equal(error.retryable, false);
    assert.deepEqual(error.upstream, { errcode: 12345, errmsg: 'something new' });
  });
});
