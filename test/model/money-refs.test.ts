import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  XiaodianError,
  extractArticleRefs,
  formatFen,
  formatFenRange,
  formatProductPrice,
  formatProductRef,
  parseProductRef,
} from '@xiaodian/model';

describe('money', () => {
  it('formats fen as CNY with two decimals', () => {
    assert.equal(formatFen(1290), '¥12.90');
    assert.equal(formatFen(0), '¥0.00');
    assert.equal(formatFen(123456789), '¥1,234,567.89');
    assert.equal(formatFen(1290, 'en-US'), 'CN¥12.90');
  });

  it('shows the original price only when the sale price is lower, in both languages', () => {
    assert.deepEqual(formatProductPrice({ minPrice: 9900, maxPrice: 12900, originalPrice: 15900 }), {
      price: '¥99.00–¥129.00',
      originalPrice: '¥159.00',
    });
    assert.deepEqual(formatProductPrice({ minPrice: 9900, maxPrice: 9900, originalPrice: 9900 }), { price: '¥99.00' });
    assert.deepEqual(formatProductPrice({ minPrice: 9900, maxPrice: 9900 }, 'en-US'), { price: 'CN¥99.00' });
  });

  it('formats a range, collapsing equal ends', () => {
    assert.equal(formatFenRange(990, 1990), '¥9.90–¥19.90');
    assert.equal(formatFenRange(990, 990), '¥9.90');
  });

  it('refuses amounts that are not integer fen', () => {
    assert.throws(() => formatFen(12.5), RangeError);
    assert.throws(() => formatFen(-1), RangeError);
  });
});

describe('product refs', () => {
  it('parses and formats APPID:PRODUCT_ID', () => {
    const ref = parseProductRef(' wx3f8a2c1d9e7b6a54:10000201234567 ');
    assert.deepEqual(ref, { appid: 'wx3f8a2c1d9e7b6a54', productId: '10000201234567' });
    assert.equal(formatProductRef(ref), 'wx3f8a2c1d9e7b6a54:10000201234567');
  });

  for (const [text, reason] of [
    ['wx3f8a2c1d9e7b6a54', /APPID:PRODUCT_ID/],
    ['wx3F8A2C1D9E7B6A54:1', /appid/],
    ['wx3f8a2c1d9e7b6a5:1', /appid/],
    ['wx3f8a2c1d9e7b6a54:12a', /product id/],
    ['wx3f8a2c1d9e7b6a54:0123', /product id/],
    ['wx3f8a2c1d9e7b6a54:18446744073709551616', /product id/],
    ['wx3f8a2c1d9e7b6a54:1:2', /APPID:PRODUCT_ID/],
  ] as const) {
    it(`rejects ${JSON.stringify(text)} with a reason`, () => {
      assert.throws(
        () => parseProductRef(text),
        (error: unknown) =>
          error instanceof XiaodianError && error.code === 'invalid_ref' && reason.test(error.message),
      );
    });
  }
});

describe('article scanning on hostile markup', () => {
  // Not a speed target: a guard against catastrophic regex backtracking, which once made 180 KB of
  // "<a " take 32 s. Linear scanning takes milliseconds; the bound is generous for slow machines.
  it('reads 512 KiB of pathological HTML in well under a few seconds each', () => {
    const size = 512 * 1024;
    const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    for (const html of [
      fill('<a '),
      fill('<a b="'),
      fill("<a b='x "),
      fill('<a b=c '),
      fill('<script>'),
      fill('<!--<a '),
      fill('<xd-product-card appid="wx3f8a2c1d9e7b6a54" '),
      `<a${' '.repeat(size)}`,
    ]) {
      const started = performance.now();
      extractArticleRefs(html);
      const ms = performance.now() - started;
      assert.ok(ms < 3_000, `${JSON.stringify(html.slice(0, 12))}… took ${Math.round(ms)} ms`);
    }
  });

  it('still finds refs next to unclosed scripts, comments and quotes', () => {
    const html =
      '<p><xd-product-card appid="wx3f8a2c1d9e7b6a54" product-id="10000201001001"></xd-product-card>' +
      '<a title="x<y" href="https://x.test/s/wx3f8a2c1d9e7b6a54">shop</a><!-- <xd-shop-entry appid="wx0b1c2d3e4f5a6b7c"> -->' +
      '<script>document.write("<store-home appid=\\"wx0b1c2d3e4f5a6b7c\\">")';
    assert.deepEqual(
      extractArticleRefs(html).map((match) => ('ref' in match ? match.ref.kind : match.link)),
      ['product'],
      'the title holding "<" is skipped, never guessed; the comment and the unclosed script are ignored',
    );
  });
});
