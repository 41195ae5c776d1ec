/**
 * The search index's answers, dumped one per line, to prove a speed change changes no answer: run it on
 * the build before and after, then compare the two files byte for byte.
 *
 * `node --import tsx bench/lib/search-golden.ts OUT.jsonl [MODULE] [LARGE]`
 *
 * MODULE is what to import `createSearchIndex` from (default `@xiaodian/model/search`, the built package;
 * give the path of an older build's `dist/search/index.js` to dump its answers). LARGE is the size of the
 * scaled catalog (default 100,000). The answers: the query suite's queries and broad ones (empty, one
 * letter, category words, long, punctuation, bad cursors…), each as typed, paged with cursors, in every
 * sort and under filters taken from its own facets; suggestions for their prefixes; the same after
 * upserts (new titles, prices, sold out, off sale, new products) and removes, and after the removed come
 * back; on the demo catalog, on 20,000 generated products, and the suite on LARGE generated products.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createDemoBackend } from '@xiaodian/demo';
import type { Product, SearchPage, SearchQuery } from '@xiaodian/model';
import type { SearchIndex, SearchIndexOptions } from '@xiaodian/model/search';
import { searchQueries } from '../../test/model/search-queries.ts';
import { scaledCatalog } from './search-catalog.ts';

type Create = (products: readonly Product[], options?: SearchIndexOptions) => SearchIndex;

const [out, modulePath = '@xiaodian/model/search', largeArgument = '100000'] = process.argv.slice(2);
if (!out) throw new Error('usage: search-golden.ts OUT.jsonl [MODULE] [LARGE]');
const specifier = modulePath.startsWith('/') ? pathToFileURL(modulePath).href : modulePath;
const { createSearchIndex } = (await import(specifier)) as { createSearchIndex: Create };

const lines: string[] = [];
const ref = (product: Product) => `${product.appid}/${product.productId}`;

function record(label: string, answer: () => unknown) {
  let value: unknown;
  try {
    value = answer();
  } catch (error) {
    value = { error: error instanceof Error ? error.message : String(error) };
  }
  lines.push(JSON.stringify([label, value]));
}

function page(index: SearchIndex, query: SearchQuery): unknown {
  const found: SearchPage = index.search(query);
  return { ...found, items: found.items.map(ref) };
}

/** Queries shoppers type beyond the suite: the broad, the odd and the malformed. */
const extraTexts = [
  '',
  '   ',
  'a',
  't',
  's',
  'f',
  'fs',
  'fang',
  'fangs',
  '美妆',
  '服饰',
  '食品',
  '女',
  '新款',
  '礼盒',
  '茶',
  '防晒',
  '防晒衣女',
  '防晒衣 女 夏季 轻薄',
  '山野防晒衣冲锋衣羽绒服',
  '螺丝粉',
  '羽絨服',
  'ＵＰＦ５０',
  'upf',
  'upf50',
  '50',
  '2024',
  'xl',
  'shanye',
  'lanya erji',
  '蓝牙erji',
  'chong2dian4bao3',
  'yújiādiàn',
  '!!!',
  '防晒衣！！',
  'zzzz',
  '火箭发动机',
  'iphone',
  'qwertyuiopasdfgh',
  '的',
];

function baseQueries(): SearchQuery[] {
  const seen = new Set<string>();
  const queries: SearchQuery[] = [];
  for (const query of [...searchQueries.map((judged) => judged.query), ...extraTexts.map((q) => ({ q }))]) {
    const key = JSON.stringify(query);
    if (seen.has(key)) continue;
    seen.add(key);
    queries.push(query);
  }
  return queries;
}

