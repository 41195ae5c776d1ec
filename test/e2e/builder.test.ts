// The embed builder (/builder.html) in Chromium, as a creator uses it: paste, preview, copy. The copied web
// snippet is pasted into a blank page with the kit's script and must render the card the preview showed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { createDemoBackend } from '@xiaodian/demo';
import type { PasteProblem } from '@xiaodian/model';
import { customStyle } from '../../examples/builder/looks.ts';
import { messagesFor, type Locale } from '../../examples/builder/messages.ts';
import { qrPath } from '../../examples/builder/qr.ts';
import { embedSpec, miniProgramSnippet, webSnippet, type Target } from '../../examples/builder/snippets.ts';
import { axe, siteDir, startSite, type Site } from './harness.js';

const reserveCss = readFileSync(new URL('../../packages/elements/reserve.css', import.meta.url), 'utf8');
const { version } = JSON.parse(
  readFileSync(new URL('../../packages/elements/package.json', import.meta.url), 'utf8'),
) as { version: string };
// The demo is deterministic: the gateway's own demo backend (startSite) holds this same catalog.
const backend = createDemoBackend();
const product = backend.products.find((item) => item.status === 5 && item.h5Url && item.minPrice !== item.maxPrice)!;
const shop = backend.shops.find((item) => item.appid === product.appid)!;

/** What a reader sees of a card: its state, box, words, and every colour and size WeChat lets a page change. */
function fingerprint(selector: string) {
  // No named functions inside: the test's compiler would wrap them in a helper the page does not have.
  return (page: Page) =>
    page.$eval(selector, (card) => {
      const root = card.shadowRoot!;
      const box = card.getBoundingClientRect();
      const looks: Record<string, string[] | null> = {};
      for (const [part, properties] of [
        ['card', ['background-color', 'color']],
        ['title', ['color']],
        ['price', ['color']],
        ['buy-button', ['width', 'border-radius', 'color', 'background-color']],
      ] as const) {
        const node = root.querySelector(`[part~="${part}"]`);
        looks[part] = node ? properties.map((property) => getComputedStyle(node).getPropertyValue(property)) : null;
      }
      return {
        tag: card.localName,
        state: card.getAttribute('state'),
        width: Math.round(box.width),
        height: Math.round(box.height),
        words: (root.textContent ?? '').replace(/\s+/g, ' ').trim(),
        looks,
      };
    });
}

