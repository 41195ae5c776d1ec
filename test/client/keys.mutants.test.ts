// Kills StrykerJS mutants (npm run mutation -- client) in the client's cache keys, read directly: the
// behavioural tests (cache-keys.test.ts) see only whether two asks share a request, which several broken
// key writers still get right by luck (a sort that happens to keep the caller's order, say).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, searchKey, shopProductsKey, suggestKey } from '../../packages/client/src/keys.js';

describe('canonicalJson', () => {
  it('writes object fields sorted by name whatever order they were given in, leaving out undefined ones', () => {
    const written = '{"a":2,"b":{"x":1,"y":[3,null]},"c":"3"}';
    assert.equal(canonicalJson({ c: '3', b: { y: [3, undefined], x: 1 }, a: 2, d: undefined }), written);
    assert.equal(canonicalJson({ a: 2, c: '3', b: { x: 1, y: [3, null] } }), written);
    assert.equal(canonicalJson({ b: { x: 1, y: [3, null] }, a: 2, c: '3' }), written);
  });

  it('writes arrays in their order, strings, numbers, booleans and null as JSON, and undefined as null', () => {
    assert.equal(canonicalJson([2, 1, 'a']), '[2,1,"a"]');
    assert.equal(canonicalJson('帐篷'), '"帐篷"');
    assert.equal(canonicalJson(0), '0');
    assert.equal(canonicalJson(false), 'false');
    assert.equal(canonicalJson(null), 'null');
    assert.equal(canonicalJson(undefined), 'null');
    assert.equal(canonicalJson({}), '{}');
    assert.equal(canonicalJson([]), '[]');
  });
});

describe('cache keys', () => {
  it('key a search by its fields, guarantees as a sorted set, and inStock only when true', () => {
    assert.equal(
      searchKey({ q: '帐篷', limit: 20, guarantees: ['worry_free', 'free_shipping', 'worry_free'], inStock: true }),
      'search:{"guarantees":["free_shipping","worry_free"],"inStock":true,"limit":20,"q":"帐篷"}',
    );
    assert.equal(searchKey({ q: '帐篷', limit: 20, guarantees: [], inStock: false }), 'search:{"limit":20,"q":"帐篷"}');
    assert.equal(searchKey({ q: '帐篷', limit: 20 }), 'search:{"limit":20,"q":"帐篷"}');
  });

  it('key shop pages by shop, cursor and size, and suggestions by prefix', () => {
    assert.equal(
      shopProductsKey('wx1234567890abcdef', { limit: 10, cursor: 'c1' }),
      'shop-products:{"appid":"wx1234567890abcdef","cursor":"c1","limit":10}',
    );
    assert.equal(
      shopProductsKey('wx1234567890abcdef', { limit: 10 }),
      'shop-products:{"appid":"wx1234567890abcdef","limit":10}',
    );
    assert.equal(suggestKey('fang'), 'suggest:"fang"');
  });
});
