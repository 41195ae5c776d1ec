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
      // Only waiters that gave up are counted off: a settled flight has left inFlight, nobody joins it again,
      // and its count no longer matters.
      const onAbort = () => {
        current.waiters -= 1;
        if (current.waiters === 0) {
          current.controller.abort();
          // An abort heard after the flight settled, in the ticks before its waiters are told, finds the key
          // taken by a newer flight: that one stays.
          if (inFlight.get(key) === current) inFlight.delete(key);
        }
        reject(abortedError());
      };
      // No `once`: an abort fires once, and a settled flight removes the listener.
      signal?.addEventListener('abort', onAbort);
      (current.promise as Promise<V>).then(
        (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  };
}
