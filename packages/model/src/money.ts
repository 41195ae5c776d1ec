/**
 * Money is integer fen (分) everywhere, as WeChat sends it. It becomes yuan text only when rendered.
 */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  // Number.isSafeInteger is false for anything that is not a number.
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string): Intl.NumberFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    // Always two decimals: a price of ¥12.90 must not read as ¥12.9.
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formatters.set(locale, formatter);
  }
  return formatter;
}

/** Formats fen as a CNY amount for the locale: `formatFen(1290)` → `¥12.90` (zh-CN). */
export function formatFen(fen: Fen, locale = 'zh-CN'): string {
  if (!isFen(fen)) throw new RangeError(`Not an amount in fen: ${String(fen)}`);
  // Integer division keeps exact cents; only the final display goes through floating point.
  return formatterFor(locale).format(fen / 100);
}

/** A price range for multi-SKU products: `¥9.90–¥19.90`, or one price when both ends are equal. */
export function formatFenRange(min: Fen, max: Fen, locale = 'zh-CN'): string {
  return min === max ? formatFen(min, locale) : `${formatFen(min, locale)}–${formatFen(max, locale)}`;
}

/**
 * What a card shows for a price: the price or the SKU range, and the original price only when the sale
 * price is lower than it (a struck-through original that is not higher would mislead).
 */
export function formatProductPrice(
  product: { minPrice: Fen; maxPrice: Fen; originalPrice?: Fen | undefined },
  locale = 'zh-CN',
): { price: string; originalPrice?: string } {
  const price = formatFenRange(product.minPrice, product.maxPrice, locale);
  return product.originalPrice !== undefined && product.originalPrice > product.minPrice
    ? { price, originalPrice: formatFen(product.originalPrice, locale) }
    : { price };
}
