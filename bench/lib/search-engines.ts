/**
 * The engines `bench/search.bench.ts` compares, each behind one interface and each configured for
 * Chinese as its documentation or maintainers advise: a word tokenizer from `Intl.Segmenter('zh')` for
 * MiniSearch and Orama (what Orama's own mandarin tokenizer uses), FlexSearch's `Charset.CJK` encoder, and
 * Fuse.js as its README sets it up (fuzzy over the raw text, which needs no tokenizer). Filters and sorts,
 * which the peers would each express differently, are applied the same way to every peer's candidates.
 */
import Fuse from 'fuse.js';
import { Charset, Document as FlexDocument } from 'flexsearch';
import MiniSearch from 'minisearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { passesFilters, type Product, type SearchQuery } from '@xiaodian/model';
import { createSearchIndex } from '@xiaodian/model/search';

export interface Engine {
  name: string;
  build(products: readonly Product[]): void | Promise<void>;
  search(query: SearchQuery): readonly Product[] | Promise<readonly Product[]>;
}

export const engineNames = ['xiaodian', 'minisearch', 'flexsearch', 'orama', 'fuse'] as const;
export type EngineName = (typeof engineNames)[number];

/**
 * The engines a comma-separated list names, in the table's order (all of them when the list is unset or
 * empty); an unknown name is an error rather than a table silently missing a column.
 */
export function enginesNamed(list: string | undefined): EngineName[] {
  const wanted = (list ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = wanted.filter((name) => !(engineNames as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown search engine(s): ${unknown.join(', ')}. Engines: ${engineNames.join(', ')}`);
  }
  return wanted.length === 0 ? [...engineNames] : engineNames.filter((name) => wanted.includes(name));
}

/** How many candidates a peer returns before filters, sorts and the top 10. */
const peerLimit = 200;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
function segment(text: string): string[] {
  const words: string[] = [];
  for (const { segment: word, isWordLike } of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (isWordLike) words.push(word);
  }
  return words;
}

// A type alias, not an interface: FlexSearch's document type needs the index signature aliases have.
type Doc = {
  id: number;
  title: string;
  shortTitle: string;
  category: string;
  shop: string;
  attrs: string;
};

function docOf(product: Product, id: number): Doc {
  return {
    id,
    title: product.title,
    shortTitle: product.shortTitle ?? '',
    category: product.category ?? '',
    shop: product.shop.name,
    attrs: [...new Set(product.skus.flatMap((sku) => sku.attrs.map((attr) => attr.value)))].join(' '),
  };
}

/** Filters and the requested sort over a peer's candidates, best first; an empty query lists everything. */
function finish(
  products: readonly Product[],
  ids: readonly number[] | undefined,
  query: SearchQuery,
): readonly Product[] {
  const found = (ids ?? products.map((_, i) => i)).map((id) => products[id]!);
  const kept = found.filter((product) => product.availability !== 'unavailable' && passesFilters(product, query));
  const sort = query.sort ?? 'relevance';
  if (sort === 'sales') kept.sort((a, b) => b.sales - a.sales);
  if (sort === 'price_asc') kept.sort((a, b) => a.minPrice - b.minPrice);
  if (sort === 'price_desc') kept.sort((a, b) => b.minPrice - a.minPrice);
  return kept.slice(0, query.limit ?? 10);
}

export function createEngine(name: EngineName): Engine {
  let products: readonly Product[] = [];
  switch (name) {
    case 'xiaodian': {
      let index: ReturnType<typeof createSearchIndex> | undefined;
      return {
        name: 'this index',
        build(all) {
          index = createSearchIndex(all);
        },
        search: (query) => index!.search({ ...query, limit: query.limit ?? 10 }).items,
      };
    }
    case 'minisearch': {
      let index: MiniSearch<Doc> | undefined;
      return {
        name: 'MiniSearch 7.2.0',
        build(all) {
          products = all;
          index = new MiniSearch<Doc>({
            fields: ['title', 'shortTitle', 'category', 'shop', 'attrs'],
            tokenize: segment,
            searchOptions: { prefix: true, fuzzy: 0.2, boost: { shortTitle: 2, title: 1.5 }, combineWith: 'AND' },
          });
          index.addAll(all.map(docOf));
        },
        search(query) {
          if (query.q.trim() === '') return finish(products, undefined, query);
          const ids = index!
            .search(query.q)
            .slice(0, peerLimit)
            .map((result) => result.id as number);
          return finish(products, ids, query);
        },
      };
    }
    case 'flexsearch': {
      let index: FlexDocument<Doc> | undefined;
      return {
        name: 'FlexSearch 0.8.212',
        build(all) {
          products = all;
          index = new FlexDocument<Doc>({
            document: { id: 'id', index: ['shortTitle', 'title', 'category', 'shop', 'attrs'] },
            encoder: Charset.CJK,
            tokenize: 'forward',
          });
          for (const [i, product] of all.entries()) index.add(docOf(product, i));
        },
        search(query) {
          if (query.q.trim() === '') return finish(products, undefined, query);
          const results = index!.search(query.q, { limit: peerLimit, merge: true, suggest: true }) as unknown as Array<{
            id: number;
          }>;
          return finish(
            products,
            results.map((result) => result.id),
            query,
          );
        },
      };
    }
    case 'orama': {
      const schema = {
        title: 'string',
        shortTitle: 'string',
        category: 'string',
        shop: 'string',
        attrs: 'string',
        index: 'number',
      } as const;
      let db: ReturnType<typeof create<typeof schema>> | undefined;
      return {
        name: 'Orama 3.1.18',
        async build(all) {
          products = all;
          db = create({
            schema,
            components: { tokenizer: { language: 'mandarin', normalizationCache: new Map(), tokenize: segment } },
          });
          await insertMultiple(
            db,
            all.map((product, i) => {
              const { title, shortTitle, category, shop, attrs } = docOf(product, i);
              return { title, shortTitle, category, shop, attrs, index: i };
            }),
          );
        },
        async search(query) {
          if (query.q.trim() === '') return finish(products, undefined, query);
          const results = await oramaSearch(db!, {
            term: query.q,
            limit: peerLimit,
            tolerance: 1,
            boost: { shortTitle: 2, title: 1.5 },
          });
          return finish(
            products,
            results.hits.map((hit) => hit.document.index as number),
            query,
          );
        },
      };
    }
    case 'fuse': {
      let index: Fuse<Doc> | undefined;
      return {
        name: 'Fuse.js 7.5.0',
        build(all) {
          products = all;
          index = new Fuse(all.map(docOf), {
            keys: [{ name: 'shortTitle', weight: 2 }, { name: 'title', weight: 1.5 }, 'category', 'shop', 'attrs'],
            ignoreLocation: true,
            threshold: 0.4,
          });
        },
        search(query) {
          if (query.q.trim() === '') return finish(products, undefined, query);
          const ids = index!.search(query.q, { limit: peerLimit }).map((result) => result.item.id);
          return finish(products, ids, query);
        },
      };
    }
  }
}
