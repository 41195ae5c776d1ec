// Backends for the search elements' tests and stories: synthetic result sets of any size, answers the test
// releases by hand, and recorded calls, all over the in-process demo catalog.
import { createClient, type XiaodianClient } from '@xiaodian/client';
import {
  XiaodianError,
  type Product,
  type SearchFacets,
  type SearchPage,
  type SearchQuery,
  type Suggestion,
} from '@xiaodian/model';
import { demo } from './fixtures.js';

const onSale = demo.products.filter((p) => p.availability === 'available');

/** The i-th of a synthetic result set: a demo product under a new id (valid, so the client keeps it). */
export function syntheticProduct(i: number, title?: string): Product {
  const base = onSale[i % onSale.length]!;
  return { ...base, productId: String(20_000_000_000_000 + i), title: title ?? `${base.title} #${i}` };
}

export const facets: SearchFacets = {
  category: [
    { value: '防晒衣', count: 7 },
    { value: '帐篷', count: 3 },
  ],
  shop: [{ value: onSale[0]!.appid, name: onSale[0]!.shop.name, count: 10 }],
  guarantee: [{ value: 'seven_day_return', count: 9 }],
  price: [
    { min: 0, max: 10_000, count: 4 },
    { min: 10_000, count: 6 },
  ],
};

export interface SearchBackendOptions {
  /** How many results every query has (a query `nothing…` has none), or per query. */
  total?: number | ((q: string) => number);
  /** Titles of the results, in order (the rest synthetic). */
  titles?: string[];
  didYouMean?: string;
  /** Suggestions for every prefix, or per prefix. */
  suggestions?: Suggestion[] | ((prefix: string) => Suggestion[]);
}

/** A search backend with `total` results per query, paged by `limit` with numeric cursors; it records calls. */
export function searchBackend(options: SearchBackendOptions = {}) {
  const queries: SearchQuery[] = [];
  const prefixes: string[] = [];
  let gate: Promise<void> | undefined;
  let answered = 0;
  let suggestGate: Promise<void> | undefined;
  const backend = {
    getProducts: demo.getProducts.bind(demo),
    async search(query: SearchQuery): Promise<SearchPage> {
      queries.push(query);
      const held = gate; // the gate at the time of the call: later calls may go through
      if (held) await held;
      answered += 1;
      const { total: totalOf = 100 } = options;
      const total = query.q.startsWith('nothing') ? 0 : typeof totalOf === 'function' ? totalOf(query.q) : totalOf;
      const start = Number(query.cursor ?? 0);
      const end = Math.min(total, start + (query.limit ?? 20));
      const items: Product[] = [];
      for (let i = start; i < end; i += 1) items.push(syntheticProduct(i, options.titles?.[i]));
      return {
        items,
        total,
        ...(end < total ? { nextCursor: String(end) } : {}),
        hits: items.map((item) => ({
          kind: 'exact' as const,
          titleRanges: [[0, Math.min(2, item.title.length)] as const],
        })),
        facets: total ? facets : { category: [], shop: [], guarantee: [], price: [] },
        ...(total === 0 && options.didYouMean ? { didYouMean: options.didYouMean } : {}),
      };
    },
    async suggest(prefix: string) {
      prefixes.push(prefix);
      const held = suggestGate;
      if (held) await held;
      const { suggestions = [] } = options;
      return typeof suggestions === 'function' ? suggestions(prefix) : suggestions;
    },
  };
  return {
    client: createClient({ backend, retry: false }) as XiaodianClient,
    queries,
    prefixes,
    /** Holds the answers to the calls made from now until `letThrough()`; returns their release. */
    hold(): () => void {
      let release = () => {};
      gate = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
    letThrough() {
      gate = undefined;
      suggestGate = undefined;
    },
    /** Holds the suggestions asked for from now until `letThrough()`; returns their release. */
    holdSuggestions(): () => void {
      let release = () => {};
      suggestGate = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
    /** Search answers the backend has given (held ones count once released). */
    get answered() {
      return answered;
    },
  };
}

/** A search backend the network cannot reach: the offline state. */
const unreachable = () => Promise.reject(new XiaodianError('offline', 'The gateway cannot be reached'));
export const offlineSearchClient: XiaodianClient = createClient({
  backend: { getProducts: unreachable, search: unreachable, suggest: unreachable },
  retry: false,
});
