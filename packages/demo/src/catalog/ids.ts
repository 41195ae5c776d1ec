/**
 * Deterministic identifiers: hex appids, 公众号/视频号 ids and WeChat-style short-link codes, derived from
 * a seed and a name with FNV-1a, so the same input gives the same id on every machine.
 */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function hex(text: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round += 1) out += hash32(`${round}:${text}`).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A short-link code like WeChat's: 10 characters of base 62. */
export function shortCode(text: string): string {
  let out = '';
  for (let round = 0; out.length < 10; round += 1) {
    let h = hash32(`${round}/${text}`);
    for (let i = 0; i < 5 && out.length < 10; i += 1) {
      out += base62[h % 62];
      h = Math.floor(h / 62);
    }
  }
  return out;
}
