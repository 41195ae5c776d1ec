export { indexTokens, queryTokens } from './tokenize.js';
export { createSearchIndex, type SearchIndex, type SearchIndexOptions, type SuggestionSource } from './search-index.js';
export { computeFacets, passesFilters, priceBandEdges, type FacetDimension } from './facets.js';
