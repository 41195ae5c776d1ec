export { createDemoBackend, type DemoBackend, type DemoBackendOptions } from './backend.js';
export { buildCatalog, defaultSeed, type DemoCatalog } from './catalog/index.js';
export { categories, type CategoryVocabulary } from './catalog/vocabulary.js';
export { offSaleStatuses } from './catalog/products.js';
export { catalogDate } from './catalog/shops.js';
export { manualClock, realClock, steppingClock, type DemoClock } from './live/clock.js';
export {
  demoLiveAccounts,
  roomDefinitions,
  scriptedLive,
  scriptedLiveSteps,
  type DemoLiveAccount,
  type DemoLiveState,
  type RoomDefinition,
  type RoomScript,
  type ScriptedLiveStep,
} from './live/rooms.js';
export { retainedEvents } from './live/timeline.js';
export type { DemoImage } from './images.js';
export { seededRandom } from './random.js';
