export { createClient, type ClientOptions, type ClientStats, type XiaodianClient } from './client.js';
export { createHttpBackend, type FetchLike, type HttpBackendOptions } from './http-backend.js';
export { createBatcher, type Batcher } from './batcher.js';
