/**
 * The mini-program transport on its own, against a scripted `wx.request`: what it sends, how it reads an
 * answer (text parsed here, an object passed on, a non-JSON page read as nothing, headers in any case or
 * none), and how each failure and abort is reported. transports-live.test.ts drives it through the client;
 * a coverage run of the client's tests showed these branches never taken.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wxTransport, type WxLike, type WxRequestOptions } from '@xiaodian/client';
import { XiaodianError } from '@xiaodian/model';

/** A `wx` whose requests wait until the test answers them; every request and abort recorded. */
function scriptedWx() {
  const requests: WxRequestOptions[] = [];
  let aborts = 0;
  const wx: WxLike = {
    request(options) {
      requests.push(options);
      return { abort: () => void (aborts += 1) };
    },
  };
  return {
    wx,
    requests,
    get aborts() {
      return aborts;
    },
  };
}

const get = (signal = new AbortController().signal) => ({
  url: 'https://gw.test/v1/products?ids=1',
  method: 'GET' as const,
  headers: { accept: 'application/json' },
  signal,
});

const failsWith = (code: string, message: string) => (error: unknown) =>
  error instanceof XiaodianError && error.code === code && error.message === message;

describe('wxTransport', () => {
  it('asks for raw text, sends a POST body as data and a GET without it', async () => {
    const scripted = scriptedWx();
    const transport = wxTransport(scripted.wx);
    void transport.request(get());
    void transport.request({ ...get(), method: 'POST', body: '{"links":[]}' });
    const [getRequest, postRequest] = scripted.requests;
    assert.equal(getRequest!.url, 'https://gw.test/v1/products?ids=1');
    assert.deepEqual(getRequest!.header, { accept: 'application/json' });
    assert.equal(getRequest!.dataType, 'other');
    assert.equal(getRequest!.responseType, 'text');
    assert.equal('data' in getRequest!, false);
    assert.equal(postRequest!.method, 'POST');
    assert.equal(postRequest!.data, '{"links":[]}');
  });

  it('parses a text answer, passes an object on, reads a non-JSON page as nothing, and headers in any case', async () => {
    const scripted = scriptedWx();
    const transport = wxTransport(scripted.wx);
    const answers: Array<Parameters<WxRequestOptions['success']>[0]> = [
      { statusCode: 200, header: { 'Content-Type': 'application/json', ETag: '"e1"' }, data: '{"a":1}' },
      { statusCode: 200, header: {}, data: { already: 'parsed' } },
      { statusCode: 502, header: {}, data: '<html>Bad gateway</html>' },
    ];
    const responses = answers.map((answer, i) => {
      const response = transport.request(get());
      scripted.requests[i]!.success(answer);
      return response;
    });
    const [text, object, page] = await Promise.all(responses);
    assert.deepEqual(await text!.json(), { a: 1 });
    assert.equal(text!.status, 200);
    assert.equal(text!.header('etag'), '"e1"');
    assert.equal(text!.header('CONTENT-TYPE'), 'application/json');
    assert.equal(text!.header('retry-after'), undefined);
    assert.deepEqual(await object!.json(), { already: 'parsed' });
    assert.equal(page!.status, 502);
    assert.equal(await page!.json(), undefined);
  });

  it('reads an answer without headers (some runtimes leave them out)', async () => {
    const scripted = scriptedWx();
    const response = wxTransport(scripted.wx).request(get());
    scripted.requests[0]!.success({
      statusCode: 204,
      header: undefined as unknown as Record<string, string>,
      data: '',
    });
    assert.equal((await response).header('etag'), undefined);
  });

  it('reports a timeout, an abort and any other failure by what wx said', async () => {
    const scripted = scriptedWx();
    const transport = wxTransport(scripted.wx);
    const cases: Array<[string, string, string]> = [
      ['request:fail timeout', 'timeout', 'wx.request timed out: request:fail timeout'],
      ['request:fail abort', 'aborted', 'The request was aborted'],
      [
        'request:fail net::ERR_INTERNET_DISCONNECTED',
        'offline',
        'wx.request failed: request:fail net::ERR_INTERNET_DISCONNECTED',
      ],
    ];
    for (const [errMsg, code, message] of cases) {
      const response = transport.request(get());
      scripted.requests.at(-1)!.fail({ errMsg });
      await assert.rejects(response, failsWith(code, message), errMsg);
    }
    const response = transport.request(get());
    scripted.requests.at(-1)!.fail({} as { errMsg: string });
    await assert.rejects(response, failsWith('offline', 'wx.request failed: '));
  });

  it('aborts the wx task when the signal aborts, and sends nothing for a signal already aborted', async () => {
    const scripted = scriptedWx();
    const transport = wxTransport(scripted.wx);
    const controller = new AbortController();
    const response = transport.request(get(controller.signal));
    controller.abort();
    await assert.rejects(response, failsWith('aborted', 'The request was aborted'));
    assert.equal(scripted.aborts, 1);
    // wx's own fail callback after the abort changes nothing.
    scripted.requests[0]!.fail({ errMsg: 'request:fail abort' });
    scripted.requests[0]!.success({ statusCode: 200, header: {}, data: '{}' });

    await assert.rejects(transport.request(get(AbortSignal.abort())), failsWith('aborted', 'The request was aborted'));
    assert.equal(scripted.requests.length, 1, 'no request for a signal already aborted');
  });

  it('lets go of its abort listener once answered: a later abort does not abort the finished task', async () => {
    const scripted = scriptedWx();
    const controller = new AbortController();
    const response = wxTransport(scripted.wx).request(get(controller.signal));
    scripted.requests[0]!.success({ statusCode: 200, header: {}, data: '{}' });
    await response;
    controller.abort();
    assert.equal(scripted.aborts, 0);
  });
});
