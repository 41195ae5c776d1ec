import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@xiaodian/elements/define';
import { offlineClient, products } from '../../stories/fixtures.js';

const looks = ['display', 'flexDirection', 'alignItems', 'justifyContent', 'gap', 'padding', 'whiteSpace'] as const;
const buttonLooks = ['minHeight', 'minWidth', 'padding', 'borderTopWidth', 'color', 'textDecorationLine'] as const;

function style(element: Element | null, properties: readonly (keyof CSSStyleDeclaration)[]) {
  if (!element) throw new Error('missing element');
  const computed = getComputedStyle(element);
  return Object.fromEntries(properties.map((property) => [property, computed[property]]));
}

describe('views written once, shared by the card and the shop entry', () => {
  it("the inline variants draw the same link box, with the same error and retry (the card's text, the entry's inline)", async () => {
    const page = await fixture(
      html`<p style="font-size:16px">
        <xd-store .client=${offlineClient}>
          <xd-product-card
            variant="text"
            appid=${products.available.appid}
            product-id=${products.available.productId}
          ></xd-product-card>
          <xd-shop-entry variant="inline" appid=${products.available.appid}></xd-shop-entry>
        </xd-store>
      </p>`,
    );
    const card = page.querySelector('xd-product-card')!;
    const entry = page.querySelector('xd-shop-entry')!;
    const failed = (el: Element) => el.getAttribute('state') === 'error' && el.shadowRoot!.querySelector('.retry');
    await waitUntil(() => failed(card) && failed(entry), 'both offline, with a retry', { timeout: 5000 });
    const parts = (el: Element, box: string) => ({
      box: style(el.shadowRoot!.querySelector(`[part~=${box}]`), looks),
      error: style(el.shadowRoot!.querySelector('.error'), looks),
      retry: style(el.shadowRoot!.querySelector('.retry'), buttonLooks),
    });
    expect(parts(entry, 'entry')).to.deep.equal(parts(card, 'card'));
  });
});
