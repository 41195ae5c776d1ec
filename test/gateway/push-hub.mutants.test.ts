// Kills StrykerJS mutants (npm run mutation -- gateway) in the push hub (wechat/push.ts) on one replica
// without Redis, which push.test.ts (two replicas on a real Redis) does not isolate: each check a push must
// pass with its reason and words, the skew window at its edges, replays, events applied once, a failed
// apply left for WeChat's redelivery, and the cache generation that a push bumps.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  PushHub,
  cacheGeneration,
  type CatalogChange,
  type PushTarget,
} from '../../packages/gateway/src/wechat/push.ts';
import { PushRejected } from '../../packages/gateway/src/wechat/push-crypto.ts';
import { pushSettings, signedPush } from './fake-wechat.ts';

const nowMs = 1_750_000_000_000;
const nowSeconds = nowMs / 1000;

function hub(
  changeFromPush: PushTarget['changeFromPush'] = async (message) => ({
    kind: 'product',
    productId: String((message['ProductSpuUpdate'] as { product_id: string }).product_id),
    product: null,
  }),
  maxSkewSeconds?: number,
) {
  const applied: CatalogChange[] = [];
  const generation = cacheGeneration();
  const pushHub = new PushHub({
    settings: { ...pushSettings, ...(maxSkewSeconds === undefined ? {} : { maxSkewSeconds }) },
    target: { changeFromPush, applyChange: (change) => void applied.push(change) },
    generation,
    log: () => {},
    now: () => nowMs,
  });
  const receive = (signed: { query: string; body: string }) =>
    pushHub.receive(Object.fromEntries(new URLSearchParams(signed.query)), signed.body);
  return { pushHub, applied, generation, receive };
}

const update = (productId: string) =>
  JSON.stringify({ MsgType: 'event', Event: 'product_spu_update', ProductSpuUpdate: { product_id: productId } });

/** Rejects with a PushRejected of this reason and words. */
const refused = (reason: PushRejected['reason'], message: RegExp) => (error: unknown) => {
  assert.ok(error instanceof PushRejected, String(error));
  assert.equal(error.reason, reason);
  assert.match(error.message, message);
  return true;
};

describe('the cache generation without Redis', () => {
  it('counts up by one per bump, and moves only forward to a safe integer another replica reached', async () => {
    const generation = cacheGeneration();
    assert.equal(generation.value, 0);
    assert.equal(await generation.bump(), 1);
    assert.equal(await generation.bump(), 2);
    generation.observe(7);
    assert.equal(generation.value, 7);
    for (const ignored of [5, 7, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 7.5]) generation.observe(ignored);
    assert.equal(generation.value, 7);
    assert.equal(await generation.bump(), 8);
  });
});

