// `node scripts/screenshot.mjs [page?query ...]`: serves the built site (npm run build) with the demo
// gateway on a loopback port and saves full-page PNGs at 375 px to .screenshots/, for looking at what
// was built (SITE=storybook-static for Storybook's iframe.html pages). Default: the gallery in each variant, both languages and dark mode, and the article.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createDemoBackend } from '@xiaodian/demo';
import { startGateway } from '@xiaodian/gateway';
import { chromiumArgs, chromiumPath } from './lib/chromium.mjs';

const pages = process.argv.slice(2);
if (pages.length === 0) {
  for (const variant of ['large', 'small', 'strip', 'text']) pages.push(`gallery.html?variant=${variant}`);
  pages.push('gallery.html?variant=small&lang=en-US', 'gallery.html?variant=large&theme=dark', 'article.html');
}
mkdirSync('.screenshots', { recursive: true });
const backend = createDemoBackend();
const gateway = await startGateway({
  backend,
  assets: (path) => backend.renderImage(path),
  port: 0,
  host: '127.0.0.1',
  staticDir: process.env.SITE ?? 'dist/site',
  log: false,
});
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000 });
try {
  for (const path of pages) {
    const dark = path.includes('theme=dark');
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, colorScheme: dark ? 'dark' : 'light' });
    page.on('pageerror', (error) => console.error(`${path}: ${error.message}`));
    page.on(
      'response',
      (response) => response.status() >= 400 && console.error(`${path}: ${response.status()} ${response.url()}`),
    );
    // A live page keeps its event stream open, so the network never goes idle: wait for its widgets instead.
    const live = path.startsWith('live');
    await page.goto(`${gateway.url}/${path}`, { waitUntil: live ? 'load' : 'networkidle', timeout: 20_000 });
    if (live) await page.waitForFunction(() => !document.querySelector('xd-live-widget:not([live-status])'));
    await page.waitForTimeout(500);
    // In slices of one phone screen, so each can be looked at at its real size.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, n = 1; y < height; y += 812, n += 1) {
      const file = `.screenshots/${path.replace(/[^\w-]+/g, '_')}-${n}.png`;
      await page.screenshot({
        path: file,
        fullPage: true,
        clip: { x: 0, y, width: 375, height: Math.min(812, height - y) },
      });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await gateway.close();
}
