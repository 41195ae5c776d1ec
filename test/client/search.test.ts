import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import { createClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import type { ProductRef, SearchPage, SearchQuery } from '@xiaodian/model';

// client.search answers the search contract: a checked envelope with one hit per item and the facets,
// products that prime the product cache, and superseded calls that end at once with `aborted`.

const demo = createDemoBackend();

/** A backend whose search answers are released by the test, one per call, in any order. */
function heldSearches() {
  const held: Array<{ query: SearchQuery; release: () => void }> = [];
  const backend = {
    getProducts: (refs: readonly ProductRef[]) => demo.getProducts(refs),
    search: (query: SearchQuery) =>
      new Promise<SearchPage>((resolve) => {
        held.push({ query, release: () => void demo.search(query).then(resolve) });
      }),
  };
  return { backend, held };
}

describe('client.search', () => {
  it('answers items, one hit per item, facets, total and cursor as the backend sent them', async () => {
    const client = createClient({ backend: demo });
    const query = { q: '防晒衣', limit: 5 };
    const [page, expected] = await Promise.all([client.search(query), demo.search(query)]);
    assert.equal(page.items.length, 5);
    assert.deepEqual(
      page.items.map((item) => item.ok && item.product.productId),
      expected.items.map((product) => product.productId),
    );
    assert.deepEqual(page.hits, expected.hits);
    assert.deepEqual(page.facets, expected.facets);
    assert.equal(page.total, expected.total);
    assert.equal(page.nextCursor, expected.nextCursor);
  });

  it('rejects an answer whose hits do not line up with its items', async () => {
    const good = await demo.search({ q: '防晒衣', limit: 3 });
    const client = createClient({
      backend: { getProducts: () => Promise.resolve([]), search: async () => ({ ...good, hits: good.hits.slice(1) }) },
      retry: false,
    });
    await assert.rejects(client.search({ q: '防晒衣' }), { code: 'invalid_response', message: /2 hits for 3 items/ });
  });

  it('rejects an answer without facets or with an unknown match kind', async () => {
    const good = await demo.search({ q: '防晒衣', limit: 1 });
    for (const answer of [
      { items: good.items, total: 1, hits: good.hits },
      { ...good, hits: [{ kind: 'psychic', titleRanges: [] }] },
      { ...good, hits: [{ kind: 'exact', titleRanges: [[1]] }] },
    ]) {
      const client = createClient({
        // Malformed on purpose: what a faulty gateway might send.
        backend: { getProducts: () => Promise.resolve([]), search: async () => answer as unknown as SearchPage },
        retry: false,
      });
      // The message names what failed (mutant: the `${what} page` label emptied).
      await assert.rejects(client.search({ q: '防晒衣' }), {
        code: 'invalid_response',
        message: /^Search result page failed validation/,
      });
    }
  });

  it('keeps a malformed item as its own error, and its hit beside it', async () => {
    const good = await demo.search({ q: '防晒衣', limit: 2 });
    const client = createClient({
      backend: {
        getProducts: () => Promise.resolve([]),
        search: async () =>
          ({ ...good, items: [{ title: 'no ids' }, good.items[1]], didYouMean: '防晒' }) as unknown as SearchPage,
      },
    });
    const page = await client.search({ q: '防晒衣' });
    assert.equal(page.items[0]!.ok, false);
    assert.equal(page.items[1]!.ok, true);
    assert.deepEqual(page.hits, good.hits);
    assert.equal(page.didYouMean, '防晒');
  });

  it('primes the product cache: a card for a product just found costs no request', async () => {
    let productRequests = 0;
    const client = createClient({
      backend: {
        getProducts: (refs) => {
          productRequests += 1;
          return demo.getProducts(refs);
        },
        search: (query) => demo.search(query),
      },
    });
    const page = await client.search({ q: '螺蛳粉', limit: 3 });
    const found = page.items.flatMap((item) => (item.ok ? [item.product] : []));
    assert.equal(found.length, 3);
    const cards = await Promise.all(found.map((p) => client.getProduct({ appid: p.appid, productId: p.productId })));
    assert.deepEqual(cards, found);
    assert.equal(productRequests, 0);
  });

  it('aborts a superseded call: it rejects with aborted, even when its answer arrives, and the newer one answers', async () => {
    const { backend, held } = heldSearches();
    const client = createClient({ backend });
    // Settled into a value at once: the rejection comes as soon as the newer call is made.
    const older = client.search({ q: '防晒' }, { supersede: 'box' }).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    // Let the older call reach the backend before the newer one is made.
    while (held.length < 1) await new Promise((resolve) => setImmediate(resolve));
    const newer = client.search({ q: '防晒衣' }, { supersede: 'box' });
    while (held.length < 2) await new Promise((resolve) => setImmediate(resolve));
    held[0]!.release();
    assert.equal(((await older) as { code?: string }).code, 'aborted');
    held[1]!.release();
    assert.ok((await newer).items.length > 0);
  });

  it('leaves calls with another supersede key, or none, alone', async () => {
    const { backend, held } = heldSearches();
    const client = createClient({ backend });
    const a = client.search({ q: '防晒' }, { supersede: 'top' });
    const b = client.search({ q: '防晒衣' }, { supersede: 'side' });
    const c = client.search({ q: '螺蛳粉' });
    while (held.length < 3) await new Promise((resolve) => setImmediate(resolve));
    for (const { release } of held) release();
    const pages = await Promise.all([a, b, c]);
    assert.ok(pages.every((page) => page.items.length > 0));
  });

  it('says which call superseded an older one', async () => {
    const { backend, held } = heldSearches();
    const client = createClient({ backend });
    const older = client.search({ q: '防晒' }, { supersede: 'box' });
    while (held.length < 1) await new Promise((resolve) => setImmediate(resolve));
    const newer = client.search({ q: '防晒衣' }, { supersede: 'box' });
    await assert.rejects(older, { code: 'aborted', message: 'A newer search call superseded this one' });
    while (held.length < 2) await new Promise((resolve) => setImmediate(resolve));
    for (const { release } of held) release();
    await newer;
  });

  it('ends a superseding call its caller gave up, before or during it, and leaves no listener behind', async () => {
    const { backend, held } = heldSearches();
    const client = createClient({ backend });
    await assert.rejects(client.search({ q: '防晒' }, { supersede: 'box', signal: AbortSignal.abort() }), {
      code: 'aborted',
    });
    const caller = new AbortController();
    const during = client.search({ q: '防晒衣' }, { supersede: 'box', signal: caller.signal });
    while (!held.some(({ query }) => query.q === '防晒衣')) await new Promise((resolve) => setImmediate(resolve));
    caller.abort();
    await assert.rejects(during, { code: 'aborted' });
    const kept = new AbortController();
    const answered = client.search({ q: '螺蛳粉' }, { supersede: 'box', signal: kept.signal });
    while (!held.some(({ query }) => query.q === '螺蛳粉')) await new Promise((resolve) => setImmediate(resolve));
    for (const { release } of held) release();
    assert.ok((await answered).items.length > 0);
    assert.equal(getEventListeners(kept.signal, 'abort').length, 0);
  });

  it('supersedes each call in a row, the second by the third as the first by the second', async () => {
    const { backend, held } = heldSearches();
    const client = createClient({ backend });
    const settle = (call: Promise<unknown>) =>
      call.then(
        () => 'answered',
        (error: { code?: string }) => error.code,
      );
    const first = settle(client.search({ q: '防晒' }, { supersede: 'box' }));
    while (held.length < 1) await new Promise((resolve) => setImmediate(resolve));
    const second = settle(client.search({ q: '防晒衣' }, { supersede: 'box' }));
    assert.equal(await first, 'aborted');
    while (held.length < 2) await new Promise((resolve) => setImmediate(resolve));
    const third = settle(client.search({ q: '螺蛳粉' }, { supersede: 'box' }));
    assert.equal(await second, 'aborted');
    while (held.length < 3) await new Promise((resolve) => setImmediate(resolve));
    for (const { release } of held) release();
    assert.equal(await third, 'answered');
  });

  it('keeps a search and a suggestion with the same supersede key apart', async () => {
    const { backend, held } = heldSearches();
    const client = createClient({ backend: { ...backend, suggest: (prefix: string) => demo.suggest(prefix) } });
    const searching = client.search({ q: '防晒' }, { supersede: 'box' });
    while (held.length < 1) await new Promise((resolve) => setImmediate(resolve));
    assert.ok(Array.isArray(await client.suggest('fang', { supersede: 'box' })));
    held[0]!.release();
    assert.ok((await searching).items.length > 0);
  });

  it('supersedes suggestions the same way', async () => {
    let release: (() => void) | undefined;
    const client = createClient({
      backend: {
        getProducts: () => Promise.resolve([]),
        suggest: (prefix) =>
          new Promise((resolve) => {
            release = () => void demo.suggest(prefix).then(resolve);
          }),
      },
    });
    const older = client.suggest('fang', { supersede: 'box' }).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    while (!release) await new Promise((resolve) => setImmediate(resolve));
    const first = release;
    const newer = client.suggest('fangs', { supersede: 'box' });
    first();
    assert.equal(((await older) as { code?: string }).code, 'aborted');
    while (release === first) await new Promise((resolve) => setImmediate(resolve));
    release();
    assert.ok(Array.isArray(await newer));
  });
});
