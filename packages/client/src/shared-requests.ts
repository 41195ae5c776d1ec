import { abortedError } from './signals.js';

/**
 * One in-flight request per key for single-item reads (a shop, a page): identical asks share it, and a
 * caller's abort ends only that caller's wait unless it was the last one waiting.
 */
export type SharedRequests = <V>(
  key: string,
  start: (signal: AbortSignal) => Promise<V>,
  signal?: AbortSignal,
) => Promise<V>;

export function createSharedRequests(): SharedRequests {
  const inFlight = new Map<string, { promise: Promise<unknown>; controller: AbortController; waiters: number }>();
  return function share<V>(key: string, start: (signal: AbortSignal) => Promise<V>, signal?: AbortSignal): Promise<V> {
    if (signal?.aborted) return Promise.reject(abortedError());
    let flight = inFlight.get(key);
    if (!flight) {
      const controller = new AbortController();
      const promise = start(controller.signal).finally(() => {
        if (inFlight.get(key) === flight) inFlight.delete(key);
      });
      // Nobody may be left to observe a rejection after every waiter aborted.
      promise.catch(() => undefined);
      flight = { promise, controller, waiters: 0 };
      inFlight.set(key, flight);
    }
    const current = flight;
    current.waiters += 1;
    return new Promise<V>((resolve, reject) => {
      let waiting = true;
      const stopWaiting = () => {
        if (!waiting) return false;
        waiting = false;
        current.waiters -= 1;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!stopWaiting()) return;
        if (current.waiters === 0) {
          current.controller.abort();
          if (inFlight.get(key) === current) inFlight.delete(key);
        }
        reject(abortedError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      (current.promise as Promise<V>).then(
        (value) => {
          if (stopWaiting()) resolve(value);
        },
        (error: unknown) => {
          if (stopWaiting()) reject(error);
        },
      );
    });
  };
}
