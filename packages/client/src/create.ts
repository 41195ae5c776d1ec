// What an element needs to make a client, without the package's index: esbuild assigns every module the
// index re-exports (the SSE parser, shared requests) to the first chunk of any page that imports it, even
// when only a lazily loaded module uses them, so the elements import from here.
export { createClient, type XiaodianClient } from './client.js';
export { webStorageStore } from './cache/persistent-store.js';
