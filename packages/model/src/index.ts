export * from './errors.js';
export * from './money.js';
export * from './refs.js';
export * from './ref-links.js';
export * from './pasted-ref.js';
export * from './backend.js';
// The product limit lives without zod, exported from here directly so that no bundler pulls zod in for it.
export * from './limits.js';
export * from './api.js';
export * from './api-resources.js';
export * from './domain/common.js';
// Straight from its zod-free module: a re-export through product.ts makes esbuild keep that module's schemas.
export * from './domain/product-status.js';
export * from './domain/product.js';
export * from './domain/shop.js';
export * from './domain/live.js';
// Applying events needs no schema: kept apart, and exported from here directly, so no bundler pulls zod in.
export * from './domain/live-apply.js';
export * from './domain/search.js';
export * from './wechat/scalars.js';
export * from './wechat/envelope.js';
export * from './wechat/product.js';
export * from './wechat/shop.js';
export * from './wechat/live.js';
export * from './wechat/to-domain.js';
export * from './article.js';
// Kept apart from the resolver: the link upgrader in the browser needs only these.
export * from './text-links.js';
export * from './json-schemas.js';
// The search index (and its pinyin and traditional-Chinese dictionaries) is `@xiaodian/model/search`, so
// that no element bundle can reach it; facet counting has no dictionary and stays here.
export * from './search/facets.js';
