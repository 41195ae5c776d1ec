// Kills StrykerJS mutants (npm run mutation -- model) in search/suggest.ts: what pinyin typed into the
// search box suggests. The demo-catalog test asks only whether 防晒衣 is among the answers to `fang` and
// `fsy`; over three hand-made suggestions every answer below is known exactly, so a reading matched at the
// wrong place, an initial taken for a syllable or a mixed query read as pinyin changes one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSearchIndex } from '@xiaodian/model/search';

// 防晒衣 fang shai yi, 防水 fang shui, 晒衣架 shai yi jia: most popular first when several match.
const index = createSearchIndex([], {
  suggestions: [
    { text: '防晒衣', kind: 'query', popularity: 30 },
    { text: '防水', kind: 'query', popularity: 20 },
    { text: '晒衣架', kind: 'query', popularity: 10 },
  ],
});
const texts = (prefix: string) => index.suggest(prefix).map((suggestion) => suggestion.text);

describe('pinyin suggestions', () => {
  it('match whole syllables, initials and a half-typed last syllable, from the first character on', () => {
    assert.deepEqual(texts('fang'), ['防晒衣', '防水']);
    assert.deepEqual(texts('fa'), ['防晒衣', '防水'], 'the first syllable half typed');
    assert.deepEqual(texts('fangshai'), ['防晒衣']);
    assert.deepEqual(texts('fangshaiy'), ['防晒衣'], 'the last syllable half typed');
    assert.deepEqual(texts('fsy'), ['防晒衣'], 'initials');
    assert.deepEqual(texts('fangsy'), ['防晒衣'], 'a syllable, then initials');
    assert.deepEqual(texts('fs'), ['防晒衣', '防水']);
    assert.deepEqual(texts('syj'), ['晒衣架']);
  });

  it('do not match a reading that is not at the start, nor letters beyond the last character', () => {
    assert.deepEqual(texts('shai'), ['晒衣架'], '防晒衣 has shai second, not first');
    assert.deepEqual(texts('fangx'), [], 'x is no reading of 晒 or 水');
    assert.deepEqual(texts('fsyj'), [], '防晒衣 has three characters, not four');
    assert.deepEqual(texts('fangshuiy'), [], '防水 ends after shui');
    assert.deepEqual(texts('angshai'), [], 'a reading must start where the letters start');
  });

  it('read spaced or upper-case letters as one spelling, and a query mixing Han and letters as no pinyin', () => {
    assert.deepEqual(texts('F S Y'), ['防晒衣']);
    assert.deepEqual(texts('ＦＳＹ'), ['防晒衣'], 'full-width letters');
    assert.deepEqual(texts('防s'), [], 'not pinyin, and no text starts with or contains 防s');
    assert.deepEqual(texts('123'), []);
  });
});

describe('suggestion count', () => {
  it('stops at maxSuggestions also when texts containing the prefix follow those starting with it', () => {
    const capped = createSearchIndex([], {
      suggestions: [
        { text: '晒衣架', kind: 'query', popularity: 10 },
        { text: '防晒衣', kind: 'query', popularity: 30 },
        { text: '户外晒衣绳', kind: 'query', popularity: 5 },
      ],
      maxSuggestions: 2,
    });
    assert.deepEqual(
      capped.suggest('晒衣').map((suggestion) => suggestion.text),
      ['晒衣架', '防晒衣'],
    );
  });
});
