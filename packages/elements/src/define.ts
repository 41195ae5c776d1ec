// Registers every element. The store goes first so cards parsed inside it find their provider on upgrade.
import './store/define.js';
import './product-card/define.js';
import './shop-entry/define.js';
import './live-widget/define.js';
import { defineWhenSeen } from './internal/define-when-seen.js';

// The search elements are registered too, but their code (the box, the results grid and its tiles) loads
// only on a page that has one, so a page of cards does not download it (the whole kit's size budget in
// scripts/size-check.mjs counts what such a page loads). Their define modules load them at once.
defineWhenSeen({
  'xd-search': () => import('./search/define.js'),
  'xd-search-results': () => import('./search-results/define.js'),
  'xd-search-tile': () => import('./search-tile/define.js'),
});

// Their tags are typed with the others' (the define modules declare them in HTMLElementTagNameMap).
export type {} from './search/define.js';
export type {} from './search-results/define.js';
export type {} from './search-tile/define.js';
