import { fail, type Check, type Issue } from './validate-schema.js';

/**
 * The checks only some schemas need (see validate-schema.ts): apart, so that a page whose validators do
 * not use them (a page of product cards) never downloads them.
 */

/** The first branch that matches wins, as in a zod union (a discriminated union's tags are distinct). */
export const union =
  (branches: readonly Check[]): Check =>
  (value, path, strip) => {
    let closest: Issue | undefined;
    for (const branch of branches) {
      const issue = branch(value, path, false);
      if (!issue) return strip ? branch(value, path, true) : undefined;
      // A branch whose tag (`const`) does not match says least about what is wrong.
      if (!closest || closest.keyword === 'const') closest = issue;
    }
    return closest ?? fail(path, 'anyOf', {});
  };

/** A string matching the pattern (as zod's regex checks, without flags). */
export const matches =
  (pattern: string): Check =>
  (value, path) =>
    typeof value !== 'string' || new RegExp(pattern).test(value) ? undefined : fail(path, 'pattern', { pattern });

/** A tuple's items, one check per position (its `maxItems` bounds its length). */
export const tuple =
  (items: readonly Check[]): Check =>
  (value, path, strip) => {
    const list = value as unknown[];
    for (const [index, check] of items.entries()) {
      const issue = index < list.length ? check(list[index], `${path}/${index}`, strip) : undefined;
      if (issue) return issue;
    }
    return undefined;
  };

/** An object's every key passes `check` (a record with an enum of keys). */
export const keys =
  (check: Check): Check =>
  (value, path, strip) => {
    for (const key of Object.keys(value as object)) {
      const at = `${path}/${key}`;
      // A key is a string: `strip`, which acts on objects, does nothing to it.
      if (check(key, at, strip)) return fail(at, 'propertyNames', { propertyName: key });
    }
    return undefined;
  };
