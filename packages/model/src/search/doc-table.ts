import type { Product } from '../domain/product.js';
import type { FacetCount, PriceBand, SearchFacets, SearchQuery } from '../domain/search.js';
import { computeFacets, priceBandEdges } from './facets.js';

/**
 * What filters, facets and sorts read of each product, one typed column per field indexed by document
 * number: a query over 100,000 products counts its facets and totals in tight loops over small integers,
 * where reading the products' own objects (strings, arrays) cost tens of milliseconds.
 */

/** One bit per filter dimension: a product's failures for a query, as `failures` computes them. */
const shopBit = 1;
const priceBit = 2;
const guaranteeBit = 4;
const categoryBit = 8;
const stockBit = 16;

/** Guarantees are kept as a bit mask: at most this many distinct values (the model knows eight). */
const maskBits = 32;

/** Strings to small dense codes, and back. */
class Codes {
  readonly values: string[] = [];
  private readonly byValue = new Map<string, number>();

  code(value: string): number {
    let code = this.byValue.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.byValue.set(value, code);
    }
    return code;
  }

  find(value: string): number {
    return this.byValue.get(value) ?? -1;
  }
}

/** A query's filters, as codes: built once per query. */
export interface FilterPlan {
  query: SearchQuery;
  shop: number | undefined;
  category: number | undefined;
  /** Bits every passing product has; `impossible` when a wanted guarantee is on no product at all. */
  guarantees: number;
  impossibleGuarantee: boolean;
  /** More distinct guarantees than a mask holds: filters and facets then read the products themselves. */
  wide: boolean;
}

function grown<T extends Uint8Array | Uint32Array | Float64Array>(column: T, size: number, make: (n: number) => T): T {
  if (column.length >= size) return column;
  const next = make(Math.max(size, column.length * 2));
  next.set(column);
  return next;
}

function ranked(values: readonly string[], counts: Uint32Array): FacetCount[] {
  const found: FacetCount[] = [];
  counts.forEach((count, code) => {
    if (count > 0) found.push({ value: values[code]!, count });
  });
  return found.sort((a, z) => z.count - a.count || (a.value < z.value ? -1 : a.value > z.value ? 1 : 0));
}

export class DocTable {
  private readonly shops = new Codes();
  private readonly categories = new Codes();
  private readonly guaranteeCodes = new Codes();
  private shop = new Uint32Array(1024);
  /** Category code + 1; 0 for none. */
  private category = new Uint32Array(1024);
  private guaranteeMask = new Uint32Array(1024);
  private band = new Uint8Array(1024);
  /** 1 while the product is in the index (0 once removed or replaced). */
  live = new Uint8Array(1024);
  /** 1 when the product can be bought now. */
  available = new Uint8Array(1024);
  minPrice = new Float64Array(1024);
  sales = new Float64Array(1024);
  readonly products: Product[] = [];

  set(doc: number, product: Product): void {
    const size = doc + 1;
    this.shop = grown(this.shop, size, (n) => new Uint32Array(n));
    this.category = grown(this.category, size, (n) => new Uint32Array(n));
    this.guaranteeMask = grown(this.guaranteeMask, size, (n) => new Uint32Array(n));
    this.band = grown(this.band, size, (n) => new Uint8Array(n));
    this.available = grown(this.available, size, (n) => new Uint8Array(n));
    this.live = grown(this.live, size, (n) => new Uint8Array(n));
    this.live[doc] = 1;
    this.minPrice = grown(this.minPrice, size, (n) => new Float64Array(n));
    this.sales = grown(this.sales, size, (n) => new Float64Array(n));
    this.products[doc] = product;
    this.shop[doc] = this.shops.code(product.appid);
    this.category[doc] = product.category === undefined ? 0 : this.categories.code(product.category) + 1;
    let mask = 0;
    for (const guarantee of product.guarantees) mask |= 1 << (this.guaranteeCodes.code(guarantee) % maskBits);
    this.guaranteeMask[doc] = mask;
    let band = priceBandEdges.length - 1;
    while (band > 0 && product.minPrice < priceBandEdges[band]!) band -= 1;
    this.band[doc] = band;
    this.available[doc] = product.availability === 'available' ? 1 : 0;
    this.minPrice[doc] = product.minPrice;
    this.sales[doc] = product.sales;
  }

