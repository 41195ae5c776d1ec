import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, type XiaodianClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import '@xiaodian/elements/define';
import type { XdProductCard } from '@xiaodian/elements/product-card';
import type { ProductResult, ProductSource } from '@xiaodian/model';

const demo = createDemoBackend();
const available = demo.products.find((p) => p.availability === 'available' && p.minPrice !== p.maxPrice)!;
const soldOut = demo.products.find((p) => p.availability === 'sold_out')!;

/** A backend whose answers the test releases by hand, to look at the loading state. */
function gatedBackend(inner: ProductSource) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const backend: ProductSource = {
    async getProducts(refs, options) {
      await gate;
      return inner.getProducts(refs, options);
    },
  };
  return { backend, release };
}

async function mount(client: XiaodianClient, appid: string, productId: string, lang = 'zh-CN') {
  const store = await fixture(
    html`<xd-store lang=${lang} .client=${client} style="display:block;width:343px">
      <xd-product-card appid=${appid} product-id=${productId}></xd-product-card>
    </xd-store>`,
  );
  return store.querySelector('xd-product-card') as XdProductCard;
}

const settled = (card: Element) =>
  waitUntil(() => card.getAttribute('state') !== 'loading', 'card left loading', { timeout: 3000 });
const shadowText = (card: Element) => card.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<xd-product-card>', () => {
  it('renders image, title, price range, sales and shop from the store client', async () => {
    const card = await mount(createClient({ backend: demo }), available.appid, available.productId);
    await settled(card);
    expect(card.getAttribute('state')).to.equal('ready');
    const root = card.shadowRoot!;
    expect(root.querySelector('[part=title]')!.textContent).to.equal(available.title);
    expect(root.querySelector('[part=price]')!.textContent).to.match(/^¥[\d,.]+–¥[\d,.]+$/);
    expect(root.querySelector('[part=image]')!.getAttribute('src')).to.equal(available.images[0]);
    expect(shadowText(card)).to.contain(available.shop.name).and.to.contain('已售');
    expect(root.querySelector('article')!.getAttribute('aria-label')).to.match(
      new RegExp(`^${available.title.slice(0, 8)}.*, ¥`),
    );
    await expect(card).to.be.accessible();
  });

  it('reserves its final size while loading, so the page does not shift', async () => {
    const { backend, release } = gatedBackend(demo);
    const card = await mount(createClient({ backend }), available.appid, available.productId);
    expect(card.getAttribute('state')).to.equal('loading');
    const loadingBox = card.getBoundingClientRect();
    expect(loadingBox.height).to.be.greaterThan(200);
    await expect(card).to.be.accessible();
    release();
    await settled(card);
    expect(card.getAttribute('state')).to.equal('ready');
    expect(card.getBoundingClientRect().height).to.equal(loadingBox.height);
  });

  it('says a product is sold out instead of showing sales', async () => {
    const card = await mount(createClient({ backend: demo }), soldOut.appid, soldOut.productId);
    await settled(card);
    expect(shadowText(card)).to.contain('已售罄');
    await expect(card).to.be.accessible();
  });

  it('speaks English under lang="en-US"', async () => {
    const card = await mount(createClient({ backend: demo }), soldOut.appid, soldOut.productId, 'en-US');
    await settled(card);
    expect(shadowText(card)).to.contain('Sold out');
    expect(card.shadowRoot!.querySelector('[part=price]')!.textContent).to.match(/^CN¥/);
  });

  it('takes its language from <xd-store locale>', async () => {
    const store = await fixture(
      html`<xd-store locale="en-US" .client=${createClient({ backend: demo })}>
        <xd-product-card appid=${available.appid} product-id=${available.productId}></xd-product-card>
      </xd-store>`,
    );
    const card = store.querySelector('xd-product-card')!;
    await settled(card);
    expect(shadowText(card))
      .to.match(/\dK? sold/)
      .and.to.contain('CN¥');
  });

  it('shows a not-found error with the same box and no retry', async () => {
    const card = await mount(createClient({ backend: demo }), available.appid, '99999');
    await settled(card);
    expect(card.getAttribute('state')).to.equal('error');
    const alert = card.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('商品不存在');
    expect(alert.querySelector('button')).to.equal(null);
    await expect(card).to.be.accessible();
  });

  it('shows an invalid appid as an error, not a request', async () => {
    let calls = 0;
    const client = createClient({
      backend: {
        getProducts: (refs, o) => {
          calls += 1;
          return demo.getProducts(refs, o);
        },
      },
    });
    const card = await mount(client, 'not-an-appid', '1');
    await settled(card);
    expect(card.getAttribute('state')).to.equal('error');
    expect(calls).to.equal(0);
  });

  it('recovers through the retry button after a failed load', async () => {
    let fail = true;
    const flaky: ProductSource = {
      async getProducts(refs, options): Promise<ProductResult[]> {
        if (fail) throw new TypeError('network down');
        return demo.getProducts(refs, options);
      },
    };
    const card = await mount(createClient({ backend: flaky }), available.appid, available.productId);
    await settled(card);
    expect(card.getAttribute('state')).to.equal('error');
    const retry = card.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!;
    expect(retry.textContent).to.equal('重试');
    await expect(card).to.be.accessible();
    fail = false;
    retry.click();
    await settled(card);
    expect(card.getAttribute('state')).to.equal('ready');
  });

  it('never renders product text as HTML', async () => {
    const hostile = { ...available, title: '<img src=x onerror="window.__xdPwned=1">标题' };
    const client = createClient({
      backend: { getProducts: async (refs) => refs.map(() => ({ ok: true, product: hostile }) as const) },
    });
    const card = await mount(client, available.appid, available.productId);
    await settled(card);
    expect(card.shadowRoot!.querySelector('[part=title] img')).to.equal(null);
    expect(card.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal(hostile.title);
    expect((window as { __xdPwned?: number }).__xdPwned).to.equal(undefined);
  });
});
