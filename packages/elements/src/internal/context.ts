import { ContextRoot, createContext } from '@lit/context';
import { createClient, webStorageStore, type XiaodianClient } from '@xiaodian/client';

/** The client an `<xd-store>` provides to every element inside it. */
export const clientContext = createContext<XiaodianClient>(Symbol.for('xiaodian.client'));

let pageClient: XiaodianClient | undefined;

/**
 * One client per gateway for the whole page: every `<xd-store>` that names the same gateway shares its
 * cache and its batcher, so cards in two stores still ask for their products in one request. Keyed by the
 * absolute URL without a trailing slash (`https://gw.example/` and `https://gw.example` are one gateway).
 */
const clientsByGateway = new Map<string, XiaodianClient>();

function gatewayKey(gateway: string): string {
  try {
    return new URL(gateway, location.href).href.replace(/\/+$/, '');
  } catch {
    // Not a URL: the client reports that itself; the text is still a fine key.
    return gateway;
  }
}

/**
 * The client for a gateway as elements make it, created once per gateway: products and shops persist in
 * `localStorage` (where the browser allows it), so a repeat visit renders from cache at once and refreshes
 * in the background.
 */
export function clientFor(gateway: string): XiaodianClient {
  const key = gatewayKey(gateway);
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

/** Shared by every copy of the library on the page, so that one root answers (a second would replay twice). */
const contextRootKey = Symbol.for('xiaodian.contextRoot');

/**
 * Makes provisioning independent of definition order: a card defined (and connected) before `<xd-store>`
 * asks for a client that nobody can answer yet; the context root keeps that request and replays it when a
 * store's provider appears (defined late, or inserted later around the card).
 */
export function ensureContextRoot(): void {
  const holder = document as Document & { [contextRootKey]?: ContextRoot };
  if (holder[contextRootKey]) return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  holder[contextRootKey] = root;
}

/** An `<xd-store>` around the element that is not defined yet: its client will come once it is. */
export function undefinedStoreAround(element: Element): boolean {
  return element.closest('xd-store:not(:defined)') !== null;
}
