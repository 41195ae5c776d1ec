import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { siteDir, startSite, type Site } from './harness.js';

describe('article page end to end', () => {
  let site: Site;
  let browser: Browser;
  let gateway: Site['gateway'];
  let backend: Site['backend'];

  before(async () => {
    assert.ok(existsSync(`${siteDir}article.html`), 'the examples are built (npm run build:site)');
    site = await startSite();
    ({ browser, gateway, backend } = site);
  });

  after(async () => {
    await site?.close();
  });

  it('renders 20 cards in four variants at 375 px from one products request, with no layout shift', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    // Chromium's own measure: every layout shift of the page's life, summed (CLS without windowing).
    await page.addInitScript(() => {
      const page = window as unknown as { __layoutShift: number };
      page.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) {
          page.__layoutShift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const productRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/v1/products') productRequests.push(request.url());
    });
    // Hold the script, then the data, until the test has measured the phase before: the page paints first
    // with undefined elements, then with loading cards, then with data, and each phase must keep every box.
    // Released by the test (no timers), so each phase is seen for certain and no time is spent waiting.
    const gate = () => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { opened, open };
    };
    const scripts = gate();
    const data = gate();
    await page.route('**/assets/*.js', async (route) => {
      await scripts.opened;
      await route.continue();
    });
    await page.route('**/v1/shops/*', async (route) => {
      await data.opened;
      await route.continue();
    });
    await page.route('**/v1/products?*', async (route) => {
      await data.opened;
      await route.continue();
    });
    /** Where every card and every paragraph sits: nothing here may move from one phase to the next. */
    // document.querySelectorAll, not page.$$eval: Playwright's selectors pierce shadow roots.
    // Measured after two frames, so that each phase has been painted (and any shift into it recorded).
    const layout = () =>
      page.evaluate(async () => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return [...document.querySelectorAll('xd-product-card, xd-shop-entry, article p')].map((el) => {
          const box = el.getBoundingClientRect();
          const size = `${box.width.toFixed(1)}x${box.height.toFixed(1)}`;
          return `${el.localName} at ${box.left.toFixed(1)},${box.top.toFixed(1)} ${size}`;
        });
      });
    await page.goto(`${gateway.url}/article.html`, { waitUntil: 'commit', timeout: 15_000 });
    await page.waitForFunction(() => document.querySelectorAll('article p').length >= 8, undefined, {
      timeout: 10_000,
    });
    assert.equal(await page.evaluate(() => customElements.get('xd-product-card')), undefined, 'script not yet run');
    const beforeDefine = await layout();
    scripts.open();
    await page.waitForFunction(() => customElements.get('xd-product-card') !== undefined, undefined, {
      timeout: 10_000,
    });
    await page.waitForFunction(() => document.querySelector('xd-product-card')?.shadowRoot?.querySelector('.card'));
    assert.equal(await page.getAttribute('xd-product-card', 'state'), 'loading', 'data not yet arrived');
    const whileLoading = await layout();
    data.open();
    await page.waitForFunction(
      () => {
        const cards = [...document.querySelectorAll('xd-product-card, xd-shop-entry')];
        return cards.length > 0 && cards.every((card) => card.getAttribute('state') === 'ready');
      },
      undefined,
      { timeout: 10_000 },
    );
    const ready = await layout();
    assert.deepEqual(whileLoading, beforeDefine, 'defining the elements moves nothing');
    assert.deepEqual(ready, whileLoading, 'the data arriving moves nothing');
    const cards = await page.$$eval('xd-product-card', (elements) =>
      elements.map((el) => ({
        variant: el.getAttribute('variant'),
        ref: `${el.getAttribute('appid')}:${el.getAttribute('product-id')}`,
        title: el.shadowRoot?.querySelector('[part=title]')?.textContent ?? '',
        price: el.shadowRoot?.querySelector('[part=price]')?.textContent ?? '',
        width: el.getBoundingClientRect().width,
      })),
    );
    assert.equal(cards.length, 20, 'the article has 20 cards');
    assert.deepEqual(
      [...new Set(cards.map((card) => card.variant))].sort(),
      ['large', 'small', 'strip', 'text'],
      'in all four variants',
    );
    for (const card of cards) {
      const product = backend.products.find((p) => `${p.appid}:${p.productId}` === card.ref);
      assert.ok(product, `${card.ref} is a demo product`);
      // Text links carry their short title and price in the page, and show that short title live.
      assert.equal(card.title, card.variant === 'text' ? (product.shortTitle ?? product.title) : product.title);
      assert.match(card.price, /^¥\d/);
      assert.ok(card.width <= 375 - 32 + 0.5, `card fits the 375 px page (${card.width})`);
    }
    assert.equal(productRequests.length, 1, `one products request for ${cards.length} cards`);
    const layoutShift = await page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);
    assert.equal(layoutShift, 0, 'cumulative layout shift');
    await page.close();
  });
});
