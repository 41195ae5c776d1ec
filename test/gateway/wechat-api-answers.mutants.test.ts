/**
 * What WeChat's answers make of a call (wechat/api.ts), against a scripted fetch: errcodes as typed errors
 * with WeChat's message, one token refresh for a rejected token, bounded and growing waits while WeChat is
 * busy, the token call's own request and refusals, and what `/readyz` is told about the credentials and how
 * often it may ask. Found by the gateway's mutation run: the stand-in WeChat behind the server tests always
 * answers well, so none of this was checked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WeChatApi, memoryTokenStore, type FetchLike } from '@xiaodian/gateway';
import { XiaodianError } from '@xiaodian/model';

const appid = 'wx3f8a2c1d9e7b6a54';
const tokenPath = '/cgi-bin/stable_token';

interface Script {
  /** Answers to the token call, in turn (the last one repeats). */
  tokens?: unknown[];
  /** Answers to every other call, in turn (the last one repeats). */
  calls?: unknown[];
}

/** An API over a scripted WeChat; records every request and every wait. */
function scriptedApi(script: Script, options: { now?: () => number; busyRetries?: number; sleep?: boolean } = {}) {
  const requests: { url: string; init: RequestInit }[] = [];
  const sleeps: number[] = [];
  let tokenCalls = 0;
  let calls = 0;
  const next = (answers: unknown[], index: number) => answers[Math.min(index, answers.length - 1)];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, init });
    if (url.includes(tokenPath)) {
      const answer = next(script.tokens ?? [{ access_token: `TOKEN${tokenCalls + 1}`, expires_in: 7200 }], tokenCalls);
      tokenCalls += 1;
      if (answer instanceof Error) throw answer;
      return Response.json(answer);
    }
    const answer = next(script.calls ?? [{ errcode: 0 }], calls);
    calls += 1;
    return Response.json(answer);
  };
  const api = new WeChatApi({
    appid,
    secret: 'S3CRET',
    baseUrl: 'https://wechat.test',
    fetch,
    tokenStore: memoryTokenStore(options.now),
    ...(options.now ? { now: options.now } : {}),
    ...(options.busyRetries === undefined ? {} : { busyRetries: options.busyRetries }),
    ...(options.sleep === false ? {} : { sleep: async (ms: number) => void sleeps.push(ms) }),
  });
  const urls = () => requests.map(({ url }) => url.replace('https://wechat.test', ''));
  return { api, requests, sleeps, urls };
}

const rejectsWith = (code: string, message: string, errcode?: number) => (error: unknown) => {
  assert.ok(error instanceof XiaodianError, String(error));
  assert.equal(error.code, code);
  assert.equal(error.message, message);
  if (errcode !== undefined) assert.equal(error.upstream?.errcode, errcode);
  return true;
};

describe('WeChat API answers', () => {
  it('takes an answer without errcode as success', async () => {
    const { api } = scriptedApi({ calls: [{ product: { id: 1 } }] });
    assert.deepEqual(await api.call('GET', '/p'), { product: { id: 1 } });
  });

  it('turns an errcode into its typed error, with what WeChat said', async () => {
    const { api } = scriptedApi({ calls: [{ errcode: 40097, errmsg: 'invalid args rid: 6650-abc' }] });
    await assert.rejects(api.call('POST', '/p', {}), (error: unknown) => {
      rejectsWith('upstream', 'WeChat rejected the arguments of the call (WeChat errcode 40097)', 40097)(error);
      assert.deepEqual((error as XiaodianError).upstream, { errcode: 40097, errmsg: 'invalid args', rid: '6650-abc' });
      return true;
    });
  });

  it('refuses an answer whose errcode or errmsg is not what WeChat sends', async () => {
    const { api } = scriptedApi({ calls: [{ errcode: true, errmsg: 'ok' }] });
    await assert.rejects(
      api.call('GET', '/p'),
      rejectsWith('upstream', "WeChat's answer to /p is not a WeChat answer (errcode, errmsg)"),
    );
  });

  it('refreshes a rejected token once and retries the call once with the new one', async () => {
    const { api, urls } = scriptedApi({ calls: [{ errcode: 40001 }, { errcode: 0, ok: true }] });
    assert.deepEqual(await api.call('GET', '/p'), { errcode: 0, ok: true });
    assert.deepEqual(urls(), [tokenPath, '/p?access_token=TOKEN1', tokenPath, '/p?access_token=TOKEN2']);
  });

  it('gives up after one refresh when the new token is rejected too', async () => {
    const { api, urls } = scriptedApi({ calls: [{ errcode: 42001 }] });
    await assert.rejects(
      api.call('GET', '/p'),
      rejectsWith('upstream', 'The access token expired (WeChat errcode 42001)'),
    );
    assert.equal(urls().filter((url) => url === tokenPath).length, 2);
  });

  it('waits 200 then 400 ms while WeChat is busy, twice by default, then says it is busy', async () => {
    const recovers = scriptedApi({ calls: [{ errcode: -1 }, { errcode: -1 }, { errcode: 0, ok: 1 }] });
    assert.deepEqual(await recovers.api.call('GET', '/p'), { errcode: 0, ok: 1 });
    assert.deepEqual(recovers.sleeps, [200, 400]);
    const stays = scriptedApi({ calls: [{ errcode: -1 }] });
    await assert.rejects(
      stays.api.call('GET', '/p'),
      rejectsWith('upstream', 'WeChat is busy (WeChat errcode -1)', -1),
    );
    assert.deepEqual(stays.sleeps, [200, 400]);
    const once = scriptedApi({ calls: [{ errcode: -1 }] }, { busyRetries: 1 });
    await assert.rejects(once.api.call('GET', '/p'), { code: 'upstream' });
    assert.deepEqual(once.sleeps, [200]);
  });

  it('waits for real between busy answers when no sleep is given', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { api, urls } = scriptedApi({ calls: [{ errcode: -1 }, { errcode: 0 }] }, { sleep: false });
    const call = api.call('GET', '/p');
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(urls().length, 2, 'the token and the first try');
    t.mock.timers.tick(199);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(urls().length, 2, 'still waiting');
    t.mock.timers.tick(1);
    assert.deepEqual(await call, { errcode: 0 });
    assert.equal(urls().length, 3);
  });

  it('sends a GET without a body and a POST with JSON', async () => {
    const { api, requests } = scriptedApi({});
    await api.call('GET', '/g');
    await api.call('POST', '/p');
    const [, get, post] = requests;
    assert.equal(get!.init.method, 'GET');
    assert.equal('body' in get!.init, false);
    assert.equal('headers' in get!.init, false);
    assert.equal(post!.init.body, '{}');
  });
});

