import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { impressionRule } from '../events/xd-impression.js';
import { observeVisibility, onPageVisibility } from './shared-listeners.js';

/**
 * Calls `onImpression` once in the element's life, when it has been at least half visible for a full
 * second while `ready()` says there is something to see and the page itself is visible (not a background
 * tab). Leaving view before the second is up restarts the count; after it fires, the controller stops.
 * GPM and click-through rates are computed from these, so a card nobody could see must not count.
 * Elements share one IntersectionObserver and one `visibilitychange` listener (see shared-listeners.ts).
 */
export class ImpressionController implements ReactiveController {
  #stopObserving: (() => void) | undefined;
  #stopWatchingPage: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #visible = false;
  #counted = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #ready: () => boolean;
  readonly #onImpression: () => void;

  constructor(host: ReactiveControllerHost & HTMLElement, ready: () => boolean, onImpression: () => void) {
    this.#host = host;
    this.#ready = ready;
    this.#onImpression = onImpression;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#counted) return;
    this.#stopWatchingPage = onPageVisibility(() => this.#schedule());
    this.#stopObserving = observeVisibility(this.#host, impressionRule.ratio, (entry) => {
      this.#visible = entry.isIntersecting && entry.intersectionRatio >= impressionRule.ratio;
      this.#schedule();
    });
  }

  hostDisconnected(): void {
    this.#stop();
    this.#visible = false;
    this.#schedule();
  }

  /** Data arriving while the element is already in view starts the count. */
  hostUpdated(): void {
    this.#schedule();
  }

  #stop(): void {
    this.#stopObserving?.();
    this.#stopWatchingPage?.();
    this.#stopObserving = this.#stopWatchingPage = undefined;
  }

  #schedule(): void {
    const counting = this.#visible && !this.#counted && this.#ready() && document.visibilityState === 'visible';
    if (!counting) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    } else if (this.#timer === undefined) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        if (!this.#visible || this.#counted || !this.#ready()) return;
        this.#counted = true;
        this.#stop();
        this.#onImpression();
      }, impressionRule.durationMs);
    }
  }
}
