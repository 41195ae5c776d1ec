import { XiaodianError } from '@xiaodian/model';

/** Decodes a byte stream into text chunks; ends quietly when the signal aborts. */
export async function* textChunks(body: ReadableStream<Uint8Array>, signal: AbortSignal): AsyncIterable<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const cancel = () => void reader.cancel().catch(() => undefined);
  // Aborted before the first read (a fetch that ignores its signal answers after the abort): an abort listener
  // would never fire, and an unread body keeps the server's stream and its heartbeats open for good.
  if (signal.aborted) cancel();
  // No `once`: an abort fires once, and `finally` removes the listener whichever way the stream ends.
  else signal.addEventListener('abort', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield decoder.decode(value, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (cause) {
    if (signal.aborted) return;
    throw new XiaodianError('offline', 'The event stream broke off', { cause });
  } finally {
    signal.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
}
