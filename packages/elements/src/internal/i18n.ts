export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];

const zhCN = {
  loading: '加载中',
  soldOut: '已售罄',
  unavailable: '商品已下架',
  sales: (count: string) => `已售 ${count}`,
  buy: '购买',
  loadFailed: '商品加载失败',
  notFound: '商品不存在',
  offline: '网络不可用',
  retry: '重试',
};
export type Messages = typeof zhCN;

const enUS: Messages = {
  loading: 'Loading',
  soldOut: 'Sold out',
  unavailable: 'No longer available',
  sales: (count: string) => `${count} sold`,
  buy: 'Buy',
  loadFailed: 'Could not load this product',
  notFound: 'Product not found',
  offline: 'You are offline',
  retry: 'Retry',
};

const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Picks the catalog for a BCP 47 tag: any `en*` tag gets English, everything else the zh-CN default. */
export function resolveLocale(tag: string | null | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? 'en-US' : 'zh-CN';
}

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}

/** Sales as WeChat shows them: 已售 1.2万 in Chinese, 12K in English. */
export function formatSales(count: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(count);
}
