// Kills StrykerJS mutants (npm run mutation -- gateway) in the push route (routes/push.ts) that push.test.ts,
// which drives real signed pushes through a whole gateway, cannot reach: a gateway without push settings,
// the route's own size check (the app's body limit answers first), each refusal's status, a push that fails
// (503, so WeChat delivers it again) and one applied after the answer. Driven with a stand-in hub.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LogEntry } from '@xiaodian/gateway';
import { maxPushBytes, pushRoutes } from '../../packages/gateway/src/routes/push.ts';
import type { RouteDeps } from '../../packages/gateway/src/routes/deps.ts';
import { PushRejected } from '../../packages/gateway/src/wechat/push-crypto.ts';
import type { PushHub } from '../../packages/gateway/src/wechat/push.ts';

type Outcome = { event: string; applied: boolean };

function route(receive: (body: string) => Promise<Outcome>, options: { withHub?: boolean; withinMs?: number } = {}) {
  const logs: LogEntry[] = [];
  const hub = {
    verifyUrl: (query: Record<string, string | undefined>) => {
      if (query['signature'] === 'crash') throw new Error('a bug, not a refusal');
      if (query['signature'] !== 'good') throw new PushRejected('signature', 'The URL check signature is wrong');
      return query['echostr'] ?? '';
    },
    receive: (_query: Record<string, string | undefined>, body: string) => receive(body),
  } as unknown as PushHub;
  const deps = { log: (entry: LogEntry) => logs.push(entry) } as unknown as RouteDeps;
  const app = pushRoutes(deps, options.withHub === false ? undefined : hub, options.withinMs ?? 4_000);
  const post = (body: string, headers: Record<string, string> = {}) =>
    app.request('/?msg_signature=s&timestamp=1&nonce=n', { method: 'POST', body, headers });
  return { app, logs, post };
}

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe('the push route', () => {
  it('answers 501 naming the settings when pushes are not configured, for the URL check and pushes', async () => {
    const { app, post } = route(async () => ({ event: 'x', applied: true }), { withHub: false });
    for (const response of [await app.request('/?signature=good&echostr=e'), await post('{}')]) {
      assert.equal(response.status, 501);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await errorOf(response), {
        code: 'not_found',
        message:
          'Pushes are not configured: set WECHAT_PUSH_TOKEN and WECHAT_PUSH_AES_KEY to what 消息推送 in 小店后台 shows',
      });
    }
  });

  it("answers WeChat's URL check with the echo, uncached, and a wrong one 401, logged with its reason", async () => {
    const { app, logs } = route(async () => ({ event: 'x', applied: true }));
    const ok = await app.request('/?signature=good&echostr=ECHO123');
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), 'ECHO123');
    assert.equal(ok.headers.get('cache-control'), 'no-store');
    const refused = await app.request('/?signature=bad&echostr=ECHO123');
    assert.equal(refused.status, 401);
    assert.deepEqual(await errorOf(refused), { code: 'bad_request', message: 'The URL check signature is wrong' });
    assert.deepEqual(
      logs.map(({ level, msg, reason, detail }) => ({ level, msg, reason, detail })),
      [{ level: 'warn', msg: 'push rejected', reason: 'signature', detail: 'The URL check signature is wrong' }],
    );
    // Anything else thrown is a fault for the app's error handler (a 500 here), not a refusal to log.
    const fault = await app.request('/?signature=crash&echostr=E');
    assert.equal(fault.status, 500);
    assert.equal(logs.length, 1);
  });

  it('refuses a body over the limit, declared or sent, with 413 and without reading it into the hub', async () => {
    const received: string[] = [];
    const { post } = route(async (body) => {
      received.push(body);
      return { event: 'x', applied: true };
    });
    const declared = await post('{}', { 'content-length': String(maxPushBytes + 1) });
    assert.equal(declared.status, 413);
    assert.deepEqual(await errorOf(declared), {
      code: 'bad_request',
      message: `The push body is larger than ${maxPushBytes} bytes`,
    });
    // Sent without a length: counted in UTF-8 bytes, so 22,000 three-byte characters are over 64 KiB.
    const sent = await post('消'.repeat(22_000));
    assert.equal(sent.status, 413);
    const atLimit = await post('a'.repeat(maxPushBytes), { 'content-length': String(maxPushBytes) });
    assert.equal(atLimit.status, 200);
    assert.deepEqual(
      received.map((body) => body.length),
      [maxPushBytes],
    );
  });

  it('gives each refusal its status: 403 appid, 400 decrypt, stale and body, 409 replay', async () => {
    const statuses: Record<string, number> = {};
    for (const reason of ['appid', 'decrypt', 'stale', 'replay', 'body'] as const) {
      const { post } = route(async () => {
        throw new PushRejected(reason, `rejected: ${reason}`);
      });
      const response = await post('{}');
      statuses[reason] = response.status;
      assert.deepEqual(await errorOf(response), { code: 'bad_request', message: `rejected: ${reason}` });
    }
    assert.deepEqual(statuses, { appid: 403, decrypt: 400, stale: 400, replay: 409, body: 400 });
  });

  it('answers "success" for an applied or an ignored push, logging which', async () => {
    for (const applied of [true, false]) {
      const { post, logs } = route(async () => ({ event: 'product_spu_update', applied }));
      const response = await post('{}');
      assert.equal(response.status, 200);
      assert.equal(await response.text(), 'success');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(
        logs.map(({ level, msg, event }) => ({ level, msg, event })),
        [
          {
            level: 'info',
            msg: applied ? 'push applied' : 'push ignored (duplicate or no change)',
            event: 'product_spu_update',
          },
        ],
      );
    }
  });

  it('leaves no timer behind once a push is answered, applied or failed (a 4 s timer per push piles up under load)', async () => {
    // Mutant: the `finally` that clears the answer-within timer emptied.
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    for (const receive of [async () => ({ event: 'x', applied: true }), () => Promise.reject(new Error('down'))]) {
      const { post } = route(receive);
      const before = timers();
      const response = await post('{}');
      assert.ok([200, 503].includes(response.status));
      assert.equal(timers(), before, `no timer left after a ${response.status}`);
    }
  });

  it('answers 503 when the push cannot be applied, so WeChat delivers it again, and logs why', async () => {
    const { post, logs } = route(async () => {
      throw new Error('Redis went away');
    });
    const response = await post('{}');
    assert.equal(response.status, 503);
    assert.deepEqual(await errorOf(response), {
      code: 'upstream',
      message: 'The push could not be applied now; WeChat will deliver it again',
    });
    assert.deepEqual(
      logs.map(({ level, msg, error }) => ({ level, msg, error })),
      [{ level: 'error', msg: 'push failed', error: 'Error: Redis went away' }],
    );
  });

  it('answers "success" in time for a slow push, and logs how it ended after the answer', async () => {
    for (const fails of [false, true]) {
      let finish!: () => void;
      const { post, logs } = route(
        () =>
          new Promise<Outcome>((resolve, reject) => {
            finish = () =>
              fails ? reject(new Error('late failure')) : resolve({ event: 'slow_event', applied: true });
          }),
        { withinMs: 30 },
      );
      const response = await post('{}');
      assert.equal(await response.text(), 'success');
      assert.deepEqual(logs, [], 'nothing to say yet');
      finish();
      await new Promise((resolve) => setTimeout(resolve, 10));
      assert.deepEqual(
        logs,
        fails
          ? [{ level: 'error', msg: 'push failed after the answer', error: 'Error: late failure' }]
          : [{ level: 'info', msg: 'push applied after the answer', event: 'slow_event' }],
      );
    }
  });
});
