import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { createClient, type XiaodianClient } from '@xiaodian/client';
import { setDefaultClient } from '@xiaodian/elements';
import type { ProductRef } from '@xiaodian/model';
import { demo, products } from '../../stories/fixtures.js';

// This file defines the elements itself, card first and store after, as a page that imports
// `product-card/define` before `store/define` does. Its tests run in order in one page.

/** A client over the demo catalog that records what it was asked for. */
function recordingClient(answer: 'demo' | 'not_found') {
  const asked: ProductRef[] = [];
  const client: XiaodianClient = createClient({
    backend: {
      getProducts: async (refs) => {
        asked.push(...refs);
        return answer === 'demo'
          ? demo.getProducts(refs)
          : refs.map(() => ({ ok: false, error: { code: 'not_found', message: 'no such product' } }) as const);
      },
    },
  });
  return { client, asked };
}

const state = (card: Element, expected: string, what: string) =>
  waitUntil(() => card.getAttribute('state') === expected, what, { timeout: 3000 });

const pageDefault = recordingClient('not_found');
before(() => setDefaultClient(pageDefault.client));
after(() => setDefaultClient(undefined));

describe('provisioning does not depend on definition order', () => {
  it('a card defined before its store waits for the store, and .client set later still reaches it', async () => {
    expect(customElements.get('xd-store'), 'the store is not defined yet').to.equal(undefined);
    const store = await fixture<HTMLElement & { client?: XiaodianClient }>(
      html`<xd-store>
        <xd-product-card appid=${products.available.appid} product-id=${products.available.productId}></xd-product-card>
      </xd-store>`,
    );
    const card = store.querySelector('xd-product-card')!;
    // Lazily: the card is defined while its (undefined) store is already on the page.
    await import('@xiaodian/elements/product-card/define');
    await nextFrame();
    await nextFrame();
    expect(card.getAttribute('state')).to.equal('loading');
    expect(pageDefault.asked, 'nothing asked of the page default while a store is coming').to.deep.equal([]);

    await import('@xiaodian/elements/store/define');
    const fromStore = recordingClient('demo');
    store.client = fromStore.client;
    await state(card, 'ready', "the card loads through the store's client");
    expect(fromStore.asked.map((ref) => ref.productId)).to.include(products.available.productId);
  });

  it('a store that appears later around a card (in a shadow root) provides to it', async () => {
    const host = await fixture(
      html`<div>
        <xd-product-card appid=${products.soldOut.appid} product-id=${products.soldOut.productId}></xd-product-card>
      </div>`,
    );
    const card = host.querySelector('xd-product-card')!;
    await state(card, 'error', 'outside any store, the page default answers not_found');

    // The card does not move: a component wraps its light DOM in a store of its own.
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<xd-store><slot></slot></xd-store>';
    const fromStore = recordingClient('demo');
    (shadow.querySelector('xd-store') as HTMLElement & { client?: XiaodianClient }).client = fromStore.client;
    await state(card, 'ready', "the card switches to the new store's client");
    expect(fromStore.asked.map((ref) => ref.productId)).to.deep.equal([products.soldOut.productId]);
  });
});
