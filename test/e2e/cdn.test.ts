// The CDN build (scripts/build-cdn.mjs) in Chromium: the no-build example page, and the entry modules loaded
// alone, in any order and together, as `npm start` serves them under /cdn/xiaodian-elements@<version>/.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { siteDir, startSite, visit, type Site } from './harness.js';

const { version } = JSON.parse(
  readFileSync(new URL('../../packages/elements/package.json', import.meta.url), 'utf8'),
) as { version: string };
const cdn = `/cdn/xiaodian-elements@${version}`;
const ref = { appid: 'wx3f8a2c1d9e7b6a54', productId: '10000201001001' };

/** Waits until every data-bound element on the page has settled, and returns their states. */
async function settledStates(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('xd-product-card, xd-shop-entry')].every((el) =>
        ['ready', 'error'].includes(el.getAttribute('state') ?? ''),
      ),
    undefined,
    { timeout: 15_000 },
  );
  return page.$$eval('xd-product-card, xd-shop-entry', (els) => els.map((el) => el.getAttribute('state') ?? ''));
}

describe('the CDN build', () => {
  let site: Site;
  let browser: Browser;
  let gateway: Site['gateway'];

  before(async () => {
    assert.ok(existsSync(`${siteDir}cdn.html`), 'the examples are built (npm run build)');
    site = await startSite();
    ({ browser, gateway } = site);
  });

  after(async () => {
    await site?.close();
  });

  it('renders the no-build example (SRI-checked modules) with its pictures, and hands intents to the page', async () => {
    const { page, problems } = await visit(browser, `${gateway.url}/cdn.html`);
    try {
      const integrity = await page.$$eval(`script[src^="${cdn}/"]`, (scripts) =>
        scripts.map((s) => s.getAttribute('integrity') ?? ''),
      );
      assert.equal(integrity.length, 2);
      for (const hash of integrity) assert.match(hash, /^sha384-[A-Za-z0-9+/]{64}$/);
      assert.deepEqual(await settledStates(page), ['ready', 'ready', 'ready']);
      const card = page.locator('xd-product-card').first();
      await card
        .locator('img')
        .first()
        .evaluate((img: HTMLImageElement) => img.decode());
      assert.ok(
        await card
          .locator('img')
          .first()
          .evaluate((img: HTMLImageElement) => img.naturalWidth > 0),
      );
      await card.click();
      await page.waitForFunction(() => document.getElementById('intent')?.textContent !== '');
      assert.equal(await page.textContent('#intent'), `product ${ref.appid}:${ref.productId}`);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  const orders: string[][] = [
    ['product-card.js'],
    ['shop-entry.js'],
    ['xiaodian-elements.js'],
    ['xiaodian-elements.js', 'product-card.js'],
    ['product-card.js', 'shop-entry.js', 'store.js', 'xiaodian-elements.js'],
  ];
  for (const files of orders) {
    it(`${files.join(' then ')}: each tag defined once, no warning, the cards load`, async () => {
      const scripts = files.map((file) => `<script type="module" src="${cdn}/${file}"></script>`).join('\n');
      const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${scripts}</head><body>
        <xd-product-card appid="${ref.appid}" product-id="${ref.productId}"></xd-product-card>
        <xd-shop-entry appid="${ref.appid}"></xd-shop-entry></body></html>`;
      const { page, problems } = await visit(browser, `${gateway.url}/cdn-order.html`, { html });
      try {
        const loads = (file: string) => files.includes(file) || files.includes('xiaodian-elements.js');
        const expected = [...(loads('product-card.js') ? ['ready'] : []), ...(loads('shop-entry.js') ? ['ready'] : [])];
        await page.waitForFunction(
          (count) => document.querySelectorAll('xd-product-card:defined, xd-shop-entry:defined').length === count,
          expected.length,
        );
        // Elements whose module the page did not load stay undefined; the defined ones must load.
        await page.waitForFunction(() =>
          [...document.querySelectorAll('xd-product-card:defined, xd-shop-entry:defined')].every(
            (el) => el.getAttribute('state') === 'ready',
          ),
        );
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }

  it('the whole kit also exports the API (configureBridge, the event classes)', async () => {
    const { page, problems } = await visit(browser, `${gateway.url}/cdn.html`);
    try {
      const exported = await page.evaluate(async (url) => {
        const kit = (await import(url)) as Record<string, unknown>;
        return ['configureBridge', 'XdOpenEvent', 'XdProductCard', 'performIntent'].filter(
          (name) => typeof kit[name] === 'function',
        );
      }, `${cdn}/xiaodian-elements.js`);
      assert.deepEqual(exported, ['configureBridge', 'XdOpenEvent', 'XdProductCard', 'performIntent']);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
