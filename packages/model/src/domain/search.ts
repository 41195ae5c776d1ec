import { guarantees, type Guarantee } from './product.js';
import type { PageRequest } from './common.js';

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