describe('the embed builder', () => {
  let site: Site;
  let gateway: Site['gateway'];
  let context: BrowserContext;

  before(async () => {
    assert.ok(existsSync(`${siteDir}builder.html`), 'the examples are built (npm run build:site)');
    site = await startSite();
    gateway = site.gateway;
    context = await site.browser.newContext({ viewport: { width: 375, height: 812 }, colorScheme: 'light' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: gateway.url });
  });

  after(async () => {
    await context?.close();
    await site?.close();
  });

  /** Opens the builder, pastes, and waits for the answer (a card in the light preview, or a message). */
  async function paste(text: string, locale: Locale = 'zh-CN', page?: Page): Promise<Page> {
    const tab = page ?? (await context.newPage());
    if (!page) {
      await tab.goto(`${gateway.url}/builder.html?lang=${locale}`, { waitUntil: 'load' });
    }
    await tab.locator('#pasted').fill(text);
    await tab.locator('form.paste button[type=submit]').click();
    await tab.waitForFunction(
      () =>
        !document.querySelector<HTMLButtonElement>('form.paste button[type=submit]')?.disabled &&
        (document.querySelector('#message')?.textContent?.trim() ||
          document.querySelector('[data-theme=light] :is(xd-product-card, xd-shop-entry)[state=ready]')),
    );
    return tab;
  }

  async function copied(page: Page, id: 'web' | 'mini' | 'share'): Promise<string> {
    const before = await page.locator('.copy-status').getAttribute('data-copies');
    await page.locator(`button[data-copy=${id}]`).click();
    await page.waitForFunction(
      (count) => document.querySelector('.copy-status')?.getAttribute('data-copies') !== count,
      before,
    );
    assert.equal(
      await page
        .locator(`button[data-copy=${id}]`)
        .textContent()
        .then((text) => text?.trim()),
      messagesFor(await page.evaluate(() => document.documentElement.lang as Locale)).copied,
    );
    return page.evaluate(() => navigator.clipboard.readText());
  }

  for (const variant of ['large', 'small', 'strip', 'text'] as const) {
    it(`the copied ${variant} snippet, in a blank page with the kit's script, renders the card the preview shows`, async () => {
      const page = await paste(product.h5Url!);
      await page.locator(`input[name=variant][value=${variant}]`).check();
      // Looks WeChat allows, changed through the pickers: a colour and a size.
      await page.locator('#look-priceColor').fill('#1a7f37');
      await page.locator('#look-buttonRadius').fill('4');
      const previewSelector = '[data-theme=light] xd-product-card';
      await page.waitForFunction(
        (selector) => document.querySelector(selector)?.getAttribute('state') === 'ready',
        previewSelector,
      );
      const preview = await fingerprint(previewSelector)(page);
      const snippet = await copied(page, 'web');
      assert.match(snippet, new RegExp(`^<xd-product-card appid="${product.appid}" product-id="${product.productId}"`));
      // The blank page gives the snippet the room the preview pane gives the card.
      const width = await page.$eval('figure[data-theme=light]', (pane) => {
        const style = getComputedStyle(pane);
        return pane.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      });

      // A text link takes the font of the sentence it is in: the blank page writes in the builder's font.
      const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      const blank = await context.newPage();
      const problems: string[] = [];
      blank.on('console', (message) => {
        if (['warning', 'error'].includes(message.type())) problems.push(message.text());
      });
      blank.on('pageerror', (error) => problems.push(error.message));
      await blank.route(`${gateway.url}/blank.html`, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${reserveCss}</style>
            <script type="module" src="/cdn/xiaodian-elements@${version}/xiaodian-elements.js"></script></head>
            <body style="margin:0; font-family:${font.replace(/"/g, "'")}"><div style="width:${width}px">${
              variant === 'text' ? `<p>文中链接 ${snippet} 与文字同行。</p>` : snippet
            }</div></body></html>`,
        }),
      );
      await blank.goto(`${gateway.url}/blank.html`, { waitUntil: 'load' });
      await blank.waitForFunction(() => document.querySelector('xd-product-card')?.getAttribute('state') === 'ready');
      const pasted = await fingerprint('xd-product-card')(blank);
      assert.deepEqual(pasted, preview);
      assert.equal(preview.looks['price']?.[0], 'rgb(26, 127, 55)', 'the picked price colour reached the card');
      assert.deepEqual(problems, []);
      await blank.close();
      await page.close();
    });
  }

  it('the text link’s snippet has the title and price written in, so the sentence does not move while it loads', async () => {
    const page = await paste(product.h5Url!);
    await page.locator('input[name=variant][value=text]').check();
    const snippet = await copied(page, 'web');
    assert.match(snippet, new RegExp(`>${product.shortTitle ?? product.title} ¥[0-9.]+起</xd-product-card>$`));
    await page.close();
  });

  it('the mini-program markup carries the same ref and the picked looks as custom-style', async () => {
    const page = await paste(`${product.appid}:${product.productId}`);
    await page.locator('#look-buttonBackground').fill('#0055ff');
    const markup = await copied(page, 'mini');
    assert.match(
      markup,
      new RegExp(`<store-product\\n  appid="${product.appid}"\\n  product-id="${product.productId}"`),
    );
    assert.match(markup, /custom-style="\{\{customStyle\}\}"/);
    assert.match(markup, /"button":\{"backgroundColor":"#0055ff"\}/);
    await page.close();
  });

  it('the share link is the H5 short link, and its QR code encodes it', async () => {
    const page = await paste(`${product.appid}:${product.productId}`);
    assert.equal(await copied(page, 'share'), product.h5Url);
    const path = await page.$eval('svg.qr path', (node) => node.getAttribute('d'));
    assert.equal(path, qrPath(product.h5Url!).d);
    await page.close();
  });

  it('a shop link previews the shop entry’s three variants, with no looks to change', async () => {
    const page = await paste(shop.h5Url!);
    const variants = await page.$$eval('input[name=variant]', (inputs) =>
      inputs.map((input) => (input as HTMLInputElement).value),
    );
    assert.deepEqual(variants, ['card', 'banner', 'inline']);
    assert.equal(await page.locator('fieldset.looks').count(), 0);
    assert.equal(await copied(page, 'mini'), `<store-home appid="${shop.appid}"></store-home>`);
    await page.locator('input[name=variant][value=inline]').check();
    assert.equal(
      await copied(page, 'web'),
      `<xd-shop-entry appid="${shop.appid}" variant="inline">${shop.name}</xd-shop-entry>`,
    );
    await page.close();
  });

  const errors: Array<[pasted: string, problem: PasteProblem]> = [
    ['  ', 'empty'],
    ['wx3f8a2c1d', 'invalid_appid'],
    [`${product.appid}:12ab`, 'invalid_product_id'],
    ['https://shop.example/item/1', 'unknown_link'],
    ['https://mp.weixin.qq.com/s/AbCdEf', 'unknown_link'],
    ['https://channels.weixin.qq.com/shop/a/nosuchcode', 'short_link_not_found'],
    ['https://store.weixin.qq.com/shop/a/nosuchcode', 'promoter_link_not_found'],
    [`${product.appid}:99999999999`, 'not_found'],
    ['冲锋衣', 'unrecognised'],
    [product.productId, 'product_id_needs_shop'],
  ];
  for (const locale of ['zh-CN', 'en-US'] as const) {
    it(`every input error shows its message (${locale})`, async () => {
      const page = await context.newPage();
      await page.goto(`${gateway.url}/builder.html?lang=${locale}`, { waitUntil: 'load' });
      for (const [pasted, problem] of errors) {
        await paste(pasted, locale, page);
        const message = page.locator('#message');
        assert.equal(await message.getAttribute('data-problem'), problem, pasted);
        assert.equal((await message.textContent())?.trim(), messagesFor(locale).problems[problem], pasted);
        assert.equal(await page.locator('#pasted').getAttribute('aria-invalid'), 'true');
      }
      await page.close();
    });
  }

  it('a product id alone: the creator picks the shop from a list, and gets the card', async () => {
    const page = await paste(product.productId);
    await page.locator(`.shops button[data-appid=${product.appid}]`).click();
    await page.waitForFunction(
      () => document.querySelector('[data-theme=light] xd-product-card')?.getAttribute('state') === 'ready',
    );
    assert.equal((await page.locator('#message').textContent())?.trim(), '');
    assert.match(await copied(page, 'web'), new RegExp(`product-id="${product.productId}"`));
    await page.close();
  });

  it('a product id alone with a malformed appid typed for its shop says what an appid is', async () => {
    const page = await paste(product.productId, 'en-US');
    await page.locator('#typed-appid').fill('shop-1');
    await page.locator('.appid-form button[type=submit]').click();
    assert.equal(
      (await page.locator('#typed-appid-error').textContent())?.trim(),
      messagesFor('en-US').problems.invalid_appid,
    );
    await page.close();
  });

  for (const [name, pasted, locale] of [
    ['a product (zh-CN)', `${product.appid}:${product.productId}`, 'zh-CN'],
    ['a shop (en-US)', shop.appid, 'en-US'],
    ['a product id alone (the shop picker)', product.productId, 'zh-CN'],
  ] as const) {
    it(`passes axe and fits 375 px without scrolling sideways: ${name}`, async () => {
      const page = await paste(pasted, locale);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('xd-product-card, xd-shop-entry')].every((element) =>
          ['ready', 'error'].includes(element.getAttribute('state') ?? ''),
        ),
      );
      const violations = await axe(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the 375 px screen`);
      await page.close();
    });
  }
});

