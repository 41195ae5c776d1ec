import { XiaodianError } from '@xiaodian/model';

/**
 * A module loaded on first use (`import()`), kept once it has loaded. A failed load is never kept: the next
 * call tries again, so a page that was offline for a moment recovers by itself. The failure is reported as
 * `offline` when the runtime says it is offline (what an element's back-online retry listens for), else as a
 * retryable `upstream` failure.
 */
export function lazyModule<T>(load: () => Promise<T>, what: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw moduleLoadError(error, what);
    }));
}

function moduleLoadError(error: unknown, what: string): XiaodianError {
  if (error instanceof XiaodianError) return error;
  const offline = (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;
  return new XiaodianError(offline ? 'offline' : 'upstream', `Could not load ${what}`, {
    cause: error,
    retryable: true,
  });
}
