import type { IntentDetail } from './intent.js';

/**
 * `xd-open`: bubbles out of shadow roots and is cancelable. A page that handles navigation itself (a SPA
 * router, its own mini-program bridge) calls `preventDefault()`; otherwise the environment bridge acts.
 */
export class XdOpenEvent extends CustomEvent<IntentDetail> {
  constructor(detail: IntentDetail) {
    super('xd-open', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xd-open': XdOpenEvent;
  }
}
