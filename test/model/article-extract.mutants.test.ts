/**
 * Reading refs out of article HTML, at the edges `npm run mutation -- model` found unguarded in
 * article.ts: every element and data attribute that names a ref, each way an attribute can be written,
 * character references, comments and scripts, and the elements whose text is not read for links.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticleRefs } from '@xiaodian/model';

const appid = 'wx3f8a2c1d9e7b6a54';
const productId = '10000201';
const finder = 'sphShanyeOutdoor';
const link = 'https://store.weixin.qq.com/shop/a/Zz9';

/** What was found: each ref as `kind:…`, each link left to the gateway as `link:…`. */
const read = (html: string) =>
  extractArticleRefs(html).map((match) =>
    'link' in match
      ? `link:${match.link}`
      : match.ref.kind === 'product'
        ? `product:${match.ref.appid}:${match.ref.productId}`
        : match.ref.kind === 'shop'
          ? `shop:${match.ref.appid}`
          : `live:${match.ref.finderUserName}`,
  );

describe('the elements and attributes that name a ref', () => {
  it('reads every element kind, ours and WeChat’s, with the kind each must name', () => {
    assert.deepEqual(read(`<xd-search-tile appid="${appid}" product-id="${productId}"></xd-search-tile>`), [
      `product:${appid}:${productId}`,
    ]);
    assert.deepEqual(read(`<store-product appid="${appid}" product-id="2"></store-product>`), [`product:${appid}:2`]);
    assert.deepEqual(read(`<store-home appid="${appid}"></store-home>`), [`shop:${appid}`]);
    assert.deepEqual(read(`<xd-live-widget finder-user-name="${finder}"></xd-live-widget>`), [`live:${finder}`]);
  });

  it('skips a product card missing its product id, or naming nothing, rather than guess', () => {
    assert.deepEqual(read(`<xd-product-card appid="${appid}"></xd-product-card>`), []);
    assert.deepEqual(read('<xd-product-card></xd-product-card><store-home></store-home>'), []);
  });

  it('reads data-xd-ref and data-xd-live on any element', () => {
    assert.deepEqual(read(`<div data-xd-ref="${appid}:${productId}"></div><span data-xd-live="${finder}"></span>`), [
      `product:${appid}:${productId}`,
      `live:${finder}`,
    ]);
  });
});

describe('attributes, however they are written', () => {
  it('reads single-quoted, unquoted and spaced-out values, and extra spaces between attributes', () => {
    for (const tag of [
      `<a href='${link}'>x</a>`,
      `<a href=${link}>x</a>`,
      `<a href = "${link}">x</a>`,
      `<a  title="t"   href="${link}">x</a>`,
      `<a href=" ${link} ">x</a>`,
    ]) {
      assert.deepEqual(read(tag), [`link:${link}`], tag);
    }
  });

  it('takes the first of two attributes of one name, even one without a value', () => {
    assert.deepEqual(read(`<a href="${link}?first" href="${link}?second">x</a>`), [`link:${link}?first`]);
    assert.deepEqual(read(`<a href href="${link}">x</a>`), []);
  });

  it('reads href only on an anchor, and an anchor without one is no error', () => {
    assert.deepEqual(read(`<link href="${link}"><a name="top">x</a>`), []);
  });
});

describe('character references', () => {
  it('decodes hex (either case of x) and decimal references in an attribute', () => {
    const encoded = 'https:&#x2F;&#X2f;store.weixin.qq.com&#47;shop&#47;a&#x2F;Zz9';
    assert.deepEqual(read(`<a href="${encoded}">x</a>`), [`link:${link}`]);
  });

  it('keeps a reference to no character as written, and never fails on one past U+10FFFF', () => {
    assert.deepEqual(read(`<a href="${link}?a=&#0;">x</a>`), [`link:${link}?a=&#0;`]);
    assert.deepEqual(read(`<p>&#x110000; ${link}</p>`), [`link:${link}`]);
  });

  it('ends a link written as text where a decoded space, angle bracket, quote or apostrophe comes', () => {
    for (const entity of ['&nbsp;', '&gt;', '&lt;', '&quot;']) {
      assert.deepEqual(read(`<p>见 ${link}${entity}xyz</p>`), [`link:${link}`], entity);
    }
    assert.deepEqual(read(`<p>见 ${link}&apos;xyz</p>`), [], 'an apostrophe belongs to a URL: this one is not a link');
  });
});

describe('what is not text, and text that is not read for links', () => {
  it('blanks a comment as wide as it was, so text on both sides stays apart', () => {
    assert.deepEqual(read(`<p>${link}<!-- -->yz</p>`), [`link:${link}`]);
  });

  it('ends a comment at its own "-->", not at one just before it, nor at the end of the page', () => {
    assert.deepEqual(read(`<p>a--><!-- ${link}?hidden --></p>`), []);
    assert.deepEqual(read(`<!-- note --><p>${link}</p>`), [`link:${link}`]);
    assert.deepEqual(read(`<!-- x<a>--><p>见 ${link}</p>`), [`link:${link}`], 'a tag inside a comment opens nothing');
  });

  it('drops a run a browser may read as a tag from the text around it', () => {
    assert.deepEqual(read(`<p>${link}<!yz>more</p>`), [`link:${link}`]);
  });

  it('reads no links in the text of kbd and samp', () => {
    assert.deepEqual(read(`<kbd>${link}</kbd><samp>${link}?s</samp>`), []);
  });

  it('starts reading text after an end tag, however long it is', () => {
    assert.deepEqual(read(`<p><code>${link}</code${' '.repeat(80)}></p>`), []);
  });

  it('ignores an end tag with nothing open, so the next anchor still quiets its text', () => {
    assert.deepEqual(read(`<code>x</code></code><a href="#top">${link}</a>`), []);
  });

  it('closes an anchor once however many were opened inside it, as the HTML parser does', () => {
    assert.deepEqual(read(`<a href="#1"><a href="#2">x</a> ${link}`), [`link:${link}`]);
  });

  it('counts nested code elements, so text is read only after the outer one closes', () => {
    assert.deepEqual(read(`<code><code>x</code> ${link}</code>`), []);
    // A browser re-opens the code after the anchor closes (<a><code>x</code></a><code> LINK </code>).
    assert.deepEqual(read(`<a href="#"><code>x</a> ${link} </code>`), [], 'code opened inside an anchor');
  });
});
