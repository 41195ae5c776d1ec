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
import { chromium, type Browser } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { createDemoBackend } from '@xiaodian/demo';
import { startGateway, type RunningGateway } from '@xiaodian/gateway';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const examples = join(root, 'examples');
const backend = createDemoBackend();
const product = backend.products.find((p) => p.appid === 'wx3f8a2c1d9e7b6a54' && p.productId === '10000201001001')!;

describe('the React and Vue examples', () => {
  const site = mkdtempSync(join(tmpdir(), 'xd-framework-examples-'));
  let gateway: RunningGateway;
  let browser: Browser;

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
    gateway = await startGateway({
      backend,
      assets: (path) => backend.renderImage(path),
      port: 0,
      host: '127.0.0.1',
      staticDir: site,
      log: false,
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000 });
  });

  after(async () => {
    await browser?.close();
    await gateway?.close();
    rmSync(site, { recursive: true, force: true });
  });

  for (const framework of ['react', 'vue']) {
    it(`${framework}: renders the cards with pictures, sets properties, and the app receives the intent`, async () => {
      const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
      const problems: string[] = [];
      page.on('console', (m) => ['warning', 'error'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      try {
        await page.goto(`${gateway.url}/${framework}/index.html`, { waitUntil: 'load', timeout: 15_000 });
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
