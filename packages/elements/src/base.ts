// `@xiaodian/elements/base`: what an author of a new Xiaodian element builds on (see
// docs/writing-an-element.md). Pages and apps need none of it; they import the elements themselves.
export { XdElement } from './internal/element.js';
export {
  DataController,
  dataStates,
  type DataOptions,
  type DataState,
  type Loaded,
  type Task,
  type TaskContext,
} from './internal/data-controller.js';
export { debounced, type Scheduler } from './internal/debounce.js';
export { ImpressionController } from './internal/impression-controller.js';
export { defineElement } from './internal/define.js';
export { elementsVersion } from './internal/version.js';
export { clientContext, clientFor } from './internal/context.js';
export { formatCount, localizedCatalog, resolveLocale, type LocalizedCatalog } from './internal/i18n.js';
export { renderPending, type PendingMessages } from './internal/pending-view.js';
export { boxStyles } from './internal/box.styles.js';
export { tokenStyles } from './theme/tokens.styles.js';
export { activate } from './intents/activate.js';