describe('the token call', () => {
  it('asks for a stable token with the app credentials, without forcing a refresh', async () => {
    const { api, requests } = scriptedApi({});
    await api.call('GET', '/p');
    assert.equal(requests[0]!.url, `https://wechat.test${tokenPath}`);
    assert.equal(requests[0]!.init.method, 'POST');
    assert.deepEqual(JSON.parse(String(requests[0]!.init.body)), {
      grant_type: 'client_credential',
      appid,
      secret: 'S3CRET',
      force_refresh: false,
    });
  });

  it("reports WeChat's refusal of the token call with its errcode, and an answer that is not an object", async () => {
    const refused = scriptedApi({ tokens: [{ errcode: 40125, errmsg: 'invalid appsecret' }] });
    await assert.rejects(
      refused.api.call('GET', '/p'),
      rejectsWith('upstream', 'WeChat rejected the app secret (WECHAT_SECRET) (WeChat errcode 40125)', 40125),
    );
    const nothing = scriptedApi({ tokens: [null] });
    await assert.rejects(
      nothing.api.call('GET', '/p'),
      rejectsWith('upstream', `WeChat's answer to ${tokenPath} is not an object`),
    );
  });
});

describe('the credentials as /readyz sees them', () => {
  it('are fine once a token is held', async () => {
    const { api } = scriptedApi({});
    assert.deepEqual(await api.credentialsStatus(), { ok: true });
  });

  it("report WeChat's refusal with its errcode, and ask again only after 30 s", async () => {
    let now = 1_000_000;
    const { api, urls } = scriptedApi(
      {
        tokens: [
          { errcode: 40125, errmsg: 'invalid appsecret' },
          { access_token: 'FIXED', expires_in: 7200 },
        ],
      },
      { now: () => now },
    );
    const refused = {
      ok: false,
      errcode: 40125,
      message: 'WeChat rejected the app secret (WECHAT_SECRET) (WeChat errcode 40125)',
    };
    assert.deepEqual(await api.credentialsStatus(), refused);
    now += 29_999;
    assert.deepEqual(await api.credentialsStatus(), refused, 'asked again within 30 s');
    assert.equal(urls().length, 1);
    now += 1;
    assert.deepEqual(await api.credentialsStatus(), { ok: true }, 'the secret was fixed: asked again at 30 s');
    assert.equal(urls().length, 2);
  });

  it('report a failure without an errcode by its message, and one nobody recorded as such', async () => {
    const unreachable = scriptedApi({ tokens: [new TypeError('fetch failed')] });
    assert.deepEqual(await unreachable.api.credentialsStatus(), {
      ok: false,
      message: `WeChat could not be reached for ${tokenPath}`,
    });
    const api = new WeChatApi({
      appid,
      secret: 'S3CRET',
      baseUrl: 'https://wechat.test',
      fetch: async () => Response.json({ access_token: 'T', expires_in: 7200 }),
      // A token store that fails (Redis down): no token call was made, so WeChat refused nothing.
      tokenStore: {
        get: async () => {
          throw new Error('store down');
        },
        set: async () => {},
        lock: async () => true,
        unlock: async () => {},
      },
      sleep: async () => {},
    });
    assert.deepEqual(await api.credentialsStatus(), { ok: false, message: 'No access token could be obtained' });
  });
});

describe('WeChat answers with less than usual', () => {
  it('keeps an empty errmsg when WeChat sends an errcode alone, for a call and for the token call', async () => {
    const call = scriptedApi({ calls: [{ errcode: 45009 }] });
    await assert.rejects(call.api.call('GET', '/p'), (error: unknown) => {
      assert.ok(error instanceof XiaodianError);
      assert.deepEqual(error.upstream, { errcode: 45009, errmsg: '' });
      return true;
    });
    const token = scriptedApi({ tokens: [{ errcode: 40013 }] });
    await assert.rejects(token.api.call('GET', '/p'), (error: unknown) => {
      assert.ok(error instanceof XiaodianError);
      assert.deepEqual(error.upstream, { errcode: 40013, errmsg: '' });
      return true;
    });
  });

  it('calls api.weixin.qq.com unless told another base URL', async () => {
    const urls: string[] = [];
    const api = new WeChatApi({
      appid,
      secret: 'S3CRET',
      tokenStore: memoryTokenStore(),
      fetch: async (url) => {
        urls.push(url);
        return Response.json(url.includes(tokenPath) ? { access_token: 'T', expires_in: 7200 } : { errcode: 0 });
      },
    });
    await api.call('GET', '/p');
    assert.deepEqual(
      urls.map((url) => url.split('?')[0]),
      [`https://api.weixin.qq.com${tokenPath}`, 'https://api.weixin.qq.com/p'],
    );
  });
});
