/**
 * The WeChat backend at edges no server test reached (a coverage run of the gateway's tests, for its
 * mutation run): a cursor that is not one, suggestions from the listing's index, a link that is neither a
 * short link nor a ref, and a quota WeChat would not tell, which leaves the gateway ready.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWeChatBackend, type FetchLike } from '@xiaodian/gateway';
import { startFakeWeChat, type FakeWeChat } from './fake-wechat.ts';

const appid = 'wx3f8a2c1d9e7b6a54';

describe('the WeChat backend at its edges', () => {
  let fake: FakeWeChat;
  before(async () => {
    fake = await startFakeWeChat(12);
  });
  after(async () => {
    await fake.close();
  });
  const backend = (fetch?: FetchLike) =>
    createWeChatBackend({
      appid,
      secret: fake.secret,
      baseUrl: fake.url,
      sleep: async () => {},
      ...(fetch ? { fetch } : {}),
    });

  it('refuses a cursor it did not make', async () => {
    await assert.rejects(backend().listShopProducts(appid, { cursor: '%%%not-a-cursor' }), {
      code: 'bad_request',
      message: 'Invalid cursor',
    });
    // Base64 of bytes that are not UTF-8.
    await assert.rejects(backend().listShopProducts(appid, { cursor: '_w' }), { code: 'bad_request' });
  });

  it('suggests from the titles of the listing', async () => {
    const shop = backend();
    const { items } = await shop.listShopProducts(appid, { limit: 1 });
    const title = items[0]!.title;
    const suggestions = await shop.suggest(title.slice(0, 2));
    assert.ok(suggestions.length > 0, `no suggestion for ${title.slice(0, 2)}`);
    assert.ok(
      suggestions.some(
        (suggestion) => title.startsWith(suggestion.text) || suggestion.text.startsWith(title.slice(0, 2)),
      ),
    );
  });

  it('answers a link that is no ref with its own error, beside one that is', async () => {
    const [bad, good] = await backend().resolveLinks([
      'https://example.com/not-a-product',
      `https://shop.example/p/${appid}/10000001`,
    ]);
    assert.equal(bad!.ok, false);
    assert.equal(bad!.ok ? '' : bad!.error.code, 'invalid_ref');
    assert.deepEqual(good, { ok: true, ref: { kind: 'product', appid, productId: '10000001' } });
  });

  it('stays ready when WeChat will not tell the quota, saying why', async () => {
    const failingQuota: FetchLike = (url, init) =>
      url.includes('/cgi-bin/openapi/quota/get')
        ? Promise.resolve(new Response('down', { status: 502 }))
        : fetch(url, init);
    const checks = await backend(failingQuota).readiness();
    const quota = checks.find((check) => check.name === 'wechat-quota');
    assert.deepEqual(
      { ok: quota?.ok, detail: quota?.detail },
      { ok: true, detail: 'The quota could not be read: WeChat answered /cgi-bin/openapi/quota/get with HTTP 502' },
    );
  });
});
