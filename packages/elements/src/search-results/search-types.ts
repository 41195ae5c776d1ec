// TEMPORARY: the search contract's types (briefs/search-contract.md) until the searchidx branch lands them in
// @xiaodian/model and @xiaodian/client; then this file re-exports theirs.
import type { ProductPage } from '@xiaodian/client';

export type MatchRange = readonly [start: number, end: number];
export interface SearchHitInfo {
  kind: string;
  titleRanges: MatchRange[];
}
export interface FacetCount {
  value: string;
  count: number;
}
export interface PriceBand {
  min: number;
  max?: number;
  count: number;
}
export interface SearchFacets {
  category: FacetCount[];
  shop: Array<FacetCount & { name: string }>;
  guarantee: FacetCount[];
  price: PriceBand[];
}
export type SearchResultPage = ProductPage & { hits?: SearchHitInfo[]; facets?: SearchFacets; didYouMean?: string };
