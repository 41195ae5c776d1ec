/**
 * How the WeChat API client reports each way a call can fail before WeChat says anything (unreachable,
 * timed out, aborted, an HTTP error, a body that is not JSON or not an object) and a token answer without
 * its fields. The stand-in WeChat answers well; these answers come from a scripted fetch, one per case.
 * Found by a coverage run of the gateway's tests: these branches of wechat/api.ts were never taken.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WeChatApi, memoryTokenStore, type FetchLike } from '@xiaodian/gateway';
import { XiaodianError } from '@xiaodian/model';

const appid = 'wx3f8a2c1d9e7b6a54';
const token = { access_token: 'T0KEN-secret-value', expires_in: 7200 };

/** An API whose token call succeeds and whose calls to `path` are answered by `answer`; every URL recorded. */
function apiAnswering(answer: (init: RequestInit) => Promise<Response>, options: { timeoutMs?: number } = {}) {
  const urls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    urls.push(url);
    return url.includes('/cgi-bin/stable_token') ? Response.json(token) : answer(init);
  };
  const api = new WeChatApi({
    appid,
    secret: 'S3CRET',
    baseUrl: 'https://wechat.test///',
    fetch,
    tokenStore: memoryTokenStore(),
    sleep: async () => {},
    ...options,
  });
  return { api, urls };
}

const failsWith = (code: string, message: string, retryable?: boolean) => (error: unknown) => {
  assert.ok(error instanceof XiaodianError, String(error));
  assert.equal(error.code, code);
  assert.equal(error.message, message);
  if (retryable !== undefined) assert.equal(error.retryable, retryable);
  // Neither the secret nor the token ever reaches an error.
  assert.doesNotMatch(`${error.message} ${JSON.stringify(error)}`, /S3CRET|T0KEN/);
  return true;
};

describe('WeChat API calls that fail before WeChat answers', () => {
  it('calls the base URL without its trailing slashes, with the token in the query and JSON for a POST', async () => {
    let sent: RequestInit | undefined;
    const { api, urls } = apiAnswering(async (init) => ((sent = init), Response.json({ errcode: 0, ok: 1 })));
    assert.deepEqual(await api.call('POST', '/channels/ec/product/get', { product_id: '1' }), { errcode: 0, ok: 1 });
    assert.equal(urls.at(-1), 'https://wechat.test/channels/ec/product/get?access_token=T0KEN-secret-value');
    assert.equal(sent?.method, 'POST');
    assert.deepEqual(sent?.headers, { 'content-type': 'application/json' });
    assert.equal(sent?.body, '{"product_id":"1"}');
    await api.call('GET', '/channels/ec/basics/info/get');
    assert.equal(urls.at(-1), 'https://wechat.test/channels/ec/basics/info/get?access_token=T0KEN-secret-value');
  });

  it('says WeChat could not be reached, as retryable, naming the path and never the URL', async () => {
    const { api } = apiAnswering(async () => {
      throw new TypeError('fetch failed');
    });
    await assert.rejects(
      api.call('GET', '/channels/ec/basics/info/get'),
      failsWith('upstream', 'WeChat could not be reached for /channels/ec/basics/info/get', true),
    );
  });

  it('says WeChat did not answer in time, and that a call the caller aborted was aborted', async () => {
    const slow = apiAnswering(
      // As fetch does: rejects with the signal's reason once aborted, at once if it already is.
      (init) =>
        new Promise<Response>((_, reject) => {
          const signal = init.signal!;
          if (signal.aborted) reject(signal.reason);
          else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        }),
      { timeoutMs: 20 },
    );
    // AbortSignal.timeout's timer does not keep Node's event loop alive; this bounded one does meanwhile.
    const keepAlive = setTimeout(() => {}, 5_000);
    try {
      await assert.rejects(slow.api.call('GET', '/x'), failsWith('timeout', 'WeChat did not answer /x within 20 ms'));
    } finally {
      clearTimeout(keepAlive);
    }
    const caller = new AbortController();
    const waiting = slow.api.call('GET', '/y', undefined, caller.signal);
    caller.abort();
    await assert.rejects(waiting, failsWith('aborted', 'The call to /y was aborted'));
  });

  it('reports an HTTP error with its status, retryable only from 500 up', async () => {
    for (const [status, retryable] of [
      [499, false],
      [500, true],
      [503, true],
    ] as const) {
      const { api } = apiAnswering(async () => new Response('busy', { status }));
      await assert.rejects(
        api.call('GET', '/z'),
        failsWith('upstream', `WeChat answered /z with HTTP ${status}`, retryable),
      );
    }
  });

  it('reports a body that is not JSON, or JSON that is not an object', async () => {
    const html = apiAnswering(async () => new Response('<html>502</html>', { status: 200 }));
    await assert.rejects(html.api.call('GET', '/a'), failsWith('upstream', "WeChat's answer to /a is not JSON"));
    for (const body of ['null', '[1,2]', '"text"', '42']) {
      const { api } = apiAnswering(async () => new Response(body));
      await assert.rejects(
        api.call('GET', '/b'),
        failsWith('upstream', "WeChat's answer to /b is not an object"),
        body,
      );
    }
  });
});

describe('the token call', () => {
  it('refuses a token answer without access_token or a positive expires_in, and reports it for /readyz', async () => {
    for (const answer of [
      { expires_in: 7200 },
      { access_token: 'T0KEN', expires_in: 0 },
      { access_token: 'T0KEN', expires_in: 'soon' },
      { access_token: 42, expires_in: 7200 },
    ]) {
      const api = new WeChatApi({
        appid,
        secret: 'S3CRET',
        baseUrl: 'https://wechat.test',
        fetch: async () => Response.json(answer),
        tokenStore: memoryTokenStore(),
        sleep: async () => {},
      });
      const message = 'WeChat answered the token call without access_token and expires_in';
      await assert.rejects(api.call('GET', '/c'), failsWith('upstream', message), JSON.stringify(answer));
      assert.deepEqual(await api.credentialsStatus(), { ok: false, message });
    }
  });

  it('keeps a token at most two hours, whatever WeChat says', async () => {
    let now = 1_000_000;
    let tokenCalls = 0;
    const api = new WeChatApi({
      appid,
      secret: 'S3CRET',
      baseUrl: 'https://wechat.test',
      fetch: async (url) => {
        if (!url.includes('stable_token')) return Response.json({ errcode: 0 });
        tokenCalls += 1;
        return Response.json({ access_token: `T${tokenCalls}`, expires_in: 86_400 });
      },
      tokenStore: memoryTokenStore(() => now),
      now: () => now,
      sleep: async () => {},
    });
    await api.call('GET', '/d');
    now += 3 * 3600 * 1000; // three hours later: past 7,200 s, inside WeChat's 86,400
    await api.call('GET', '/d');
    assert.equal(tokenCalls, 2);
  });
});
