export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];

/** Picks the catalog for a BCP 47 tag: any `en*` tag gets English, everything else the zh-CN default. */
export function resolveLocale(tag: string | null | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? 'en-US' : 'zh-CN';
}

/** A component's words: zh-CN at once, en-US once loaded (`undefined` until then). */
export type LocalizedCatalog<M> = (locale: Locale, onLoaded: () => void) => M | undefined;

/**
 * Each component keeps its strings in a catalog of its own (`*.messages.ts`), so a page that loads only the
 * product card does not download the shop entry's words; the zh-CN default is bundled and en-US loads on
 * first use. Should English fail to load, the component speaks Chinese rather than nothing.
 */
export function localizedCatalog<M>(zhCN: M, loadEnglish: () => Promise<M>): LocalizedCatalog<M> {
  let english: M | undefined;
  let loading: Promise<unknown> | undefined;
  return (locale, onLoaded) => {
    if (locale === 'zh-CN') return zhCN;
    if (!english) {
      loading ??= loadEnglish().then(
        (words) => (english = words),
        () => (english = zhCN),
      );
      void loading.then(onLoaded);
    }
    return english;
  };
}

/** One formatter per locale: building an `Intl.NumberFormat` costs far more than formatting with it. */
const countFormats: Partial<Record<Locale, Intl.NumberFormat>> = {};

/** Counts as WeChat shows them: 1.2万 in Chinese, 12K in English. */
export function formatCount(count: number, locale: Locale): string {
  return (countFormats[locale] ??= new Intl.NumberFormat(locale, {
    notation: 'compact',
    maximumFractionDigits: 1,
  })).format(count);
}
