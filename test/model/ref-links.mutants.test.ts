/**
 * Canonical links and element attributes at their edges (left unguarded by the model's tests, found by a
 * coverage run of them): live and shop links both ways, media ids, empty extras, and the exact refusal of
 * each malformed link or attribute set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XiaodianError, articleRefKey, formatRefLink, parseRef } from '@xiaodian/model';

const appid = 'wx3f8a2c1d9e7b6a54';
const refused = (message: string) => (error: unknown) =>
  error instanceof XiaodianError && error.code === 'invalid_ref' && error.message === message;

describe('canonical ref links', () => {
  it('writes each kind under the base without doubled slashes, with a product’s extras only when set', () => {
    assert.equal(
      formatRefLink({ kind: 'shop', appid }, 'https://gw.example/base//'),
      `https://gw.example/base/s/${appid}`,
    );
    assert.equal(
      formatRefLink({ kind: 'live', finderUserName: 'sphAbc123' }, 'https://gw.example'),
      'https://gw.example/l/sphAbc123',
    );
    assert.equal(
      formatRefLink({ kind: 'product', appid, productId: '42', mediaId: 'M1' }, 'https://gw.example'),
      `https://gw.example/p/${appid}/42?media_id=M1`,
    );
    assert.equal(
      formatRefLink({ kind: 'product', appid, productId: '42', promotionLink: '', mediaId: '' }, 'https://gw.example'),
      `https://gw.example/p/${appid}/42`,
    );
  });

  it('reads live and shop links back (http too), and a product link without empty extras', () => {
    assert.deepEqual(parseRef(`http://gw.example/s/${appid}`), { kind: 'shop', appid });
    // Text before a link is not a link: it is read as a ref, and refused as one.
    assert.throws(
      () => parseRef(`see https://gw.example/s/${appid}`),
      refused('Invalid appid "see https": expected "wx" followed by 16 hex characters'),
    );
    assert.deepEqual(parseRef('https://gw.example/l/sphAbc123/'), { kind: 'live', finderUserName: 'sphAbc123' });
    assert.deepEqual(parseRef(` https://gw.example/s/${appid} `), { kind: 'shop', appid });
    assert.deepEqual(parseRef(`https://gw.example/p/${appid}/42?promotion_link=&media_id=`), {
      kind: 'product',
      appid,
      productId: '42',
    });
  });

  it('refuses a link of no known shape, or one that is no link, saying which forms it takes', () => {
    const shapes = 'expected a path /p/APPID/PRODUCT_ID, /s/APPID or /l/FINDER_USER_NAME';
    for (const link of [
      `https://gw.example/s/${appid}/42`,
      'https://gw.example/l/sphA/b',
      'https://gw.example/x/1',
      `https://gw.example/p/${appid}`,
      `https://gw.example/p/${appid}/42/extra`,
    ]) {
      assert.throws(() => parseRef(link), refused(`Unrecognised link "${link}": ${shapes}`), link);
    }
    assert.throws(() => parseRef('https://exa mple.com/p/1/2'), refused('Invalid link "https://exa mple.com/p/1/2"'));
    assert.throws(
      () => parseRef('hello'),
      refused('Unrecognised ref "hello": expected APPID:PRODUCT_ID, an appid, a finder user name or a link'),
    );
  });
});

describe('refs from element attributes', () => {
  it('reads a media id, leaves out empty extras, and prefers a finder user name', () => {
    assert.deepEqual(parseRef({ appid, 'product-id': '7', 'media-id': 'M9', 'product-promotion-link': '' }), {
      kind: 'product',
      appid,
      productId: '7',
      mediaId: 'M9',
    });
    assert.deepEqual(parseRef({ appid, 'product-id': null }), { kind: 'shop', appid });
    assert.deepEqual(parseRef({ appid, 'finder-user-name': 'sphAbc123' }), {
      kind: 'live',
      finderUserName: 'sphAbc123',
    });
  });

  it('refuses attributes that name no ref', () => {
    const message = 'Attributes name no ref: expected appid (and product-id) or finder-user-name';
    assert.throws(() => parseRef({}), refused(message));
    assert.throws(() => parseRef({ 'product-id': '7', appid: null }), refused(message));
  });
});

describe('articleRefKey', () => {
  it('keys every kind apart', () => {
    assert.deepEqual(
      [
        articleRefKey({ kind: 'product', appid, productId: '7', promotionLink: 'P' }),
        articleRefKey({ kind: 'shop', appid }),
        articleRefKey({ kind: 'live', finderUserName: 'sphAbc123' }),
      ],
      [`product:${appid}:7`, `shop:${appid}`, 'live:sphAbc123'],
    );
  });
});
