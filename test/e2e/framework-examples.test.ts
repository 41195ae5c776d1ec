// examples/react (React 19) and examples/vue (Vue 3) as an app's developer would use them: built (esbuild,
// Vite with the Vue plugin) and rendered in Chromium against the demo gateway, intents handled by the app.
// The static suite type-checks them (and examples/mini-program): scripts/lib/static-suite.mjs.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import { startSite, visit, type Site } from './harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const examples = join(root, 'examples');
const ref = { appid: 'wx3f8a2c1d9e7b6a54', productId: '10000201001001' };

describe('the React and Vue examples', () => {
  const site = mkdtempSync(join(tmpdir(), 'xd-framework-examples-'));
  let running: Site;

  before(async () => {
    await esbuild.build({
      entryPoints: [join(examples, 'react/src/main.tsx')],
      outdir: join(site, 'react'),
      bundle: true,
      format: 'esm',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    });
    copyFileSync(join(examples, 'react/index.html'), join(site, 'react/index.html'));
    await viteBuild({ configFile: join(examples, 'vue/vite.config.ts'), build: { outDir: join(site, 'vue') } });
    running = await startSite(site);
  });

  after(async () => {
    await running?.close();
    rmSync(site, { recursive: true, force: true });
  });

  for (const framework of ['react', 'vue']) {
    it(`${framework}: renders the cards with pictures, sets properties, and the app receives the intent`, async () => {
      const { gateway, browser, backend } = running;
      const product = backend.products.find((p) => p.appid === ref.appid && p.productId === ref.productId)!;
      const { page, problems } = await visit(browser, `${gateway.url}/${framework}/index.html`);
      try {
        const settled = () =>
          page.waitForFunction(
            (count) => {
              const els = [...document.querySelectorAll('xd-product-card, xd-shop-entry')];
              return els.length === count && els.every((el) => el.getAttribute('state') === 'ready');
            },
            3,
            { timeout: 15_000 },
          );
        await settled();
        const image = page.locator('xd-product-card').first().locator('img').first();
        assert.ok(await image.evaluate(async (img: HTMLImageElement) => (await img.decode(), img.naturalWidth > 0)));

        // The app's state reaches the elements (React and Vue set `variant` on them).
        await page.click('button');
        await page.waitForFunction(() =>
          [...document.querySelectorAll('xd-product-card')].every((el) => el.getAttribute('variant') === 'small'),
        );
        await settled();

        await page.locator('xd-product-card').first().click();
        await page.waitForFunction(() => (document.getElementById('opened')?.textContent ?? '') !== '');
        assert.equal(
          await page.textContent('#opened'),
          `product ${product.appid}:${product.productId} ${product.title}`,
        );
        assert.equal(page.url(), `${gateway.url}/${framework}/index.html`, 'the app handled the intent: no navigation');
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }
});
