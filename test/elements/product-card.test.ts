import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@xiaodian/client';
import { productCardVariants } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import { XiaodianError, type ProductResult, type ProductSource } from '@xiaodian/model';
import {
  demo,
  demoClient,
  malformedClient,
  offlineClient,
  pendingClient,
  products,
  refOf,
} from '../../stories/fixtures.js';
import { box, gatedBackend, mountCard, part, settled, shadowText, shows } from './helpers.js';

const yuan = /¥[\d,.]+/;

describe('<xd-product-card> in every variant and state', () => {
  for (const variant of productCardVariants) {
    describe(`variant=${variant}`, () => {
      /** The box the card reserves while loading: every other state must draw exactly this box. */
      let reserved: { width: number; height: number };

      before(async () => {
        const card = await mountCard(pendingClient, refOf(products.available), { variant });
        expect(card.getAttribute('state')).to.equal('loading');
        reserved = box(card);
        expect(reserved.height).to.be.greaterThan(20);
      });

      const states = [
        {
          name: 'ready, discounted, with guarantees',
          client: demoClient,
          product: products.available,
          state: 'ready',
          expect: (text: string) => {
            expect(text).to.match(yuan);
            if (variant !== 'text') expect(text).to.contain('已售').and.to.contain('七天无理由').and.to.contain('购买');
          },
        },
        {
          name: 'sold out',
          client: demoClient,
          product: products.soldOut,
          state: 'ready',
          expect: (text: string) => expect(text).to.contain('已售罄').and.not.to.contain('购买'),
        },
        {
          name: 'delisted by the merchant',
          client: demoClient,
          product: products.delisted,
          state: 'ready',
          expect: (text: string) => expect(text).to.contain('商品已下架').and.not.to.contain('购买'),
        },
        {
          name: 'banned',
          client: demoClient,
          product: products.banned,
          state: 'ready',
          expect: (text: string) => expect(text).to.contain('商品已被封禁').and.not.to.contain('购买'),
        },
        {
          name: 'offline',
          client: offlineClient,
          product: products.available,
          state: 'error',
          expect: (text: string) => expect(text).to.contain('网络不可用').and.to.contain('重试'),
        },
        {
          name: 'a malformed product from the API',
          client: malformedClient(products.available),
          product: products.available,
          state: 'error',
          expect: (text: string) => expect(text).to.contain('商品加载失败').and.to.contain('重试'),
        },
        {
          name: 'not found',
          client: demoClient,
          product: { ...products.available, productId: '99999' },
          state: 'error',
          expect: (text: string) => expect(text).to.contain('商品不存在').and.not.to.contain('重试'),
        },
      ];

      for (const each of states) {
        it(`${each.name}: says so in the reserved box, accessibly`, async () => {
          const card = await mountCard(each.client, refOf(each.product), { variant });
          await settled(card);
          expect(card.getAttribute('state')).to.equal(each.state);
          each.expect(shadowText(card));
          expect(box(card)).to.deep.equal(reserved);
          if (each.state === 'ready') {
            const logo = card.shadowRoot!.querySelector('.logo')!;
            expect(logo.getAttribute('src')).to.equal(each.product.shop.logoUrl);
            expect(logo.getBoundingClientRect().width, 'the shop logo is always visible').to.be.greaterThan(10);
          }
          await expect(card).to.be.accessible();
        });
      }
    });
  }
});

