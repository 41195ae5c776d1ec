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

/**
 * A clock that moves only when the test says so: `advance(ms)` (or `set(time)`) moves it and wakes every
 * sleeper whose time has come, so a subscriber sees a room's events step by step, on the test's cue.
 */
export function manualClock(start: number): DemoClock & { advance(ms: number): void; set(time: number): void } {
  let now = start;
  const sleepers = new Set<{ until: number; wake: () => void }>();
  const set = (time: number) => {
    now = Math.max(now, time);
    for (const sleeper of [...sleepers]) if (sleeper.until <= now) sleeper.wake();
  };
  return {
    now: () => now,
    advance: (ms) => set(now + Math.max(0, ms)),
    set,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        if (signal?.aborted || ms <= 0) return resolve();
        const sleeper = {
          until: now + ms,
          wake: () => {
            sleepers.delete(sleeper);
            signal?.removeEventListener('abort', sleeper.wake);
            resolve();
          },
        };
        sleepers.add(sleeper);
        signal?.addEventListener('abort', sleeper.wake, { once: true });
      }),
  };
}
