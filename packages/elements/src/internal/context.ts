import type { Context } from '@lit/context';
import { createClient, webStorageStore, type XiaodianClient } from '@xiaodian/client/create';

/** The client an `<xd-store>` provides to every element inside it. */
// What createContext() returns, without calling it: a key shared by every copy of the library on the page.
export const clientContext = Symbol.for('xiaodian.client') as Context<symbol, XiaodianClient>;

let pageClient: XiaodianClient | undefined;

/**
 * One client per gateway for the whole page: every `<xd-store>` that names the same gateway shares its
 * cache and its batcher, so cards in two stores still ask for their products in one request. Keyed by the
 * URL without its trailing slash (`https://gw.example/` and `https://gw.example` are one gateway).
 */
const clientsByGateway = new Map<string, XiaodianClient>();

/**
 * The client for a gateway as elements make it, created once per gateway: products and shops persist in
 * `localStorage` (where the browser allows it), so a repeat visit renders from cache at once and refreshes
 * in the background.
 */
export function clientFor(gateway: string): XiaodianClient {
  const key = gateway.replace(/\/+$/, '');
  let client = clientsByGateway.get(key);
  if (!client) {
    const store = webStorageStore();
    client = createClient(store ? { gateway, cache: { store } } : { gateway });
    clientsByGateway.set(key, client);
  }
  return client;
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
