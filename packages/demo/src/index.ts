export { createDemoBackend, type DemoBackend, type DemoBackendOptions } from './backend.js';
export { buildDemoCatalog, demoShopSeeds, type DemoCatalogEntry, type DemoShopSeed } from './catalog.js';
