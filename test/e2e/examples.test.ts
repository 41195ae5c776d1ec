import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDemoBackend } from '@xiaodian/demo';
import { startGateway, type RunningGateway } from '@xiaodian/gateway';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';

const site = new URL('../../dist/site/', import.meta.url).pathname;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const backend = createDemoBackend();

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/** Loads a page until every element that can settle has, recording failed requests and console errors. */
async function open(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light') {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 }, colorScheme });
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
  // Module scripts have run by \`load\`; wait for the elements the page holds to be defined.
  await page.waitForFunction(
    () => !document.querySelector('xd-product-card:not(:defined), xd-shop-entry:not(:defined)'),
  );
  return { page, failures };
}

async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run(document);
    return violations.map(({ id, impact, nodes }) => ({
      id,
      impact,
      nodes: nodes.slice(0, 3).map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
}

describe('the example pages', () => {
  let gateway: RunningGateway;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(`${site}article.html`), 'the examples are built (npm run build:site)');
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
      const { page, failures } = await open(browser, `${gateway.url}/${path}`);
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
      assert.deepEqual(failures, []);
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
