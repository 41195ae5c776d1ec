// The text link in running text, from before its script runs to its data: this file defines the elements
// itself (after measuring them undefined), so it must not import '@xiaodian/elements/define' up front.
import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { createClient } from '@xiaodian/client';
import '@xiaodian/elements/store/define';
import type { Product } from '@xiaodian/model';
import { products } from '../../stories/fixtures.js';
import { gatedBackend, part, settled } from './helpers.js';
import { charactersWide, frame, loadReserveCss, rect, sentenceGoesOn, textEnd, wordSpace } from './layout.js';

// A phone's article text: 17 px in a 343 px column (375 px less the article's margins).
const fontSize = 17;

const base = products.available;
/** A product as the page's backend answers it: the demo's, with the title, price and status of the case. */
const variant = (productId: string, changes: Partial<Product>): Product => ({ ...base, productId, ...changes });
const sixCharacterTitle = '三合一冲锋衣';
const longTitle = '山野 冲锋衣 三合一 可拆卸抓绒内胆 男女同款 秋冬';
/** A product with a short title (what creators write) and a long one. */
const titled = { title: longTitle, shortTitle: sixCharacterTitle };
const cases = [
  {
    name: 'a short price after a six-character title',
    written: `${sixCharacterTitle} ¥9.90`,
    product: variant('90000000000000001', { ...titled, minPrice: 990, maxPrice: 990 }),
  },
  {
    name: 'a long price after a six-character title',
    written: `${sixCharacterTitle} ¥29,907.00`,
    product: variant('90000000000000002', { ...titled, minPrice: 2990700, maxPrice: 2990700 }),
  },
  {
    name: 'a price range, shown from its lowest price',
    written: `${sixCharacterTitle} ¥99.00起`,
    product: variant('90000000000000003', { ...titled, minPrice: 9900, maxPrice: 19900 }),
  },
  {
    name: 'a long title (no short one) and a long price',
    written: `${longTitle} ¥29,907.00`,
    product: variant('90000000000000004', {
      title: longTitle,
      shortTitle: undefined,
      minPrice: 2990700,
      maxPrice: 2990700,
    }),
  },
  {
    name: 'a delisted product (商品已下架)',
    written: `${sixCharacterTitle} ¥891.00`,
    product: variant('90000000000000005', {
      ...titled,
      minPrice: 89100,
      maxPrice: 89100,
      status: 11,
      availability: 'unavailable',
    }),
  },
  {
    name: 'a sold-out product',
    written: `${sixCharacterTitle} ¥9.90`,
    product: variant('90000000000000006', { ...titled, minPrice: 990, maxPrice: 990, availability: 'sold_out' }),
  },
];

describe('the text link in running text (375 px)', () => {
  let gates: ReturnType<typeof gatedBackend>;
  let root: HTMLElement;
  const beforeDefinition: Array<{ gap: number; space: number }> = [];

  before(async () => {
    await loadReserveCss();
    const answers = new Map(cases.map(({ product }) => [product.productId, product]));
    gates = gatedBackend({
      getProducts: async (refs) =>
        refs.map((ref) => ({ ok: true, product: structuredClone(answers.get(ref.productId)!) })),
    });
    const client = createClient({ backend: gates.backend });
    // One page for every test here (fixture() would remove it after the first): the phases are measured once.
    root = document.createElement('div');
    document.body.append(root);
    render(
      html`<xd-store .client=${client} style="display:block;width:343px;font:${fontSize}px/1.75 sans-serif">
        ${cases.map(
          ({ product, written }) =>
            html`<p>
              同系列还有
              <xd-product-card variant="text" appid=${product.appid} product-id=${product.productId}
                >${written}</xd-product-card
              ><span class="after" style="white-space:nowrap">，下雨天</span>
            </p>`,
        )}
      </xd-store>`,
      root,
    );
    await customElements.whenDefined('xd-store');
    await frame();
    // Before the script runs: the written text, then the sentence.
    for (const card of root.querySelectorAll('xd-product-card')) {
      const paragraph = card.closest('p')!;
      const after = paragraph.querySelector('.after')!.getBoundingClientRect();
      beforeDefinition.push({ gap: after.left - textEnd(card), space: wordSpace(paragraph) });
    }
  });

  after(() => root.remove());

  it('keeps every box and every word in place from undefined through loading to ready', async () => {
    const cards = [...root.querySelectorAll('xd-product-card')];
    const layout = () => [...root.querySelectorAll('xd-product-card, .after, p')].map(rect);
    expect(customElements.get('xd-product-card'), 'measured before definition').to.equal(undefined);
    const undefinedLayout = layout();
    // The written text reads in place before the script runs.
    expect(cards[0]!.getBoundingClientRect().width).to.be.greaterThan(6 * fontSize);

    await import('@xiaodian/elements/product-card/define');
    await Promise.all(cards.map((card) => (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
    await frame();
    expect(new Set(cards.map((card) => card.getAttribute('state')))).to.deep.equal(new Set(['loading']));
    expect(layout(), 'defining the element moves nothing').to.deep.equal(undefinedLayout);

    gates.release();
    await Promise.all(cards.map((card) => settled(card)));
    await frame();
    expect(new Set(cards.map((card) => card.getAttribute('state')))).to.deep.equal(new Set(['ready']));
    expect(layout(), 'the data arriving moves nothing').to.deep.equal(undefinedLayout);
  });

  for (const [index, { name }] of cases.entries()) {
    it(`${name}: no gap wider than a word space, before definition or after, title at least six characters`, async () => {
      const card = root.querySelectorAll('xd-product-card')[index]!;
      await settled(card);
      await frame();
      const paragraph = card.closest('p')!;
      const space = wordSpace(paragraph);
      const undefinedGap = beforeDefinition[index]!.gap;
      expect(undefinedGap, `before definition, the gap after the written text (a space: ${space} px)`).to.be.at.most(
        space + 0.5,
      );
      const title = part(card, 'title')!;
      const price = part(card, 'price')!;
      const after = paragraph.querySelector('.after')!.getBoundingClientRect();
      const gaps = {
        'between the title and the price': price.getBoundingClientRect().left - textEnd(title),
        'after the price, before the sentence goes on': after.left - textEnd(price),
      };
      for (const [where, gap] of Object.entries(gaps)) {
        expect(gap, `${where} (a space is ${space.toFixed(1)} px)`).to.be.at.most(space + 0.5);
      }
      expect(title.getBoundingClientRect().width, 'the title keeps six characters').to.be.at.least(
        charactersWide(title.textContent ?? '', title) - 0.5,
      );
      expect(price.getBoundingClientRect().width, 'the price is shown whole').to.be.at.least(price.scrollWidth - 0.5);
      expect(textEnd(price), 'the link ends where its price does').to.be.at.least(
        card.getBoundingClientRect().right - 0.5,
      );
      const goesOn = sentenceGoesOn(card, title, paragraph.querySelector('.after')!);
      if (goesOn.fits) expect(goesOn.sameLine, 'the sentence goes on in the link’s line, where it fits').to.equal(true);
      else expect(goesOn.wrappedToLineStart, 'too long for the line: the sentence goes on at the next').to.equal(true);
    });
  }
});
