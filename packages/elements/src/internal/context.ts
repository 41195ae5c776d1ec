import { createContext } from '@lit/context';
import { createClient, webStorageStore, type XiaodianClient } from '@xiaodian/client';

/** The client an `<xd-store>` provides to every element inside it. */
export const clientContext = createContext<XiaodianClient>(Symbol.for('xiaodian.client'));

let pageClient: XiaodianClient | undefined;

/**
 * A client for a gateway as elements make it: products and shops persist in `localStorage` (where the
 * browser allows it), so a repeat visit renders from cache at once and refreshes in the background.
 */
export function clientFor(gateway: string): XiaodianClient {
  const store = webStorageStore();
  return createClient(store ? { gateway, cache: { store } } : { gateway });
}

/**
 * Elements outside any `<xd-store>` use the page's default client: the gateway named by
 * `<meta name="xiaodian-gateway" content="…">`, else the page's own origin.
 */
export function defaultClient(): XiaodianClient {
  if (!pageClient) {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="xiaodian-gateway"]');
    pageClient = clientFor(meta?.content || location.origin);
  }
  return pageClient;
}

/** Replaces the page's default client (tests, or a page that configures one in script). */
export function setDefaultClient(client: XiaodianClient | undefined): void {
  pageClient = client;
}
