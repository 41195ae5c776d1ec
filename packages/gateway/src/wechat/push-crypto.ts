import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's push signatures and encryption (消息推送, safe mode; WECHAT.md "Pushes"): the same scheme as the
 * official-account 消息加解密, wrapped in JSON.
 */

/** `sha1(sort(parts).join(''))`, hex: `signature` over token, timestamp, nonce; `msg_signature` adds Encrypt. */
export function pushSignature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** Compares a signature from the request with the expected one in constant time. */
export function signatureMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase()), Buffer.from(expected));
}

export class PushRejected extends Error {
  constructor(
    readonly reason: 'signature' | 'appid' | 'decrypt' | 'stale' | 'replay' | 'body' | 'size',
    message: string,
  ) {
    super(message);
  }
}

/** The 43 characters WeChat shows as EncodingAESKey, as the 32-byte AES key. Throws when it is not one. */
export function aesKeyFrom(encodingAesKey: string): Buffer {
  // 43 base64 characters are 258 bits: with the `=` they always decode to exactly 32 bytes.
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) {
    throw new Error('The EncodingAESKey must be the 43 characters WeChat shows');
  }
  return Buffer.from(`${encodingAesKey}=`, 'base64');
}

/**
 * AES-256-CBC with IV = the key's first 16 bytes, PKCS#7 padded to 32-byte blocks; the plaintext is 16
 * random bytes, the message length (4 bytes, big-endian), the message, then the shop's appid, which must
 * be ours. Returns the message text.
 */
export function decryptPush(key: Buffer, encrypted: string, appid: string): string {
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false); // WeChat pads to 32 bytes, not AES's 16
    plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  } catch {
    throw new PushRejected('decrypt', 'The push could not be decrypted with the EncodingAESKey');
  }
  const pad = plain.at(-1) ?? 0;
  if (pad < 1 || pad > 32 || plain.length < 20 + pad) {
    throw new PushRejected('decrypt', 'The push decrypted to an invalid padding');
  }
  const body = plain.subarray(0, plain.length - pad);
  const length = body.readUInt32BE(16);
  if (20 + length > body.length) throw new PushRejected('decrypt', 'The push decrypted to an invalid length');
  const sender = body.subarray(20 + length).toString('utf8');
  if (sender !== appid) throw new PushRejected('appid', `The push is for another appid (${sender.slice(0, 20)})`);
  return body.subarray(20, 20 + length).toString('utf8');
}

/**
 * `JSON.parse` that keeps integers past 2^53 exact: they become strings (ids are strings everywhere in
 * this SDK). Node 20 has no access to a number's source text in `JSON.parse`, so integer literals of 16
 * digits or more outside strings are quoted before parsing; a scan that tracks strings and escapes does
 * it without touching text inside strings.
 */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (char === '-' || (char >= '0' && char <= '9')) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      const literal = match?.[0] ?? char;
      const integer = match && match[1] === undefined && match[2] === undefined;
      out += integer && !Number.isSafeInteger(Number(literal)) ? `"${literal}"` : literal;
      i += literal.length;
      continue;
    }
    out += char;
    i += 1;
  }
  return JSON.parse(out);
}
