import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@xiaodian/client';
import '@xiaodian/elements/define';
import { products, shops } from '../../stories/fixtures.js';
import { diagnosticsWritten, settled, shadowText } from './helpers.js';

/** Records console errors for the length of one test. */
function watchErrors() {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  return { errors, restore: () => (console.error = original) };
}

describe('a gateway that does not speak the Xiaodian API', () => {
  it('gateway="not a url" shows a service problem, not a missing product, and says why once in the console', async () => {
    const { errors, restore } = watchErrors();
    try {
      // A relative "URL" lands on the page's own server, which answers its own 404 page.
      const store = await fixture(
        html`<xd-store gateway="not a url">
          <xd-product-card
            appid=${products.available.appid}
            product-id=${products.available.productId}
          ></xd-product-card>
          <xd-product-card appid=${products.soldOut.appid} product-id=${products.soldOut.productId}></xd-product-card>
          <xd-shop-entry appid=${shops.flagship.appid}></xd-shop-entry>
        </xd-store>`,
      );
      const elements = [...store.querySelectorAll('xd-product-card, xd-shop-entry')];
      await Promise.all(elements.map((element) => settled(element)));
      await diagnosticsWritten(() => errors.some((error) => error.includes('does not speak the Xiaodian API')));
      expect(elements.map((element) => element.getAttribute('state'))).to.deep.equal(['error', 'error', 'error']);
      expect(shadowText(elements[0]!)).to.contain('商品加载失败').and.not.to.contain('商品不存在');
      expect(shadowText(elements[2]!)).to.contain('店铺加载失败').and.not.to.contain('店铺不存在');
      const reports = errors.filter((error) => error.includes('does not speak the Xiaodian API'));
      expect(reports, errors.join('\n')).to.have.length(1);
      expect(reports[0]).to.contain('not a url');
    } finally {
      restore();
    }
  });

  it('a URL answering an HTML 404 page is a service problem; the API’s own not_found is still “not found”', async () => {
    const { errors, restore } = watchErrors();
    const page404 = () =>
      new Response('<!doctype html><title>404</title><h1>Not Found</h1>', {
        status: 404,
        headers: { 'content-type': 'text/html' },
      });
    const apiNotFound = () =>
      new Response(JSON.stringify({ error: { code: 'not_found', message: 'No shop wx0000000000000000' } }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    try {
      const htmlClient = createClient({ gateway: 'https://blog.example', fetch: async () => page404(), retry: false });
      const apiClient = createClient({ gateway: 'https://gw.example', fetch: async () => apiNotFound(), retry: false });
      const wrong = await fixture(
        html`<xd-store .client=${htmlClient}><xd-shop-entry appid=${shops.flagship.appid}></xd-shop-entry></xd-store>`,
      );
      const right = await fixture(
        html`<xd-store .client=${apiClient}><xd-shop-entry appid="wx0000000000000000"></xd-shop-entry></xd-store>`,
      );
      const [misconfigured, missing] = [wrong, right].map((store) => store.querySelector('xd-shop-entry')!);
      await settled(misconfigured!);
      await settled(missing!);
      expect(shadowText(misconfigured!)).to.contain('店铺加载失败').and.to.contain('重试');
      expect(shadowText(missing!)).to.contain('店铺不存在').and.not.to.contain('重试');
      await waitUntil(() => errors.length > 0, 'a console error');
      expect(errors.filter((error) => error.includes('does not speak the Xiaodian API'))).to.have.length(1);
    } finally {
      restore();
    }
  });
});