/** A query as typed, paged, sorted each way, and under filters its own facets offer. */
function variants(index: SearchIndex, query: SearchQuery): Array<[string, SearchQuery]> {
  const found = index.search(query);
  const list: Array<[string, SearchQuery]> = [
    ['typed', query],
    ['page1', { ...query, limit: 10 }],
    ['page2', { ...query, limit: 10, cursor: '10' }],
    ['odd page', { ...query, limit: 3, cursor: '7' }],
    ['past the end', { ...query, limit: 5, cursor: '100000' }],
    ['bad cursor', { ...query, cursor: 'x1' }],
  ];
  for (const sort of ['relevance', 'sales', 'price_asc', 'price_desc'] as const) {
    list.push([`sort ${sort}`, { ...query, sort, limit: 7 }]);
  }
  const { category, shop, guarantee, price } = found.facets;
  const band = price[Math.floor(price.length / 2)];
  const filters: SearchQuery = { ...query, limit: 12, inStock: true };
  if (category[0]) list.push(['category', { ...query, category: category[0].value, limit: 8 }]);
  if (shop.length > 0) {
    const appid = shop[shop.length - 1]!.value;
    list.push(['shop', { ...query, appid, limit: 8 }]);
    filters.appid = shop[0]!.value;
  }
  if (guarantee[0]) {
    list.push(['guarantee', { ...query, guarantees: [guarantee[0].value as 'seven_day_return'], limit: 8 }]);
  }
  if (band) {
    const priced = { ...query, minPrice: band.min, ...(band.max === undefined ? {} : { maxPrice: band.max }) };
    list.push(['price', { ...priced, limit: 8, sort: 'price_desc' }]);
    filters.minPrice = band.min;
  }
  list.push(['in stock', { ...query, inStock: true, limit: 8 }]);
  list.push(['every filter', filters]);
  list.push(['unknown shop', { ...query, appid: 'wx0000000000000000', limit: 5 }]);
  list.push(['unknown guarantee', { ...query, guarantees: ['nope' as 'seven_day_return'], limit: 5 }]);
  return list;
}

function prefixes(text: string): string[] {
  const chars = Array.from(text);
  return [1, 2, 3, 5].filter((length) => length <= chars.length).map((length) => chars.slice(0, length).join(''));
}

function dumpQueries(label: string, index: SearchIndex, queries: readonly SearchQuery[], full: boolean) {
  for (const query of queries) {
    if (!full) {
      record(`${label} ${JSON.stringify(query)}`, () => page(index, query));
      record(`${label} sales ${JSON.stringify(query)}`, () => page(index, { ...query, sort: 'sales', limit: 5 }));
      continue;
    }
    for (const [name, variant] of variants(index, query)) {
      record(`${label} ${name} ${JSON.stringify(variant)}`, () => page(index, variant));
    }
  }
}

function dumpSuggestions(label: string, index: SearchIndex, queries: readonly SearchQuery[]) {
  const asked = new Set<string>();
  for (const query of queries) {
    for (const prefix of prefixes(query.q)) {
      if (asked.has(prefix)) continue;
      asked.add(prefix);
      record(`${label} suggest ${prefix}`, () => index.suggest(prefix));
    }
  }
}

/** Changes a product push could bring, chosen by position so every run makes the same ones. */
function changed(product: Product, i: number): Product {
  switch (i % 5) {
    case 0:
      return { ...product, title: `${product.title} 新款 防晒 UPF50+`, shortTitle: '夏季新款' };
    case 1:
      return { ...product, minPrice: product.minPrice + 1234, sales: product.sales + 99_999 };
    case 2:
      return { ...product, availability: 'sold_out' };
    case 3:
      return { ...product, availability: 'unavailable' };
    default:
      return { ...product, productId: `${product.productId}9`, title: `羽绒服 ${product.title}` };
  }
}

function dumpCatalog(label: string, products: readonly Product[], queries: readonly SearchQuery[]) {
  const index = createSearchIndex(products);
  record(`${label} size`, () => index.size);
  dumpQueries(label, index, queries, true);
  dumpSuggestions(label, index, queries);
  const removed = products.filter((_, i) => i % 6 === 1);
  for (const product of removed) index.remove(product);
  index.remove({ appid: 'wx0000000000000000', productId: 'none' });
  products.forEach((product, i) => {
    if (i % 11 === 3) index.upsert(changed(product, i));
  });
  record(`${label} size after changes`, () => index.size);
  dumpQueries(`${label} changed`, index, queries, false);
  dumpSuggestions(`${label} changed`, index, queries);
  for (const product of removed) index.upsert(product);
  record(`${label} size after return`, () => index.size);
  dumpQueries(`${label} returned`, index, queries, false);
}

const queries = baseQueries();
dumpCatalog('demo', createDemoBackend().products, queries);
dumpCatalog('20k', scaledCatalog(20_000), queries);
const large = Number(largeArgument);
const largeIndex = createSearchIndex(scaledCatalog(large));
for (const query of queries) {
  for (const variant of [
    { ...query, limit: 10 },
    { ...query, limit: 20, cursor: '20' },
  ]) {
    record(`${large} ${JSON.stringify(variant)}`, () => page(largeIndex, variant));
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} answers to ${out}`);
