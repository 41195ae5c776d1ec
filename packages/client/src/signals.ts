import { XiaodianError } from '@xiaodian/model';

export function abortedError(): XiaodianError {
  return new XiaodianError('aborted', 'The request was aborted');
}

/**
 * Waits `ms`, or rejects with `aborted` as soon as the signal fires. Timers never outlive an abort. Callers
 * always have a signal (the retry loop's, a live subscription's), so it is required.
 */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortedError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError());
    };
    // An abort fires once, so the listener needs no `once`: the timer's path removes it.
    signal.addEventListener('abort', onAbort);
  });
}
