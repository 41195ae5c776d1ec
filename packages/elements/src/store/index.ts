export { XdStore } from './store.js';