describe('the embed builder’s snippets', () => {
  const target: Target = {
    kind: 'product',
    ref: { appid: product.appid, productId: product.productId, promotionLink: 'promo"<&>' },
    title: '<img src=x onerror=alert(1)>',
    minPrice: 100,
    maxPrice: 100,
  };

  it('write a title and a promotion link as text, never as markup', () => {
    const web = webSnippet(embedSpec(target, 'text', {}, 'zh-CN'));
    assert.equal(
      web,
      `<xd-product-card appid="${product.appid}" product-id="${product.productId}" ` +
        `product-promotion-link="promo&quot;&lt;&amp;&gt;" variant="text">&lt;img src=x onerror=alert(1)&gt; ¥1.00</xd-product-card>`,
    );
    assert.match(miniProgramSnippet(target, {}), /product-promotion-link="promo&quot;&lt;&amp;&gt;"/);
  });

  it('carry only the looks that were changed, as tokens on the web and custom-style in the mini program', () => {
    const looks = { background: '#fafafa', buttonWidth: 80 };
    assert.match(
      webSnippet(embedSpec(target, 'large', looks, 'en-US')),
      / lang="en-US" style="--xd-product-card-background: #fafafa; --xd-product-card-button-width: 80px">/,
    );
    assert.deepEqual(customStyle(looks), { card: { backgroundColor: '#fafafa' }, button: { width: '80px' } });
    assert.doesNotMatch(miniProgramSnippet(target, {}), /custom-style/);
  });
});
