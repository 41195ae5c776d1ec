import type { IntentDetail } from '../events/intent.js';
import { XdClickEvent } from '../events/xd-click.js';
import { XdOpenEvent } from '../events/xd-open.js';

/**
 * Sends `xd-click`, then `xd-open`; when no listener cancels it, the environment bridge acts. The bridge
 * loads on the first activation, so a page that only shows cards never downloads it.
 */
export function activate(host: HTMLElement, detail: IntentDetail): void {
  host.dispatchEvent(new XdClickEvent(detail));
  if (host.dispatchEvent(new XdOpenEvent(detail))) {
    import('./bridge.js')
      .then((bridge) => bridge.performIntent(detail, host))
      // A page that lost its connection cannot load the bridge; say so instead of doing nothing silently.
      .catch((error: unknown) => console.warn('[xiaodian] could not open', detail.intent, error));
  }
}
