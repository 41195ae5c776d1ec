/** A JSON payload as the mutations see it: an object or an array, mutated in place. */
export type Json = Record<string, unknown> | unknown[];

/**
 * Replaces one randomly chosen value anywhere in the payload with one of `replacements` (or adds an unknown
 * key), for holding a compiled validator to its zod schema on seeded mutations of real payloads.
 */
export function mutate(payload: Json, random: () => number, replacements: readonly unknown[]): void {
  let node: Json = payload;
  for (let depth = 0; depth < 4; depth += 1) {
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[Math.floor(random() * keys.length)]!;
    const child = (node as Record<string | number, unknown>)[key];
    if (typeof child === 'object' && child !== null && random() < 0.5) {
      node = child as Json;
      continue;
    }
    if (!Array.isArray(node) && random() < 0.1) {
      node['extraField'] = 'kept out';
      return;
    }
    // A copy: the shared [] and {} must never become part of a payload and be mutated later.
    const value = structuredClone(replacements[Math.floor(random() * replacements.length)]);
    if (value === undefined && !Array.isArray(node)) delete node[key as string];
    else (node as Record<string | number, unknown>)[key] = value;
    return;
  }
}
