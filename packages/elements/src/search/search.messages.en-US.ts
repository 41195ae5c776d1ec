import type { SearchMessages } from './search.messages.js';

export const enUS: SearchMessages = {
  label: 'Search products',
  placeholder: 'Search products and shops',
  suggestions: 'Suggestions',
  submit: 'Search',
  kinds: { query: 'Searches', product: 'Products', category: 'Categories', shop: 'Shops' },
};
