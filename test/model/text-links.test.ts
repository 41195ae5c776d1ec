import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticleRefs, findTextLinks } from '@xiaodian/model';

const shortLink = 'https://channels.weixin.qq.com/shop/a/AbC123xyz0';
const storeLink = 'https://store.weixin.qq.com/shop/a/Zz9_-k';
const productLink = 'https://gw.example/p/wx3f8a2c1d9e7b6a54/10000201001001';
const shopLink = 'https://gw.example/s/wx0b1c2d3e4f5a6b7c';

/** What the article resolver reads from markup: each ref as `kind:…`, each link left to the gateway as itself. */
const read = (html: string) =>
  extractArticleRefs(html).map((match) =>
    'link' in match
      ? match.link
      : match.ref.kind === 'product'
        ? `product:${match.ref.appid}:${match.ref.productId}`
        : match.ref.kind === 'shop'
          ? `shop:${match.ref.appid}`
          : `live:${match.ref.finderUserName}`,
  );

describe('findTextLinks', () => {
  it('finds short and canonical links in running Chinese text, with their offsets', () => {
    const text = `看这件${shortLink}很好，店铺：${shopLink}。还有 ${productLink}`;
    const found = findTextLinks(text);
    assert.deepEqual(
      found.map((link) => link.link),
      [shortLink, shopLink, productLink],
    );
    for (const link of found) assert.equal(text.slice(link.start, link.end), link.link);
  });

  it('leaves sentence punctuation and an unopened parenthesis out of the link', () => {
    for (const written of [`${storeLink}.`, `${storeLink},`, `(${storeLink})`, `"${storeLink}"`, `${storeLink}!?`]) {
      assert.deepEqual(
        findTextLinks(`see ${written} now`).map((link) => link.link),
        [storeLink],
        written,
      );
    }
  });

  it('keeps the query of a canonical link', () => {
    const link = `${productLink}?promotion_link=PL1&media_id=M1`;
    assert.deepEqual(
      findTextLinks(`买 ${link} 吧`).map((found) => found.link),
      [link],
    );
  });

  it('finds no link inside another URL, glued to a word, or on another site', () => {
    for (const text of [
      `https://a.example/?u=${shortLink}`,
      `x${shortLink}`,
      'https://channels.weixin.qq.com/other/a/AbC',
      'https://evil.example/shop/a/AbC123',
      'channels.weixin.qq.com/shop/a/AbC123',
    ]) {
      assert.deepEqual(findTextLinks(text), [], text);
    }
  });

  // Not a speed target: a guard against super-linear scanning (each unit below makes a quadratic or worse
  // scanner take minutes at this size). Linear scanning takes milliseconds; the bound is for slow machines.
  it('reads 512 KiB of hostile text in well under a few seconds each', () => {
    const size = 512 * 1024;
    const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    for (const text of [
      fill('https://'),
      fill('https://a/s/wx0123456789abcdef'),
      `https://a${'/'.repeat(size)}x`,
      `https://a/${')'.repeat(size)}`,
      `https://a/${'('.repeat(size)}`,
      fill(`${shortLink}/`),
      fill('http:/'),
    ]) {
      const started = performance.now();
      findTextLinks(text);
      extractArticleRefs(`<p>${text}</p>`);
      const ms = performance.now() - started;
      assert.ok(ms < 3_000, `${JSON.stringify(text.slice(0, 12))}… took ${Math.round(ms)} ms`);
    }
  });
});

describe('extractArticleRefs on links written as text', () => {
  it('finds a short link written as plain text, in document order with the other refs', () => {
    const html =
      '<p>先看<xd-product-card appid="wx3f8a2c1d9e7b6a54" product-id="10000201001001"></xd-product-card></p>' +
      `<p>再看 ${shortLink} 和 <a href="${storeLink}">这家店</a>，以及 ${shopLink}</p>`;
    assert.deepEqual(read(html), [
      'product:wx3f8a2c1d9e7b6a54:10000201001001',
      shortLink,
      storeLink,
      'shop:wx0b1c2d3e4f5a6b7c',
    ]);
  });

  it("reads a link once when it is an anchor's href and its own text", () => {
    assert.deepEqual(read(`<p><a href="${shortLink}">${shortLink}</a> ${shortLink}</p>`), [shortLink]);
  });

  it("reads an anchor's own words as its words, not as a link of their own", () => {
    assert.deepEqual(read(`<p><a href="https://blog.example/">${shortLink}</a></p>`), []);
  });

  it('ignores links in attributes, comments, scripts, styles, code, pre and textarea', () => {
    const html =
      `<p title="${shortLink}" data-note='${shopLink}'>x</p><!-- ${shortLink} -->` +
      `<script>const link = "${shortLink}";</script><style>/* ${shortLink} */</style>` +
      `<code>${shortLink}</code><pre>${productLink}</pre><textarea>${shopLink}</textarea>` +
      `<pre><code>${storeLink}</code> ${storeLink}</pre>`;
    assert.deepEqual(read(html), []);
  });

  it('reads text again after a code block closes, and decodes entities in it', () => {
    const html = `<p><code>x</code> ${productLink}?promotion_link=PL1&amp;media_id=M1</p>`;
    const [match] = extractArticleRefs(html);
    assert.ok(match && 'ref' in match && match.ref.kind === 'product');
    assert.deepEqual(match.ref, {
      kind: 'product',
      appid: 'wx3f8a2c1d9e7b6a54',
      productId: '10000201001001',
      promotionLink: 'PL1',
      mediaId: 'M1',
    });
  });

  it('does not read the inside of a tag the strict pattern refused as text', () => {
    assert.deepEqual(read(`<a title="x<y" href="${shortLink}">shop</a>`), []);
  });
});
