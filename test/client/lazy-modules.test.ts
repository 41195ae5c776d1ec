import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createDemoBackend } from '@xiaodian/demo';

/**
 * The client loads shops, lists and lives with `import()` on first use. To make such a load fail as a
 * dropped network would, these tests run a private copy of the built client whose chunk files they move
 * away and back; Node, like browsers, does not remember a failed import.
 */
const copy = mkdtempSync(join(tmpdir(), 'xd-client-'));
cpSync(resolve('packages/client/dist'), join(copy, 'dist'), { recursive: true });
// The copy resolves @xiaodian/model and the rest from the repository's node_modules.
symlinkSync(resolve('node_modules'), join(copy, 'node_modules'), 'dir');
after(() => rmSync(copy, { recursive: true, force: true }));

const { createClient } = (await import(
  pathToFileURL(join(copy, 'dist/index.js')).href
)) as typeof import('@xiaodian/client');

function withoutChunk(name: string): () => void {
  const path = join(copy, 'dist', name);
  renameSync(path, `${path}.away`);
  return () => renameSync(`${path}.away`, path);
}

/** `navigator.onLine` as a browser reports it; Node 20 has no navigator of its own. */
function setOnline(onLine: boolean | undefined): void {
  if (onLine === undefined) delete (globalThis as { navigator?: unknown }).navigator;
  else Object.defineProperty(globalThis, 'navigator', { value: { onLine }, configurable: true, writable: true });
}

const demo = createDemoBackend();
const shop = { appid: demo.shops[0]!.appid };

describe('a lazily loaded part of the client that failed to load', () => {
  it('is loaded again on the next call instead of failing for good', async () => {
    const client = createClient({ backend: demo });
    const restore = withoutChunk('resources.js');
    try {
      await assert.rejects(client.getShop(shop));
    } finally {
      restore();
    }
    assert.equal((await client.getShop(shop)).appid, shop.appid);
  });

  it('is offline while the runtime is offline, so the back-online retry fires', async () => {
    const client = createClient({ backend: demo });
    const restore = withoutChunk('resources.js');
    setOnline(false);
    try {
      await assert.rejects(client.getShop(shop), (error: unknown) => {
        assert.equal((error as { code?: unknown }).code, 'offline');
        assert.match((error as Error).message, /Could not load/);
        return true;
      });
    } finally {
      setOnline(undefined);
      restore();
    }
  });

  it('is a retryable upstream failure, never cached, when the runtime is online', async () => {
    const client = createClient({ backend: demo });
    const restore = withoutChunk('search-resources.js');
    setOnline(true);
    try {
      await assert.rejects(client.search({ q: '茶' }), { code: 'upstream', retryable: true });
    } finally {
      setOnline(undefined);
      restore();
    }
    assert.ok((await client.search({ q: '茶' })).items.length > 0);
  });

  it('does not stop search: a search page loads its own resources, never the shop and live ones', async () => {
    const client = createClient({ backend: demo });
    const restore = withoutChunk('resources.js');
    try {
      assert.ok((await client.search({ q: '茶' })).items.length > 0);
      assert.ok(Array.isArray(await client.suggest('茶')));
      await assert.rejects(client.getShop(shop), { code: 'upstream' });
    } finally {
      restore();
    }
  });

  it('leaves a live subscription reconnecting, not connecting forever, and subscribes once the module loads', async (t) => {
    const client = createClient({ backend: demo, random: () => 0 });
    const restore = withoutChunk('live/subscribe-live.js');
    const states: string[] = [];
    const errors: string[] = [];
    let restored = false;
    const subscription = client.subscribeLive({ finderUserName: demo.liveRooms[0]! }, () => undefined, {
      reconnectDelayMs: 20,
      onState: (state) => states.push(state),
      onError: (error) => errors.push(error.code),
    });
    t.after(() => {
      subscription.close();
      if (!restored) restore();
    });
    const until = async (check: () => boolean, what: string) => {
      const deadline = Date.now() + 5_000;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    await until(() => subscription.state === 'reconnecting', 'reconnecting');
    assert.equal(errors[0], 'upstream');
    restore();
    restored = true;
    await until(() => subscription.room !== undefined && subscription.state === 'streaming', 'the room, streaming');
    assert.deepEqual(states.slice(0, 1), ['reconnecting']);
  });

  it('applies to the HTTP routes chunk of a gateway client too', async () => {
    const client = createClient({
      gateway: 'https://gateway.example',
      retry: false,
      fetch: async () => Response.json({ shop: demo.shops[0] }),
    });
    const restore = withoutChunk('http-routes.js');
    try {
      await assert.rejects(client.getShop(shop));
    } finally {
      restore();
    }
    assert.equal((await client.getShop(shop)).appid, shop.appid);
  });
});
