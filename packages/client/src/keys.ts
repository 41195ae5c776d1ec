import type { PageRequest, SearchQuery } from '@xiaodian/model';

/**
 * Cache keys name what is asked, not how the caller wrote it: the same query with its fields in another
 * order, an `undefined` field or the same guarantees listed differently is one key, so it costs one request.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    // The default sort compares UTF-16 code units, as `<` does on strings; field names never tie.
    const fields = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Guarantees filter as a set ("every one of these"): order and repeats do not change the answer. */
export function searchKey(query: SearchQuery): string {
  const guarantees = query.guarantees?.length ? [...new Set(query.guarantees)].sort() : undefined;
  // Not filtering on stock and `inStock: false` ask the same.
  return `search:${canonicalJson({ ...query, guarantees, inStock: query.inStock === true ? true : undefined })}`;
}

export function shopProductsKey(appid: string, page: PageRequest): string {
  return `shop-products:${canonicalJson({ appid, cursor: page.cursor, limit: page.limit })}`;
}

export function suggestKey(prefix: string): string {
  return `suggest:${canonicalJson(prefix)}`;
}
