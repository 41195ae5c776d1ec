/**
 * What the search diagnostics (search-slowest.ts, search-allocation.ts) start from: an index built from
 * `module` (an older build's dist/search/index.js to compare with) on the scaled catalog, and the suite's
 * queries (or only `only`), each run once so that V8 has compiled them before anything is measured.
 */
import { pathToFileURL } from 'node:url';
import type { Product, SearchQuery } from '@xiaodian/model';
import type { SearchIndex } from '@xiaodian/model/search';
import { searchQueries } from '../../test/model/search-queries.ts';
import { scaledCatalog } from './search-catalog.ts';

export async function warmedIndex(
  modulePath: string,
  size: number,
  only: string | undefined,
): Promise<{ index: SearchIndex; queries: SearchQuery[] }> {
  const specifier = modulePath.startsWith('/') ? pathToFileURL(modulePath).href : modulePath;
  const { createSearchIndex } = (await import(specifier)) as {
    createSearchIndex: (products: readonly Product[]) => SearchIndex;
  };
  const index = createSearchIndex(scaledCatalog(size));
  let queries: SearchQuery[] = searchQueries.map((judged) => ({ ...judged.query, limit: 10 }));
  if (only !== undefined) queries = queries.filter((query) => query.q === only);
  if (queries.length === 0) queries = [{ q: only ?? '', limit: 10 }];
  for (const query of queries) index.search(query);
  return { index, queries };
}
