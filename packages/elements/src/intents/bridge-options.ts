// Apart from the bridge itself, which loads on the first intent, so that `<xd-store>` can configure it.

export interface BridgeOptions {
  /**
   * The mini-program page a web-view navigates to, e.g. `/pages/store/open`. It receives the intent and
   * ref as query parameters and renders WeChat's own `<store-product>`, `<store-home>` or `<channel-live>`.
   */
  miniProgramPage: string;
  /** Opens a URL in this window: `location.assign` by default; a SPA may route instead. */
  openUrl(url: string): void;
}

export const bridgeOptions: BridgeOptions = {
  miniProgramPage: '/pages/xiaodian/open',
  openUrl: (url) => location.assign(url),
};

/** Sets how intents leave the page; the rest keeps its default. */
export function configureBridge(changes: Partial<BridgeOptions>): void {
  Object.assign(bridgeOptions, changes);
}
