import type { FacetCount, PriceBand, SearchFacets, SearchQuery } from '../domain/search.js';
import type { Product } from '../domain/product.js';

/** Price band edges in fen (¥0–50, 50–100, 100–200, 200–500, 500–1000, 1000+): the ranges shoppers pick. */
export const priceBandEdges = [0, 5_000, 10_000, 20_000, 50_000, 100_000] as const;

/** The filter dimensions a facet can leave out. */
export type FacetDimension = 'category' | 'shop' | 'guarantee' | 'price';

/** Whether a product passes the query's filters, all of them but `except`'s. */
export function passesFilters(product: Product, query: SearchQuery, except?: FacetDimension): boolean {
  if (except !== 'shop' && query.appid !== undefined && product.appid !== query.appid) return false;
  if (except !== 'price') {
    if (query.minPrice !== undefined && product.minPrice < query.minPrice) return false;
    if (query.maxPrice !== undefined && product.minPrice > query.maxPrice) return false;
  }
  if (except !== 'guarantee' && query.guarantees?.some((guarantee) => !product.guarantees.includes(guarantee))) {
    return false;
  }
  if (except !== 'category' && query.category !== undefined && product.category !== query.category) return false;
  if (query.inStock === true && product.availability !== 'available') return false;
  return true;
}

function ranked(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

function bump(counts: Map<string, number>, value: string): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

/**
 * Facet counts over every product that matched the query text: each dimension counts the products that
 * pass every other filter, so a shopper sees what picking another value of that facet would give.
 */
export function computeFacets(matched: Iterable<Product>, query: SearchQuery): SearchFacets {
  const categories = new Map<string, number>();
  const shops = new Map<string, number>();
  const shopNames = new Map<string, string>();
  const guaranteeCounts = new Map<string, number>();
  const bands = priceBandEdges.map(() => 0);
  for (const product of matched) {
    if (product.category !== undefined && passesFilters(product, query, 'category')) bump(categories, product.category);
    if (passesFilters(product, query, 'shop')) {
      bump(shops, product.appid);
      shopNames.set(product.appid, product.shop.name);
    }
    if (passesFilters(product, query, 'guarantee')) {
      product.guarantees.forEach((guarantee, i) => {
        // Counted once per product, however often a malformed listing repeats it.
        if (product.guarantees.indexOf(guarantee) === i) bump(guaranteeCounts, guarantee);
      });
    }
    if (passesFilters(product, query, 'price')) {
      let band = priceBandEdges.length - 1;
      while (band > 0 && product.minPrice < priceBandEdges[band]!) band -= 1;
      bands[band]! += 1;
    }
  }
  const price: PriceBand[] = [];
  bands.forEach((count, band) => {
    if (count === 0) return;
    const max = priceBandEdges[band + 1];
    price.push(max === undefined ? { min: priceBandEdges[band]!, count } : { min: priceBandEdges[band]!, max, count });
  });
  return {
    category: ranked(categories),
    shop: ranked(shops).map(({ value, count }) => ({ value, name: shopNames.get(value) ?? value, count })),
    guarantee: ranked(guaranteeCounts),
    price,
  };
}
