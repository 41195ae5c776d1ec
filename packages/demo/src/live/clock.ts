/** Time for the live simulator: real by default; tests pass one that jumps instead of waiting. */
export interface DemoClock {
  now(): number;
  /** Resolves after `ms`, or at once when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: DemoClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** A clock that moves only when asked to wait: every sleep jumps it forward. Same start, same timeline. */
export function steppingClock(start: number): DemoClock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => void (now += ms),
    sleep: async (ms, signal) => {
      if (!signal?.aborted) now += Math.max(0, ms);
    },
  };
}