describe('<xd-product-card> content', () => {
  it('is one button named by its title and price, described by the rest', async () => {
    const product = products.available;
    const card = await mountCard(demoClient, refOf(product));
    await settled(card);
    const target = part(card, 'card')!;
    expect(target.localName).to.equal('button');
    expect(card.shadowRoot!.querySelectorAll('button')).to.have.length(1);
    // Name from content: the title and the price are the only text not hidden from it.
    const named = [...target.querySelectorAll('span')].filter(
      (el) => !el.closest('[aria-hidden=true]') && !el.children.length,
    );
    expect(named.map((el) => el.textContent)).to.deep.equal([product.title, part(card, 'price')!.textContent]);
    const described = target
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => card.shadowRoot!.getElementById(id)!.textContent);
    expect(described.join(' ')).to.contain('已售').and.to.contain(product.shop.name).and.to.contain('购买');
    expect(part(card, 'price')!.textContent).to.match(/^¥[\d,.]+–¥[\d,.]+$/);
    expect(card.shadowRoot!.querySelector('s.original')!.textContent).to.match(yuan);
    expect(part(card, 'image')!.getAttribute('src')).to.equal(product.images[0]);
    expect(box(target).height, '44 px hit area').to.be.at.least(44);
  });

  it('shows 送礼 and opens a gift for a giftable product with open-page="gift"', async () => {
    const card = await mountCard(demoClient, refOf(products.giftable), { openPage: 'gift' });
    await settled(card);
    expect(part(card, 'buy-button')!.textContent).to.equal('送礼');
  });

  it('uses the short title in the text variant', async () => {
    const product = products.available;
    const card = await mountCard(demoClient, refOf(product), { variant: 'text' });
    await settled(card);
    expect(part(card, 'title')!.textContent).to.equal(product.shortTitle);
  });

  it('speaks English under lang="en-US", loading its words on demand', async () => {
    const card = await mountCard(demoClient, refOf(products.soldOut), { lang: 'en-US' });
    await shows(card, 'Sold out');
    expect(part(card, 'price')!.textContent).to.match(/^CN¥/);
    expect(shadowText(card)).to.match(/\d+(\.\d)?K? sold/);
    await expect(card).to.be.accessible();
  });

  it('takes its language from <xd-store locale>', async () => {
    const store = await fixture(
      html`<xd-store locale="en-US" .client=${demoClient}>
        <xd-product-card appid=${products.delisted.appid} product-id=${products.delisted.productId}></xd-product-card>
      </xd-store>`,
    );
    const card = store.querySelector('xd-product-card')!;
    await shows(card, 'Taken off sale by the shop');
  });

  it('never renders product text as HTML', async () => {
    const hostile = { ...products.available, title: '<img src=x onerror="window.__xdPwned=1">标题' };
    const client = createClient({
      backend: { getProducts: async (refs) => refs.map(() => ({ ok: true, product: hostile }) as const) },
    });
    const card = await mountCard(client, refOf(hostile));
    await settled(card);
    expect(card.shadowRoot!.querySelector('[part=title] img')?.outerHTML ?? null).to.equal(null);
    expect(part(card, 'title')!.textContent).to.equal(hostile.title);
    expect((window as { __xdPwned?: number }).__xdPwned).to.equal(undefined);
  });
});

