/** `<store-home>`'s counterpart in three sizes: a card, a one-row banner, an inline link. */
export const shopEntryVariants = ['card', 'banner', 'inline'] as const;
export type ShopEntryVariant = (typeof shopEntryVariants)[number];
