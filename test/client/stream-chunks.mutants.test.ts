// Kills StrykerJS mutants (npm run mutation -- client) in text-chunks.ts, how `fetchTransport().stream` turns a
// live event stream's bytes into text: characters split between network chunks, a stream that breaks, and a
// reader who leaves. The body is a ReadableStream the test feeds byte by byte.
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import { fetchTransport, XiaodianError } from '@xiaodian/client';

/** A streaming response whose body the test writes, errors or watches being cancelled. */
function controlledBody({ fetchHonoursAbort = false } = {}) {
  let source!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      source = controller;
    },
    cancel() {
      cancelled = true;
    },
  });
  // A real fetch errors the body it is reading when the request's signal aborts; an in-process one (Hono's
  // `app.request`) ignores the signal, and only the reader's cancel ends the body.
  const fetch = (_url: string, init?: RequestInit) => {
    if (fetchHonoursAbort) {
      init?.signal?.addEventListener('abort', () => source.error(new DOMException('aborted', 'AbortError')));
    }
    return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }));
  };
  return {
    fetch,
    write: (bytes: Uint8Array) => source.enqueue(bytes),
    end: () => source.close(),
    fail: (error: unknown) => source.error(error),
    cancelled: () => cancelled,
  };
}

async function open(
  fetch: (url: string, init?: RequestInit) => Promise<Response>,
  signal = new AbortController().signal,
) {
  const { chunks } = await fetchTransport(fetch).stream!({
    url: 'http://127.0.0.1/v1/lives/x/events',
    method: 'GET',
    headers: {},
    signal,
  });
  return chunks[Symbol.asyncIterator]();
}

async function readAll(chunks: AsyncIterator<string>): Promise<string[]> {
  const texts: string[] = [];
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) texts.push(next.value);
  return texts;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('fetchTransport stream text', () => {
  it('keeps a Chinese character whole when the network splits its bytes between chunks', async () => {
    const stream = controlledBody();
    const chunks = await open(stream.fetch);
    const bytes = utf8('data: 直播中\n\n'); // 直 is bytes 6..8
    stream.write(bytes.slice(0, 7));
    stream.write(bytes.slice(7, 10));
    stream.write(bytes.slice(10));
    stream.end();
    const texts = await readAll(chunks);
    assert.equal(texts.join(''), 'data: 直播中\n\n');
    assert.ok(
      texts.every((text) => !text.includes('\uFFFD')),
      `no chunk holds a broken character: ${JSON.stringify(texts)}`,
    );
  });

  it('ends a stream cut inside a character with U+FFFD, so the loss shows instead of vanishing', async () => {
    const stream = controlledBody();
    const chunks = await open(stream.fetch);
    stream.write(utf8('data: 直').slice(0, 7));
    stream.end();
    assert.deepEqual(await readAll(chunks), ['data: ', '\uFFFD']);
  });

  it('reports a stream that breaks off as offline, with the network error as its cause', async () => {
    const stream = controlledBody();
    const chunks = await open(stream.fetch);
    stream.write(utf8('data: 1\n\n'));
    assert.deepEqual(await chunks.next(), { done: false, value: 'data: 1\n\n' });
    const reset = new Error('ECONNRESET');
    stream.fail(reset);
    await assert.rejects(chunks.next(), (error: unknown) => {
      assert.ok(error instanceof XiaodianError);
      assert.equal(error.code, 'offline');
      assert.equal(error.message, 'The event stream broke off');
      assert.equal(error.cause, reset);
      return true;
    });
  });

  /** Reads one event, then aborts while the next read waits for bytes: what that read answers. */
  async function abortWhileWaiting(stream: ReturnType<typeof controlledBody>) {
    const controller = new AbortController();
    const chunks = await open(stream.fetch, controller.signal);
    stream.write(utf8('data: 1\n\n'));
    await chunks.next();
    const waiting = chunks.next();
    controller.abort();
    return waiting;
  }

  it('ends quietly and cancels the body when the reader aborts while waiting, over a fetch that ignores the abort', async () => {
    const stream = controlledBody();
    assert.deepEqual(await abortWhileWaiting(stream), { done: true, value: undefined });
    assert.equal(stream.cancelled(), true, 'the body is cancelled, so the server can close the stream');
  });

  it('ends quietly, not offline, when the abort errors the body as fetch does', async () => {
    const stream = controlledBody({ fetchHonoursAbort: true });
    assert.deepEqual(await abortWhileWaiting(stream), { done: true, value: undefined });
  });

  it('cancels a body answered after the reader left, before reading it', async () => {
    const stream = controlledBody();
    const controller = new AbortController();
    controller.abort();
    const chunks = await open(stream.fetch, controller.signal);
    assert.deepEqual(await chunks.next(), { done: true, value: undefined });
    assert.equal(stream.cancelled(), true);
  });

  it('leaves no listener of its own on the signal once the stream has ended, whichever way', async () => {
    const controller = new AbortController();
    const before = getEventListeners(controller.signal, 'abort').length;
    const ended = controlledBody();
    const endedChunks = await open(ended.fetch, controller.signal);
    ended.write(utf8('data: 1\n\n'));
    ended.end();
    await readAll(endedChunks);
    const broken = controlledBody();
    const brokenChunks = await open(broken.fetch, controller.signal);
    broken.fail(new Error('ECONNRESET'));
    await assert.rejects(brokenChunks.next(), { code: 'offline' });
    // One signal for both: a long-lived signal must not gather a listener per stream.
    assert.equal(getEventListeners(controller.signal, 'abort').length, before);
  });
});
