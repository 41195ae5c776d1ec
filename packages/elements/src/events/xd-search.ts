/** What `xd-search` carries: the query a shopper asked for. */
export interface SearchDetail {
  query: string;
}

/**
 * `xd-search`: a shopper asked for a query, in the search box (Enter, a suggestion) or in the results (a
 * did-you-mean, a suggested query). Bubbles out of shadow roots. Cancelable: a page that runs its own
 * search calls `preventDefault()`, and the box then leaves its results element alone.
 */
export class XdSearchEvent extends CustomEvent<SearchDetail> {
  constructor(detail: SearchDetail) {
    super('xd-search', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xd-search': XdSearchEvent;
  }
}

/** Sends `xd-search` from `host`; false when a listener cancelled it. */
export function dispatchSearch(host: HTMLElement, query: string): boolean {
  return host.dispatchEvent(new XdSearchEvent({ query }));
}
