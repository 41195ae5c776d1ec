import { Hono } from 'hono';
import type { SearchQuery } from '@xiaodian/model';
import { BadRequest } from '../http/errors.js';
import { readAppid, readGuarantees, readInteger, readPage, readSort, readText } from '../http/params.js';
import { method, sendCached, type RouteDeps } from './deps.js';

/** Prices beyond ¥10,000,000 are not a filter anyone means. */
const maxPriceFen = 1_000_000_000;

/**
 * `GET /v1/search?q=&appid=&sort=&min_price=&max_price=&guarantee=&category=&in_stock=1&cursor=&limit=` →
 * `{items, total, nextCursor?, hits, facets, didYouMean?}`, and `GET /v1/search/suggest?q=`.
 */
export function searchRoutes(deps: RouteDeps): Hono {
  return new Hono()
    .get('/', (c) => {
      const query = readSearchQuery((name) => c.req.query(name), c.req.queries('guarantee'));
      const search = method(deps, 'search');
      return sendCached(c, deps, 'search', canonicalKey(query), () => search(query));
    })
    .get('/suggest', (c) => {
      const prefix = readText(c.req.query('q'), 'q', { required: true });
      const suggest = method(deps, 'suggest');
      return sendCached(c, deps, 'suggest', prefix, async () => ({ suggestions: await suggest(prefix) }));
    });
}

export function readSearchQuery(query: (name: string) => string | undefined, guarantee?: string[]): SearchQuery {
  const appid = query('appid');
  const result: SearchQuery = {
    q: readText(query('q'), 'q', { required: appid === undefined || appid === '' }),
    ...readPage(query),
  };
  if (appid !== undefined && appid !== '') result.appid = readAppid(appid);
  const sort = readSort(query('sort'));
  if (sort) result.sort = sort;
  const minPrice = readInteger(query('min_price'), 'min_price', 0, maxPriceFen);
  const maxPrice = readInteger(query('max_price'), 'max_price', 0, maxPriceFen);
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) {
    throw new BadRequest(`"min_price" (${minPrice}) is above "max_price" (${maxPrice}); prices are in fen`);
  }
  if (minPrice !== undefined) result.minPrice = minPrice;
  if (maxPrice !== undefined) result.maxPrice = maxPrice;
  const guarantees = readGuarantees(guarantee);
  if (guarantees) result.guarantees = guarantees;
  const category = readText(query('category'), 'category', { required: false });
  if (category !== '') result.category = category;
  const inStock = query('in_stock');
  if (inStock !== undefined && inStock !== '' && inStock !== '0') {
    if (inStock !== '1')
      throw new BadRequest(
        `"in_stock" must be 1 (only products in stock) or 0; got ${JSON.stringify(inStock.slice(0, 60))}`,
      );
    result.inStock = true;
  }
  return result;
}

/** Equal queries written differently (parameter order, guarantee order) share one cache entry. */
function canonicalKey(query: SearchQuery): string {
  return JSON.stringify([
    query.q,
    query.appid ?? '',
    query.sort ?? 'relevance',
    query.minPrice ?? '',
    query.maxPrice ?? '',
    [...(query.guarantees ?? [])].sort(),
    query.category ?? '',
    query.inStock === true,
    query.cursor ?? '',
    query.limit,
  ]);
}
