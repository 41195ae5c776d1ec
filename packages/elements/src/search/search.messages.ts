import type { SuggestionKind } from '@xiaodian/model';
import { localizedCatalog } from '../internal/i18n.js';

export const zhCN = {
  label: '搜索商品',
  placeholder: '搜索商品、店铺',
  suggestions: '搜索建议',
  submit: '搜索',
  kinds: { query: '猜你想搜', product: '商品', category: '分类', shop: '店铺' } satisfies Record<
    SuggestionKind,
    string
  >,
};
export type SearchMessages = typeof zhCN;

/** English loads on demand: most pages are Chinese, and they need not download it. */
export const searchMessages = localizedCatalog(zhCN, async () => (await import('./search.messages.en-US.js')).enUS);
