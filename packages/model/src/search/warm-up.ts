import type { Product } from '../domain/product.js';
import type { SearchQuery } from '../domain/search.js';
import { readingsOf } from './chinese.js';
import { toUnits } from './text.js';

/** How many products the warm-up draws its queries from (by default): enough for V8 to optimise every query path. */
export const warmUpProducts = 16;

/**
 * Queries a shopper might type, made from the index's own products (and two fixed texts no catalog
 * matches): the index runs them once when it is built, so that V8 has compiled and optimised its query
 * paths before the first real query. Without them a fresh index answers its first hundred or so queries
 * several times slower than later ones (each query path runs interpreted until it has run often
 * enough), which is what a shopper meets after every deploy or restart. One query of each kind the
 * index reads (Chinese words, parts of words, long partial queries, full pinyin with and without spaces,
 * initials, mixed Chinese and pinyin, homophones, Latin prefixes and typos, pinyin typos, traditional
 * characters (converted and looked up, though no catalog has those words, so no traditional hit is
 * scored), queries with no hits), with sorts, filters and a second page. Deterministic: the same
 * products give the same queries.
 */
export function warmUpQueries(products: readonly Product[], count = warmUpProducts): SearchQuery[] {
  const step = Math.max(1, Math.floor(products.length / count));
  const picked: Product[] = [];
  // From the middle of each stretch: the very first products are what a catalog shows first.
  for (let i = step >> 1; i < products.length && picked.length < count; i += step) picked.push(products[i]!);
  // Characters by reading, from the picked titles: a homophone is another character read the same way.
  const byReading = new Map<string, string[]>();
  for (const product of picked) {
    for (const char of product.title.match(/\p{Script=Han}/gu) ?? []) {
      const reading = readingsOf(char)[0];
      if (reading === undefined) continue;
      const chars = byReading.get(reading) ?? [];
      if (!chars.includes(char)) chars.push(char);
      byReading.set(reading, chars);
    }
  }
  const queries: SearchQuery[] = [];
  for (const [p, product] of picked.entries()) {
    const han = product.title.match(/\p{Script=Han}{3,}/gu)?.[0];
    if (han) {
      const chars = Array.from(han);
      const three = chars.slice(0, 3);
      const spelled = three.map((char) => readingsOf(char)[0] ?? '');
      const other = picked[(p + 1) % picked.length]!.title.match(/\p{Script=Han}/u)?.[0] ?? '';
      queries.push(
        { q: three.slice(0, 2).join('') },
        { q: three.join(''), sort: 'sales' },
        { q: `${chars.slice(0, 5).join('')}${other}` },
        { q: spelled.join('') },
        { q: spelled.join(' '), inStock: true },
        { q: spelled.map((reading) => reading[0] ?? '').join('') },
        { q: `${three.slice(0, 2).join('')}${spelled[2]}` },
        { q: `${three.join('')} ${product.category ?? ''}`, cursor: '10' },
      );
      const sound = byReading.get(spelled[1]!)?.find((char) => char !== three[1]);
      if (sound) queries.push({ q: `${three[0]}${sound}${three[2]}` });
      // A pinyin typo long enough to be read as one (two edits from eight letters).
      const typo = spelled.join('');
      if (typo.length >= 8) queries.push({ q: `${typo.slice(0, 3)}${typo.slice(4)}x` });
    }
    queries.push({ q: product.shop.name, sort: 'price_desc' });
    if (product.category) queries.push({ q: '', category: product.category });
  }
  // Latin words (brands, model numbers): the picked titles may have none, so the first few titles that do.
  const words: string[] = [];
  for (const product of [...picked, ...products]) {
    if (words.length >= 2) break;
    const word = toUnits(product.title).text.find((unit) => /^[a-z][a-z0-9]{3,}$/.test(unit));
    if (word && !words.includes(word)) words.push(word);
  }
  for (const word of words) {
    queries.push({ q: word.slice(0, 3), sort: 'price_asc' }, { q: `${word.slice(0, 2)}${word[3]}${word[2]}` });
  }
  // Letters and Chinese words no catalog has (the did-you-mean paths), traditional characters, the empty box.
  queries.push({ q: 'qxzqxzqxz' }, { q: '這個那個' }, { q: '' });
  return queries;
}
