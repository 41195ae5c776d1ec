/**
 * Reading letters as pinyin (search/pinyin-query.ts) at the edges the model's mutation run found unguarded:
 * the order of the ways (fewest initials inside, then fewest pieces), which ways are dropped, the caps on
 * ways and on steps, the half-typed last syllable, the two-letter initials, and the kind of each way. The
 * syllables are a small made-up set, so every way below can be worked out by hand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pinyinKind, segmentPinyin, type Piece } from '../../packages/model/src/search/pinyin-query.ts';

const syllables = ['xi', 'an', 'xian', 'a', 'yi', 'ya', 'fang', 'shai', 'e', 'ge', 'ne', 'n', 'ga'];
const known = new Set(syllables);
const prefixes = new Set(syllables.flatMap((syllable) => Array.from(syllable, (_, i) => syllable.slice(0, i + 1))));

/** A way as text: `sha*` is a prefix (an initial or a half-typed syllable), `fang` a whole syllable. */
const spelled = (ways: Piece[][]) =>
  ways.map((pieces) => pieces.map((piece) => `${piece.text}${piece.prefix ? '*' : ''}`).join(' '));
const read = (letters: string, limit?: number) => spelled(segmentPinyin(letters, known, prefixes, limit));

describe('segmentPinyin', () => {
  it('puts the ways with fewest pieces first when none has an initial inside', () => {
    // Found first as xi + a, but one half-typed piece (xia…, on the way to xian) is fewer pieces.
    assert.deepEqual(read('xia'), ['xia*', 'xi a', 'xi a*']);
  });

  it('puts fewest initials inside first, then fewest pieces, and keeps six ways by default, each once', () => {
    // Found in walk order a g* n* e before a* g* ne: both have two initials inside, and the second is shorter.
    assert.deepEqual(read('agne', 100), [
      'a g* ne',
      'a g* n e',
      'a g* n e*',
      'a* g* ne',
      'a g* n* e',
      'a g* n* e*',
      'a* g* n e',
      'a* g* n e*',
      'a* g* n* e',
      'a* g* n* e*',
    ]);
    // The first six, less a repeat (the last e found as one letter and as the two-letter slice).
    assert.deepEqual(read('agne'), ['a g* ne', 'a g* n e', 'a g* n e*', 'a* g* ne', 'a g* n* e']);
    assert.deepEqual(read('agne', 2), ['a g* ne', 'a g* n e']);
  });

  it('drops the ways with an initial inside once one way is whole syllables throughout', () => {
    // yi y* a is also a way, but yi ya is whole.
    assert.deepEqual(read('yiya'), ['yi ya']);
    // An initial at the end is no initial inside: it stays beside the whole ways.
    assert.deepEqual(read('xianx'), ['xian x*', 'xi an x*', 'xi a n x*']);
  });

  it('reads the last syllable half typed, and zh / ch / sh as one initial', () => {
    assert.deepEqual(read('fangsha'), ['fang sha*']);
    assert.deepEqual(read('shy'), ['sh* y*']);
    assert.deepEqual(read('q'), []);
  });

  it('stops at sixteen ways and at 4,000 steps', () => {
    // Six times xian, each xian or xi an and nothing else with these three syllables: 64 ways, all whole.
    const three = ['xi', 'an', 'xian'];
    const threePrefixes = new Set(
      three.flatMap((syllable) => Array.from(syllable, (_, i) => syllable.slice(0, i + 1))),
    );
    assert.equal(segmentPinyin('xian'.repeat(6), new Set(three), threePrefixes, 100).length, 16);
    assert.equal(segmentPinyin('xian'.repeat(6), new Set(three), threePrefixes).length, 6);
    // Thirty letters of a that each read two ways, then a q nothing reads: 2^30 dead ends without the step cap.
    assert.deepEqual(segmentPinyin(`${'a'.repeat(30)}q`, known, prefixes, 100), []);
  });
});

describe('pinyinKind', () => {
  const piece = (text: string, prefix = false): Piece => ({ text, prefix });

  it('is pinyin for whole syllables, also with the last one half typed', () => {
    assert.equal(pinyinKind([piece('fang'), piece('shai')]), 'pinyin');
    assert.equal(pinyinKind([piece('fang'), piece('sha', true)]), 'pinyin');
    assert.equal(pinyinKind([]), 'pinyin');
  });

  it('is initials for a prefix inside, or one letter at the end', () => {
    assert.equal(pinyinKind([piece('f', true), piece('shai')]), 'initials');
    assert.equal(pinyinKind([piece('fang', true), piece('shai')]), 'initials');
    assert.equal(pinyinKind([piece('fang'), piece('s', true)]), 'initials');
    assert.deepEqual(segmentPinyin('xia', known, prefixes).map(pinyinKind), ['pinyin', 'pinyin', 'initials']);
  });
});
