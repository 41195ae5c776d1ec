/** The code of a validators module for `roots` ([exported name, JSON Schema, where it comes from], …). */
export function validatorsModule(
  roots: ReadonlyArray<readonly [string, Record<string, unknown>, string]>,
  from?: { common: string; more: string },
): string;
