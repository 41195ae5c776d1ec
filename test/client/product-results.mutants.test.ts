/**
 * One item of a product batch as the client checks it (validate.ts, found unguarded by the client's mutation
 * run): a product, the item's own error passed on as WeChat or the gateway said it, and anything else as a
 * malformed result; and where a failed check says the problem is.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend } from '@xiaodian/demo';
import { XiaodianError } from '@xiaodian/model';
import { checkProduct, checkProductResult, firstIssue, isProduct } from '../../packages/client/src/validate.ts';

const product = createDemoBackend().products[0]!;

describe('a product batch item', () => {
  it('gives the product of an ok item', () => {
    assert.deepEqual(checkProductResult({ ok: true, product: structuredClone(product) }, 'Product x'), product);
  });

  it("passes on an item's own error, with WeChat's errcode when there is one", () => {
    assert.throws(
      () => checkProductResult({ ok: false, error: { code: 'not_found', message: 'No such product' } }, 'Product x'),
      (error: unknown) => {
        assert.ok(error instanceof XiaodianError);
        assert.equal(error.code, 'not_found');
        assert.equal(error.message, 'No such product');
        assert.equal(error.upstream, undefined);
        return true;
      },
    );
    const upstream = { errcode: 10020001, errmsg: 'product not exist', rid: 'r1' };
    assert.throws(
      () => checkProductResult({ ok: false, error: { code: 'upstream', message: 'WeChat refused', upstream } }, 'x'),
      (error: unknown) => error instanceof XiaodianError && error.code === 'upstream' && error.upstream?.rid === 'r1',
    );
  });

  it('calls anything else a malformed result for what was asked', () => {
    for (const item of [
      null,
      'ok',
      { product },
      { ok: 'yes', product },
      { ok: true },
      { ok: false },
      { ok: false, product },
      { ok: false, error: { code: 'no_such_code', message: 'x' } },
      { ok: true, error: { code: 'not_found', message: 'x' } },
    ]) {
      assert.throws(
        () => checkProductResult(structuredClone(item), 'Product wx1:42'),
        { code: 'invalid_response', message: 'Malformed result for Product wx1:42' },
        JSON.stringify(item),
      );
    }
  });
});

describe('where a failed product check says the problem is', () => {
  it('names the field by its path with dots, or the root', () => {
    const noTitle = { ...structuredClone(product), title: 42 };
    assert.throws(() => checkProduct(noTitle, 'Product a'), {
      code: 'invalid_response',
      message: /^Product a failed validation at title: failed "type" \{"type":"string"\}$/,
    });
    const badSku = structuredClone(product) as unknown as { skus: Array<Record<string, unknown>> };
    assert.ok(badSku.skus.length > 0, 'the demo product has SKUs');
    badSku.skus[0]!['price'] = 'free';
    assert.throws(() => checkProduct(badSku, 'Product b'), {
      message: /^Product b failed validation at skus\.0\.price: /,
    });
    assert.throws(() => checkProduct('text', 'Product c'), {
      message: /^Product c failed validation at \(root\): failed "type"/,
    });
  });

  it('says nothing more when the check passed or has not run', () => {
    assert.equal(isProduct(structuredClone(product)), true);
    const passed = Object.assign(() => true, { errors: null });
    assert.equal(firstIssue(passed), '');
    assert.equal(firstIssue(Object.assign(() => true, {})), '');
  });
});
