/**
 * Text as the search index sees it (search/text.ts), compared whole: the units of a title with their UTF-16
 * spans, a query's segments, the typo distance at its limit, and how many typos a word may have. Without an
 * index, so the file is quick for the mutation run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedTypos, editDistance, isHan, querySegments, toUnits } from '../../packages/model/src/search/text.ts';

describe('toUnits', () => {
  it('makes one unit per Han character and one per Latin word, with the span each came from', () => {
    assert.deepEqual(toUnits('UPF50+防晒衣 Lite'), {
      text: ['upf50', '防', '晒', '衣', 'lite'],
      han: [false, true, true, true, false],
      start: [0, 6, 7, 8, 10],
      end: [5, 7, 8, 9, 14],
    });
  });

  it('folds full width and case, keeps spans in the original text, and ends a word at punctuation or Han', () => {
    assert.deepEqual(toUnits('ＵＰＦ５０，Ab'), {
      text: ['upf50', 'ab'],
      han: [false, false],
      start: [0, 6],
      end: [5, 8],
    });
    assert.deepEqual(toUnits('a衣b'), {
      text: ['a', '衣', 'b'],
      han: [false, true, false],
      start: [0, 1, 2],
      end: [1, 2, 3],
    });
    assert.deepEqual(toUnits('  '), { text: [], han: [], start: [], end: [] });
    assert.deepEqual(toUnits('Ａ'), { text: ['a'], han: [false], start: [0], end: [1] });
    // Only A–Z are lowered by the ASCII path: the characters just outside it stay as they are.
    assert.deepEqual(toUnits('@[`{').text, []);
    assert.deepEqual(toUnits('AZaz09').text, ['azaz09']);
  });

  it('spans a character outside the BMP by its two UTF-16 units, Han or not', () => {
    // 𠀀 (U+20000) is Han; 𝐀 (U+1D400, mathematical bold A) folds to a.
    assert.deepEqual(toUnits('𠀀x'), { text: ['𠀀', 'x'], han: [true, false], start: [0, 2], end: [2, 3] });
    assert.deepEqual(toUnits('𝐀b 衣'), { text: ['ab', '衣'], han: [false, true], start: [0, 4], end: [3, 5] });
  });

  it('reads the edges of the CJK block and the compatibility forms NFKC folds into it', () => {
    assert.deepEqual(toUnits('一鿿').text, ['一', '鿿']);
    // U+F900 (豈, a compatibility ideograph) folds to U+8C48.
    assert.deepEqual(toUnits('\uF900').text, ['\u8C48']);
    // ㈱ folds to (株): the brackets separate, the ideograph stays.
    assert.deepEqual(toUnits('㈱').text, ['株']);
    // U+2F800, outside the BMP, folds to U+4E3D (丽) inside it: the span is that of the character given.
    assert.deepEqual(toUnits('\u{2F800}a'), { text: ['丽', 'a'], han: [true, false], start: [0, 2], end: [2, 3] });
  });
});

describe('querySegments', () => {
  it('folds like the index and splits at spaces and punctuation', () => {
    assert.deepEqual(querySegments('  Fang shai，ＹＩ! '), ['fang', 'shai', 'yi']);
    assert.deepEqual(querySegments('防晒yi'), ['防晒yi']);
    assert.deepEqual(querySegments(''), []);
    assert.deepEqual(querySegments('，。'), []);
  });

  it('drops tone marks after a letter and writes ü as v, in either case', () => {
    assert.deepEqual(querySegments('yújiā lǜ LǛ nü Ü'), ['yujia', 'lv', 'lv', 'nv', 'v']);
    assert.deepEqual(querySegments('lǖ lǘ lǚ'), ['lv', 'lv', 'lv']);
    // A combining mark with no letter before it is not a tone mark: it separates.
    assert.deepEqual(querySegments('\u0301a'), ['a']);
    assert.deepEqual(querySegments('5\u0301x 衣\u0301a'), ['5', 'x', '衣', 'a']);
    // Every mark after the letter goes, not only the first.
    assert.deepEqual(querySegments('a\u0301\u0302b'), ['ab']);
  });
});

describe('isHan', () => {
  it('is true for one Han character only', () => {
    assert.deepEqual(['防', '𠀀', 'a', '1', '，', '防晒', ''].map(isHan), [
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions, one edit each', () => {
    assert.equal(editDistance('vibram', 'vibram', 2), 0);
    assert.equal(editDistance('vibram', 'vibarm', 2), 1, 'a transposition');
    assert.equal(editDistance('vibram', 'vibrm', 2), 1, 'a deletion');
    assert.equal(editDistance('vibram', 'vibrams', 2), 1, 'an insertion');
    assert.equal(editDistance('vibram', 'vibrom', 2), 1, 'a substitution');
    assert.equal(editDistance('ab', 'ba', 2), 1, 'a transposition at the start');
    assert.equal(editDistance('abcd', 'badc', 3), 2, 'two transpositions');
    assert.equal(editDistance('kitten', 'sitting', 5), 3);
    assert.equal(editDistance('', 'abc', 5), 3);
    assert.equal(editDistance('abc', '', 5), 3);
    assert.equal(editDistance('ca', 'abc', 5), 3, 'optimal string alignment, not Damerau: no edit of a moved pair');
  });

  it('stops at max + 1 once the distance must exceed max, by length or along the way', () => {
    assert.equal(editDistance('abcdef', 'abc', 2), 3, 'three letters longer');
    assert.equal(editDistance('abcdef', 'abcd', 2), 2, 'two letters longer is within');
    assert.equal(
      editDistance('a', 'abcdefg', 2),
      3,
      'the shorter first: one row, so no early stop but the length check',
    );
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(editDistance('abcdef', 'abcxyz', 3), 3, 'exactly max is within');
    assert.equal(editDistance('abcdef', 'abcxyz', 2), 3);
    assert.equal(editDistance('aaaa', 'bbbb', 0), 1);
    assert.equal(editDistance('abxd', 'abcd', 1), 1);
  });
});

describe('allowedTypos', () => {
  it('allows none under 4 letters, one from 4, two from 8', () => {
    assert.deepEqual([0, 3, 4, 7, 8, 20].map(allowedTypos), [0, 0, 1, 1, 2, 2]);
  });
});
