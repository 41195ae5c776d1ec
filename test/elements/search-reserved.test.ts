import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';
import { XiaodianError } from '@xiaodian/model';
import { demoClient, offlineClient, pendingClient, products, refOf } from '../../stories/fixtures.js';
import { box, settled } from './helpers.js';
import { loadReserveCss } from './layout.js';

// Layout stability of the search tile against reserve.css, as reserved-boxes.test.ts does for the cards: a
// page's tiles and box sit undefined until the script runs, then load, then show a product or an error, and
// each must keep the box reserve.css gave it. This file must not import the elements statically.

const states = [
  { state: 'loading', client: pendingClient },
  { state: 'ready', client: demoClient },
  { state: 'error', client: offlineClient },
] as const;

describe('reserve.css holds the search tile (both layouts) and the search box in every state', () => {
  const mounted: Array<{ key: string; element: Element; state: string; undefinedBox: ReturnType<typeof box> }> = [];
  let page: HTMLElement;
  after(() => page.remove());
  before(async () => {
    await loadReserveCss();
    page = document.createElement('div');
    page.style.cssText = 'width:375px;display:grid;grid-template-columns:168px;gap:8px';
    document.body.append(page);
    const add = (key: string, client: XiaodianClient, state: string, content: ReturnType<typeof html>) => {
      const host = document.createElement('div');
      page.append(host);
      render(html`<xd-store .client=${client} style="display:block">${content}</xd-store>`, host);
      const element = host.querySelector(key.split(' ')[0]!)!;
      expect(customElements.get(element.localName), `${element.localName} is not defined yet`).to.equal(undefined);
      mounted.push({ key, element, state, undefinedBox: box(element) });
    };
    const ref = refOf(products.available);
    for (const layout of ['grid', 'list']) {
      for (const { state, client } of states) {
        add(
          `xd-search-tile layout=${layout}`,
          client,
          state,
          html`<xd-search-tile layout=${layout} appid=${ref.appid} product-id=${ref.productId}></xd-search-tile>`,
        );
      }
      add(
        `xd-search-tile layout=${layout}`,
        demoClient,
        'error',
        html`<xd-search-tile
          layout=${layout}
          .itemError=${new XiaodianError('invalid_response', 'bad')}
        ></xd-search-tile>`,
      );
    }
    add('xd-search', demoClient, 'ready', html`<xd-search></xd-search>`);
    await import('@xiaodian/elements/search-page/define');
    for (const { element, state } of mounted) {
      await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      if (state !== 'loading') await settled(element);
    }
  });

  for (const key of ['xd-search-tile layout=grid', 'xd-search-tile layout=list', 'xd-search']) {
    it(`${key}: undefined, loading, ready and error draw one box`, () => {
      const entries = mounted.filter((entry) => entry.key === key);
      const reserved = entries[0]!.undefinedBox;
      expect(reserved.height, 'reserve.css gives it a height').to.be.greaterThan(15);
      for (const { element, state, undefinedBox } of entries) {
        expect(undefinedBox, `undefined, before the ${state} one was defined`).to.deep.equal(reserved);
        expect(element.getAttribute('state')).to.equal(state);
        expect(box(element), `${state} against reserve.css`).to.deep.equal(reserved);
      }
    });
  }
});
