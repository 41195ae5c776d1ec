import {
  XiaodianError,
  type LiveEvent,
  type LiveRoom,
  type SearchFacets,
  type SearchHitInfo,
  type Shop,
  type Suggestion,
} from '@xiaodian/model';
import * as generated from './generated/resource-validators.js';
import { firstIssue, type CompiledValidator } from './validate.js';

/**
 * The checks of shops, pages, suggestions and live rooms, described from the model's zod schemas like the
 * product checks (scripts/generate-validators.mjs) and run by the same schema checker, so no bundler ever
 * pulls zod's runtime into a page. Kept apart from the product checks: product cards never load these
 * descriptions. Test `resource-validator-equivalence` holds them to the zod schemas.
 */
const validateShop: CompiledValidator = generated.validateShop;
const validateProductPage: CompiledValidator = generated.validateProductPage;
const validateSearchPage: CompiledValidator = generated.validateSearchPage;
const validateSuggestResponse: CompiledValidator = generated.validateSuggestResponse;
const validateLiveRoom: CompiledValidator = generated.validateLiveRoom;
const validateLiveEvent: CompiledValidator = generated.validateLiveEvent;

function checked<T>(validator: CompiledValidator, value: unknown, what: string): T {
  if (validator(value)) return value as T;
  throw new XiaodianError('invalid_response', `${what} failed validation${firstIssue(validator)}`);
}

export const isShop = (value: unknown): value is Shop => validateShop(value);
export const isLiveRoom = (value: unknown): value is LiveRoom => validateLiveRoom(value);
export const isLiveEvent = (value: unknown): value is LiveEvent => validateLiveEvent(value);

export const checkShop = (value: unknown, what: string): Shop => checked(validateShop, value, what);
export const checkLiveRoom = (value: unknown, what: string): LiveRoom => checked(validateLiveRoom, value, what);
export const checkLiveEvent = (value: unknown, what: string): LiveEvent => checked(validateLiveEvent, value, what);

/** A page envelope (`{items, total, nextCursor?}`); its items are checked one by one by the caller. */
export function checkPageEnvelope(
  value: unknown,
  what: string,
): { items: unknown[]; total: number; nextCursor?: string } {
  return checked(validateProductPage, value, `${what} page`);
}

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
