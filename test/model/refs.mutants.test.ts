// Kills StrykerJS mutants (npm run mutation -- model) in refs.ts that the ref tests let live: the appid and
// finder user name patterns are anchored at both ends, and the largest product id WeChat can send (2^64 - 1)
// is accepted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppid, isFinderUserName, isId, parseProductRef } from '@xiaodian/model';

describe('ref validation edges', () => {
  it('accepts an appid only when nothing comes before or after "wx" and its 16 hex digits', () => {
    assert.equal(isAppid('wx3f8a2c1d9e7b6a54'), true);
    assert.equal(isAppid('xwx3f8a2c1d9e7b6a54'), false, 'text before');
    assert.equal(isAppid('wx3f8a2c1d9e7b6a540'), false, 'a seventeenth digit after');
    assert.equal(isAppid('wx3f8a2c1d9e7b6a54:'), false, 'text after');
  });

  it('accepts a finder user name only when nothing comes before "sph" or after its 3 to 40 characters', () => {
    assert.equal(isFinderUserName('sphShanyeOutdoor'), true);
    assert.equal(isFinderUserName('xsphShanyeOutdoor'), false, 'text before');
    assert.equal(isFinderUserName('sphShanyeOutdoor!'), false, 'text after');
    assert.equal(isFinderUserName(`sph${'a'.repeat(41)}`), false, 'too long');
  });

  it('accepts product ids up to 2^64 - 1 and no further', () => {
    assert.equal(isId('18446744073709551615'), true);
    assert.equal(isId('18446744073709551616'), false);
    assert.deepEqual(parseProductRef('wx3f8a2c1d9e7b6a54:18446744073709551615'), {
      appid: 'wx3f8a2c1d9e7b6a54',
      productId: '18446744073709551615',
    });
  });
});
