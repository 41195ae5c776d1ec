import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SseParser, type SseMessage } from '@xiaodian/client';

/** Every message a parser dispatches for `text`, pushed in one chunk. */
function parse(text: string, parser = new SseParser()): SseMessage[] {
  return parser.push(text);
}

// Written from the survivors of `npm run mutation -- client` in live/sse-parser.ts: each test is named for
// the part of the event-stream format it pins down.
describe('SSE parser: the event-stream format at its edges', () => {
  it('names an event without an event field "message"', () => {
    assert.deepEqual(parse('data: x\n\n'), [{ id: undefined, event: 'message', data: 'x', retry: undefined }]);
  });

  it('splits lines on a lone CR, waiting only when the CR ends the chunk', () => {
    assert.deepEqual(
      parse('data: a\rdata: b\r\rdata: next').map((message) => message.data),
      ['a\nb'],
    );
    const parser = new SseParser();
    assert.deepEqual(parser.push('data: c\r\n\r'), [], 'a CR at the end may be half of CRLF');
    assert.deepEqual(
      parser.push('\n').map((message) => message.data),
      ['c'],
    );
  });

  it('hands a comment on with its one leading space removed, or whole when it has none', () => {
    const comments: string[] = [];
    const parser = new SseParser({ onComment: (text) => comments.push(text) });
    parser.push(':heartbeat\n: {"time":1}\n:  two\n');
    assert.deepEqual(comments, ['heartbeat', '{"time":1}', ' two']);
  });

  it('reads a line without a colon as a field with an empty value', () => {
    assert.deepEqual(parse('data\n\n'), [{ id: undefined, event: 'message', data: '', retry: undefined }]);
    assert.deepEqual(
      parse('data\ndata\n\n').map((message) => message.data),
      ['\n'],
    );
  });

  it('keeps a value that follows the colon without a space whole, and strips only one space', () => {
    assert.deepEqual(
      parse('data:x\n\n').map((message) => message.data),
      ['x'],
    );
    assert.deepEqual(
      parse('data:  y\n\n').map((message) => message.data),
      [' y'],
    );
  });

  it('takes a retry: hint only from a retry field of digits alone', () => {
    for (const line of ['retry: abc', 'retry: 12x', 'retry: x12', 'retry: -5', 'retry:', 'other: 7', 'id: a\0b']) {
      assert.deepEqual(parse(`${line}\n\n`), [], `${JSON.stringify(line)} dispatches nothing`);
      assert.equal(parse(`${line}\ndata: d\n\n`)[0]?.retry, undefined, `${JSON.stringify(line)} is no retry hint`);
    }
    assert.deepEqual(parse('retry: 1500\n\n'), [{ id: undefined, event: 'message', data: '', retry: 1500 }]);
  });

  it('keeps the last event id across an event that names none', () => {
    const parser = new SseParser();
    parser.push('id: 1\ndata: a\n\n');
    assert.equal(parser.lastEventId, '1');
    assert.deepEqual(
      parser.push('data: b\n\n').map((message) => message.id),
      [undefined],
    );
    assert.equal(parser.lastEventId, '1');
  });

  it('dispatches nothing for a blank line, or for fields without data or a retry hint', () => {
    assert.deepEqual(parse('\n\n\n'), []);
    assert.deepEqual(parse('event: viewers\n\n'), []);
    assert.deepEqual(parse('id: 9\n\n'), []);
    assert.deepEqual(parse('event: viewers\ndata: 3\n\n'), [
      { id: undefined, event: 'viewers', data: '3', retry: undefined },
    ]);
  });
});
