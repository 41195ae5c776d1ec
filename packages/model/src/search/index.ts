export {
  createSearchIndex,
  type SearchIndex,
  type SearchIndexOptions,
  type SearchWork,
  type SuggestionSource,
} from './search-index.js';
export { warmUpQueries } from './warm-up.js';