describe('<xd-product-card> data states', () => {
  it('shows a page’s own placeholder while loading, in the same reserved box', async () => {
    const plain = await mountCard(pendingClient, refOf(products.available));
    const store = await fixture(
      html`<xd-store .client=${pendingClient} style="display:block;width:343px">
        <p>
          <xd-product-card appid=${products.available.appid} product-id=${products.available.productId}>
            <span slot="placeholder">正在加载好物…</span>
          </xd-product-card>
        </p>
      </xd-store>`,
    );
    const card = store.querySelector('xd-product-card')!;
    await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const slot = card.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=placeholder]')!;
    expect(slot.assignedElements().map((el) => el.textContent)).to.deep.equal(['正在加载好物…']);
    expect(box(card)).to.deep.equal(box(plain));
    const placeholder = card.querySelector('[slot=placeholder]')!.getBoundingClientRect();
    expect(placeholder.height, 'it covers the card').to.be.closeTo(card.getBoundingClientRect().height, 1);
  });

  it('shows a malformed product as that card’s error and leaves its neighbours working, from one request', async () => {
    const broken = products.available;
    const client = malformedClient(broken);
    let requests = 0;
    client.observe((event) => {
      if (event.type === 'request') requests += 1;
    });
    const store = await fixture(
      html`<xd-store .client=${client}>
        ${[products.soldOut, broken, products.giftable].map(
          (p) => html`<xd-product-card variant="strip" appid=${p.appid} product-id=${p.productId}></xd-product-card>`,
        )}
      </xd-store>`,
    );
    const cards = [...store.querySelectorAll('xd-product-card')];
    await Promise.all(cards.map((card) => settled(card)));
    expect(cards.map((card) => card.getAttribute('state'))).to.deep.equal(['ready', 'error', 'ready']);
    expect(shadowText(cards[1]!)).to.contain('商品加载失败');
    expect(requests).to.equal(1);
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
    const card = await mountCard(client, { appid: 'not-an-appid', productId: '1' });
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
    const card = await mountCard(createClient({ backend: flaky, retry: false }), refOf(products.available));
    await settled(card);
    expect(card.getAttribute('state')).to.equal('error');
    const retry = card.shadowRoot!.querySelector<HTMLButtonElement>('.error button')!;
    expect(retry.textContent).to.equal('重试');
    fail = false;
    retry.click();
    await waitUntil(() => card.getAttribute('state') === 'ready', 'ready after retry', { timeout: 5000 });
  });

  it('shows cached data as stale while refreshing, then the fresh data', async () => {
    const gate = gatedBackend(demo);
    // A clock the test moves: a minute later the cached product is stale but still shown.
    let now = 1_000_000;
    const client = createClient({ backend: gate.backend, now: () => now });
    gate.release();
    await client.getProduct(refOf(products.available));
    gate.hold();
    now += 2 * 60_000;
    const card = await mountCard(client, refOf(products.available));
    await waitUntil(() => card.getAttribute('state') === 'stale', 'stale', { timeout: 5000 });
    expect(part(card, 'title')!.textContent).to.equal(products.available.title);
    gate.release();
    await waitUntil(() => card.getAttribute('state') === 'ready', 'ready after refresh', { timeout: 5000 });
    expect(gate.calls).to.equal(2);
  });

  it('keeps showing cached data, stale, when a refresh fails for any other reason', async () => {
    let failing = false;
    const source: ProductSource = {
      async getProducts(refs, options) {
        if (failing) throw new XiaodianError('upstream', 'WeChat is having a bad day');
        return demo.getProducts(refs, options);
      },
    };
    let now = 1_000_000;
    const client = createClient({ backend: source, now: () => now, retry: false });
    await client.getProduct(refOf(products.available));
    failing = true;
    now += 2 * 60_000;
    const card = await mountCard(client, refOf(products.available));
    await waitUntil(() => card.getAttribute('state') === 'stale', 'stale', { timeout: 5000 });
    // The card's refresh, handed to this ask too: once it has failed, the card has had its answer.
    const { refresh } = await client.readProduct(refOf(products.available));
    await refresh?.then(
      () => expect.fail('the refresh was meant to fail'),
      (error: XiaodianError) => expect(error.code).to.equal('upstream'),
    );
    await card.updateComplete;
    expect(card.getAttribute('state')).to.equal('stale');
    expect(part(card, 'title')!.textContent).to.equal(products.available.title);
  });

  it('leaves the cached product when the refresh says it is gone', async () => {
    let gone = false;
    const source: ProductSource = {
      async getProducts(refs, options) {
        const results = await demo.getProducts(refs, options);
        return gone ? refs.map(() => ({ ok: false, error: { code: 'not_found', message: 'gone' } }) as const) : results;
      },
    };
    let now = 1_000_000;
    const client = createClient({ backend: source, now: () => now });
    await client.getProduct(refOf(products.available));
    gone = true;
    now += 2 * 60_000;
    const card = await mountCard(client, refOf(products.available));
    await waitUntil(() => card.getAttribute('state') === 'error', 'error after the refresh', { timeout: 5000 });
    expect(shadowText(card)).to.contain('商品不存在');
    expect(part(card, 'title')?.outerHTML ?? null).to.equal(null);
  });
});

