import type { SearchSort } from '@xiaodian/model';
import { localizedCatalog } from '../internal/i18n.js';
import type { SearchTileLayout } from '../search-tile/search-tile.options.js';

export const zhCN = {
  results: '搜索结果',
  controls: '排序和筛选',
  loading: '正在搜索',
  updating: '正在更新结果…',
  idle: '输入关键词搜索商品',
  count: (count: string) => `共 ${count} 件商品`,
  noResults: (query: string) => `没有找到“${query}”相关的商品`,
  didYouMean: '你是不是要找：',
  trySuggestions: '试试：',
  loadFailed: '搜索失败',
  offline: '网络不可用',
  moreFailed: '更多结果加载失败',
  retry: '重试',
  retryLabel: '重试搜索',
  sort: '排序',
  sorts: { relevance: '综合', sales: '销量', price_asc: '价格从低到高', price_desc: '价格从高到低' } satisfies Record<
    SearchSort,
    string
  >,
  layout: '显示方式',
  layouts: { grid: '网格', list: '列表' } satisfies Record<SearchTileLayout, string>,
  category: '分类',
  allCategories: '全部分类',
  shop: '店铺',
  allShops: '全部店铺',
  guarantee: '服务',
  anyGuarantee: '全部服务',
  price: '价格',
  anyPrice: '全部价格',
  priceFrom: (min: string) => `${min}以上`,
  inStock: '仅看有货',
  withCount: (label: string, count: string) => `${label} (${count})`,
};
export type SearchResultsMessages = typeof zhCN;

/** English loads on demand: most pages are Chinese, and they need not download it. */
export const searchResultsMessages = localizedCatalog(
  zhCN,
  async () => (await import('./search-results.messages.en-US.js')).enUS,
);
