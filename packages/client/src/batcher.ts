import { abortedError } from './signals.js';

/**
 * Coalesces every key asked for in the same tick into one call, de-duplicated and split into chunks,
 * and lets later asks for a key already in flight join that request. This is what makes a page with
 * fifty product cards cost one request.
 *
 * A caller's abort only ends that caller's wait. The shared request is cancelled when nobody waits for
 * any key of it any more.
 */
export interface Batcher<K, V> {
  load(key: K, signal?: AbortSignal): Promise<V>;
}

interface Waiter<V> {
  resolve(value: V): void;
  reject(reason: unknown): void;
}

interface KeyEntry<K, V> {
  key: K;
  id: string;
  waiters: Set<Waiter<V>>;
  chunk?: Chunk<K, V>;
}

interface Chunk<K, V> {
  entries: Array<KeyEntry<K, V>>;
  controller: AbortController;
}

export function createBatcher<K, V>(options: {
  /** Answers a chunk of distinct keys with one settled result per key, in order. */
  run(keys: K[], signal: AbortSignal): Promise<Array<PromiseSettledResult<V>>>;
  keyOf(key: K): string;
  maxBatchSize: number;
}): Batcher<K, V> {
  let pending = new Map<string, KeyEntry<K, V>>();
  const inFlight = new Map<string, KeyEntry<K, V>>();
  let scheduled = false;

  function settle(entry: KeyEntry<K, V>, result: PromiseSettledResult<V> | undefined) {
    for (const waiter of entry.waiters) {
      if (!result) waiter.reject(new Error('Batch returned fewer results than keys'));
      else if (result.status === 'rejected') waiter.reject(result.reason);
      else waiter.resolve(result.value);
    }
  }

  async function runChunk(chunk: Chunk<K, V>) {
    try {
      const results = await options.run(
        chunk.entries.map((entry) => entry.key),
        chunk.controller.signal,
      );
      chunk.entries.forEach((entry, i) => settle(entry, results[i]));
    } catch (error) {
      for (const entry of chunk.entries) settle(entry, { status: 'rejected', reason: error });
    } finally {
      for (const entry of chunk.entries) if (inFlight.get(entry.id) === entry) inFlight.delete(entry.id);
    }
  }

  function flush() {
    scheduled = false;
    const entries = [...pending.values()];
    pending = new Map();
    for (let i = 0; i < entries.length; i += options.maxBatchSize) {
      const chunk: Chunk<K, V> = {
        entries: entries.slice(i, i + options.maxBatchSize),
        controller: new AbortController(),
      };
      for (const entry of chunk.entries) {
        entry.chunk = chunk;
        inFlight.set(entry.id, entry);
      }
      void runChunk(chunk);
    }
  }

  function leave(entry: KeyEntry<K, V>, waiter: Waiter<V>) {
    entry.waiters.delete(waiter);
    if (entry.waiters.size > 0) return;
    if (!entry.chunk) {
      // Not sent yet: drop the key from the coming batch (an entry not sent is the pending one for its id).
      pending.delete(entry.id);
    } else if (entry.chunk.entries.every((other) => other.waiters.size === 0)) {
      // Nobody waits for this chunk any more: cancel it, and forget its keys so that a later ask starts a
      // fresh request instead of joining one that is being aborted. (While they are in flight, no other entry
      // has their ids: an ask joins them.)
      entry.chunk.controller.abort();
      for (const other of entry.chunk.entries) inFlight.delete(other.id);
    }
  }

  return {
    load(key: K, signal?: AbortSignal): Promise<V> {
      if (signal?.aborted) return Promise.reject(abortedError());
      return new Promise<V>((resolve, reject) => {
        const id = options.keyOf(key);
        let entry = inFlight.get(id) ?? pending.get(id);
        if (!entry) {
          entry = { key, id, waiters: new Set() };
          pending.set(id, entry);
          if (!scheduled) {
            scheduled = true;
            // Flush once the current task's microtasks run: every ask made in this tick shares the batch.
            queueMicrotask(flush);
          }
        }
        const joined = entry;
        const onAbort = () => {
          leave(joined, waiter);
          reject(abortedError());
        };
        const waiter: Waiter<V> = {
          resolve(value) {
            signal?.removeEventListener('abort', onAbort);
            resolve(value);
          },
          reject(reason) {
            signal?.removeEventListener('abort', onAbort);
            reject(reason);
          },
        };
        joined.waiters.add(waiter);
        signal?.addEventListener('abort', onAbort);
      });
    },
  };
}
