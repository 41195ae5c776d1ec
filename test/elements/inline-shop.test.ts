// The inline shop entry in running text, from before its script runs to its data: this file defines the
// elements itself (after measuring them undefined), so it must not import '@xiaodian/elements/define' up front.
import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { createClient } from '@xiaodian/client';
import '@xiaodian/elements/store/define';
import type { Shop, ShopStatus } from '@xiaodian/model';
import { shops } from '../../stories/fixtures.js';
import { part, settled } from './helpers.js';
import { charactersWide, frame, loadReserveCss, rect, sentenceGoesOn, textEnd, wordSpace } from './layout.js';

// A phone's article text: 17 px in a 343 px column (375 px less the article's margins).
const fontSize = 17;

const nameOf = (entry: Element) => entry.shadowRoot!.querySelector('.name')!;

const fourCharacterName = '山野户外';
const sixCharacterName = '山野户外旗舰';
const longName = '山野户外官方旗舰店（北京朝阳）';
const closedStatuses = new Set<ShopStatus>(['closing', 'close_finished']);
/** A shop as the page's backend answers it: the demo's flagship, with the name and status of the case. */
const cases: Array<{ name: string; shop: Shop }> = [
  ['a four-character name', fourCharacterName, 'open_finished'],
  ['a six-character name, opening', sixCharacterName, 'opening'],
  ['a six-character name, open', sixCharacterName, 'open_finished'],
  ['a six-character name, closing', sixCharacterName, 'closing'],
  ['a six-character name, closed', sixCharacterName, 'close_finished'],
  ['a six-character name, status unknown', sixCharacterName, 'unknown'],
  ['a long name, open', longName, 'open_finished'],
  ['a long name, closed', longName, 'close_finished'],
].map(([what, name, status], index) => ({
  name: what!,
  shop: {
    ...shops.flagship,
    appid: `wx00000000000000${String(index).padStart(2, '0')}`,
    name: name!,
    status: status as ShopStatus,
  },
}));

describe('the inline shop entry in running text (375 px)', () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let root: HTMLElement;
  const beforeDefinition: number[] = [];

  before(async () => {
    await loadReserveCss();
    const answers = new Map(cases.map(({ shop }) => [shop.appid, shop]));
    const client = createClient({
      backend: {
        getProducts: () => Promise.reject(new Error('no products here')),
        getShop: async (appid) => {
          await gate;
          return structuredClone(answers.get(appid)!);
        },
      },
    });
    // One page for every test here (fixture() would remove it after the first): the phases are measured once.
    root = document.createElement('div');
    document.body.append(root);
    render(
      html`<xd-store .client=${client} style="display:block;width:343px;font:${fontSize}px/1.75 sans-serif">
        ${cases.map(
          ({ shop }) =>
            html`<p>
              推荐一家店
              <xd-shop-entry variant="inline" appid=${shop.appid}>${shop.name}</xd-shop-entry
              ><span class="after" style="white-space:nowrap">，值得一逛</span>
            </p>`,
        )}
      </xd-store>`,
      root,
    );
    await customElements.whenDefined('xd-store');
    await frame();
    // Before the script runs: the written name, then the sentence.
    for (const entry of root.querySelectorAll('xd-shop-entry')) {
      const after = entry.closest('p')!.querySelector('.after')!.getBoundingClientRect();
      beforeDefinition.push(after.left - textEnd(entry));
    }
  });

  after(() => root.remove());

  it('keeps every box and every word in place from undefined through loading to ready', async () => {
    const entries = [...root.querySelectorAll('xd-shop-entry')];
    const layout = () => [...root.querySelectorAll('xd-shop-entry, .after, p')].map(rect);
    expect(customElements.get('xd-shop-entry'), 'measured before definition').to.equal(undefined);
    const undefinedLayout = layout();
    // The written name reads in place before the script runs, after the logo's room.
    expect(entries[0]!.getBoundingClientRect().width).to.be.at.least(
      1.25 * fontSize + charactersWide(fourCharacterName, entries[0]!) - 0.5,
    );

    await import('@xiaodian/elements/shop-entry/define');
    await Promise.all(
      entries.map((entry) => (entry as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete),
    );
    await frame();
    expect(new Set(entries.map((entry) => entry.getAttribute('state')))).to.deep.equal(new Set(['loading']));
    expect(layout(), 'defining the element moves nothing').to.deep.equal(undefinedLayout);

    release();
    await Promise.all(entries.map((entry) => settled(entry)));
    await frame();
    expect(new Set(entries.map((entry) => entry.getAttribute('state')))).to.deep.equal(new Set(['ready']));
    expect(layout(), 'the data arriving moves nothing').to.deep.equal(undefinedLayout);
  });

  for (const [index, { name, shop }] of cases.entries()) {
    it(`${name}: no gap wider than a word space, name at least six characters, status readable`, async () => {
      const entry = root.querySelectorAll('xd-shop-entry')[index]!;
      await settled(entry);
      await frame();
      expect(entry.getAttribute('state')).to.equal('ready');
      const paragraph = entry.closest('p')!;
      const space = wordSpace(paragraph);
      expect(beforeDefinition[index], `before definition, the gap after the name (a space: ${space} px)`).to.be.at.most(
        space + 0.5,
      );
      const shown = nameOf(entry);
      const after = paragraph.querySelector('.after')!.getBoundingClientRect();
      expect(after.left - textEnd(shown), `after the name (a space is ${space.toFixed(1)} px)`).to.be.at.most(
        space + 0.5,
      );
      expect(shown.getBoundingClientRect().width, 'the name keeps six characters').to.be.at.least(
        charactersWide(shop.name, shown) - 0.5,
      );
      expect(textEnd(shown), 'the link ends where its name does').to.be.at.least(
        entry.getBoundingClientRect().right - 0.5,
      );
      const goesOn = sentenceGoesOn(entry, shown, paragraph.querySelector('.after')!);
      if (goesOn.fits) expect(goesOn.sameLine, 'the sentence goes on in the link’s line, where it fits').to.equal(true);
      else expect(goesOn.wrappedToLineStart, 'too long for the line: the sentence goes on at the next').to.equal(true);

      const status = entry.shadowRoot!.querySelector('.status');
      const box = part(entry, 'entry')!;
      if (closedStatuses.has(shop.status)) {
        expect(status?.textContent, 'the status, in the logo’s place').to.equal('关');
        const drawn = status!.getBoundingClientRect();
        expect(drawn.width, 'the status is shown whole').to.be.at.least(status!.scrollWidth - 0.5);
        expect(drawn.right, 'before the name, not over it').to.be.at.most(shown.getBoundingClientRect().left + 0.5);
        expect(drawn.left, 'inside the link').to.be.at.least(box.getBoundingClientRect().left - 0.5);
        expect(parseFloat(getComputedStyle(status!).fontSize), 'readable (12 px or more)').to.be.at.least(12);
        expect(box.getAttribute('aria-label'), 'said in full').to.equal(`${shop.name}, 店铺已关闭`);
      } else {
        expect(status, 'an open shop shows its logo, no status').to.equal(null);
      }
    });
  }
});
