/**
 * Search and suggestions at the edges the client's mutation run left unguarded (search-resources.ts): a
 * page says it has a next page or a did-you-mean only when it has one, suggestions are checked and named
 * in their error, kept in memory but never in the persistent store, and a client without suggestions says so.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, webStorageStore } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import type { SearchPage } from '@xiaodian/model';
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
