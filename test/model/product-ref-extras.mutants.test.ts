// Kills StrykerJS mutants (npm run mutation -- model) in refs.ts's productRef: a promotion link or media id
// is kept only when it is non-empty text, so refs built from loose input (a URL parameter, parsed JSON)
// compare and serialise the same as refs without them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { productRef } from '@xiaodian/model';

const appid = 'wx3f8a2c1d9e7b6a54';

describe('productRef extras', () => {
  it('keeps a promotion link and a media id that are non-empty text', () => {
    assert.deepEqual(productRef(appid, '42', { promotionLink: 'PL1', mediaId: 'M1' }), {
      appid,
      productId: '42',
      promotionLink: 'PL1',
      mediaId: 'M1',
    });
  });

  it('leaves out empty ones, so the ref equals one built without them', () => {
    assert.deepEqual(productRef(appid, '42', { promotionLink: '', mediaId: '' }), { appid, productId: '42' });
  });

  it('leaves out ones that are not text, as loose input may carry', () => {
    // Typed as text, but a ref can be built from parsed JSON or query values that are not.
    const loose = { promotionLink: 7, mediaId: { id: 'M1' } } as unknown as { promotionLink: string; mediaId: string };
    assert.deepEqual(productRef(appid, '42', loose), { appid, productId: '42' });
  });
});
