/**
 * `resolveArticle` at its edges (found unguarded by the client's mutation run): shop and live refs, each
 * item's own failure, and what a backend's link resolutions may say, checked like any input.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import { XiaodianError, type LinkResolution, type StorefrontBackend } from '@xiaodian/model';
// The module the client loads for resolveArticle, driven directly to hand it something that is not a client.
import { resolveArticle } from '../../packages/client/src/article.js';

const demo = createDemoBackend();
const [product] = demo.products;
const [shop] = demo.shops;
const finderUserName = demo.liveRooms[0]!;
const shortLink = (code: string) => `https://store.weixin.qq.com/shop/a/${code}`;
const anchor = (code: string) => `<a href="${shortLink(code)}">x</a>`;

/** The demo, with link resolutions answered from `answers` (by link) and every resolve call recorded. */
function backendResolving(
  answers: Record<string, unknown>,
  overrides: Partial<Pick<StorefrontBackend, 'getShop' | 'getLive' | 'resolveLinks'>> = {},
  options: { canResolveLinks?: boolean } = {},
) {
  const resolved: string[][] = [];
  const backend: StorefrontBackend = {
    getProducts: (refs, options) => demo.getProducts(refs, options),
    getShop: overrides.getShop ?? ((appid, options) => demo.getShop(appid, options)),
    getLive: overrides.getLive ?? ((name, options) => demo.getLive(name, options)),
    listShopProducts: (appid, page, options) => demo.listShopProducts(appid, page, options),
    search: (query, options) => demo.search(query, options),
    suggest: (prefix, options) => demo.suggest(prefix, options),
    liveEvents: (name, options) => demo.liveEvents(name, options),
    resolveLinks:
      overrides.resolveLinks ??
      (async (links) => {
        resolved.push([...links]);
        return links.map((link) => answers[link] as LinkResolution);
      }),
  };
  if (options.canResolveLinks === false) {
    // A backend written in plain JavaScript may lack it; the types require it.
    const withoutLinks: Partial<StorefrontBackend> = { ...backend };
    delete withoutLinks.resolveLinks;
    return { client: createClient({ backend: withoutLinks as StorefrontBackend, retry: false }), resolved };
  }
  return { client: createClient({ backend, retry: false }), resolved };
}

const summary = (items: Awaited<ReturnType<ReturnType<typeof createClient>['resolveArticle']>>) =>
  items.map((item) =>
    item.ok
      ? `${item.kind} ${item.kind === 'product' ? item.product.productId : item.kind === 'shop' ? item.shop.appid : item.live.finderUserName}`
      : `error ${item.error.code}`,
  );

describe('resolveArticle, shops, lives and each item on its own', () => {
  it('resolves a shop entry and a live room beside a product, each to its own kind', async () => {
    const { client } = backendResolving({});
    const items = await client.resolveArticle(
      `<xd-shop-entry appid="${shop!.appid}"></xd-shop-entry>
       <div data-xd-live="${finderUserName}"></div>
       <div data-xd-product="${product!.appid}:${product!.productId}"></div>`,
    );
    assert.deepEqual(summary(items), [
      `shop ${shop!.appid}`,
      `live ${finderUserName}`,
      `product ${product!.productId}`,
    ]);
  });

  it('gives a shop or a live room that fails its own error and keeps the others', async () => {
    const { client } = backendResolving(
      {},
      {
        getShop: async () => {
          throw new XiaodianError('not_found', 'No such shop');
        },
        getLive: async () => {
          throw new XiaodianError('upstream', 'Live rooms are down');
        },
      },
    );
    const items = await client.resolveArticle(
      `<div data-xd-shop="${shop!.appid}"></div><div data-xd-live="${finderUserName}"></div>
       <div data-xd-product="${product!.appid}:${product!.productId}"></div>`,
    );
    assert.deepEqual(summary(items), ['error not_found', 'error upstream', `product ${product!.productId}`]);
    assert.equal(items[0]!.ref?.kind, 'shop');
    assert.equal(items[0]!.ok ? '' : items[0]!.error.message, 'No such shop');
  });

  it('reads a document as well as a string and an element', async () => {
    const { client } = backendResolving({});
    const markup = `<div data-xd-shop="${shop!.appid}"></div>`;
    const items = await client.resolveArticle({ documentElement: { outerHTML: markup } });
    assert.deepEqual(summary(items), [`shop ${shop!.appid}`]);
  });

  it('refuses a look-alike of a client: only createClient makes one whose internals it can reach', async () => {
    const { client } = backendResolving({});
    // A copy has every method but no internals (mutant: the missing-internals check removed, which fails later
    // and less clearly on `undefined`).
    const lookAlike = { ...client };
    await assert.rejects(resolveArticle(lookAlike, anchor('AbCdEf')), {
      name: 'TypeError',
      message: 'Not a client made by createClient',
    });
  });
});

