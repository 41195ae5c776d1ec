import type { XiaodianClient } from '@xiaodian/client';
import { clientContext, defaultClient } from '../internal/context.js';

export interface UpgradeLinksOptions {
  /** The client that resolves the links; by default the one the nearest `<xd-store>` provides. */
  client?: XiaodianClient;
  /** Stops the work: nothing changes after it is aborted. */
  signal?: AbortSignal;
}

export interface UpgradeLinksResult {
  /** The cards and shop entries that took a link's place, in document order. */
  upgraded: Element[];
  /** The links left as they were: not resolved, not a product or a shop, or changed meanwhile. */
  left: string[];
}

/**
 * Turns the WeChat product and shop links in `root` (`<a href>` links and links written as plain text)
 * into cards, with one resolve request for all of them. A link alone in its paragraph becomes a
 * `<xd-product-card>` (or a `<xd-shop-entry>`), a link in a sentence a text link (`variant="text"`,
 * `variant="inline"`) that keeps the text flowing. Links that cannot be resolved are left exactly as
 * they were; links in `<xd-*>` elements, `<code>`, `<pre>`, `<textarea>` and editable content are
 * ignored; running it again changes nothing. Links below the viewport are replaced first, and the page is
 * scrolled by what the replacements above the viewport added, so what the reader is looking at stays put.
 * The work itself loads on first use.
 */
export async function upgradeLinks(
  root: Element | Document,
  options: UpgradeLinksOptions = {},
): Promise<UpgradeLinksResult> {
  const { upgradeLinksIn } = await import('./upgrade.js');
  return upgradeLinksIn(root, options.client ?? clientOf(root), options.signal);
}

/**
 * What `<xd-store upgrade-links>` does: upgrades `root` once the page has loaded, then the content added
 * to it later, until `signal` aborts (the store leaves the page). The work loads on first use.
 */
export function keepUpgradingLinks(root: Element, client: () => XiaodianClient, signal: AbortSignal): void {
  import('./upgrade.js')
    .then(({ keepUpgradingIn }) => keepUpgradingIn(root, client, signal))
    .catch((error: unknown) => console.warn('upgrade-links:', error));
}

/** The client the nearest `<xd-store>` provides to `root`'s content, else the page's default client. */
function clientOf(root: Element | Document): XiaodianClient {
  let client: XiaodianClient | undefined;
  // The context protocol's request, as the data controller makes it, from a stand-in consumer: the store's
  // provider answers requests from anyone but itself (`root` may be the store).
  const request = {
    context: clientContext,
    contextTarget: document.createElement('span'),
    callback: (value: XiaodianClient) => (client = value),
  };
  const target = root instanceof Document ? root.body : root;
  target?.dispatchEvent(Object.assign(new Event('context-request', { bubbles: true, composed: true }), request));
  return client ?? defaultClient();
}