  plan(query: SearchQuery): FilterPlan {
    let guarantees = 0;
    let impossibleGuarantee = false;
    for (const guarantee of query.guarantees ?? []) {
      const code = this.guaranteeCodes.find(guarantee);
      if (code < 0) impossibleGuarantee = true;
      else guarantees |= 1 << (code % maskBits);
    }
    // An unknown shop or category gets a code no product has (-1): the category column's 0 means "no
    // category", which a filter on a category nobody has must not match.
    const category = query.category === undefined ? undefined : this.categories.find(query.category);
    return {
      query,
      shop: query.appid === undefined ? undefined : this.shops.find(query.appid),
      category: category === undefined || category < 0 ? category : category + 1,
      guarantees,
      impossibleGuarantee,
      wide: this.guaranteeCodes.values.length > maskBits,
    };
  }

  /** The filter dimensions a product fails, one bit each (0: it passes every filter). */
  failures(doc: number, plan: FilterPlan): number {
    const { query } = plan;
    let failed = 0;
    if (plan.shop !== undefined && this.shop[doc] !== plan.shop) failed |= shopBit;
    const price = this.minPrice[doc]!;
    if (
      (query.minPrice !== undefined && price < query.minPrice) ||
      (query.maxPrice !== undefined && price > query.maxPrice)
    ) {
      failed |= priceBit;
    }
    if (plan.wide) {
      const own = this.products[doc]!.guarantees;
      if (query.guarantees?.some((guarantee) => !own.includes(guarantee))) failed |= guaranteeBit;
    } else if (plan.impossibleGuarantee || (plan.guarantees & ~this.guaranteeMask[doc]!) !== 0) {
      failed |= guaranteeBit;
    }
    if (plan.category !== undefined && this.category[doc] !== plan.category) failed |= categoryBit;
    if (query.inStock === true && this.available[doc] === 0) failed |= stockBit;
    return failed;
  }

  /** `failures` of each matched product, in the same order. */
  failuresOf(matched: Int32Array, plan: FilterPlan): Uint8Array {
    const failed = new Uint8Array(matched.length);
    for (let i = 0; i < matched.length; i += 1) failed[i] = this.failures(matched[i]!, plan);
    return failed;
  }

  /**
   * Facet counts over every product the text matched (`matched`, in match order): each dimension counts
   * the products that pass every other filter (`failedAll`: their `failuresOf`). The same answer as
   * `computeFacets` over the products.
   */
  facets(matched: Int32Array, failedAll: Uint8Array, plan: FilterPlan): SearchFacets {
    if (plan.wide)
      return computeFacets(
        Array.from(matched, (doc) => this.products[doc]!),
        plan.query,
      );
    const categoryCounts = new Uint32Array(this.categories.values.length + 1);
    const shopCounts = new Uint32Array(this.shops.values.length);
    const shopLast = new Int32Array(this.shops.values.length);
    const guaranteeCounts = new Uint32Array(this.guaranteeCodes.values.length);
    const bandCounts = new Uint32Array(priceBandEdges.length);
    for (let i = 0; i < matched.length; i += 1) {
      const doc = matched[i]!;
      const failed = failedAll[i]!;
      if ((failed & ~categoryBit) === 0) categoryCounts[this.category[doc]!]! += 1;
      if ((failed & ~shopBit) === 0) {
        const shop = this.shop[doc]!;
        shopCounts[shop]! += 1;
        shopLast[shop] = doc;
      }
      if ((failed & ~guaranteeBit) === 0) {
        const mask = this.guaranteeMask[doc]!;
        for (let code = 0; code < guaranteeCounts.length; code += 1)
          if (mask & (1 << code)) guaranteeCounts[code]! += 1;
      }
      if ((failed & ~priceBit) === 0) bandCounts[this.band[doc]!]! += 1;
    }
    // Code 0 is "no category", which has no facet value.
    categoryCounts[0] = 0;
    const price: PriceBand[] = [];
    bandCounts.forEach((count, band) => {
      if (count === 0) return;
      const max = priceBandEdges[band + 1];
      price.push(
        max === undefined ? { min: priceBandEdges[band]!, count } : { min: priceBandEdges[band]!, max, count },
      );
    });
    return {
      category: ranked(['', ...this.categories.values], categoryCounts),
      shop: ranked(this.shops.values, shopCounts).map(({ value, count }) => ({
        value,
        // The name the last counted product gives its shop, as a product list would show it.
        name: this.products[shopLast[this.shops.find(value)]!]!.shop.name,
        count,
      })),
      guarantee: ranked(this.guaranteeCodes.values, guaranteeCounts),
      price,
    };
  }
}
