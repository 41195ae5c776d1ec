import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const examples = resolve(import.meta.dirname, 'examples');

/** Every `examples/*.html` page is an entry of the multi-page site the gateway serves. */
const pages = Object.fromEntries(
  readdirSync(examples)
    .filter((file) => file.endsWith('.html'))
    .map((file) => [file.replace(/\.html$/, ''), resolve(examples, file)]),
);

export default defineConfig({
  root: examples,
  build: {
    outDir: resolve(import.meta.dirname, 'dist/site'),
    emptyOutDir: true,
    rollupOptions: { input: pages },
  },
  server: {
    host: '127.0.0.1',
    // During `vite` development the API comes from a gateway started beside it.
    proxy: { '/v1': 'http://127.0.0.1:8787' },
  },
});
