/**
 * Search and suggestions at the edges the client's mutation run left unguarded (search-resources.ts): a
 * page says it has a next page or a did-you-mean only when it has one, suggestions are checked and named
 * in their error, kept in memory but never in the persistent store, and a client without suggestions says so.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, webStorageStore, type ClientEvent } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import type { ProductRef, SearchPage, SearchQuery, Suggestion } from '@xiaodian/model';
import { memoryWebStorage } from './memory-web-storage.ts';

const demo = createDemoBackend();

describe('a search page', () => {
  it('has a cursor and a did-you-mean only when the backend sent them', async () => {
    const query = { q: '防晒衣', limit: 2 };
    const sent = await demo.search(query);
    const { nextCursor, didYouMean, ...bare } = sent;
    assert.ok(nextCursor, 'the demo has more than two sun-protection coats');
    assert.equal(didYouMean, undefined);
    const answering = (page: SearchPage) =>
      createClient({ backend: { getProducts: (refs) => demo.getProducts(refs), search: async () => page } });

    const last = await answering(bare).search(query);
    assert.equal('nextCursor' in last, false);
    assert.equal('didYouMean' in last, false);
    const more = await answering({ ...bare, nextCursor: 'c2', didYouMean: '防晒衣女' }).search(query);
    assert.equal(more.nextCursor, 'c2');
    assert.equal(more.didYouMean, '防晒衣女');
  });
});

describe('suggestions', () => {
  it('are checked, and a malformed answer is named Suggestions in its error', async () => {
    const client = createClient({
      backend: {
        getProducts: () => Promise.resolve([]),
        suggest: async () => [{ text: 42 }] as never,
      },
    });
    await assert.rejects(client.suggest('fang'), { code: 'invalid_response', message: /^Suggestions / });
  });

  it('are kept in memory for the next keystroke, never in the persistent store', async () => {
    const { data, storage } = memoryWebStorage();
    let calls = 0;
    const client = createClient({
      backend: {
        getProducts: () => Promise.resolve([]),
        suggest: (prefix) => (calls++, demo.suggest(prefix)),
      },
      cache: { store: webStorageStore(storage) },
    });
    const first = await client.suggest('fang');
    assert.ok(first.length > 0);
    assert.deepEqual(await client.suggest('fang'), first);
    assert.equal(calls, 1, 'the second call is answered from memory');
    assert.deepEqual(
      [...data.keys()].filter((key) => key.includes('fang')),
      [],
      'nothing about the prefix is stored',
    );
  });

  it('say so when the backend has none', async () => {
    const client = createClient({ backend: { getProducts: () => Promise.resolve([]) } });
    await assert.rejects(client.suggest('fang'), {
      code: 'bad_request',
      message: "This client's backend does not provide suggest",
    });
    await assert.rejects(client.search({ q: 'fang' }), {
      code: 'bad_request',
      message: "This client's backend does not provide search",
    });
  });
});

/** A backend whose answers the test releases by hand, recording the signal each call was given. */
function heldBackend() {
  const searches: Array<{ query: SearchQuery; signal: AbortSignal | undefined; release: () => void }> = [];
  const suggestions: Array<{ prefix: string; signal: AbortSignal | undefined; release: () => void }> = [];
  const backend = {
    getProducts: (refs: readonly ProductRef[]) => demo.getProducts(refs),
    search: (query: SearchQuery, options?: { signal?: AbortSignal }) =>
      new Promise<SearchPage>((resolve) => {
        searches.push({ query, signal: options?.signal, release: () => void demo.search(query).then(resolve) });
      }),
    suggest: (prefix: string, options?: { signal?: AbortSignal }) =>
      new Promise<Suggestion[]>((resolve) => {
        suggestions.push({ prefix, signal: options?.signal, release: () => void demo.suggest(prefix).then(resolve) });
      }),
  };
  return { backend, searches, suggestions };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('superseded searches and suggestions, at their edges', () => {
  it('leaves two calls without a supersede key alone, however many run at once', async () => {
    // Mutant guarded: calls without a key sharing one (`undefined`) and superseding each other.
    const { backend, searches } = heldBackend();
    const client = createClient({ backend });
    const a = client.search({ q: '防晒' });
    const b = client.search({ q: '防晒衣' });
    while (searches.length < 2) await turn();
    for (const { release } of searches) release();
    const pages = await Promise.all([a, b]);
    assert.ok(pages.every((page) => page.items.length > 0));
  });

  it('aborts the backend request of a superseded search, not only its caller’s wait', async () => {
    const { backend, searches } = heldBackend();
    const client = createClient({ backend });
    const older = client.search({ q: '防晒' }, { supersede: 'box' });
    while (searches.length < 1) await turn();
    assert.ok(searches[0]!.signal instanceof AbortSignal, 'the backend was given a signal');
    assert.equal(searches[0]!.signal.aborted, false);
    const newer = client.search({ q: '防晒衣' }, { supersede: 'box' });
    await assert.rejects(older, { code: 'aborted' });
    assert.equal(searches[0]!.signal.aborted, true, 'the superseded request goes on');
    while (searches.length < 2) await turn();
    searches[1]!.release();
    await newer;
  });

  it('aborts the backend request of a superseded suggestion, and says a newer suggest call superseded it', async () => {
    const { backend, suggestions } = heldBackend();
    const client = createClient({ backend });
    const older = client.suggest('fang', { supersede: 'box' });
    while (suggestions.length < 1) await turn();
    assert.ok(suggestions[0]!.signal instanceof AbortSignal, 'the backend was given a signal');
    const newer = client.suggest('fangs', { supersede: 'box' });
    await assert.rejects(older, { code: 'aborted', message: 'A newer suggest call superseded this one' });
    assert.equal(suggestions[0]!.signal.aborted, true, 'the superseded request goes on');
    while (suggestions.length < 2) await turn();
    suggestions[1]!.release();
    assert.ok(Array.isArray(await newer));
  });

  it('refuses a call whose caller already gave up, even with its answer in the cache', async () => {
    const { backend, searches } = heldBackend();
    const client = createClient({ backend });
    const query = { q: '防晒' };
    const first = client.search(query);
    while (searches.length < 1) await turn();
    searches[0]!.release();
    await first;
    await assert.rejects(client.search(query, { supersede: 'box', signal: AbortSignal.abort() }), {
      code: 'aborted',
    });
  });

  it('reports suggestions to observers as the suggest resource, in the cache and on the wire', async () => {
    const { backend, suggestions } = heldBackend();
    const client = createClient({ backend });
    const events: ClientEvent[] = [];
    client.observe((event) => events.push(event));
    const asked = client.suggest('fang');
    while (suggestions.length < 1) await turn();
    suggestions[0]!.release();
    await asked;
    assert.deepEqual(
      events
        .filter((event) => event.type === 'cache' || event.type === 'request')
        .map((event) => [event.type, event.resource]),
      [
        ['cache', 'suggest'],
        ['request', 'suggest'],
      ],
    );
  });
});
