import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { impressionRule } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import { demoClient, pendingClient, products, refOf } from '../../stories/fixtures.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('xd-impression', () => {
  it('counts a card seen for a second once, and never one kept below the fold or still loading', async () => {
    const seen: string[] = [];
    const listener = (event: Event) => seen.push((event.target as Element).id);
    document.addEventListener('xd-impression', listener);
    try {
      await fixture(
        html`<div>
          <xd-store .client=${demoClient}>
            <xd-product-card
              id="top"
              appid=${products.available.appid}
              product-id=${products.available.productId}
            ></xd-product-card>
            <div style="height:4000px"></div>
            <xd-product-card
              id="below"
              appid=${products.soldOut.appid}
              product-id=${products.soldOut.productId}
            ></xd-product-card>
          </xd-store>
          <xd-store .client=${pendingClient}>
            <xd-product-card
              id="loading"
              style="position:fixed;top:0;left:0;width:300px"
              appid=${products.available.appid}
              product-id=${products.available.productId}
            ></xd-product-card>
          </xd-store>
        </div>`,
      );
      await sleep(impressionRule.durationMs / 2);
      expect(seen, 'not before a full second').to.deep.equal([]);
      await waitUntil(() => seen.length > 0, 'an impression', { timeout: 3000 });
      await sleep(impressionRule.durationMs + 300);
      expect(seen).to.deep.equal(['top']);
    } finally {
      document.removeEventListener('xd-impression', listener);
    }
  });

  it('does not count while the page is in a background tab, and counts once it is shown', async () => {
    const seen: Event[] = [];
    const listener = (event: Event) => seen.push(event);
    document.addEventListener('xd-impression', listener);
    const setVisibility = (state: 'hidden' | 'visible') => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      setVisibility('hidden');
      await fixture(
        html`<xd-store .client=${demoClient}>
          <xd-product-card
            appid=${products.available.appid}
            product-id=${products.available.productId}
          ></xd-product-card>
        </xd-store>`,
      );
      await sleep(impressionRule.durationMs + 500);
      expect(seen, 'nothing while hidden').to.have.length(0);
      setVisibility('visible');
      await waitUntil(() => seen.length === 1, 'an impression once visible', { timeout: 3000 });
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
      document.removeEventListener('xd-impression', listener);
    }
  });

  it('carries the ref and the promotion link', async () => {
    const store = await fixture(
      html`<xd-store .client=${demoClient}>
        <xd-product-card
          appid=${products.available.appid}
          product-id=${products.available.productId}
          product-promotion-link="xdpl_1"
        ></xd-product-card>
      </xd-store>`,
    );
    const event = await new Promise<CustomEvent>((resolve) =>
      (store as HTMLElement).addEventListener('xd-impression', (e) => resolve(e), { once: true }),
    );
    expect(event.detail).to.deep.include({ ref: refOf(products.available), promotionLink: 'xdpl_1' });
  });
});
