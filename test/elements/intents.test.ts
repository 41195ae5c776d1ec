import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@xiaodian/client';
import {
  configureBridge,
  detectEnvironment,
  isWeChatLink,
  miniProgramUrl,
  type IntentDetail,
} from '@xiaodian/elements';
import '@xiaodian/elements/define';
import { demoClient, products, refOf } from '../../stories/fixtures.js';
import { showQrDialog } from '../../packages/elements/dist/intents/qr-dialog.js';
import { mountCard, part, settled } from './helpers.js';

interface WeChatWindow {
  __wxjs_environment?: string;
  wx?: { miniProgram?: { navigateTo(options: { url: string }): void } };
}
const wechatWindow = window as unknown as WeChatWindow;

/** Collects the card's xd-click and xd-open events, in order. */
function record(target: EventTarget) {
  const events: Array<{ type: string; detail: IntentDetail }> = [];
  for (const type of ['xd-click', 'xd-open'] as const) {
    target.addEventListener(type, (event) =>
      events.push({ type, detail: (event as CustomEvent<IntentDetail>).detail }),
    );
  }
  return events;
}

const openDialogs = () => [...document.querySelectorAll('xd-qr-dialog')];

afterEach(() => {
  delete wechatWindow.__wxjs_environment;
  delete wechatWindow.wx;
  for (const dialog of openDialogs()) dialog.remove();
  configureBridge({ miniProgramPage: '/pages/xiaodian/open', openUrl: (url) => location.assign(url) });
});

