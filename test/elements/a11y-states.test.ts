import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { XiaodianClient } from '@xiaodian/client';
import '@xiaodian/elements/define';
import { demo, offlineClient, pendingClient, products, shops } from '../../stories/fixtures.js';
import { settled } from './helpers.js';

const twenty = demo.products.slice(0, 20);

function mountTwenty(client: XiaodianClient, lang = 'zh-CN') {
  return fixture(
    html`<xd-store lang=${lang} .client=${client} style="display:block;width:343px">
      ${twenty.map(
        (p, i) =>
          html`<xd-product-card
            variant=${['large', 'small', 'strip', 'text'][i % 4]!}
            appid=${p.appid}
            product-id=${p.productId}
          ></xd-product-card>`,
      )}
      <xd-shop-entry appid=${shops.flagship.appid}></xd-shop-entry>
    </xd-store>`,
  );
}

/** Every element of the page and of the elements' shadow roots that a screen reader would speak from. */
function liveRegions(): Element[] {
  const found: Element[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.matches('[role=status], [role=alert], [role=log], [aria-live]:not([aria-live=off])')) {
        found.push(element);
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return found;
}

const announcer = () => document.querySelector<HTMLElement>('[data-xiaodian-announcer]');

describe('loading and errors for screen-reader users', () => {
  beforeEach(() => {
    const region = announcer();
    if (region) region.textContent = '';
  });

  it('twenty loading cards are not twenty live regions: loading makes no announcement', async () => {
    const store = await mountTwenty(pendingClient);
    const cards = [...store.querySelectorAll('xd-product-card')];
    expect(cards.every((card) => card.getAttribute('state') === 'loading')).to.equal(true);
    expect(liveRegions().filter((region) => region !== announcer())).to.deep.equal([]);
    expect(announcer()?.textContent ?? '').to.equal('');
    // Each loading card is still named and marked busy for whoever reaches it.
    const box = cards[0]!.shadowRoot!.querySelector('[part=card]')!;
    expect(box.getAttribute('aria-busy')).to.equal('true');
    expect(box.getAttribute('aria-label')).to.equal('商品加载中');
    await expect(store).to.be.accessible();
  });

  it('twenty failed cards are announced once, politely, through one region: no alert storm', async () => {
    const store = await mountTwenty(offlineClient);
    const elements = [...store.querySelectorAll('xd-product-card, xd-shop-entry')];
    await Promise.all(elements.map((element) => settled(element)));
    await waitUntil(() => (announcer()?.textContent ?? '') !== '', 'an announcement');
    const regions = liveRegions();
    expect(regions).to.have.length(1);
    expect(regions[0]).to.equal(announcer());
    expect(announcer()!.getAttribute('aria-live')).to.equal('polite');
    // The product cards' and the shop entry's messages are the same words: said once.
    expect(announcer()!.textContent).to.equal('网络不可用');
    expect(document.querySelectorAll('[data-xiaodian-announcer]')).to.have.length(1);
    await expect(store).to.be.accessible();
  });

  it('every retry button says what it retries, in the page language', async () => {
    for (const [lang, product, shop] of [
      ['zh-CN', '重试加载商品', '重试加载店铺'],
      ['en-US', 'Retry loading the product', 'Retry loading the shop'],
    ] as const) {
      const store = await fixture(
        html`<xd-store lang=${lang} .client=${offlineClient}>
          <xd-product-card
            appid=${products.available.appid}
            product-id=${products.available.productId}
          ></xd-product-card>
          <xd-shop-entry appid=${shops.flagship.appid}></xd-shop-entry>
        </xd-store>`,
      );
      const [card, entry] = [...store.querySelectorAll('xd-product-card, xd-shop-entry')];
      const retryOf = (element: Element) => element.shadowRoot?.querySelector<HTMLButtonElement>('button.retry');
      await waitUntil(() => retryOf(card!)?.getAttribute('aria-label') === product, `${lang} product retry`);
      await waitUntil(() => retryOf(entry!)?.getAttribute('aria-label') === shop, `${lang} shop retry`);
      // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
      expect(product.startsWith(retryOf(card!)!.textContent!)).to.equal(true);
      await expect(store).to.be.accessible();
    }
  });
});
