import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long and how much of an element must be seen to count as an impression (the IAB's display rule). */
export const impressionRule = { ratio: 0.5, durationMs: 1000 } as const;

/**
 * Calls `onImpression` once in the element's life, when it has been at least half visible for a full
 * second while `ready()` says there is something to see and the page itself is visible (not a background
 * tab). Leaving view before the second is up restarts the count; after it fires, the controller stops.
 * GPM and click-through rates are computed from these, so a card nobody could see must not count.
 */
export class ImpressionController implements ReactiveController {
  private observer: IntersectionObserver | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private visible = false;
  private counted = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly ready: () => boolean,
    private readonly onImpression: () => void,
  ) {
    host.addController(this);
  }

  private readonly onVisibility = () => this.schedule();

  hostConnected(): void {
    if (this.counted || typeof IntersectionObserver === 'undefined') return;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.observer = new IntersectionObserver(
      (entries) => {
        // Entries come oldest first; only the newest says where the element is now.
        const entry = entries[entries.length - 1];
        this.visible = !!entry && entry.isIntersecting && entry.intersectionRatio >= impressionRule.ratio;
        this.schedule();
      },
      { threshold: impressionRule.ratio },
    );
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.observer?.disconnect();
    this.observer = undefined;
    this.visible = false;
    this.schedule();
  }

  /** Data arriving while the element is already in view starts the count. */
  hostUpdated(): void {
    this.schedule();
  }

  private schedule(): void {
    const counting = this.visible && !this.counted && this.ready() && document.visibilityState === 'visible';
    if (!counting) {
      clearTimeout(this.timer);
      this.timer = undefined;
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (!this.visible || this.counted || !this.ready()) return;
        this.counted = true;
        this.observer?.disconnect();
        document.removeEventListener('visibilitychange', this.onVisibility);
        this.onImpression();
      }, impressionRule.durationMs);
    }
  }
}
