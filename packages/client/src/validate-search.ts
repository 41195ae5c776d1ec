import { XiaodianError, type SearchFacets, type SearchHitInfo, type Suggestion } from '@xiaodian/model';
import { checked } from './checked.js';
import * as generated from './generated/search-validators.js';
import type { CompiledValidator } from './validate.js';

/**
 * The checks of search answers and suggestions, described from the model's zod schemas like the other
 * resource checks (validate-resources.ts) but loaded apart: a search page never downloads the shop and live
 * descriptions, nor a shop these. Test `resource-validator-equivalence` holds them to the zod schemas.
 */
const validateSearchPage: CompiledValidator = generated.validateSearchPage;
const validateSuggestResponse: CompiledValidator = generated.validateSuggestResponse;

/** A search answer's envelope; its items are checked one by one by the caller, like a page's. */
export function checkSearchEnvelope(
  value: unknown,
  what: string,
): {
  items: unknown[];
  total: number;
  nextCursor?: string;
  hits: SearchHitInfo[];
  facets: SearchFacets;
  didYouMean?: string;
} {
  const page = checked<ReturnType<typeof checkSearchEnvelope>>(validateSearchPage, value, `${what} page`);
  // `hits[i]` describes `items[i]`: a list of another length would highlight the wrong titles.
  if (page.hits.length !== page.items.length) {
    throw new XiaodianError(
      'invalid_response',
      `${what} page failed validation: ${page.hits.length} hits for ${page.items.length} items`,
    );
  }
  return page;
}

export function checkSuggestions(value: unknown, what: string): Suggestion[] {
  return checked<{ suggestions: Suggestion[] }>(validateSuggestResponse, { suggestions: value }, what).suggestions;
}
