// The text link in running text, from before its script runs to its data: this file defines the elements
// itself (after measuring them undefined), so it must not import '@xiaodian/elements/define' up front.
import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { createClient } from '@xiaodian/client';
import '@xiaodian/elements/store/define';
import { demo, products } from '../../stories/fixtures.js';
import { gatedBackend, part, settled } from './helpers.js';

async function loadReserveCss(): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/packages/elements/reserve.css';
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
}

const fontSize = 17;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The width of one space in the paragraph's font: the widest gap the sentence may show. */
function wordSpace(paragraph: Element): number {
  const probe = document.createElement('span');
  paragraph.append(probe);
  probe.textContent = 'x x';
  const spaced = probe.getBoundingClientRect().width;
  probe.textContent = 'xx';
  const tight = probe.getBoundingClientRect().width;
  probe.remove();
  return spaced - tight;
}

/** How wide the first six characters of the card's title are in the title's own font. */
function sixCharacters(card: Element): number {
  const title = part(card, 'title')!;
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;white-space:pre;visibility:hidden';
  probe.style.font = getComputedStyle(title).font;
  probe.textContent = [...(title.textContent ?? '')].slice(0, 6).join('');
  document.body.append(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  return width;
}

const rect = (element: Element) => {
  const { left, top, width, height } = element.getBoundingClientRect();
  return [left, top, width, height].map((n) => Math.round(n * 10) / 10).join(',');
};

describe('the text link in running text', () => {
  const cases = [
    { name: 'a product on sale', product: products.available },
    { name: 'a delisted product (商品已下架)', product: products.delisted },
    { name: 'a sold-out product', product: products.soldOut },
  ];
  let gates: ReturnType<typeof gatedBackend>;
  let root: HTMLElement;

  before(async () => {
    await loadReserveCss();
    gates = gatedBackend(demo);
    const client = createClient({ backend: gates.backend });
    // One page for every test here (fixture() would remove it after the first): the phases are measured once.
    root = document.createElement('div');
    document.body.append(root);
    render(
      html`<xd-store .client=${client} style="display:block;width:343px;font:${fontSize}px/1.75 sans-serif">
        ${cases.map(
          ({ product }) =>
            html`<p>
              同系列还有
              <xd-product-card variant="text" appid=${product.appid} product-id=${product.productId}
                >${product.shortTitle}</xd-product-card
              ><span class="after" style="white-space:nowrap">，下雨天</span>
            </p>`,
        )}
      </xd-store>`,
      root,
    );
  });

  after(() => root.remove());

  it('keeps every box and every word in place from undefined through loading to ready', async () => {
    const cards = [...root.querySelectorAll('xd-product-card')];
    const layout = () => [...root.querySelectorAll('xd-product-card, .after, p')].map(rect);
    await customElements.whenDefined('xd-store');
    await frame();
    expect(customElements.get('xd-product-card'), 'measured before definition').to.equal(undefined);
    const undefinedLayout = layout();
    // The written title reads in place before the script runs.
    expect(cards[0]!.getBoundingClientRect().width).to.be.greaterThan(6 * fontSize);

    await import('@xiaodian/elements/product-card/define');
    await Promise.all(cards.map((card) => (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
    await frame();
    expect(cards.map((card) => card.getAttribute('state'))).to.deep.equal(['loading', 'loading', 'loading']);
    expect(layout(), 'defining the element moves nothing').to.deep.equal(undefinedLayout);

    gates.release();
    await Promise.all(cards.map((card) => settled(card)));
    await frame();
    expect(cards.map((card) => card.getAttribute('state'))).to.deep.equal(['ready', 'ready', 'ready']);
    expect(layout(), 'the data arriving moves nothing').to.deep.equal(undefinedLayout);
  });

  for (const [index, { name }] of cases.entries()) {
    it(`${name}: no gap wider than a word space before the sentence goes on, title at least six characters`, async () => {
      const card = root.querySelectorAll('xd-product-card')[index]!;
      await settled(card);
      const paragraph = card.closest('p')!;
      const space = wordSpace(paragraph);
      const title = part(card, 'title')!.getBoundingClientRect();
      // What ends the link: the price, or the reason it cannot be bought.
      const ends = [...card.shadowRoot!.querySelectorAll<HTMLElement>('.price, .notice, .buy')]
        .map((element) => element.getBoundingClientRect())
        .filter((box) => box.width > 0);
      const end = Math.max(title.right, ...ends.map((box) => box.right));
      const after = paragraph.querySelector('.after')!.getBoundingClientRect();
      expect(after.left - end, `gap after the link's last word (a space is ${space.toFixed(1)} px)`).to.be.at.most(
        space,
      );
      expect(title.width, 'the title keeps six characters').to.be.at.least(sixCharacters(card) - 0.5);
      expect(Math.abs(title.top - after.top), 'the sentence goes on on the same line').to.be.below(fontSize / 2);
      // Nothing overlaps: each part ends before the next begins.
      for (const box of ends) expect(box.left).to.be.at.least(title.right - 0.5);
    });
  }
});