describe('intents', () => {
  it('sends xd-click then a cancelable xd-open with the ref, attribution and H5 link; cancelling stops the bridge', async () => {
    const product = products.available;
    const card = await mountCard(demoClient, refOf(product), { promotionLink: 'xdpl_promo', mediaId: 'media-1' });
    await settled(card);
    const events = record(document);
    document.addEventListener('xd-open', (event) => event.preventDefault(), { once: true });
    part(card, 'card')!.click();
    expect(events.map((e) => e.type)).to.deep.equal(['xd-click', 'xd-open']);
    expect(events[1]!.detail).to.deep.include({
      intent: 'product',
      ref: refOf(product),
      promotionLink: 'xdpl_promo',
      mediaId: 'media-1',
      h5Url: product.h5Url,
      title: product.title,
    });
    // Intents are performed in the order they were sent: tap another card, uncancelled, and when its dialog is
    // up, a dialog the cancelled tap had asked for would already have been opened first (and kept: one at a time).
    const other = await mountCard(demoClient, refOf(products.giftable));
    await settled(other);
    part(other, 'card')!.click();
    await waitUntil(() => openDialogs().length > 0, 'the uncancelled tap opens its dialog');
    const shown = openDialogs().map((dialog) => (dialog as HTMLElement & { detail: IntentDetail }).detail.ref);
    expect(shown, 'a cancelled intent opens nothing').to.deep.equal([refOf(products.giftable)]);
  });

  it('reads the promotion link once, at first load, as WeChat does', async () => {
    const card = await mountCard(demoClient, refOf(products.available), { promotionLink: 'first' });
    await settled(card);
    card.setAttribute('product-promotion-link', 'second');
    await card.updateComplete;
    const events = record(card);
    card.addEventListener('xd-open', (event) => event.preventDefault());
    part(card, 'card')!.click();
    expect(events[1]!.detail.promotionLink).to.equal('first');
  });

  it('maps open-page to the intent: buy, gift for a giftable product, the detail page when sold out', async () => {
    const cases = [
      { product: products.available, openPage: 'buy', intent: 'buy' },
      { product: products.giftable, openPage: 'gift', intent: 'gift' },
      { product: products.giftable, openPage: 'gift-product-detail', intent: 'gift' },
      { product: products.soldOut, openPage: 'buy', intent: 'product' },
      { product: products.available, openPage: 'product-detail', intent: 'product' },
    ];
    for (const each of cases) {
      const card = await mountCard(demoClient, refOf(each.product), { openPage: each.openPage });
      await settled(card);
      const events = record(card);
      card.addEventListener('xd-open', (event) => event.preventDefault());
      part(card, 'card')!.click();
      expect(events[1]!.detail.intent, `${each.openPage} on ${each.product.availability}`).to.equal(each.intent);
    }
  });

  it('offers nothing to open on a product that cannot be bought', async () => {
    const card = await mountCard(demoClient, refOf(products.banned));
    await settled(card);
    expect(card.shadowRoot!.querySelector('button')?.outerHTML ?? null).to.equal(null);
  });

  it('in a mini-program web-view, navigates the mini program to the configured page with the ref', async () => {
    const urls: string[] = [];
    wechatWindow.__wxjs_environment = 'miniprogram';
    wechatWindow.wx = { miniProgram: { navigateTo: ({ url }) => urls.push(url) } };
    const product = products.available;
    const card = await mountCard(demoClient, refOf(product), { promotionLink: 'xdpl_a&b=c', mediaId: 'm1' });
    card.closest('xd-store')!.setAttribute('mini-program-page', '/pages/store/open');
    await settled(card);
    part(card, 'card')!.click();
    await waitUntil(() => urls.length === 1, 'navigateTo called');
    const url = new URL(urls[0]!, 'https://mini.program');
    expect(url.pathname).to.equal('/pages/store/open');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      intent: 'product',
      open_page: 'product-detail',
      appid: product.appid,
      product_id: product.productId,
      product_promotion_link: 'xdpl_a&b=c',
      media_id: 'm1',
    });
    expect(openDialogs()).to.have.length(0);
  });

  it('in the WeChat browser, opens the H5 short link', async () => {
    const opened: string[] = [];
    configureBridge({ openUrl: (url) => opened.push(url) });
    Object.defineProperty(navigator, 'userAgent', {
      value: 'Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 MicroMessenger/8.0.50 NetType/WIFI',
      configurable: true,
    });
    try {
      const card = await mountCard(demoClient, refOf(products.available));
      await settled(card);
      part(card, 'card')!.click();
      await waitUntil(() => opened.length === 1, 'the link was opened');
      expect(opened).to.deep.equal([products.available.h5Url]);
    } finally {
      delete (navigator as { userAgent?: string }).userAgent;
    }
  });

  it('on a desktop, shows the H5 link as a QR code in an accessible dialog that Esc closes', async () => {
    const card = await mountCard(demoClient, refOf(products.available));
    await settled(card);
    part(card, 'card')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => openDialogs()[0]?.shadowRoot?.querySelector('dialog[open]'), 'the dialog opened');
    const host = openDialogs()[0]!;
    const dialog = host.shadowRoot!.querySelector('dialog')!;
    expect(dialog.querySelector('h2')!.textContent).to.equal(products.available.title);
    const qr = dialog.querySelector('svg[role=img]')!;
    expect(qr.getAttribute('aria-label')).to.contain(products.available.title);
    expect(qr.querySelector('path')!.getAttribute('d')!.length).to.be.greaterThan(200);
    expect(dialog.textContent).to.contain('微信扫一扫');
    await expect(host).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => openDialogs().length === 0, 'Esc closed the dialog');
  });

  it("draws the QR dialog in its opener's theme, set on the opener's container", async () => {
    const card = await mountCard(demoClient, refOf(products.available), { theme: 'dark' });
    await settled(card);
    card.closest('xd-store')!.style.setProperty('--xd-color-surface', 'rgb(1, 2, 3)');
    // Opened directly: a dialog another test's late intent opened would be reused (one at a time).
    for (const dialog of openDialogs()) dialog.remove();
    const host = showQrDialog({ intent: 'product', ref: refOf(products.available), title: 'T' }, card);
    const dialog = host.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(getComputedStyle(dialog).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(dialog).colorScheme).to.equal('dark');
  });

  it('builds mini-program URLs for shops and lives too, percent-encoded, after a query the page has', () => {
    expect(miniProgramUrl({ intent: 'shop', ref: { appid: 'wx0123456789abcdef' } }, '/p')).to.equal(
      '/p?intent=shop&appid=wx0123456789abcdef',
    );
    expect(miniProgramUrl({ intent: 'reserve', ref: { finderUserName: 'sphAbc123' } }, '/p?from=h5')).to.equal(
      '/p?from=h5&intent=reserve&finder_user_name=sphAbc123',
    );
    const ref = { appid: 'wx0123456789abcdef', productId: '1' };
    expect(
      miniProgramUrl({ intent: 'gift', openPage: 'gift-product-detail', ref, promotionLink: 'a b+c' }, '/p'),
    ).to.equal(
      '/p?intent=gift&open_page=gift-product-detail&appid=wx0123456789abcdef&product_id=1&product_promotion_link=a%20b%2Bc',
    );
  });

  it('knows a web-view by its user agent before WeChat sets __wxjs_environment, and shows a QR code without the JS-SDK', async () => {
    const opened: string[] = [];
    configureBridge({ openUrl: (url) => opened.push(url) });
    const agent = 'Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 MicroMessenger/8.0.50 miniProgram/wx1234';
    Object.defineProperty(navigator, 'userAgent', { value: agent, configurable: true });
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(detectEnvironment()).to.equal('miniprogram');
      const card = await mountCard(demoClient, refOf(products.available));
      await settled(card);
      part(card, 'card')!.click();
      await waitUntil(() => openDialogs().length === 1, 'the QR dialog instead of a blocked link');
      expect(opened).to.deep.equal([]);
    } finally {
      console.warn = warn;
      delete (navigator as { userAgent?: string }).userAgent;
    }
  });

  it('treats WeChat for Windows and Mac as a desktop', () => {
    for (const agent of [
      'Mozilla/5.0 (Windows NT 10.0) MicroMessenger/7.0 WindowsWechat',
      'Mozilla/5.0 (Macintosh) MicroMessenger/8.0 MacWechat/3.8',
    ]) {
      Object.defineProperty(navigator, 'userAgent', { value: agent, configurable: true });
      try {
        expect(detectEnvironment(), agent).to.equal('desktop');
      } finally {
        delete (navigator as { userAgent?: string }).userAgent;
      }
    }
  });

  it('opens only https links of WeChat, never a javascript: URL from data', async () => {
    expect(isWeChatLink('https://channels.weixin.qq.com/shop/a/abc')).to.equal(true);
    expect(isWeChatLink('javascript:alert(1)')).to.equal(false);
    expect(isWeChatLink('http://channels.weixin.qq.com/shop/a/abc')).to.equal(false);
    expect(isWeChatLink('https://weixin.qq.com.evil.example/a')).to.equal(false);
    const opened: string[] = [];
    configureBridge({ openUrl: (url) => opened.push(url) });
    Object.defineProperty(navigator, 'userAgent', {
      value: 'Mozilla/5.0 (iPhone) MicroMessenger/8.0.50',
      configurable: true,
    });
    try {
      const hostile = { ...products.available, h5Url: 'javascript:window.__xdOpened=1' };
      const client = createClient({
        backend: { getProducts: async (refs) => refs.map(() => ({ ok: true, product: hostile }) as const) },
      });
      const card = await mountCard(client, refOf(hostile));
      await settled(card);
      part(card, 'card')!.click();
      await waitUntil(() => openDialogs().length === 1, 'a dialog, with no code to scan');
      expect(opened).to.deep.equal([]);
      expect(openDialogs()[0]!.shadowRoot!.querySelector('svg')?.outerHTML ?? null).to.equal(null);
    } finally {
      delete (navigator as { userAgent?: string }).userAgent;
    }
  });

  it('opens one dialog for a double click', async () => {
    const card = await mountCard(demoClient, refOf(products.available));
    await settled(card);
    part(card, 'card')!.click();
    part(card, 'card')!.click();
    // Both taps' intents run on from the same loaded modules in the same turn: when the first dialog is up, the
    // second tap has been handled too, so a second dialog would be up by now.
    await waitUntil(() => openDialogs().length > 0, 'a dialog');
    expect(openDialogs()).to.have.length(1);
  });

  it('takes a new promotion link when the element is reused for another product', async () => {
    const card = await mountCard(demoClient, refOf(products.available), { promotionLink: 'first' });
    await settled(card);
    card.setAttribute('product-promotion-link', 'second');
    card.setAttribute('product-id', products.giftable.productId);
    card.setAttribute('appid', products.giftable.appid);
    await waitUntil(() => part(card, 'title')?.textContent === products.giftable.title, 'the other product');
    const events = record(card);
    card.addEventListener('xd-open', (event) => event.preventDefault());
    part(card, 'card')!.click();
    expect(events[1]!.detail.promotionLink).to.equal('second');
  });
});
