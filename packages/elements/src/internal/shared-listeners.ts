/**
 * Page-wide listeners shared by every element: one `online` listener on the window and one
 * `visibilitychange` listener on the document however many elements want them, each added with the first
 * subscriber and removed with the last, so a grid of a thousand tiles adds two listeners, not two thousand.
 */
function sharedListener(target: () => EventTarget, type: string) {
  const subscribers = new Set<() => void>();
  const dispatch = () => [...subscribers].forEach((subscriber) => subscriber());
  return (subscriber: () => void): (() => void) => {
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

type VisibilityListener = (entry: IntersectionObserverEntry) => void;

interface SharedObserver {
  observer: IntersectionObserver;
  listeners: Map<Element, VisibilityListener>;
}

/** One IntersectionObserver per root (the viewport is keyed by its document) and threshold. */
const observers = new WeakMap<Document | Element, Map<number, SharedObserver>>();

/**
 * Tells `listener` each time `target` crosses `threshold` of visibility in the viewport. Every element
 * observed with the same threshold shares one IntersectionObserver, disconnected when its last element
 * stops. Returns the stop function.
 */
export function observeVisibility(target: Element, threshold: number, listener: VisibilityListener): () => void {
  const root = target.ownerDocument;
  let byThreshold = observers.get(root);
  if (!byThreshold) observers.set(root, (byThreshold = new Map()));
  let shared = byThreshold.get(threshold);
  if (!shared) {
    const listeners = new Map<Element, VisibilityListener>();
    // Entries come oldest first, so each element's listener ends on where the element is now.
    const observer = new IntersectionObserver(
      (entries) => entries.forEach((entry) => listeners.get(entry.target)?.(entry)),
      { threshold },
    );
    shared = { observer, listeners };
    byThreshold.set(threshold, shared);
  }
  const { observer, listeners } = shared;
  listeners.set(target, listener);
  observer.observe(target);
  return () => {
    if (listeners.get(target) !== listener) return;
    listeners.delete(target);
    observer.unobserve(target);
    if (listeners.size === 0) {
      observer.disconnect();
      byThreshold.delete(threshold);
    }
  };
}
