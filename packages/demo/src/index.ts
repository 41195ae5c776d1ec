export { createDemoBackend, type DemoBackend, type DemoBackendOptions } from './backend.js';
export { buildCatalog, defaultSeed, type DemoCatalog } from './catalog/index.js';
export { categories, type CategoryVocabulary } from './catalog/vocabulary.js';
export { offSaleStatuses } from './catalog/products.js';
export { catalogDate } from './catalog/shops.js';
export { realClock, steppingClock, type DemoClock } from './live/clock.js';
export { roomDefinitions, type RoomDefinition, type RoomScript } from './live/rooms.js';
export { retainedEvents } from './live/timeline.js';
export type { DemoImage } from './images.js';