describe('the push hub on one replica', () => {
  it('is listening at once without Redis', async () => {
    await hub().pushHub.listening;
  });

  it("answers WeChat's URL check with the echo when signed with the Token, and refuses it otherwise", () => {
    const { pushHub } = hub();
    const timestamp = '1750000000';
    const nonce = 'n0nce';
    const signature = createHash('sha1').update([pushSettings.token, timestamp, nonce].sort().join('')).digest('hex');
    assert.equal(pushHub.verifyUrl({ signature, timestamp, nonce, echostr: 'ECHO' }), 'ECHO');
    assert.throws(
      () =>
        pushHub.verifyUrl({
          signature: signature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
          timestamp,
          nonce,
          echostr: 'E',
        }),
      refused('signature', /^The URL check’s signature does not match the push Token$/),
    );
    assert.throws(
      () => pushHub.verifyUrl({ signature, timestamp, nonce }),
      refused('body', /^The URL check has no echostr$/),
    );
  });

  it('applies an update once, bumps the generation, and ignores the same event signed again', async () => {
    const { applied, generation, receive } = hub();
    const text = update('10000201001001');
    assert.deepEqual(await receive(signedPush(text, { timestamp: nowSeconds })), {
      event: 'product_spu_update',
      applied: true,
    });
    assert.deepEqual(applied, [{ kind: 'product', productId: '10000201001001', product: null }]);
    assert.equal(generation.value, 1);
    // WeChat redelivers the same event in a newly signed request: not applied twice.
    assert.deepEqual(await receive(signedPush(text, { timestamp: nowSeconds })), {
      event: 'product_spu_update',
      applied: false,
    });
    assert.equal(applied.length, 1);
    assert.equal(generation.value, 1);
  });

  it('refuses the same signed request twice as a replay', async () => {
    const { receive } = hub();
    const signed = signedPush(update('10000201001002'), { timestamp: nowSeconds });
    await receive(signed);
    await assert.rejects(receive(signed), refused('replay', /^This signed push was already received$/));
  });

  it('refuses a body that is not JSON, has no Encrypt, or is signed with another Token', async () => {
    const { receive } = hub();
    const signed = signedPush(update('1'), { timestamp: nowSeconds });
    await assert.rejects(receive({ ...signed, body: 'not json' }), refused('body', /^The push body is not JSON$/));
    for (const body of ['{}', '{"Encrypt":""}', '{"Encrypt":5}']) {
      await assert.rejects(receive({ ...signed, body }), refused('body', /^The push has no Encrypt$/));
    }
    await assert.rejects(
      receive(signedPush(update('1'), { timestamp: nowSeconds, token: 'another-token' })),
      refused('signature', /^The push’s msg_signature does not match the push Token$/),
    );
  });

  it('accepts a timestamp up to the skew from now either way, and refuses one past it or not a number', async () => {
    const { receive } = hub();
    let id = 100;
    const at = (timestamp: number) => receive(signedPush(update(String((id += 1))), { timestamp }));
    assert.equal((await at(nowSeconds - 300)).applied, true);
    assert.equal((await at(nowSeconds + 300)).applied, true);
    await assert.rejects(at(nowSeconds - 301), refused('stale', /^The push’s timestamp is more than 300 s from now$/));
    await assert.rejects(at(nowSeconds + 301), refused('stale', /300 s/));
    const signed = signedPush(update('1'), { timestamp: nowSeconds });
    const query = new URLSearchParams(signed.query);
    for (const timestamp of ['', '17e8', '-1750000000', '1750000000.5', '1'.repeat(13)]) {
      // Signed as sent, so only the timestamp check can refuse it.
      const nonce = query.get('nonce')!;
      const encrypted = (JSON.parse(signed.body) as { Encrypt: string }).Encrypt;
      const msg_signature = createHash('sha1')
        .update([pushSettings.token, timestamp, nonce, encrypted].sort().join(''))
        .digest('hex');
      await assert.rejects(
        receive({ query: new URLSearchParams({ timestamp, nonce, msg_signature }).toString(), body: signed.body }),
        refused('stale', /from now/),
        JSON.stringify(timestamp),
      );
    }
  });

  it('takes its skew window from the settings', async () => {
    const { receive } = hub(undefined, 60);
    await assert.rejects(
      receive(signedPush(update('7'), { timestamp: nowSeconds - 61 })),
      refused('stale', /^The push’s timestamp is more than 60 s from now$/),
    );
    assert.equal((await receive(signedPush(update('8'), { timestamp: nowSeconds - 60 }))).applied, true);
  });

  it('refuses a decrypted push that is not a JSON object, and calls an event without a name "unknown"', async () => {
    const { receive } = hub(async () => undefined);
    for (const text of ['[1]', '5', 'null', '{']) {
      await assert.rejects(
        receive(signedPush(text, { timestamp: nowSeconds, nonce: randomBytes(4).toString('hex') })),
        refused('body', /^The decrypted push is not a JSON object$/),
        text,
      );
    }
    assert.deepEqual(await receive(signedPush('{"MsgType":"event"}', { timestamp: nowSeconds })), {
      event: 'unknown',
      applied: false,
    });
  });

  it('leaves an event that failed to apply for the redelivery, which then applies it', async () => {
    let failing = true;
    const { applied, generation, receive } = hub(async () => {
      if (failing) throw new Error('WeChat did not answer');
      return { kind: 'shop' };
    });
    const text = JSON.stringify({ MsgType: 'event', Event: 'store_info_update' });
    await assert.rejects(receive(signedPush(text, { timestamp: nowSeconds })), /WeChat did not answer/);
    assert.equal(generation.value, 0);
    failing = false;
    assert.deepEqual(await receive(signedPush(text, { timestamp: nowSeconds })), {
      event: 'store_info_update',
      applied: true,
    });
    assert.deepEqual(applied, [{ kind: 'shop' }]);
  });
});
