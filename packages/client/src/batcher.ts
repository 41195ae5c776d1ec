/**
 * Coalesces every key asked for in the same tick into one call, de-duplicated and split into chunks.
 * This is what makes a page with fifty product cards cost one request.
 */
export interface Batcher<K, V> {
  load(key: K): Promise<V>;
}

interface Waiter<V> {
  resolve(value: V): void;
  reject(reason: unknown): void;
}

interface PendingKey<K, V> {
  key: K;
  waiters: Array<Waiter<V>>;
}

export function createBatcher<K, V>(options: {
  /** Answers a chunk of distinct keys with one settled result per key, in order. */
  run(keys: K[]): Promise<Array<PromiseSettledResult<V>>>;
  keyOf(key: K): string;
  maxBatchSize: number;
}): Batcher<K, V> {
  let pending = new Map<string, PendingKey<K, V>>();
  let scheduled = false;

  async function runChunk(chunk: Array<PendingKey<K, V>>) {
    try {
      const results = await options.run(chunk.map((entry) => entry.key));
      chunk.forEach((entry, i) => {
        const result = results[i];
        for (const waiter of entry.waiters) {
          if (!result) waiter.reject(new Error('Batch returned fewer results than keys'));
          else if (result.status === 'fulfilled') waiter.resolve(result.value);
          else waiter.reject(result.reason);
        }
      });
    } catch (error) {
      for (const entry of chunk) for (const waiter of entry.waiters) waiter.reject(error);
    }
  }

  function flush() {
    scheduled = false;
    const entries = [...pending.values()];
    pending = new Map();
    for (let i = 0; i < entries.length; i += options.maxBatchSize) {
      void runChunk(entries.slice(i, i + options.maxBatchSize));
    }
  }

  return {
    load(key: K): Promise<V> {
      return new Promise<V>((resolve, reject) => {
        const id = options.keyOf(key);
        const entry = pending.get(id);
        if (entry) entry.waiters.push({ resolve, reject });
        else pending.set(id, { key, waiters: [{ resolve, reject }] });
        if (!scheduled) {
          scheduled = true;
          // Flush once the current task's microtasks run: every ask made in this tick shares the batch.
          queueMicrotask(flush);
        }
      });
    },
  };
}
