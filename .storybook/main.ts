import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // Docs: a page per element from custom-elements.json. A11y: axe on every story (its panel, and the
  // storybook end-to-end test fails on a violation).
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(viteConfig) {
    viteConfig.build ??= {};
    // The chunks over Vite's 500 kB default are Storybook's own, each shipped prebundled as one module that
    // no split can divide: its preview runtime (storybook/dist/preview/runtime.js, about 960 kB minified),
    // the docs renderer with React (about 1,040 kB) and axe-core for the a11y addon (about 660 kB). The
    // stories' chunks (elements, client, demo catalog) stay under 500 kB: test/e2e/storybook.test.ts checks.
    viteConfig.build.chunkSizeWarningLimit = 1100;
    viteConfig.build.rolldownOptions ??= {};
    viteConfig.build.rolldownOptions.checks = {
      ...viteConfig.build.rolldownOptions.checks,
      // The shop entry imports the live widget lazily, so a page with only shop entries loads it when a
      // linked account is live (the size suite holds apps to that). Storybook shows the live widget's own
      // stories too, so here it is in the bundle anyway: the warning says nothing about the kit.
      ineffectiveDynamicImport: false,
      // How long plugins took: on a busy machine (npm test runs suites side by side) the build says so, which
      // is about the machine, not about the stories. The storybook end-to-end test fails on any warning.
      bundlerTimings: false,
    };
    viteConfig.resolve ??= {};
    viteConfig.resolve.alias = [
      ...(Array.isArray(viteConfig.resolve.alias)
        ? viteConfig.resolve.alias
        : Object.entries(viteConfig.resolve.alias ?? {}).map(([find, replacement]) => ({ find, replacement }))),
      { find: /^path$/, replacement: fileURLToPath(new URL('./node-path-stub.ts', import.meta.url)) },
    ];
    return viteConfig;
  },
};

export default config;
