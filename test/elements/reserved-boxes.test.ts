import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';
import { productCardVariants, shopEntryVariants } from '@xiaodian/elements';
import { demoClient, offlineClient, pendingClient, products, refOf, shops } from '../../stories/fixtures.js';
import { box, settled } from './helpers.js';
import { loadReserveCss } from './layout.js';

// Layout stability against reserve.css itself: a page loads reserve.css, its elements sit undefined until
// the script runs, then load, then show data or an error. Each element × variant must keep the box
// reserve.css gave it through all of that, at a 375 px wide page, or the article under it moves.
// This file must not import '@xiaodian/elements/define' statically: the elements start undefined here.

const states = [
  { state: 'loading', client: pendingClient },
  { state: 'ready', client: demoClient },
  { state: 'error', client: offlineClient },
] as const;

interface Mounted {
  element: Element;
  state: (typeof states)[number]['state'];
  undefinedBox: { width: number; height: number };
}

const mounted = new Map<string, Mounted[]>();

function inStore(client: XiaodianClient, content: ReturnType<typeof html>) {
  return html`<xd-store .client=${client} style="display:block">
    <p>文中 ${content} 与文字同行。</p>
  </xd-store>`;
}

describe('reserve.css holds every element × variant in the box it draws in every state (375 px)', () => {
  let page: HTMLElement;
  after(() => page.remove());
  before(async () => {
    await loadReserveCss();
    // Not a fixture(): those are removed after each test, and these elements serve every test below.
    page = document.createElement('div');
    page.style.width = '375px';
    document.body.append(page);
    const add = async (key: string, make: (client: XiaodianClient) => ReturnType<typeof html>, tag: string) => {
      const entries: Mounted[] = [];
      for (const { state, client } of states) {
        const host = document.createElement('div');
        page.append(host);
        render(inStore(client, make(client)), host);
        const element = host.querySelector(tag)!;
        expect(customElements.get(tag), `${tag} is not defined yet`).to.equal(undefined);
        entries.push({ element, state, undefinedBox: box(element) });
      }
      mounted.set(key, entries);
    };
    const product = refOf(products.available);
    for (const variant of productCardVariants) {
      await add(
        `xd-product-card variant=${variant}`,
        () =>
          html`<xd-product-card
            variant=${variant}
            appid=${product.appid}
            product-id=${product.productId}
          ></xd-product-card>`,
        'xd-product-card',
      );
    }
    for (const variant of shopEntryVariants) {
      await add(
        `xd-shop-entry variant=${variant}`,
        () => html`<xd-shop-entry variant=${variant} appid=${shops.flagship.appid}></xd-shop-entry>`,
        'xd-shop-entry',
      );
    }
    await import('@xiaodian/elements/define');
    for (const entries of mounted.values()) {
      for (const { element, state } of entries) {
        await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        if (state !== 'loading') await settled(element);
      }
    }
  });

  const keys = [
    ...productCardVariants.map((variant) => `xd-product-card variant=${variant}`),
    ...shopEntryVariants.map((variant) => `xd-shop-entry variant=${variant}`),
  ];
  for (const key of keys) {
    it(`${key}: undefined, loading, ready and error draw one box`, () => {
      const entries = mounted.get(key)!;
      const reserved = entries[0]!.undefinedBox;
      expect(reserved.width, 'reserve.css gives it a width').to.be.greaterThan(20);
      expect(reserved.height, 'reserve.css gives it a height').to.be.greaterThan(15);
      for (const { element, state, undefinedBox } of entries) {
        expect(undefinedBox, `undefined, before the ${state} one was defined`).to.deep.equal(reserved);
        expect(element.getAttribute('state')).to.equal(state);
        expect(box(element), `${state} against reserve.css`).to.deep.equal(reserved);
      }
    });
  }
});
