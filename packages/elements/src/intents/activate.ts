import { XdClickEvent, XdOpenEvent, type IntentDetail } from './events.js';

/**
 * Sends `xd-click`, then `xd-open`; when no listener cancels it, the environment bridge acts. The bridge
 * loads on the first activation, so a page that only shows cards never downloads it.
 */
export function activate(host: HTMLElement, detail: IntentDetail): void {
  host.dispatchEvent(new XdClickEvent(detail));
  if (host.dispatchEvent(new XdOpenEvent(detail))) {
    void import('./bridge.js').then((bridge) => bridge.performIntent(detail, host));
  }
}
