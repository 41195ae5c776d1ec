import { XiaodianError } from '@xiaodian/model';
import { sleep } from './signals.js';

/** Bounded exponential backoff with full jitter, for retryable failures only. */
export interface RetryPolicy {
  /** Attempts after the first; 0 turns retrying off. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 3, baseDelayMs: 250, maxDelayMs: 8000 };

export interface AttemptOptions {
  policy: RetryPolicy;
  /** Per attempt, in ms. */
  timeoutMs: number;
  /** Aborts the whole operation (every waiter has gone). */
  signal: AbortSignal;
  random: () => number;
  onRetry?(info: { attempt: number; delayMs: number; error: XiaodianError }): void;
}

/** The delay before retry number `attempt` (1-based): the server's `Retry-After` wins, capped. */
export function retryDelay(attempt: number, error: XiaodianError, policy: RetryPolicy, random: () => number): number {
  if (error.retryAfterMs !== undefined) return Math.min(Math.max(0, error.retryAfterMs), policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/**
 * Runs `attempt` with a timeout per try, retrying retryable failures up to the bound. Each try gets its
 * own signal, aborted on timeout or when the operation is cancelled.
 */
export async function withRetry<V>(attempt: (signal: AbortSignal) => Promise<V>, options: AttemptOptions): Promise<V> {
  for (let tries = 0; ; tries += 1) {
    if (options.signal.aborted) throw new XiaodianError('aborted', 'The request was aborted');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    const cancel = () => controller.abort();
    options.signal.addEventListener('abort', cancel);
    let error: XiaodianError;
    try {
      return await attempt(controller.signal);
    } catch (thrown) {
      error = timedOut
        ? new XiaodianError('timeout', `No answer within ${options.timeoutMs} ms`, { cause: thrown })
        : options.signal.aborted
          ? new XiaodianError('aborted', 'The request was aborted', { cause: thrown })
          : // In-process backends may throw anything; callers only ever see XiaodianError.
            XiaodianError.from(thrown);
    } finally {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', cancel);
    }
    if (!error.retryable || tries >= options.policy.retries) throw error;
    const delayMs = retryDelay(tries + 1, error, options.policy, options.random);
    options.onRetry?.({ attempt: tries + 1, delayMs, error });
    await sleep(delayMs, options.signal);
  }
}
