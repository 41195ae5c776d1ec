import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const examples = resolve(import.meta.dirname, 'examples');

/** Every `examples/*.html` page is an entry of the multi-page site the gateway serves. */
const pages = Object.fromEntries(
  readdirSync(examples)
    .filter((file) => file.endsWith('.html'))
    .map((file) => [file.replace(/\.html$/, ''), resolve(examples, file)]),
);

/** The kit's icon (a white bag on WeChat green), as a data URI: no /favicon.ico request, and no 404, on any page. */
const iconHref =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%2307c160'/%3E%3Cpath d='M9 12h14l-1.5 12h-11z' fill='%23fff'/%3E%3Cpath d='M12.5 12a3.5 3.5 0 0 1 7 0' stroke='%23fff' stroke-width='2' fill='none'/%3E%3C/svg%3E";

/** Gives every page the icon in one place, unless the page names its own. */
function siteIcon(): Plugin {
  return {
    name: 'xiaodian-site-icon',
    transformIndexHtml(html) {
      if (/<link[^>]+rel=["']?[^"'>]*\bicon\b/i.test(html)) return html;
      return [{ tag: 'link', attrs: { rel: 'icon', type: 'image/svg+xml', href: iconHref }, injectTo: 'head' }];
    },
  };
}

export default defineConfig({
  root: examples,
  plugins: [siteIcon()],
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