describe('<xd-product-card> theming', () => {
  it('follows the store theme: light and dark backgrounds differ, and light is white', async () => {
    const light = await mountCard(demoClient, refOf(products.available), { theme: 'light' });
    const dark = await mountCard(demoClient, refOf(products.available), { theme: 'dark' });
    await settled(light);
    await settled(dark);
    const background = (card: Element) => getComputedStyle(part(card, 'card')!).backgroundColor;
    expect(background(light)).to.equal('rgb(255, 255, 255)');
    expect(background(dark)).to.equal('rgb(31, 31, 31)');
    await expect(dark).to.be.accessible();
  });

  it('lets a page theme the whitelisted looks and nothing that WeChat fixes', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .themed { --xd-product-card-price-color: rgb(1, 2, 3); --xd-product-card-button-background: rgb(4, 5, 6); }
      .themed xd-product-card::part(title) { font-size: 30px; height: 100px; }
      .themed xd-product-card::part(buy-button) { height: 60px; font-size: 30px; }
    `;
    document.head.append(style);
    try {
      const card = await mountCard(demoClient, refOf(products.available));
      card.closest('xd-store')!.classList.add('themed');
      await settled(card);
      expect(getComputedStyle(part(card, 'price')!).color).to.equal('rgb(1, 2, 3)');
      const buy = getComputedStyle(part(card, 'buy-button')!);
      expect(buy.backgroundColor).to.equal('rgb(4, 5, 6)');
      expect(buy.height).to.equal('32px');
      expect(buy.fontSize).to.equal('14px');
      expect(getComputedStyle(part(card, 'title')!).fontSize).to.equal('15px');
    } finally {
      style.remove();
    }
  });
});

describe('<xd-product-card> statuses', () => {
  /** Every documented status that cannot be bought, and one WeChat might add later. */
  const words: Record<number, string> = {
    0: '商品未上架',
    6: '商品已删除',
    9: '商品已删除',
    11: '商品已下架',
    12: '商品已售罄下架',
    13: '商品因违规下架',
    14: '店铺保证金不足，暂不可售',
    15: '品牌授权已过期，暂不可售',
    20: '商品已被封禁',
    77: '商品暂不可售',
  };
  for (const [status, text] of Object.entries(words)) {
    it(`status ${status}: says "${text}" and offers no buy button`, async () => {
      const product = { ...products.available, status: Number(status), availability: 'unavailable' as const };
      const client = createClient({
        backend: { getProducts: async (refs) => refs.map(() => ({ ok: true, product }) as const) },
      });
      const card = await mountCard(client, refOf(product), { variant: 'small' });
      await settled(card);
      expect(shadowText(card)).to.contain(text);
      expect(part(card, 'buy-button')?.outerHTML ?? null).to.equal(null);
      expect(card.shadowRoot!.querySelector('button')?.outerHTML ?? null).to.equal(null);
      expect(part(card, 'card')!.getAttribute('aria-label')).to.contain(text);
    });
  }

  it('puts the shop logo at the bottom left by default and at the bottom right when asked', async () => {
    for (const [position, side] of [
      ['bottom-left', 'left'],
      ['bottom-right', 'right'],
    ] as const) {
      const card = await mountCard(demoClient, refOf(products.available));
      card.setAttribute('logo-position', position);
      await settled(card);
      await card.updateComplete;
      const media = part(card, 'image')!.getBoundingClientRect();
      const logo = card.shadowRoot!.querySelector('.logo')!.getBoundingClientRect();
      const gap = side === 'left' ? logo.left - media.left : media.right - logo.right;
      expect(gap, `${position}: the logo hugs the ${side} edge`).to.be.within(0, 16);
      expect(media.bottom - logo.bottom, 'at the bottom').to.be.within(0, 16);
    }
  });
});

describe('<xd-product-card> language changes', () => {
  it('follows a lang attribute that changes after it rendered', async () => {
    const card = await mountCard(demoClient, refOf(products.soldOut));
    await shows(card, '已售罄');
    card.closest('xd-store')!.setAttribute('lang', 'en-US');
    await shows(card, 'Sold out');
    card.closest('xd-store')!.setAttribute('lang', 'zh-CN');
    await shows(card, '已售罄');
  });
});
