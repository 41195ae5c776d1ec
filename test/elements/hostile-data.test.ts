import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, type XiaodianClient } from '@xiaodian/client';
import { configureBridge, productCardVariants, shopEntryVariants } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import type { XdShopEntry } from '@xiaodian/elements/shop-entry';
import type { Product, Shop } from '@xiaodian/model';
import { products, refOf, shops } from '../../stories/fixtures.js';
import { mountCard, part, settled } from './helpers.js';

// Data from a gateway, a cache or a merchant is text, never markup or script: every text and URL field of
// every element variant is filled with something hostile, and the elements must show the text as text,
// inject no element or attribute, run nothing, and use no URL that is not http(s).

interface PwnedWindow {
  __xdPwned: string[];
  __wxjs_environment?: string;
  wx?: { miniProgram?: { navigateTo(options: { url: string }): void } };
}
const page = window as unknown as PwnedWindow;
page.__xdPwned = [];

/** Markup that breaks out of text and of quoted attributes, and would record its field if it ever ran. */
const markup = (field: string) =>
  `"'></span><img src=x onerror="__xdPwned.push('${field}')"><script>__xdPwned.push('${field}')</script>` +
  `<xd-injected>${field}</xd-injected>&lt;`;

const hostileUrls = {
  'javascript:': `javascript:__xdPwned.push('url')`,
  'data:text/html': `data:text/html,<script>parent.__xdPwned.push('url')</script>`,
  'a quote breaking the attribute': `https://x.test/a.png" onerror="__xdPwned.push('url')" data-injected="`,
} as const;

/** What a defined element may draw: nothing scripted, nothing from the data. */
function expectNothingInjected(element: Element, images: number): void {
  const root = element.shadowRoot!;
  expect(root.querySelectorAll('script, iframe, object, embed, xd-injected').length, 'injected elements').to.equal(0);
  for (const node of root.querySelectorAll('*')) {
    const names = node.getAttributeNames();
    expect(
      names.filter((name) => name.startsWith('on') || name === 'data-injected'),
      `attributes of <${node.localName}>`,
    ).to.deep.equal([]);
  }
  expect(root.querySelectorAll('img').length, 'only the template’s own pictures').to.equal(images);
  for (const img of root.querySelectorAll('img')) {
    const src = img.getAttribute('src');
    if (src === null || src === '') continue;
    expect(new URL(src, document.baseURI).protocol, `picture ${src}`).to.be.oneOf(['http:', 'https:']);
  }
  expect(element.children.length, 'nothing added to the light DOM').to.equal(0);
}

const dialogs = () => [...document.querySelectorAll('xd-qr-dialog')];
const expectNoCode = (dialog: Element) =>
  expect(dialog.shadowRoot!.querySelectorAll('svg, img, a, xd-injected').length, 'no code, no link').to.equal(0);

function productClient(product: Product): XiaodianClient {
  return createClient({
    backend: { getProducts: async (refs) => refs.map(() => ({ ok: true, product }) as const) },
    retry: false,
  });
}

function shopClient(shop: Shop): XiaodianClient {
  return createClient({
    backend: { getProducts: async () => [], getShop: async () => shop },
    retry: false,
  });
}

function hostileProduct(url: string): Product {
  const base = products.available;
  return {
    ...base,
    title: markup('title'),
    shortTitle: markup('shortTitle'),
    images: [url, url],
    h5Url: url,
    shop: { ...base.shop, name: markup('shop.name'), logoUrl: url },
  };
}

function hostileShop(url: string): Shop {
  const base = shops.flagship;
  return {
    ...base,
    name: markup('shop.name'),
    logoUrl: url,
    h5Url: url,
    ...(base.brand ? { brand: { ...base.brand, name: markup('brand.name') } } : {}),
    linkedAccounts: {
      officialAccounts: [{ id: 'gh_0000000000aa', name: markup('officialAccount.name'), avatarUrl: url }],
      channels: [{ id: 'sphHostile', name: markup('channel.name'), avatarUrl: url }],
    },
  };
}

