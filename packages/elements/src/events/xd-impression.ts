import type { IntentDetail } from './intent.js';

/** How long and how much of an element must be seen to count as an impression (the IAB's display rule). */
export const impressionRule = { ratio: 0.5, durationMs: 1000 } as const;

/** `xd-impression`: analytics, sent once per element when it has been at least half visible for a second. */
export class XdImpressionEvent extends CustomEvent<Omit<IntentDetail, 'intent'>> {
  constructor(detail: Omit<IntentDetail, 'intent'>) {
    super('xd-impression', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xd-impression': XdImpressionEvent;
  }
}
