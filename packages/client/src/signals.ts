import { XiaodianError } from '@xiaodian/model';

export function abortedError(): XiaodianError {
  return new XiaodianError('aborted', 'The request was aborted');
}

/** Waits `ms`, or rejects with `aborted` as soon as the signal fires. Timers never outlive an abort. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles with the promise, or rejects with `aborted` when the caller's signal fires first. The work
 * behind the promise goes on: others may still be waiting for it.
 */
export function raceAbort<V>(promise: Promise<V>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<V> {
  if (!signal) return promise;
  if (signal.aborted) {
    onAbort?.();
    return Promise.reject(abortedError());
  }
  return new Promise<V>((resolve, reject) => {
    const abort = () => {
      onAbort?.();
      reject(abortedError());
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
