// Kills StrykerJS mutants (npm run mutation -- gateway) in the gateway's parameter readers: what each one
// accepts at its edges, and that every refusal names the parameter, what is accepted and what was sent (a
// developer fixes the call from the message alone; long values are cut so the message stays readable).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guarantees, maxQueryLength } from '@xiaodian/model';
import { BadRequest } from '../../packages/gateway/src/http/errors.ts';
import {
  readAppid,
  readFinderUserName,
  readGuarantees,
  readPage,
  readText,
} from '../../packages/gateway/src/http/params.ts';

/** The refusal `read` throws: a BadRequest with this exact message and code. */
function refuses(read: () => unknown, message: string, code = 'bad_request') {
  assert.throws(read, (error: unknown) => {
    assert.ok(error instanceof BadRequest, `a BadRequest, not ${String(error)}`);
    assert.equal(error.message, message);
    assert.equal(error.code, code);
    return true;
  });
}

const query = (params: Record<string, string>) => (name: string) => params[name];

describe('gateway parameter readers', () => {
  it('reads an appid, and refuses a missing or malformed one by its name', () => {
    assert.equal(readAppid('wx1234567890abcdef'), 'wx1234567890abcdef');
    const rule = 'must be an appid ("wx" and 16 hex digits)';
    refuses(() => readAppid('wx123'), `"appid" ${rule}; got "wx123"`, 'invalid_ref');
    refuses(() => readAppid(undefined), `"appid" ${rule}; got nothing`, 'invalid_ref');
    refuses(() => readAppid('', 'shop'), `"shop" ${rule}; got ""`, 'invalid_ref');
  });

  it('reads a 视频号 id, and refuses a missing or malformed one', () => {
    assert.equal(readFinderUserName('sphShanyeOutdoor'), 'sphShanyeOutdoor');
    const rule = '"finder_user_name" must be a 视频号 id ("sph" and 3–40 letters, digits, "_" or "-")';
    refuses(() => readFinderUserName('abc'), `${rule}; got "abc"`, 'invalid_ref');
    refuses(() => readFinderUserName(undefined), `${rule}; got nothing`, 'invalid_ref');
  });

  it('cuts a long value in a message to its first 60 characters, and leaves 60 whole', () => {
    const sixty = `wx${'z'.repeat(58)}`;
    refuses(() => readAppid(sixty), `"appid" must be an appid ("wx" and 16 hex digits); got "${sixty}"`, 'invalid_ref');
    refuses(
      () => readAppid(`${sixty}tail`),
      `"appid" must be an appid ("wx" and 16 hex digits); got "${sixty}…"`,
      'invalid_ref',
    );
  });

  it('reads a page: the default size, a cursor it issued, and no cursor for an empty one', () => {
    assert.deepEqual(readPage(query({})), { limit: 20 });
    assert.deepEqual(readPage(query({ cursor: '' })), { limit: 20 });
    assert.deepEqual(readPage(query({ cursor: 'c2~0-A.b_=', limit: '5' })), { limit: 5, cursor: 'c2~0-A.b_=' });
    refuses(() => readPage(query({ cursor: 'not a cursor' })), '"cursor" is not a cursor this gateway issued');
  });

  it(`takes text of up to ${maxQueryLength} characters, counted as characters, not UTF-16 units`, () => {
    const longest = '防'.repeat(maxQueryLength - 1) + '😀';
    assert.equal(readText(longest, 'q', { required: true }), longest);
    refuses(() => readText(`${longest}x`, 'q', { required: true }), `"q" may be at most ${maxQueryLength} characters`);
    refuses(() => readText('  ', 'q', { required: true }), 'Query parameter "q" is required');
    assert.equal(readText(undefined, 'category', { required: false }), '');
  });

  it('reads guarantees from a list and from repeats, once each, and names the accepted ones on a refusal', () => {
    const [first, second] = guarantees;
    assert.deepEqual(readGuarantees([`${first},${second}`]), [first, second]);
    assert.deepEqual(readGuarantees([first!, `${second},${first}`]), [first, second]);
    assert.equal(readGuarantees([',', '']), undefined);
    assert.equal(readGuarantees(undefined), undefined);
    refuses(() => readGuarantees([`${first},fast`]), `"guarantee" must be among ${guarantees.join(', ')}; got "fast"`);
  });
});
