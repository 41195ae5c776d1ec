import type { Loaded, Task } from './data-controller.js';

/** Runs `run` after `ms`; returns the cancel function. Tests pass their own to step time by hand. */
export type Scheduler = (run: () => void, ms: number) => () => void;

const timeoutScheduler: Scheduler = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * A task that waits `ms` before it runs, and never runs if superseded meanwhile (the data controller aborts
 * the waiting run when its args change): suggestions typed as `x`, `xi`, `xia`, `xiao` ask once. A wrapper,
 * so that elements that load at once (cards) carry none of it.
 */
export function debounced<A extends readonly unknown[], T>(
  ms: number,
  task: Task<A, T>,
  scheduler: Scheduler = timeoutScheduler,
): Task<A, T> {
  return (args, context) =>
    new Promise<Loaded<T>>((resolve, reject) => {
      const onAbort = () => {
        cancel();
        reject(context.signal.reason);
      };
      const cancel = scheduler(() => {
        context.signal.removeEventListener('abort', onAbort);
        resolve(task(args, context));
      }, ms);
      context.signal.addEventListener('abort', onAbort, { once: true });
    });
}
