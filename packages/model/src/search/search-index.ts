import { XiaodianError } from '../errors.js';
import { defaultPageSize, maxPageSize } from '../domain/common.js';
import type { Product } from '../domain/product.js';
import type { MatchRange, SearchPage, SearchQuery, Suggestion, SuggestionKind } from '../domain/search.js';
import { computeFacets, passesFilters } from './facets.js';
import { indexTokens, queryTokens } from './tokenize.js';

/** Where a token was found, and what that is worth: a short title names the thing, a shop name less so. */
const fieldWeights = { shortTitle: 4, title: 3, category: 2, shop: 2 } as const;
type Field = keyof typeof fieldWeights;

interface Posting {
  doc: number;
  weight: number;
}

export interface SuggestionSource {
  text: string;
  kind: SuggestionKind;
  /** Orders suggestions with the same prefix: the best-selling first. */
  popularity: number;
}

export interface SearchIndexOptions {
  /** Extra suggestion texts (item names people type, for instance); products, shops and categories are added. */
  suggestions?: readonly SuggestionSource[];
  maxSuggestions?: number;
}

export interface SearchIndex {
  search(query: SearchQuery): SearchPage;
  suggest(prefix: string): Suggestion[];
  readonly size: number;
}

/** Search shows what a buyer can act on: products on sale, and sold-out ones (they come back). */
function searchable(product: Product): boolean {
  return product.availability !== 'unavailable';
}

/** Page cursors are plain offsets; anything else is not ours. */
function readCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  if (!/^[0-9]{1,7}$/.test(cursor)) throw new XiaodianError('bad_request', `Invalid cursor "${cursor}"`);
  return Number(cursor);
}

/**
 * An in-memory inverted index over products: every query token must match (AND), scored by where it
 * matched; filters for shop, price (fen) and guarantees; relevance, sales and price sorts with stable
 * tie-breaks (sales, then product id), and offset cursors. Used by the demo backend, and by the WeChat
 * backend over a shop's listing (WeChat has no keyword search over a shop's own products).
 */
export function createSearchIndex(products: readonly Product[], options: SearchIndexOptions = {}): SearchIndex {
  const docs = products.filter(searchable);
  const postings = new Map<string, Posting[]>();
  docs.forEach((product, doc) => {
    const weights = new Map<string, number>();
    const add = (field: Field, text: string | undefined) => {
      if (!text) return;
      for (const token of indexTokens(text)) weights.set(token, Math.max(weights.get(token) ?? 0, fieldWeights[field]));
    };
    add('title', product.title);
    add('shortTitle', product.shortTitle);
    add('category', product.category);
    add('shop', product.shop.name);
    for (const [token, weight] of weights) {
      let list = postings.get(token);
      if (!list) postings.set(token, (list = []));
      list.push({ doc, weight });
    }
  });

  const suggestions = buildSuggestions(docs, options.suggestions ?? []);
  const maxSuggestions = options.maxSuggestions ?? 10;

  function matches(q: string): Map<number, number> {
    const tokens = queryTokens(q);
    if (tokens.length === 0) return new Map(docs.map((_product, doc) => [doc, 0]));
    let scores: Map<number, number> | undefined;
    // Rarest token first: the candidate set shrinks fastest.
    const lists = tokens.map((token) => postings.get(token) ?? []).sort((a, b) => a.length - b.length);
    for (const list of lists) {
      const next = new Map<number, number>();
      for (const { doc, weight } of list) {
        if (scores === undefined || scores.has(doc)) next.set(doc, (scores?.get(doc) ?? 0) + weight);
      }
      scores = next;
      if (scores.size === 0) break;
    }
    return scores ?? new Map();
  }

  return {
    size: docs.length,
    search(query) {
      const offset = readCursor(query.cursor);
      const limit = Math.min(Math.max(1, query.limit ?? defaultPageSize), maxPageSize);
      const hits: Array<{ product: Product; score: number }> = [];
      const matched: Product[] = [];
      for (const [doc, score] of matches(query.q)) {
        const product = docs[doc]!;
        matched.push(product);
        if (passesFilters(product, query)) hits.push({ product, score });
      }
      const bySales = (a: Product, b: Product) => b.sales - a.sales || a.productId.localeCompare(b.productId);
      const sort = query.sort ?? 'relevance';
      hits.sort((a, b) => {
        if (sort === 'price_asc') return a.product.minPrice - b.product.minPrice || bySales(a.product, b.product);
        if (sort === 'price_desc') return b.product.minPrice - a.product.minPrice || bySales(a.product, b.product);
        if (sort === 'sales') return bySales(a.product, b.product);
        // In stock before sold out: a buyer cannot act on the latter today.
        const stock = Number(b.product.availability === 'available') - Number(a.product.availability === 'available');
        return b.score - a.score || stock || bySales(a.product, b.product);
      });
      const items = hits.slice(offset, offset + limit).map((hit) => hit.product);
      const end = offset + items.length;
      return {
        items,
        total: hits.length,
        ...(end < hits.length ? { nextCursor: String(end) } : {}),
        hits: items.map((product) => ({ kind: 'exact' as const, titleRanges: literalRanges(product.title, query.q) })),
        facets: computeFacets(matched, query),
      };
    },
    suggest(prefix) {
      const wanted = prefix.normalize('NFKC').trim().toLowerCase();
      if (wanted === '') return [];
      const starts: SuggestionSource[] = [];
      const contains: SuggestionSource[] = [];
      for (const suggestion of suggestions) {
        const text = suggestion.text.toLowerCase();
        if (text.startsWith(wanted)) starts.push(suggestion);
        else if (Array.from(wanted).length >= 2 && text.includes(wanted)) contains.push(suggestion);
      }
      return [...starts, ...contains].slice(0, maxSuggestions).map(({ text, kind }) => ({ text, kind }));
    },
  };
}

/** Categories, item names, shops and product short titles, each once, the most popular first. */
function buildSuggestions(docs: readonly Product[], extra: readonly SuggestionSource[]): SuggestionSource[] {
  const byText = new Map<string, SuggestionSource>();
  const add = (text: string | undefined, kind: SuggestionKind, popularity: number) => {
    if (!text) return;
    const known = byText.get(text);
    if (known) known.popularity += popularity;
    else byText.set(text, { text, kind, popularity });
  };
  for (const source of extra) add(source.text, source.kind, source.popularity);
  for (const product of docs) {
    add(product.category, 'category', product.sales);
    add(product.shop.name, 'shop', product.sales);
    add(product.shortTitle, 'product', product.sales);
  }
  return [...byText.values()].sort((a, b) => b.popularity - a.popularity || a.text.localeCompare(b.text));
}

/** Where the query's words occur in the title as typed (case-insensitive), merged, in order. */
function literalRanges(title: string, q: string): MatchRange[] {
  const lower = title.toLowerCase();
  const spans: Array<[number, number]> = [];
  for (const [word] of q.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) {
      spans.push([at, at + word.length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}
