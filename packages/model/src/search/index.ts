export { createSearchIndex, type SearchIndex, type SearchIndexOptions, type SuggestionSource } from './search-index.js';
