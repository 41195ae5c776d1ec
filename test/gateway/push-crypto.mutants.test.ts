/**
 * The push decryption's refusals, each on its own (the push tests send well-formed pushes and a few bad
 * signatures; a coverage run of the gateway's tests showed the padding and length checks never taken):
 * a plaintext crafted to break one rule at a time, encrypted here as WeChat would.
 */
import assert from 'node:assert/strict';
import { createCipheriv } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  PushRejected,
  aesKeyFrom,
  decryptPush,
  parseJsonKeepingBigIntegers,
  pushSignature,
  signatureMatches,
} from '../../packages/gateway/src/wechat/push-crypto.ts';

const encodingAesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const key = aesKeyFrom(encodingAesKey);
const appid = 'wx3f8a2c1d9e7b6a54';

/** AES-256-CBC as WeChat uses it, over exactly `plain` (a multiple of 16 bytes: padding is the caller's). */
function encrypt(plain: Buffer): string {
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

/**
 * 16 stand-in random bytes, the length (the message's unless given), the message and the sender, padded as
 * WeChat pads; with `pad`, zeros up to the block and then one byte that says `pad`.
 */
function plaintext(message: string, options: { sender?: string; length?: number; pad?: number } = {}): Buffer {
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(options.length ?? body.length);
  const unpadded = Buffer.concat([Buffer.alloc(16, 7), length, body, Buffer.from(options.sender ?? appid)]);
  const pad = options.pad ?? 32 - (unpadded.length % 32);
  const filler = Buffer.alloc((32 - ((unpadded.length + 1) % 32)) % 32, 0); // makes room for an odd pad byte
  return options.pad === undefined
    ? Buffer.concat([unpadded, Buffer.alloc(pad, pad)])
    : Buffer.concat([unpadded, filler, Buffer.from([pad])]);
}

const rejected = (reason: PushRejected['reason'], message: string) => (error: unknown) =>
  error instanceof PushRejected && error.reason === reason && error.message === message;

describe('push decryption', () => {
  it('reads the message of a well-formed push, whatever its length against the 32-byte blocks', () => {
    for (const message of ['', '{"a":1}', 'x'.repeat(12), '消息'.repeat(20)]) {
      assert.equal(decryptPush(key, encrypt(plaintext(message)), appid), message);
    }
  });

  it('refuses what the key cannot decrypt, and an empty push', () => {
    for (const encrypted of ['AAAA', Buffer.alloc(17).toString('base64')]) {
      assert.throws(
        () => decryptPush(key, encrypted, appid),
        rejected('decrypt', 'The push could not be decrypted with the EncodingAESKey'),
        encrypted,
      );
    }
    assert.throws(() => decryptPush(key, '', appid), rejected('decrypt', 'The push decrypted to an invalid padding'));
  });

  it('refuses a padding byte of 0 or above 32, and a plaintext too short for its padding', () => {
    const invalid = rejected('decrypt', 'The push decrypted to an invalid padding');
    assert.throws(() => decryptPush(key, encrypt(plaintext('{}', { pad: 0 })), appid), invalid);
    assert.throws(() => decryptPush(key, encrypt(plaintext('{}', { pad: 33 })), appid), invalid);
    // 32 bytes whose last says 32 bytes of padding: nothing is left for the random bytes and the length.
    assert.throws(() => decryptPush(key, encrypt(Buffer.alloc(32, 32)), appid), invalid);
    // The edges that are fine: a pad of 1 (16 + 4 + 25 + 18 + 1 = 64 bytes) and of 32.
    const message = 'x'.repeat(25);
    assert.equal(decryptPush(key, encrypt(plaintext(message, { pad: 1 })), appid), message);
    const aligned = 'y'.repeat(26); // 16 + 4 + 26 + 18 = 64: a whole block of padding follows
    assert.equal(plaintext(aligned).length, 96);
    assert.equal(decryptPush(key, encrypt(plaintext(aligned)), appid), aligned);
  });

  it('reads a plaintext with no message and no sender as a push for another appid, not as bad padding or length', () => {
    // 16 random bytes, a length of 0 and 12 bytes of padding: exactly 20 + pad bytes, and a length that ends
    // exactly where the plaintext does. Both are well-formed; what is wrong is the empty sender.
    assert.throws(
      () => decryptPush(key, encrypt(plaintext('', { sender: '' })), appid),
      rejected('appid', 'The push is for another appid ()'),
    );
    assert.throws(
      () => decryptPush(key, encrypt(plaintext('{}', { sender: '' })), appid),
      rejected('appid', 'The push is for another appid ()'),
    );
  });

  it('refuses a length that runs past the plaintext', () => {
    assert.throws(
      () => decryptPush(key, encrypt(plaintext('{}', { length: 4096 })), appid),
      rejected('decrypt', 'The push decrypted to an invalid length'),
    );
  });

  it("refuses a push for another shop's appid, naming at most 20 characters of it", () => {
    const other = `wx0000000000000000${'z'.repeat(30)}`;
    assert.throws(
      () => decryptPush(key, encrypt(plaintext('{}', { sender: other })), appid),
      rejected('appid', `The push is for another appid (${other.slice(0, 20)})`),
    );
  });
});

describe('push keys and signatures', () => {
  it('takes only the 43 characters WeChat shows as the key', () => {
    assert.equal(key.length, 32);
    const message = 'The EncodingAESKey must be the 43 characters WeChat shows';
    // Node's base64 decoder skips a character outside the alphabet: 43 good ones and a `!` would still make 32 bytes.
    const badKeys = [
      encodingAesKey.slice(1),
      `${encodingAesKey}A`,
      `${encodingAesKey.slice(1)}!`,
      '',
      `${encodingAesKey}!`,
      `!${encodingAesKey}`,
    ];
    for (const bad of badKeys) {
      assert.throws(() => aesKeyFrom(bad), { message }, bad);
    }
  });

  it('signs the sorted parts, and compares a signature in any case but never one of another length', () => {
    const signature = pushSignature('token', '1700000000', 'nonce');
    assert.equal(signature, pushSignature('nonce', 'token', '1700000000'));
    assert.match(signature, /^[0-9a-f]{40}$/);
    assert.equal(signatureMatches(signature, signature), true);
    assert.equal(signatureMatches(signature.toUpperCase(), signature), true);
    assert.equal(signatureMatches(undefined, signature), false);
    assert.equal(signatureMatches(signature.slice(1), signature), false);
    assert.equal(
      signatureMatches(
        `${signature.slice(0, -1)}0` === signature ? `${signature.slice(0, -1)}1` : `${signature.slice(0, -1)}0`,
        signature,
      ),
      false,
    );
  });
});

describe('push JSON with integers past 2^53', () => {
  const big = '9007199254740993'; // 2^53 + 1: as a JS number it would become …992

  it('keeps a big integer exact as a string, and every other number as a number', () => {
    assert.deepEqual(
      parseJsonKeepingBigIntegers(
        `{"product_id":${big},"neg":-${big},"safe":9007199254740991,"small":-12,"price":1.5,"e":1e21,"E":2E-3,"list":[${big},0]}`,
      ),
      {
        product_id: big,
        neg: `-${big}`,
        safe: 9_007_199_254_740_991,
        small: -12,
        price: 1.5,
        e: 1e21,
        E: 0.002,
        list: [big, 0],
      },
    );
  });

  it('keeps a number with an exponent a number, however long its digits', () => {
    const digits = '12345678901234567';
    assert.deepEqual(parseJsonKeepingBigIntegers(`[${digits}E2,${digits}e-2,${digits}e+2]`), [
      Number(`${digits}e2`),
      Number(`${digits}e-2`),
      Number(`${digits}e2`),
    ]);
  });

  it('reads a long fraction or a long exponent as one number, not a number and then an integer to quote', () => {
    const fraction = '1.2345678901234567890';
    const exponent = '1e1234567890123456789';
    assert.deepEqual(parseJsonKeepingBigIntegers(`[${fraction},${exponent},-${exponent}]`), [
      Number(fraction),
      Infinity,
      -Infinity,
    ]);
  });

  it('leaves text inside strings alone, escaped quotes and backslashes included', () => {
    const text = `{"a":"id ${big}","b":"say \\"${big}\\"","c":"ends in \\\\","d":${big},"e":"${big}"}`;
    assert.deepEqual(parseJsonKeepingBigIntegers(text), {
      a: `id ${big}`,
      b: `say "${big}"`,
      c: 'ends in \\',
      d: big,
      e: big,
    });
  });

  it('reads a big integer that is the whole text, and refuses what is not JSON as JSON.parse does', () => {
    assert.equal(parseJsonKeepingBigIntegers(big), big);
    assert.equal(parseJsonKeepingBigIntegers(' 12 '), 12);
    assert.throws(() => parseJsonKeepingBigIntegers('{"a":-}'), SyntaxError);
    assert.throws(() => parseJsonKeepingBigIntegers('{"a":"open'), SyntaxError);
  });
});
