/**
 * Time for the live widget: when it may touch the DOM (once per animation frame, however fast events
 * arrive) and when it must wake up for a countdown. Tests and the bench pass their own to step frames.
 */
export interface LiveScheduler {
  /** Calls back before the next paint. */
  frame(callback: () => void): void;
  /** Calls back after `ms`; returns how to cancel. */
  after(ms: number, callback: () => void): () => void;
}

/** Animation frames, except on a hidden page, where browsers hold them back: a task instead. */
export const browserScheduler: LiveScheduler = {
  frame(callback) {
    if (document.hidden) setTimeout(callback);
    else requestAnimationFrame(() => callback());
  },
  after(ms, callback) {
    const timer = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};

/** Whole seconds left until `until`, rounded up (a countdown shows 00:01 until the very end). */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** When the shown seconds of a countdown to `until` change next, in ms from `now`; undefined once over. */
export function msToNextSecond(until: number, now: number): number | undefined {
  const left = until - now;
  if (left <= 0) return undefined;
  return left % 1000 || 1000;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `MM:SS` under an hour, `HH:MM:SS` under a day, then the days before it (`days(2)` → `2天 03:04:05`). */
export function formatCountdown(seconds: number, days: (count: number) => string): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const clock = h > 0 || d > 0 ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
  return d > 0 ? `${days(d)} ${clock}` : clock;
}

/** One formatter per locale: a notice re-renders every second of its countdown, and building one costs more than using it. */
const startFormats = new Map<string, Intl.DateTimeFormat>();

/** A notice's start as a shopper reads it: `12月1日 20:00` / `Dec 1, 20:00`. */
export function formatStart(at: number, locale: string): string {
  let format = startFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    startFormats.set(locale, format);
  }
  return format.format(at);
}
