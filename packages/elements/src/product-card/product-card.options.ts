/** WeChat's four article card types: 大卡, 小卡, 文字链接, 条卡. */
export const productCardVariants = ['large', 'small', 'text', 'strip'] as const;
export type ProductCardVariant = (typeof productCardVariants)[number];

/** What tapping the card opens, as `<store-product open-page>`. */
export const productCardOpenPages = ['product-detail', 'gift-product-detail', 'buy', 'gift'] as const;
export type ProductCardOpenPage = (typeof productCardOpenPages)[number];

/** Where the shop logo sits; it is always shown. */
export const logoPositions = ['bottom-left', 'bottom-right'] as const;
export type LogoPosition = (typeof logoPositions)[number];