describe('hostile data in every field of every element', () => {
  afterEach(() => {
    delete page.__wxjs_environment;
    delete page.wx;
    for (const dialog of document.querySelectorAll('xd-qr-dialog')) dialog.remove();
    configureBridge({ miniProgramPage: '/pages/xiaodian/open', openUrl: (url) => location.assign(url) });
  });

  // Checked last, after every element below has rendered, loaded its pictures and been clicked.
  after(() => expect(page.__xdPwned).to.deep.equal([]));

  for (const [urlKind, url] of Object.entries(hostileUrls)) {
    for (const variant of productCardVariants) {
      it(`xd-product-card variant=${variant}, URLs ${urlKind}: text as text, nothing injected, no such URL used`, async () => {
        const product = hostileProduct(url);
        const card = await mountCard(productClient(product), refOf(product), {
          variant,
          promotionLink: markup('promotionLink'),
          mediaId: markup('mediaId'),
        });
        await settled(card);
        expect(card.getAttribute('state')).to.equal('ready');
        expect(part(card, 'title')!.textContent).to.equal(variant === 'text' ? product.shortTitle : product.title);
        expect(card.shadowRoot!.querySelector('.shop')!.textContent).to.equal(product.shop.name);
        expect(part(card, 'card')!.getAttribute('aria-describedby')).to.equal('guarantees footer');
        expectNothingInjected(card, 2);
      });
    }

    for (const variant of shopEntryVariants) {
      it(`xd-shop-entry variant=${variant}, URLs ${urlKind}: text as text, nothing injected, no such URL used`, async () => {
        const shop = hostileShop(url);
        const store = await fixture(
          html`<xd-store .client=${shopClient(shop)} style="display:block;width:343px">
            <p><xd-shop-entry variant=${variant} appid=${shop.appid}></xd-shop-entry></p>
          </xd-store>`,
        );
        const entry = store.querySelector('xd-shop-entry') as XdShopEntry;
        await settled(entry);
        expect(entry.getAttribute('state')).to.equal('ready');
        expect(entry.shadowRoot!.querySelector('.name')!.textContent).to.equal(shop.name);
        expectNothingInjected(entry, 1);
      });
    }

    it(`the bridge opens no ${urlKind} h5Url in the WeChat browser, from a card or a shop entry`, async () => {
      const opened: string[] = [];
      configureBridge({ openUrl: (link) => opened.push(link) });
      Object.defineProperty(navigator, 'userAgent', {
        value: 'Mozilla/5.0 (iPhone) MicroMessenger/8.0.50',
        configurable: true,
      });
      try {
        const product = hostileProduct(url);
        const card = await mountCard(productClient(product), refOf(product));
        await settled(card);
        part(card, 'card')!.click();
        await waitUntil(() => dialogs().length === 1, 'a dialog instead');
        expectNoCode(dialogs()[0]!);
        dialogs()[0]!.remove();
        const shop = hostileShop(url);
        const store = await fixture(
          html`<xd-store .client=${shopClient(shop)}><xd-shop-entry appid=${shop.appid}></xd-shop-entry></xd-store>`,
        );
        const entry = store.querySelector('xd-shop-entry')!;
        await settled(entry);
        entry.shadowRoot!.querySelector<HTMLElement>('[part~=entry]')!.click();
        await waitUntil(() => dialogs().length === 1, 'a dialog for the shop too');
        expectNoCode(dialogs()[0]!);
        expect(opened).to.deep.equal([]);
        for (const dialog of document.querySelectorAll('xd-qr-dialog')) {
          expect(dialog.shadowRoot!.querySelectorAll('svg, img, a, xd-injected').length, 'no code, no link').to.equal(
            0,
          );
        }
      } finally {
        delete (navigator as { userAgent?: string }).userAgent;
      }
    });
  }

  it('hands a hostile promotion link and media id to the mini program intact, as query values only', async () => {
    const urls: string[] = [];
    page.__wxjs_environment = 'miniprogram';
    page.wx = { miniProgram: { navigateTo: ({ url }) => urls.push(url) } };
    const product = hostileProduct('https://x.test/a.png');
    const promotionLink = markup('promotionLink') + '&appid=wx0000000000000000#x';
    const card = await mountCard(productClient(product), refOf(product), {
      promotionLink,
      mediaId: markup('mediaId'),
    });
    await settled(card);
    part(card, 'card')!.click();
    await waitUntil(() => urls.length === 1, 'navigateTo called');
    const opened = new URL(urls[0]!, 'https://mini.program');
    expect(opened.pathname).to.equal('/pages/xiaodian/open');
    expect(opened.hash).to.equal('');
    expect(Object.fromEntries(opened.searchParams)).to.deep.equal({
      intent: 'product',
      open_page: 'product-detail',
      appid: product.appid,
      product_id: product.productId,
      product_promotion_link: promotionLink,
      media_id: markup('mediaId'),
    });
  });
});
