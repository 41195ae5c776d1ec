import type { IntentDetail } from './intent.js';

/** `xd-click`: analytics, sent for every activation before `xd-open`, whoever handles it. */
export class XdClickEvent extends CustomEvent<IntentDetail> {
  constructor(detail: IntentDetail) {
    super('xd-click', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xd-click': XdClickEvent;
  }
}
