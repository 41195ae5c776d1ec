/**
 * The model's smallest schemas, one edge each (found unguarded by `npm run mutation -- model` in
 * wechat/scalars.ts, wechat/envelope.ts, wechat/product.ts, api.ts, domain/common.ts and search/chinese.ts):
 * what WeChat may send and what it must not, the message each refusal gives, how a request id is split off
 * an errmsg, and the readings the search index takes from pinyin-pro.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  count,
  errorResponseSchema,
  fen,
  flag,
  looseInt,
  productsResponseSchema,
  upstreamError,
  wechatId,
  wechatProductSchema,
} from '@xiaodian/model';
import { readingsOf } from '../../packages/model/src/search/chinese.ts';
import { wechatFixture } from '../fixtures.ts';

/** The value a schema gives, or the message of its first issue. */
function outcomeOf(schema: { safeParse(value: unknown): unknown }, value: unknown): unknown {
  const result = schema.safeParse(value) as {
    success: boolean;
    data?: unknown;
    error?: { issues: { message: string }[] };
  };
  return result.success ? result.data : `refused: ${result.error!.issues[0]!.message}`;
}

describe('WeChat scalars', () => {
  it('takes an id as a string of 1 to 20 digits and nothing else around them', () => {
    assert.equal(outcomeOf(wechatId, '10000111'), '10000111');
    assert.equal(outcomeOf(wechatId, 'x10000111'), 'refused: expected a decimal id');
    assert.equal(outcomeOf(wechatId, '10000111x'), 'refused: expected a decimal id');
  });

  it('takes an id as a number from 0, while it is exact', () => {
    assert.equal(outcomeOf(wechatId, 0), '0');
    assert.match(String(outcomeOf(wechatId, -1)), /^refused: numeric id is not an exact non-negative integer/);
    assert.match(String(outcomeOf(wechatId, 2 ** 53)), /^refused: numeric id/);
  });

  it('says which rule an amount in fen breaks', () => {
    assert.equal(outcomeOf(fen, 0), 0);
    assert.equal(outcomeOf(fen, 9.5), 'refused: expected an integer amount in fen');
    assert.equal(outcomeOf(fen, -1), 'refused: expected a non-negative amount in fen');
    assert.equal(outcomeOf(count, 1.5), 'refused: expected an integer count');
  });

  it('takes a loose integer as a number or a whole numeric string, signed', () => {
    assert.equal(outcomeOf(looseInt, '-12'), -12);
    assert.equal(outcomeOf(looseInt, 'n12'), 'refused: expected an integer');
    assert.equal(outcomeOf(looseInt, '12n'), 'refused: expected an integer');
  });

  it('reads a flag from 0/1 or a boolean', () => {
    assert.deepEqual(
      [1, 0, true, false].map((value) => outcomeOf(flag, value)),
      [true, false, true, false],
    );
  });
});

describe("WeChat's errmsg", () => {
  it('splits the request id off the end, with or without spaces around it', () => {
    assert.deepEqual(upstreamError(40001, 'invalid credential rid: 6650a1-2b'), {
      errcode: 40001,
      errmsg: 'invalid credential',
      rid: '6650a1-2b',
    });
    assert.deepEqual(upstreamError(40001, '不合法的凭证rid:6650a1-2b  '), {
      errcode: 40001,
      errmsg: '不合法的凭证',
      rid: '6650a1-2b',
    });
  });

  it('keeps an errmsg whole when no request id ends it', () => {
    assert.deepEqual(upstreamError(10020001, 'product not exist'), { errcode: 10020001, errmsg: 'product not exist' });
    assert.deepEqual(upstreamError(1, 'see rid: 66 for details'), { errcode: 1, errmsg: 'see rid: 66 for details' });
  });
});

describe('WeChat product fields inside objects', () => {
  const product = wechatFixture('product_get.json')['product'] as Record<string, unknown>;

  it('checks the description images and the category ids', () => {
    assert.equal(wechatProductSchema.safeParse(product).success, true);
    assert.equal(wechatProductSchema.safeParse({ ...product, desc_info: { imgs: 'a.jpg' } }).success, false);
    assert.equal(wechatProductSchema.safeParse({ ...product, cats_v2: [{ cat_id: 'shoes' }] }).success, false);
    assert.equal(wechatProductSchema.safeParse({ ...product, cats_v2: [{}] }).success, false);
  });
});

describe('the gateway answer envelopes', () => {
  it('keep an error body whole, its upstream errcode, errmsg and rid included', () => {
    const body = {
      error: { code: 'upstream', message: 'WeChat refused', upstream: { errcode: 40001, errmsg: 'x', rid: 'r1' } },
    };
    assert.deepEqual(outcomeOf(errorResponseSchema, body), body);
    assert.match(
      String(outcomeOf(errorResponseSchema, { error: { ...body.error, upstream: { errcode: '40001', errmsg: 'x' } } })),
      /^refused/,
    );
  });

  it('keep each products item, and refuse one without its ref or ok', () => {
    const body = { items: [{ ref: 'wx3f8a2c1d9e7b6a54:1', ok: true, product: { anything: 1 } }] };
    assert.deepEqual(outcomeOf(productsResponseSchema, body), body);
    assert.match(String(outcomeOf(productsResponseSchema, { items: [{ ok: true }] })), /^refused/);
    assert.match(String(outcomeOf(productsResponseSchema, { items: [{ ref: 'r', ok: 'yes' }] })), /^refused/);
  });
});

describe('the readings the search index takes from pinyin-pro', () => {
  it('writes ü as v, as pinyin IMEs take it', () => {
    assert.deepEqual(readingsOf('女'), ['nv', 'ru']);
    assert.deepEqual(readingsOf('绿'), ['lv', 'lu']);
  });

  it('keeps only readings a shopper can type in Latin letters (not ê)', () => {
    assert.deepEqual(readingsOf('欸'), ['ai', 'ei']);
  });
});
