import { guarantees, type Guarantee } from './product.js';
import type { Page, PageRequest } from './common.js';
import type { Product } from './product.js';

export const searchSorts = ['relevance', 'sales', 'price_asc', 'price_desc'] as const;
export type SearchSort = (typeof searchSorts)[number];

/** `GET /v1/search`: the query and its filters. Prices are fen. */
export interface SearchQuery extends PageRequest {
  q: string;
  /** Only this shop's products. */
  appid?: string;
  sort?: SearchSort;
  minPrice?: number;
  maxPrice?: number;
  /** Only products offering every one of these guarantees. */
  guarantees?: Guarantee[];
  /** Only this top-level category (服饰, 食品…). */
  category?: string;
  /** Only products that can be bought now (no sold-out ones). */
  inStock?: boolean;
}

/**
 * How a hit matched the query, most confident first: the index ranks hits in this order before any text
 * score. `partial` is a query longer than what it found (some of its characters matched nothing).
 */
export const matchKinds = [
  'exact',
  'pinyin',
  'initials',
  'mixed',
  'latin',
  'fuzzy',
  'homophone',
  'traditional',
  'partial',
] as const;
export type MatchKind = (typeof matchKinds)[number];

/** A matched span of the product's title: UTF-16 offsets, start inclusive, end exclusive. */
export type MatchRange = readonly [start: number, end: number];

export interface SearchHitInfo {
  kind: MatchKind;
  /** Spans of the title to highlight, in order, not overlapping. */
  titleRanges: MatchRange[];
}

/** value: a category name, a shop appid or a guarantee id. */
export interface FacetCount {
  value: string;
  count: number;
}

/** Prices in fen; `max` is exclusive and absent on the open-ended last band. */
export interface PriceBand {
  min: number;
  max?: number;
  count: number;
}

/** Each facet counts the query with every filter applied except its own dimension's. */
export interface SearchFacets {
  category: FacetCount[];
  shop: Array<FacetCount & { name: string }>;
  guarantee: FacetCount[];
  price: PriceBand[];
}

export interface SearchPage extends Page<Product> {
  /** Same length and order as `items`. */
  hits: SearchHitInfo[];
  facets: SearchFacets;
  /** Only when the query has no hits and a close query has some. */
  didYouMean?: string;
}

export const suggestionKinds = ['query', 'product', 'shop', 'category'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export interface Suggestion {
  text: string;
  kind: SuggestionKind;
}

export const maxQueryLength = 100;

export function isGuarantee(value: string): value is Guarantee {
  return (guarantees as readonly string[]).includes(value);
}
