import { polyphonic } from 'pinyin-pro';
import { Converter } from 'opencc-js/t2cn';

/**
 * The two dictionaries the index needs, from well-kept libraries: pinyin-pro for the readings of a Han
 * character, opencc-js for traditional → simplified. Only the search index imports this module, and only
 * the `@xiaodian/model/search` entry exports the index, so no element bundle ever carries them
 * (`npm run size` checks for their dictionary strings).
 */

const readingCache = new Map<string, readonly string[]>();

/**
 * Every toneless reading of one Han character (ü written v, as pinyin IMEs take it): a polyphone such as
 * 行 (xing, hang) is indexed under each, so recall never depends on guessing the reading in context.
 */
export function readingsOf(char: string): readonly string[] {
  let readings = readingCache.get(char);
  if (readings === undefined) {
    const found = polyphonic(char, { toneType: 'none', type: 'array', v: true })[0] ?? [];
    readings = [...new Set(found.filter((reading) => /^[a-z]+$/.test(reading)))];
    readingCache.set(char, readings);
  }
  return readings;
}

const traditionalToSimplified = Converter({ from: 't', to: 'cn' });

/** Traditional characters to simplified (羽絨服 → 羽绒服); simplified text comes back unchanged. */
export function toSimplified(text: string): string {
  return traditionalToSimplified(text);
}
