import type { LiveEvent, LiveRoom, Shop } from '@xiaodian/model';
import { checked } from './checked.js';
import * as generated from './generated/resource-validators.js';
import type { CompiledValidator } from './validate.js';

/**
 * The checks of shops, pages and live rooms (search answers: validate-search.ts), described from the model's zod schemas like the
 * product checks (scripts/generate-validators.mjs) and run by the same schema checker, so no bundler ever
 * pulls zod's runtime into a page. Kept apart from the product checks: product cards never load these
 * descriptions. Test `resource-validator-equivalence` holds them to the zod schemas.
 */
const validateShop: CompiledValidator = generated.validateShop;
const validateProductPage: CompiledValidator = generated.validateProductPage;
const validateLiveRoom: CompiledValidator = generated.validateLiveRoom;
const validateLiveEvent: CompiledValidator = generated.validateLiveEvent;

export const isShop = (value: unknown): value is Shop => validateShop(value);

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
