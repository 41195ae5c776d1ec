/**
 * readPastedInput, the model's reading of what a creator pastes into the embed builder, on its own (the
 * gateway's resolve-pasted.test.ts drives it through POST /v1/resolve; the model's mutation run reads only
 * the model's tests, and found every line of it unguarded). Each case is the whole answer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { productIdNeedsShopMessage, readPastedInput, shortLinkForms, unknownLinkMessage } from '@xiaodian/model';

const appid = 'wx3f8a2c1d9e7b6a54';
const productId = '10000201001001';
const appidMessage = (text: string) =>
  `"${text}" is not a shop appid: an appid is "wx" followed by 16 hex characters (wx3f8a2c1d9e7b6a54)`;
const productIdMessage = (text: string) =>
  `"${text}" is not a product id: WeChat's product ids are digits only, at most 20 (10000201001001)`;
const unrecognised = (shown: string) =>
  `"${shown}" is not a link, an id or a ref. Paste a product's or shop's WeChat link (${shortLinkForms}), ` +
  `APPID:PRODUCT_ID, or a shop's appid`;
const wechatButNot = (link: string) =>
  `${link} is a WeChat link, but not to a product or a shop. Share the product (or the shop) in WeChat and ` +
  `paste that link: ${shortLinkForms}, or a promoter's https://store.weixin.qq.com/shop/a/…`;

describe('readPastedInput', () => {
  it('says nothing was pasted for nothing but spaces', () => {
    for (const text of ['', '  \n ']) {
      assert.deepEqual(readPastedInput(text), {
        kind: 'problem',
        text: '',
        problem: 'empty',
        message: `Nothing was pasted. Paste a product or shop link (${shortLinkForms}), or APPID:PRODUCT_ID`,
      });
    }
  });

  it('reads WeChat short links in one spelling: https, lowercase host, no query, fragment or trailing slash', () => {
    const cases: Array<[string, string, boolean]> = [
      [
        'https://channels.weixin.qq.com/shop/a/AbC_-9?from=share#x',
        'https://channels.weixin.qq.com/shop/a/AbC_-9',
        false,
      ],
      ['HTTP://Store.Weixin.QQ.com/shop/a/xyz/', 'https://store.weixin.qq.com/shop/a/xyz', true],
      // Copied without the scheme, as people often do.
      ['channels.weixin.qq.com/shop/a/k1', 'https://channels.weixin.qq.com/shop/a/k1', false],
      // Inside WeChat's share text.
      [
        '【山野户外 防晒衣】https://channels.weixin.qq.com/shop/a/Q2w 复制打开微信',
        'https://channels.weixin.qq.com/shop/a/Q2w',
        false,
      ],
      ['看看这个：https://store.weixin.qq.com/shop/a/P9。', 'https://store.weixin.qq.com/shop/a/P9', true],
    ];
    for (const [text, link, promoter] of cases) {
      assert.deepEqual(readPastedInput(text), { kind: 'short_link', text, link, promoter }, text);
    }
  });

  it('turns away other WeChat links, naming the forms that work', () => {
    for (const link of ['https://channels.weixin.qq.com/finder/abc', 'https://mp.weixin.qq.com/s/abc']) {
      assert.deepEqual(readPastedInput(link), {
        kind: 'problem',
        text: link,
        problem: 'unknown_link',
        message: wechatButNot(link),
      });
    }
  });

  it('reads gateway links, and says which id of one is broken', () => {
    const product = `https://gw.example/p/${appid}/${productId}`;
    assert.deepEqual(readPastedInput(product), {
      kind: 'ref',
      text: product,
      ref: { kind: 'product', appid, productId },
    });
    const shop = `https://gw.example/s/${appid}`;
    assert.deepEqual(readPastedInput(shop), { kind: 'ref', text: shop, ref: { kind: 'shop', appid } });
    const broken: Array<[string, string, string]> = [
      [`https://gw.example/p/wxBAD/${productId}`, 'invalid_appid', appidMessage('wxBAD')],
      [`https://gw.example/p/${appid}/12ab`, 'invalid_product_id', productIdMessage('12ab')],
      ['https://gw.example/s/wxnope', 'invalid_appid', appidMessage('wxnope')],
    ];
    for (const [text, problem, message] of broken) {
      assert.deepEqual(readPastedInput(text), { kind: 'problem', text, problem, message }, text);
    }
  });

  it("leaves other sites' links to the backend, and says when a link is not complete", () => {
    const other = 'https://shop.example/p/123/456';
    assert.deepEqual(readPastedInput(other), { kind: 'other_link', text: other, link: other });
    for (const text of ['https://exa mple.com', 'https://']) {
      assert.deepEqual(readPastedInput(text), {
        kind: 'problem',
        text,
        problem: 'unknown_link',
        message: `"${text}" is not a complete link. Paste a link like ${shortLinkForms}`,
      });
    }
  });

  it('reads a product id alone, APPID:PRODUCT_ID (a full-width colon and spaces too) and an appid', () => {
    assert.deepEqual(readPastedInput(productId), { kind: 'product_id', text: productId, productId });
    for (const text of [`${appid}:${productId}`, `${appid}：1000 0201001001`]) {
      assert.deepEqual(readPastedInput(text), { kind: 'ref', text, ref: { kind: 'product', appid, productId } });
    }
    assert.deepEqual(readPastedInput(appid), { kind: 'ref', text: appid, ref: { kind: 'shop', appid } });
    assert.deepEqual(readPastedInput('sphShanyeOutdoor'), {
      kind: 'ref',
      text: 'sphShanyeOutdoor',
      ref: { kind: 'live', finderUserName: 'sphShanyeOutdoor' },
    });
  });

  it('says which part of an id or a ref is wrong', () => {
    const cases: Array<[string, string, string]> = [
      ['123456789012345678901', 'invalid_product_id', productIdMessage('123456789012345678901')],
      [
        'a:b:c',
        'unrecognised',
        `"a:b:c" has more than one ":". Write it as APPID:PRODUCT_ID (wx3f8a2c1d9e7b6a54:10000201001001)`,
      ],
      ['wxzz:1', 'invalid_appid', appidMessage('wxzz')],
      [`${appid}:x1`, 'invalid_product_id', productIdMessage('x1')],
      ['WX3F8A2C1D9E7B6A54', 'invalid_appid', appidMessage('WX3F8A2C1D9E7B6A54')],
      ['wx123', 'invalid_appid', appidMessage('wx123')],
      ['sph', 'unrecognised', unrecognised('sph')],
      ['hello', 'unrecognised', unrecognised('hello')],
      // Long text is shown cut at 60 characters.
      ['x'.repeat(70), 'unrecognised', unrecognised(`${'x'.repeat(60)}…`)],
      ['x'.repeat(60), 'unrecognised', unrecognised('x'.repeat(60))],
    ];
    for (const [text, problem, message] of cases) {
      assert.deepEqual(readPastedInput(text), { kind: 'problem', text, problem, message }, text);
    }
  });

  it('reads only what is truly a WeChat or gateway link: lookalikes inside other links and hosts are other links', () => {
    const others = [
      // A WeChat link inside another site's query, or WeChat's name inside another host.
      'https://evil.example/r?to=https://channels.weixin.qq.com/shop/a/abc',
      'https://weixin.qq.com.evil.example/x',
      // Gateway-shaped paths with more after them, or ids that only contain "wx".
      'https://gw.example/p/wxBAD/1/extra',
      'https://gw.example/s/wxnope/extra',
      'https://x.example/p/xwx/12',
      'https://x.example/s/xwx',
      // A link with a space is read whole, not cut at the space.
      'http://x.example/a b',
    ];
    for (const text of others) assert.deepEqual(readPastedInput(text), { kind: 'other_link', text, link: text }, text);
    for (const link of [
      'https://channels.weixin.qq.com/shop/a/abc/extra',
      'http://mp.weixin.qq.com/s/x',
      'https://weixin.qq.com/x',
    ]) {
      assert.deepEqual(
        readPastedInput(link),
        { kind: 'problem', text: link, problem: 'unknown_link', message: wechatButNot(link) },
        link,
      );
    }
    const shared = '看 http://channels.weixin.qq.com/shop/a/Q 复制';
    assert.deepEqual(readPastedInput(shared), {
      kind: 'short_link',
      text: shared,
      link: 'https://channels.weixin.qq.com/shop/a/Q',
      promoter: false,
    });
    for (const text of ['awx1', '123abc']) {
      assert.deepEqual(
        readPastedInput(text),
        { kind: 'problem', text, problem: 'unrecognised', message: unrecognised(text) },
        text,
      );
    }
  });

  it("words the gateway's messages for an unreadable link and a product id without its shop", () => {
    assert.equal(
      unknownLinkMessage('https://x.example/'),
      `https://x.example/ is not a link the gateway can read. Paste a product's or shop's WeChat link, ${shortLinkForms}, or APPID:PRODUCT_ID`,
    );
    assert.equal(
      productIdNeedsShopMessage('42'),
      '42 is a product id alone, and ids do not say which shop sells them. Pick the shop (send "appid" with the ' +
        `links), or paste APPID:PRODUCT_ID (wx3f8a2c1d9e7b6a54:42) or the product's link, ${shortLinkForms}`,
    );
  });
});
