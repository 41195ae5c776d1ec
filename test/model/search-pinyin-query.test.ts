import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segmentPinyin } from '../../packages/model/src/search/pinyin-query.ts';

/** Every prefix of each syllable, as the index keeps them. */
function prefixesOf(syllables: readonly string[]): Set<string> {
  return new Set(syllables.flatMap((syllable) => Array.from(syllable, (_, i) => syllable.slice(0, i + 1))));
}

describe('reading letters as pinyin', () => {
  const syllables = ['lan', 'ya', 'ye', 'e', 'er', 'ji', 'fang', 'shai', 'yi', 'zhi'];
  const known = new Set(syllables);
  const prefixes = prefixesOf(syllables);
  const spelled = (ways: ReturnType<typeof segmentPinyin>) =>
    ways.map((pieces) => pieces.map((piece) => `${piece.text}${piece.prefix ? '*' : ''}`).join(' '));

  it('finds each way to read the letters once, also when they end in an initial', () => {
    // `j` at the end is an initial both as one letter and as the two-letter slice: it was found twice,
    // and the index checked every candidate of `lyej` against each copy.
    for (const letters of ['lyej', 'fsy', 'lanyaj', 'fangshaiy']) {
      const ways = spelled(segmentPinyin(letters, known, prefixes));
      assert.ok(ways.length > 0, `${letters} reads as pinyin`);
      assert.deepEqual(ways, [...new Set(ways)], `${letters}: ${ways.join(' | ')}`);
    }
  });

  it('keeps the ways it kept before, most likely first, up to the limit', () => {
    assert.deepEqual(spelled(segmentPinyin('lyej', known, prefixes)), ['l* ye j*', 'l* y* e j*', 'l* y* e* j*']);
    assert.deepEqual(spelled(segmentPinyin('fangshaiyi', known, prefixes)), ['fang shai yi']);
    assert.equal(segmentPinyin('lyej', known, prefixes, 1).length, 1);
  });
});
