/**
 * Page-wide listeners shared by every element: one listener per event however many elements want it,
 * added with the first subscriber and removed with the last, so a grid of a thousand tiles adds a few
 * listeners, not thousands.
 */
function sharedListener(target: () => EventTarget, type: string) {
  const subscribers = new Set<(event: Event) => void>();
  const dispatch = (event: Event) => subscribers.forEach((subscriber) => subscriber(event));
  return (subscriber: (event: Event) => void): (() => void) => {
    if (subscribers.size === 0) target().addEventListener(type, dispatch);
    subscribers.add(subscriber);
    return () => {
      if (!subscribers.delete(subscriber)) return;
      if (subscribers.size === 0) target().removeEventListener(type, dispatch);
    };
  };
}

/** Calls `subscriber` when the browser gets its connection back; returns the unsubscribe. */
export const onBackOnline = sharedListener(() => window, 'online');

/** Calls `subscriber` when the page is shown or hidden (a background tab); returns the unsubscribe. */
export const onPageVisibility = sharedListener(() => document, 'visibilitychange');

/**
 * Calls `subscriber` with each `context-provider` event: a provider (an `<xd-store>`) that was just
 * defined or inserted announces itself so, and elements still without one ask again.
 */
export const onProviderAppears = sharedListener(() => document, 'context-provider');

type VisibilityListener = (entry: IntersectionObserverEntry) => void;

/** One IntersectionObserver per root (the viewport, keyed by its document), with its elements' listeners. */
const observers = new WeakMap<Document, [IntersectionObserver, Map<Element, VisibilityListener>]>();

/**
 * Tells `listener` each time `target` crosses `threshold` of visibility in the viewport. Every element
 * shares one IntersectionObserver, disconnected when its last element stops (one threshold serves them
 * all: the impression rule's). Returns the stop function.
 */
export function observeVisibility(target: Element, threshold: number, listener: VisibilityListener): () => void {
  const root = target.ownerDocument;
  let shared = observers.get(root);
  if (!shared) {
    const listeners = new Map<Element, VisibilityListener>();
    // Entries come oldest first, so each element's listener ends on where the element is now.
    const observer = new IntersectionObserver(
      (entries) => entries.forEach((entry) => listeners.get(entry.target)?.(entry)),
      { threshold },
    );
    observers.set(root, (shared = [observer, listeners]));
  }
  const [observer, listeners] = shared;
  listeners.set(target, listener);
  observer.observe(target);
  return () => {
    if (!listeners.delete(target)) return;
    observer.unobserve(target);
    if (listeners.size === 0) {
      observer.disconnect();
      observers.delete(root);
    }
  };
}
