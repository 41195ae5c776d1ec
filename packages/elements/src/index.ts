export { XdStore } from './store/index.js';
export { XdProductCard } from './product-card/index.js';
export { defineElement, elementsVersion } from './internal/define.js';
export { setDefaultClient } from './internal/context.js';
export { formatSales, locales, resolveLocale, type Locale } from './internal/i18n.js';
