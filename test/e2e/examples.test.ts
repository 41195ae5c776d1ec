import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axe, siteDir, startSite, visit, type Site } from './harness.js';

/** Loads a page and waits for the elements it holds to be defined (module scripts have run by `load`). */
async function open(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light') {
  const { page, problems } = await visit(browser, url, { colorScheme });
  await page.waitForFunction(
    () => !document.querySelector('xd-product-card:not(:defined), xd-shop-entry:not(:defined)'),
  );
  return { page, problems };
}

describe('the example pages', () => {
  let site: Site;
  let browser: Browser;
  let gateway: Site['gateway'];

  before(async () => {
    assert.ok(existsSync(`${siteDir}article.html`), 'the examples are built (npm run build:site)');
    site = await startSite();
    ({ browser, gateway } = site);
  });

  after(async () => {
    await site?.close();
  });

  for (const path of [
    'index.html',
    'article.html',
    'gallery.html',
    'gallery.html?theme=dark',
    'live.html',
    'search.html?q=防晒',
  ]) {
    it(`${path} passes axe and asks for nothing that is not there (no /favicon.ico 404)`, async () => {
      const { page, problems } = await open(browser, `${gateway.url}/${path}`);
      if (path.startsWith('search')) {
        await page.waitForFunction(
          () => document.querySelector('xd-search-results')?.getAttribute('state') === 'ready',
        );
      }
      if (path.startsWith('article')) {
        await page.waitForFunction(() =>
          [...document.querySelectorAll('xd-product-card, xd-shop-entry')].every(
            (element) => element.getAttribute('state') === 'ready',
          ),
        );
      }
      if (path.startsWith('live')) {
        await page.waitForFunction(() =>
          [...document.querySelectorAll('xd-live-widget')].every((widget) => widget.hasAttribute('live-status')),
        );
      }
      const violations = await axe(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      // Chromium asks for the icon once the page has loaded; fetch it as the browser would.
      const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel~=icon]')?.href ?? null);
      assert.ok(icon, 'the page names its icon, so the browser does not ask for /favicon.ico');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  it('the gallery’s dark theme makes the page dark, not only the cards', async () => {
    const { page } = await open(browser, `${gateway.url}/gallery.html?theme=dark`, 'light');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    assert.ok(r! + g! + b! < 3 * 64, `a dark page background (${background})`);
    await page.close();
  });

  it('the article’s copy does not call a product sold out while its card offers to sell it', async () => {
    const { page } = await open(browser, `${gateway.url}/article.html`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('xd-product-card')].every((card) => card.getAttribute('state') === 'ready'),
    );
    const contradictions = await page.evaluate(() =>
      [...document.querySelectorAll('article p')]
        .filter((p) => /卖完|售罄|缺货|没货/.test(p.textContent ?? ''))
        .map((p) => {
          const card = p.nextElementSibling;
          const words = card?.shadowRoot?.textContent ?? '';
          return card?.localName === 'xd-product-card' && !words.includes('已售罄') ? (p.textContent ?? '').trim() : '';
        })
        .filter(Boolean),
    );
    assert.deepEqual(contradictions, []);
    await page.close();
  });
});
