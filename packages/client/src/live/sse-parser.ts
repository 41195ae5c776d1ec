/** One dispatched Server-Sent Event. */
export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
  /** A `retry:` hint from the server, in ms. */
  retry: number | undefined;
}

/**
 * An incremental parser for `text/event-stream` as the HTML standard defines it: lines end in CRLF, LF or
 * CR; `:` lines are comments (heartbeats); a blank line dispatches the event. Chunks may split anywhere.
 */
export class SseParser {
  /** `onComment` receives each comment line's text (after the colon and one space): heartbeats travel in them. */
  constructor(private readonly handlers: { onComment?(text: string): void } = {}) {}

  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;
  private retry: number | undefined;
  /** The last event id seen, kept across events as the standard says. */
  lastEventId: string | undefined;

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const messages: SseMessage[] = [];
    for (;;) {
      const match = /\r\n|\n|\r/.exec(this.buffer);
      // A lone CR at the end may be the first half of CRLF: wait for more.
      if (!match || (match[0] === '\r' && match.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const message = this.line(line);
      if (message) messages.push(message);
    }
    return messages;
  }

  private line(line: string): SseMessage | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) {
      this.handlers.onComment?.(line.slice(line.startsWith(': ') ? 2 : 1));
      return undefined;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    return undefined;
  }

  private dispatch(): SseMessage | undefined {
    if (this.id !== undefined) this.lastEventId = this.id;
    const hadData = this.data.length > 0;
    const message: SseMessage = {
      id: this.id,
      event: this.event || 'message',
      data: this.data.join('\n'),
      retry: this.retry,
    };
    this.data = [];
    this.event = '';
    this.id = undefined;
    this.retry = undefined;
    // A `retry:` alone is a message too: it carries the reconnect delay the server asks for.
    return hadData || message.retry !== undefined ? message : undefined;
  }
}
