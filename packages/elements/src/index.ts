// The elements' public API for pages and apps: the element classes, their option sets, their events and the
// intent bridge. What authors of new elements build on (the base class, the data controller, registration)
// is `@xiaodian/elements/base`; the rest of `internal/` is not public.
export { XdStore } from './store/index.js';
export { upgradeLinks, type UpgradeLinksOptions, type UpgradeLinksResult } from './upgrade-links/upgrade-links.js';
export { XdProductCard } from './product-card/index.js';
export { XdShopEntry } from './shop-entry/index.js';
export { XdSearch } from './search/index.js';
export { XdSearchResults } from './search-results/index.js';
export { XdSearchTile } from './search-tile/index.js';
export { searchTileLayouts, type SearchTileLayout } from './search-tile/search-tile.options.js';
export { XdSearchEvent, type SearchDetail } from './events/xd-search.js';
export { shopEntryVariants, type ShopEntryVariant } from './shop-entry/shop-entry.options.js';
export {
  XdLiveWidget,
  liveWidgetVariants,
  liveWidgetStatuses,
  reservationOutcomes,
  reservationOutcomeOf,
  type LiveWidgetVariant,
  type LiveWidgetStatus,
  type ReservationOutcome,
} from './live-widget/index.js';
export {
  productCardVariants,
  productCardOpenPages,
  logoPositions,
  type ProductCardVariant,
  type ProductCardOpenPage,
  type LogoPosition,
} from './product-card/product-card.options.js';
export { setDefaultClient } from './internal/context.js';
export { locales, type Locale } from './internal/i18n.js';
export { dataStates, type DataState } from './internal/data-controller.js';
export { intents, type Intent, type IntentDetail } from './events/intent.js';
export { XdClickEvent } from './events/xd-click.js';
export { XdOpenEvent } from './events/xd-open.js';
export { XdImpressionEvent, impressionRule } from './events/xd-impression.js';
export {
  configureBridge,
  detectEnvironment,
  isWeChatLink,
  miniProgramUrl,
  performIntent,
  type BridgeEnvironment,
  type BridgeOptions,
} from './intents/bridge.js';
