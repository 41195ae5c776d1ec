/**
 * The page's one polite live region for Xiaodian elements. Elements do not carry live regions of their own:
 * twenty cards failing together would make twenty announcements (or, as `role=alert`, interrupt twenty
 * times). Messages announced in the same task are joined without repeats and read once, politely.
 */

let region: HTMLElement | undefined;
const pending = new Set<string>();
let flushing: Promise<void> | undefined;

/** The region, added to the page on first use and visually hidden (it takes no space: nothing moves). */
export function liveRegion(): HTMLElement {
  if (region?.isConnected) return region;
  region = document.createElement('div');
  region.dataset['xiaodianAnnouncer'] = '';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.style.cssText =
    'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);' +
    'clip-path:inset(50%);white-space:nowrap;border:0';
  document.body.append(region);
  return region;
}

/**
 * Announces `message` politely. Resolves once the region holds it. The text is written a task after the
 * region exists, as screen readers ignore changes to a region that was added in the same instant.
 */
export function announce(message: string): Promise<void> {
  if (typeof document === 'undefined' || !document.body) return Promise.resolve();
  const target = liveRegion();
  pending.add(message);
  flushing ??= new Promise<void>((resolve) =>
    setTimeout(() => {
      target.textContent = [...pending].join(' ');
      pending.clear();
      flushing = undefined;
      resolve();
    }),
  );
  return flushing;
}
