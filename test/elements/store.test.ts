import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import { setDefaultClient } from '@xiaodian/elements';
import { defineElement } from '@xiaodian/elements/base';
import '@xiaodian/elements/define';
import { XdProductCard } from '@xiaodian/elements/product-card';

const demo = createDemoBackend();
const product = demo.products[0]!;
const ready = (el: Element) =>
  waitUntil(() => el.getAttribute('state') !== 'loading', 'left loading', { timeout: 3000 });

/** Replaces window.fetch for one test, answering /v1/products from the demo catalog and recording URLs. */
function stubFetch() {
  const original = window.fetch;
  const urls: string[] = [];
  window.fetch = async (input: RequestInfo | URL) => {
    const url = String(input);
    urls.push(url);
    const asked = (new URL(url).searchParams.get('refs') ?? '').split(',');
    const results = await demo.getProducts(
      asked.map((r) => ({ appid: r.split(':')[0]!, productId: r.split(':')[1]! })),
    );
    return Response.json({ items: results.map((result, i) => ({ ref: asked[i], ...result })) });
  };
  return { urls, restore: () => (window.fetch = original) };
}

describe('<xd-store>', () => {
  it('creates a gateway client from its gateway attribute; its cards share one request', async () => {
    const fetches = stubFetch();
    try {
      const store = await fixture(
        html`<xd-store gateway="https://gw.example/">
          <xd-product-card appid=${product.appid} product-id=${product.productId}></xd-product-card>
          <xd-product-card appid=${demo.products[1]!.appid} product-id=${demo.products[1]!.productId}></xd-product-card>
        </xd-store>`,
      );
      const cards = [...store.querySelectorAll('xd-product-card')];
      await Promise.all(cards.map(ready));
      expect(cards.map((c) => c.getAttribute('state'))).to.deep.equal(['ready', 'ready']);
      expect(fetches.urls).to.have.length(1);
      expect(fetches.urls[0]).to.match(/^https:\/\/gw\.example\/v1\/products\?refs=/);
    } finally {
      fetches.restore();
    }
  });

  it('shares one client (cache, batcher) between stores for the same gateway', async () => {
    const fetches = stubFetch();
    localStorage.clear();
    try {
      // Two stores, one gateway written two ways; each card in its own store.
      const page = await fixture(
        html`<div>
          <xd-store gateway="https://shared-gw.example/">
            <xd-product-card appid=${product.appid} product-id=${product.productId}></xd-product-card>
          </xd-store>
          <xd-store gateway="https://shared-gw.example">
            <xd-product-card
              appid=${demo.products[1]!.appid}
              product-id=${demo.products[1]!.productId}
            ></xd-product-card>
          </xd-store>
        </div>`,
      );
      const cards = [...page.querySelectorAll('xd-product-card')];
      await Promise.all(cards.map(ready));
      expect(cards.map((c) => c.getAttribute('state'))).to.deep.equal(['ready', 'ready']);
      expect(fetches.urls, 'both cards in one request').to.have.length(1);
    } finally {
      fetches.restore();
    }
  });

  it('re-provides a new client to its cards when .client changes', async () => {
    const empty = createClient({
      backend: {
        getProducts: async (refs) =>
          refs.map(() => ({ ok: false, error: { code: 'not_found', message: 'gone' } }) as const),
      },
    });
    const store = await fixture(
      html`<xd-store .client=${empty}>
        <xd-product-card appid=${product.appid} product-id=${product.productId}></xd-product-card>
      </xd-store>`,
    );
    const card = store.querySelector('xd-product-card')!;
    await ready(card);
    expect(card.getAttribute('state')).to.equal('error');
    (store as HTMLElement & { client: unknown }).client = createClient({ backend: demo });
    await waitUntil(() => card.getAttribute('state') === 'ready', 'card reloaded from the new client', {
      timeout: 3000,
    });
  });
});

describe('page default client', () => {
  it('serves cards outside any store through setDefaultClient', async () => {
    setDefaultClient(createClient({ backend: demo }));
    try {
      const card = await fixture(
        html`<xd-product-card appid=${product.appid} product-id=${product.productId}></xd-product-card>`,
      );
      await ready(card);
      expect(card.getAttribute('state')).to.equal('ready');
    } finally {
      setDefaultClient(undefined);
    }
  });

  it('reads the gateway from <meta name="xiaodian-gateway">', async () => {
    const meta = Object.assign(document.createElement('meta'), {
      name: 'xiaodian-gateway',
      content: 'https://meta-gw.example',
    });
    document.head.append(meta);
    const fetches = stubFetch();
    setDefaultClient(undefined);
    // Cards persist products in localStorage; an earlier test's entry would answer without a request.
    localStorage.clear();
    try {
      const card = await fixture(
        html`<xd-product-card appid=${product.appid} product-id=${product.productId}></xd-product-card>`,
      );
      await ready(card);
      expect(fetches.urls[0]).to.match(/^https:\/\/meta-gw\.example\/v1\/products/);

      // A repeat visit (a new page client) renders the card from localStorage without a request.
      setDefaultClient(undefined);
      const again = await fixture(
        html`<xd-product-card appid=${product.appid} product-id=${product.productId}></xd-product-card>`,
      );
      await ready(again);
      expect(again.getAttribute('state')).to.equal('ready');
      expect(fetches.urls.length).to.equal(1);
    } finally {
      fetches.restore();
      meta.remove();
      setDefaultClient(undefined);
    }
  });
});

describe('defineElement', () => {
  it('ignores a second registration of the same class and warns on a clash instead of throwing', () => {
    const warnings: unknown[][] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(() => defineElement('xd-product-card', XdProductCard)).not.to.throw();
      expect(warnings).to.have.length(0);
      class Impostor extends HTMLElement {}
      expect(() => defineElement('xd-product-card', Impostor)).not.to.throw();
      expect(customElements.get('xd-product-card')).to.equal(XdProductCard);
      expect(String(warnings[0]?.[0])).to.match(/already defined/);
    } finally {
      console.warn = originalWarn;
    }
  });
});