describe('resolveArticle, short links as the backend answers them', () => {
  it('takes a product with its promotion link and media id, a shop and a live room; drops empty extras', async () => {
    const { client, resolved } = backendResolving({
      [shortLink('p1')]: {
        ok: true,
        ref: {
          kind: 'product',
          appid: product!.appid,
          productId: product!.productId,
          promotionLink: 'PL',
          mediaId: 'M1',
        },
      },
      [shortLink('s1')]: { ok: true, ref: { kind: 'shop', appid: shop!.appid } },
      [shortLink('l1')]: { ok: true, ref: { kind: 'live', finderUserName } },
    });
    const items = await client.resolveArticle(anchor('p1') + anchor('s1') + anchor('l1'));
    assert.deepEqual(resolved, [[shortLink('p1'), shortLink('s1'), shortLink('l1')]], 'one call for every link');
    assert.deepEqual(summary(items), [
      `product ${product!.productId}`,
      `shop ${shop!.appid}`,
      `live ${finderUserName}`,
    ]);
    assert.deepEqual(items[0]!.ref, {
      kind: 'product',
      appid: product!.appid,
      productId: product!.productId,
      promotionLink: 'PL',
      mediaId: 'M1',
    });
    assert.equal(items[0]!.source, shortLink('p1'));

    const bare = backendResolving({
      [shortLink('p2')]: {
        ok: true,
        ref: { kind: 'product', appid: product!.appid, productId: product!.productId, promotionLink: '', mediaId: 7 },
      },
    });
    const [item] = await bare.client.resolveArticle(anchor('p2'));
    assert.deepEqual(item!.ref, { kind: 'product', appid: product!.appid, productId: product!.productId });
  });

  it('turns each malformed answer into its own error, with the link named', async () => {
    const { client } = backendResolving({
      [shortLink('gone')]: undefined,
      [shortLink('said')]: { ok: false, error: { code: 'not_found', message: 'No product behind it' } },
      [shortLink('junk')]: { ok: false, error: 'nope' },
      [shortLink('neither')]: { ok: 'yes', ref: { kind: 'shop', appid: shop!.appid } },
      [shortLink('noref')]: { ok: true, ref: null },
      [shortLink('badid')]: { ok: true, ref: { kind: 'shop', appid: 'not an appid' } },
      [shortLink('fine')]: { ok: true, ref: { kind: 'shop', appid: shop!.appid } },
    });
    const codes = ['gone', 'said', 'junk', 'neither', 'noref', 'badid', 'fine'];
    const items = await client.resolveArticle(codes.map(anchor).join(''));
    assert.deepEqual(summary(items), [
      'error not_found',
      'error not_found',
      'error invalid_response',
      'error invalid_response',
      'error invalid_response',
      'error invalid_ref',
      `shop ${shop!.appid}`,
    ]);
    const messages = items.map((item) => (item.ok ? '' : item.error.message));
    assert.equal(messages[0], `Nothing found for ${shortLink('gone')}`);
    assert.equal(messages[1], 'No product behind it');
    assert.equal(messages[2], `The answer for ${shortLink('junk')} is a failure without a valid error`);
    assert.equal(messages[3], `The answer for ${shortLink('neither')} is neither a ref nor an error`);
    assert.equal(messages[4], `The answer for ${shortLink('noref')} is neither a ref nor an error`);
    assert.deepEqual(
      items.map((item) => item.source),
      codes.map(shortLink),
    );
  });

  it('gives every link the error when the backend cannot resolve links, or its call fails', async () => {
    const cannot = backendResolving({}, {}, { canResolveLinks: false });
    const items = await cannot.client.resolveArticle(anchor('a') + anchor('b'));
    assert.deepEqual(summary(items), ['error bad_request', 'error bad_request']);
    assert.equal(items[0]!.ok ? '' : items[0]!.error.message, "This client's backend cannot resolve links");

    const failing = backendResolving(
      {},
      {
        resolveLinks: async () => {
          throw new XiaodianError('upstream', 'WeChat is down');
        },
      },
    );
    const failed = await failing.client.resolveArticle(anchor('a') + anchor('b'));
    assert.deepEqual(summary(failed), ['error upstream', 'error upstream']);
  });

  it('answers a ref named by two links once, or once per link with eachLink', async () => {
    const answers = {
      [shortLink('one')]: { ok: true, ref: { kind: 'shop', appid: shop!.appid } },
      [shortLink('two')]: { ok: true, ref: { kind: 'shop', appid: shop!.appid } },
    };
    const { client } = backendResolving(answers);
    const html = anchor('one') + anchor('two');
    assert.deepEqual(summary(await client.resolveArticle(html)), [`shop ${shop!.appid}`]);
    const each = await client.resolveArticle(html, { eachLink: true });
    assert.deepEqual(
      each.map((item) => item.source),
      [shortLink('one'), shortLink('two')],
    );
    // A link and then a card for the same shop: the link's item only, even with eachLink (a card is no link).
    const card = `<div data-xd-shop="${shop!.appid}"></div>`;
    const linkThenCard = await client.resolveArticle(anchor('one') + card, { eachLink: true });
    assert.deepEqual(
      linkThenCard.map((item) => item.source),
      [shortLink('one')],
    );
  });
});

