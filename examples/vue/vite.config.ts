// Builds the Vue example for test/e2e/framework-examples.test.ts (kept out of the root site's Vite build).
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('xd-') } } })],
  // Relative asset URLs: the test serves the built page from a sub-folder.
  base: './',
  build: { emptyOutDir: true },
  logLevel: 'warn',
});
