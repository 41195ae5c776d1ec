import type { Product } from '../domain/product.js';
import type { Suggestion, SuggestionKind } from '../domain/search.js';
import { readingsOf } from './chinese.js';
import { querySegments } from './text.js';

export interface SuggestionSource {
  text: string;
  kind: SuggestionKind;
  /** Orders suggestions with the same prefix: the best-selling first. */
  popularity: number;
}

export type Suggester = (prefix: string, max: number) => Suggestion[];

interface Entry extends SuggestionSource {
  lower: string;
  chars: string[];
}

/**
 * Whether letters spell the start of the characters in pinyin: whole syllables, initials, or the last
 * syllable half typed (`fang` and `fsy` → 防晒衣).
 */
function spellsStart(letters: string, chars: readonly string[], at = 0, char = 0): boolean {
  if (at === letters.length) return true;
  if (char === chars.length) return false;
  const rest = letters.slice(at);
  for (const reading of readingsOf(chars[char]!)) {
    if (reading.startsWith(rest)) return true;
    if (rest.startsWith(reading) && spellsStart(letters, chars, at + reading.length, char + 1)) return true;
    if (reading[0] === rest[0] && spellsStart(letters, chars, at + 1, char + 1)) return true;
  }
  return false;
}

/** Categories, item names, shops and product short titles, each once, the most popular first. */
export function buildSuggester(products: readonly Product[], extra: readonly SuggestionSource[]): Suggester {
  const byText = new Map<string, SuggestionSource>();
  const add = (text: string | undefined, kind: SuggestionKind, popularity: number) => {
    if (!text) return;
    const known = byText.get(text);
    if (known) known.popularity += popularity;
    else byText.set(text, { text, kind, popularity });
  };
  for (const source of extra) add(source.text, source.kind, source.popularity);
  for (const product of products) {
    add(product.category, 'category', product.sales);
    add(product.shop.name, 'shop', product.sales);
    add(product.shortTitle, 'product', product.sales);
  }
  const entries: Entry[] = [...byText.values()]
    .sort((a, z) => z.popularity - a.popularity || (a.text < z.text ? -1 : a.text > z.text ? 1 : 0))
    .map((source) => ({
      ...source,
      lower: source.text.normalize('NFKC').toLowerCase(),
      chars: Array.from(source.text),
    }));

  return (prefix, max) => {
    const wanted = prefix.normalize('NFKC').trim().toLowerCase();
    if (wanted === '') return [];
    const letters = querySegments(wanted).join('');
    const pinyin = /^[a-z]+$/.test(letters) && /[a-z]/.test(wanted);
    const starts: Entry[] = [];
    const contains: Entry[] = [];
    for (const entry of entries) {
      if (entry.lower.startsWith(wanted) || (pinyin && spellsStart(letters, entry.chars))) starts.push(entry);
      else if (Array.from(wanted).length >= 2 && entry.lower.includes(wanted)) contains.push(entry);
      if (starts.length >= max) break;
    }
    return [...starts, ...contains].slice(0, max).map(({ text, kind }) => ({ text, kind }));
  };
}