describe('resolveArticle, what a resolution may not carry, and the caller’s signal', () => {
  it('refuses a ref that is not an object as neither a ref nor an error', async () => {
    const { client } = backendResolving({
      [shortLink('text')]: { ok: true, ref: `${product!.appid}:${product!.productId}` },
    });
    const [item] = await client.resolveArticle(anchor('text'));
    assert.equal(item!.ok, false);
    assert.equal(
      item!.ok ? '' : item!.error.message,
      `The answer for ${shortLink('text')} is neither a ref nor an error`,
    );
  });

  it('keeps a promotion link and a media id on product refs only, and only as strings', async () => {
    const { client } = backendResolving({
      [shortLink('s')]: { ok: true, ref: { kind: 'shop', appid: shop!.appid, promotionLink: 'PL', mediaId: 'M' } },
      [shortLink('l')]: { ok: true, ref: { kind: 'live', finderUserName, promotionLink: 'PL', mediaId: 'M' } },
      [shortLink('p')]: {
        ok: true,
        ref: { kind: 'product', appid: product!.appid, productId: product!.productId, promotionLink: 5, mediaId: {} },
      },
    });
    const items = await client.resolveArticle(anchor('s') + anchor('l') + anchor('p'));
    assert.deepEqual(
      items.map((item) => item.ref),
      [
        { kind: 'shop', appid: shop!.appid },
        { kind: 'live', finderUserName },
        { kind: 'product', appid: product!.appid, productId: product!.productId },
      ],
    );
  });

  it('reads a field that is not a string as empty, as a missing one is read', async () => {
    const { client } = backendResolving({
      [shortLink('number')]: { ok: true, ref: { kind: 'live', finderUserName: 42 } },
      [shortLink('empty')]: { ok: true, ref: { kind: 'live', finderUserName: '' } },
    });
    const [number, empty] = await client.resolveArticle(anchor('number') + anchor('empty'), { eachLink: true });
    assert.equal(number!.ok || empty!.ok, false);
    const failure = (item: typeof number) => (item!.ok ? undefined : [item!.error.code, item!.error.message]);
    assert.equal(failure(empty)![0], 'invalid_ref');
    assert.deepEqual(failure(number), failure(empty));
  });

  it('hands the caller’s signal to every request: an aborted one ends cards and links alike', async () => {
    let linkSignal: AbortSignal | undefined;
    const { client } = backendResolving(
      {},
      {
        resolveLinks: async (links, options) => {
          linkSignal = options?.signal;
          return links.map(() => ({ ok: true, ref: { kind: 'shop', appid: shop!.appid } }) as LinkResolution);
        },
      },
    );
    const html = `<div data-xd-live="${finderUserName}"></div>${anchor('x')}`;
    const answered = await client.resolveArticle(html);
    assert.ok(linkSignal instanceof AbortSignal, 'the resolve call is given a signal');
    assert.deepEqual(summary(answered), [`live ${finderUserName}`, `shop ${shop!.appid}`]);
    const aborted = await client.resolveArticle(`<div data-xd-shop="${demo.shops[1]!.appid}"></div>${anchor('y')}`, {
      signal: AbortSignal.abort(),
    });
    assert.deepEqual(summary(aborted), ['error aborted', 'error aborted']);
  });

  it('is observed as the resolve resource', async () => {
    const { client } = backendResolving({ [shortLink('s')]: { ok: true, ref: { kind: 'shop', appid: shop!.appid } } });
    const requested: string[] = [];
    client.observe((event) => {
      if (event.type === 'request') requested.push(event.resource);
    });
    await client.resolveArticle(anchor('s'));
    assert.deepEqual(requested, ['resolve', 'shop']);
  });
});
