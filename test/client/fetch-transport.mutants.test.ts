/**
 * The fetch transport on its own, against a scripted `fetch` (found unguarded by the client's mutation run):
 * what it sends, how a failure is told from an abort, and when a response is read as an event stream.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fetchTransport, type FetchLike } from '@xiaodian/client';

/** A `fetch` that answers `answer` (or throws it when it is an Error) and records every call. */
function scriptedFetch(answer: () => Response | Error) {
  const calls: { input: string; init: RequestInit | undefined }[] = [];
  const doFetch: FetchLike = async (input, init) => {
    calls.push({ input, init });
    const result = answer();
    if (result instanceof Error) throw result;
    return result;
  };
  return { doFetch, calls };
}

const get = (signal = new AbortController().signal) => ({
  url: 'http://127.0.0.1:1/v1/shops/wx1',
  method: 'GET' as const,
  headers: { accept: 'application/json' },
  signal,
});

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

describe('fetchTransport', () => {
  it('sends the method, headers and signal, and a body only when there is one', async () => {
    const { doFetch, calls } = scriptedFetch(() => Response.json({ ok: true }));
    const transport = fetchTransport(doFetch);
    const request = get();
    await transport.request(request);
    await transport.request({ ...request, method: 'POST', body: '{"refs":[]}' });
    assert.equal(calls[0]!.input, request.url);
    assert.deepEqual(calls[0]!.init, { method: 'GET', headers: request.headers, signal: request.signal });
    assert.equal('body' in calls[0]!.init!, false, 'a GET carries no body key at all');
    assert.deepEqual(calls[1]!.init, {
      method: 'POST',
      headers: request.headers,
      signal: request.signal,
      body: '{"refs":[]}',
    });
  });

  it('reads status, headers and JSON, and a body that is not JSON as nothing', async () => {
    const answers = [
      Response.json({ shop: 1 }, { status: 201, headers: { etag: '"v1"' } }),
      new Response('<html>', { status: 502 }),
    ];
    const { doFetch } = scriptedFetch(() => answers.shift()!);
    const transport = fetchTransport(doFetch);
    const ok = await transport.request(get());
    assert.equal(ok.status, 201);
    assert.equal(ok.header('ETag'), '"v1"');
    assert.equal(ok.header('x-missing'), undefined);
    assert.deepEqual(await ok.json(), { shop: 1 });
    const page = await transport.request(get());
    assert.equal(page.status, 502);
    assert.equal(await page.json(), undefined);
  });

  it('reports a network failure as offline, keeping its cause', async () => {
    const cause = new TypeError('fetch failed');
    const { doFetch } = scriptedFetch(() => cause);
    await assert.rejects(fetchTransport(doFetch).request(get()), (error: Error & { code?: string }) => {
      assert.equal(error.name, 'XiaodianError');
      assert.equal(error.code, 'offline');
      assert.equal(error.message, 'Could not reach the gateway');
      assert.equal(error.cause, cause);
      return true;
    });
  });

  it('reports a failure after the caller aborted as aborted, keeping its cause', async () => {
    const controller = new AbortController();
    const cause = new DOMException('This operation was aborted', 'AbortError');
    const { doFetch } = scriptedFetch(() => {
      controller.abort();
      return cause;
    });
    await assert.rejects(
      fetchTransport(doFetch).request(get(controller.signal)),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'aborted');
        assert.equal(error.message, 'The request was aborted');
        assert.equal(error.cause, cause);
        return true;
      },
    );
  });

  it('streams the text of a 200 with a body, in order', async () => {
    const { doFetch } = scriptedFetch(
      () => new Response('id: 1\ndata: {}\n\n', { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    );
    const { response, chunks } = await fetchTransport(doFetch).stream!(get());
    assert.equal(response.status, 200);
    assert.equal((await collect(chunks)).join(''), 'id: 1\ndata: {}\n\n');
  });

  it('gives an error status no stream, leaving its body to be read as JSON', async () => {
    const { doFetch } = scriptedFetch(() => Response.json({ error: { code: 'not_found' } }, { status: 404 }));
    const { response, chunks } = await fetchTransport(doFetch).stream!(get());
    assert.deepEqual(await collect(chunks), []);
    assert.deepEqual(await response.json(), { error: { code: 'not_found' } });
  });

  it('gives a 200 without a body no stream', async () => {
    const { doFetch } = scriptedFetch(() => new Response(null, { status: 200 }));
    const { response, chunks } = await fetchTransport(doFetch).stream!(get());
    assert.equal(response.status, 200);
    assert.deepEqual(await collect(chunks), []);
  });
});
