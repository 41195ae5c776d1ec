export { XdStore } from './store/index.js';
export { XdProductCard } from './product-card/index.js';
export { XdShopEntry } from './shop-entry/index.js';
export { shopEntryVariants, type ShopEntryVariant } from './shop-entry/shop-entry.options.js';
export {
  productCardVariants,
  productCardOpenPages,
  logoPositions,
  type ProductCardVariant,
  type ProductCardOpenPage,
  type LogoPosition,
} from './product-card/product-card.options.js';
export { XdElement } from './internal/element.js';
export { defineElement, elementsVersion } from './internal/define.js';
export { setDefaultClient } from './internal/context.js';
export { formatCount, locales, resolveLocale, type Locale } from './internal/i18n.js';
export { impressionRule } from './internal/impression-controller.js';
export type { ResourceState } from './internal/resource-controller.js';
export {
  intents,
  XdClickEvent,
  XdImpressionEvent,
  XdOpenEvent,
  type Intent,
  type IntentDetail,
} from './intents/events.js';
export {
  configureBridge,
  detectEnvironment,
  isWeChatLink,
  miniProgramUrl,
  performIntent,
  type BridgeEnvironment,
  type BridgeOptions,
} from './intents/bridge.js';
