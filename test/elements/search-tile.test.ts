import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { XiaodianClient } from '@xiaodian/client';
import type { XdSearchTile } from '@xiaodian/elements';
import '@xiaodian/elements/search-page/define';
import '@xiaodian/elements/product-card/define';
import { XiaodianError, type Product } from '@xiaodian/model';
import { demoClient, offlineClient, pendingClient, products, refOf } from '../../stories/fixtures.js';
import { normaliseRanges } from '../../packages/elements/dist/internal/product-view/highlight.js';
import { box, part, settled } from './helpers.js';

interface TileOptions {
  product?: Product;
  ranges?: Array<readonly [number, number]>;
  itemError?: XiaodianError;
  ref?: { appid: string; productId: string };
  layout?: string;
  client?: XiaodianClient;
}

async function mountTile({ product, ranges, itemError, ref, layout = 'grid', client = demoClient }: TileOptions) {
  const store = await fixture(
    html`<xd-store lang="zh-CN" .client=${client} style="display:block;width:${layout === 'grid' ? 168 : 343}px">
      <xd-search-tile
        layout=${layout}
        appid=${ifDefined(ref?.appid)}
        product-id=${ifDefined(ref?.productId)}
        .product=${product}
        .ranges=${ranges}
        .itemError=${itemError}
      ></xd-search-tile>
    </xd-store>`,
  );
  return store.querySelector('xd-search-tile') as XdSearchTile;
}

const marks = (tile: Element) => [...tile.shadowRoot!.querySelectorAll('mark')].map((mark) => mark.textContent);

describe('<xd-search-tile>', () => {
  it('highlights the matched ranges of the title, as marks around text', async () => {
    const product = { ...products.available, title: '冰丝防晒衣女款 UPF50+' };
    const tile = await mountTile({
      product,
      ranges: [
        [2, 5],
        [8, 13],
      ],
    });
    await settled(tile);
    expect(marks(tile)).to.deep.equal(['防晒衣', 'UPF50']);
    expect(part(tile, 'title')!.textContent!.trim()).to.equal('冰丝防晒衣女款 UPF50+');
  });

  it('highlighting a hostile title runs no script and shows the title as text', async () => {
    const hostile = '<img src=x onerror="window.__xdPwned=1"><script>window.__xdPwned=1</script>防晒衣';
    const product = { ...products.available, title: hostile };
    const tile = await mountTile({
      product,
      ranges: [
        [0, 12],
        [hostile.length - 3, hostile.length],
      ],
    });
    await settled(tile);
    const title = part(tile, 'title')!;
    expect(title.querySelector('img, script')?.outerHTML ?? null).to.equal(null);
    expect(title.textContent!.trim()).to.equal(hostile);
    expect(marks(tile)).to.deep.equal(['<img src=x o', '防晒衣']);
    expect((window as { __xdPwned?: number }).__xdPwned).to.equal(undefined);
  });

  it('ranges from the wire are clamped, merged and kept off the middle of a surrogate pair', () => {
    const title = 'a😀bc'; // the emoji is the pair at 1 and 2
    expect(
      normaliseRanges(title, [
        [-5, 1],
        [100, 200],
        [4, 3],
        [Number.NaN, 2],
      ]),
    ).to.deep.equal([[0, 1]]);
    expect(normaliseRanges(title, [[2, 4]])).to.deep.equal([[1, 4]]);
    expect(normaliseRanges(title, [[0, 2]])).to.deep.equal([[0, 3]]);
    expect(
      normaliseRanges('abcdef', [
        [1, 3],
        [2, 5],
        [5, 6],
      ]),
    ).to.deep.equal([[1, 6]]);
  });

  it('a tap sends the product intent, as the card does', async () => {
    const tile = await mountTile({ product: products.available });
    await settled(tile);
    const opened: unknown[] = [];
    tile.addEventListener('xd-open', (event) => {
      event.preventDefault();
      opened.push(event.detail);
    });
    part(tile, 'tile')!.click();
    expect(opened).to.have.length(1);
    expect(opened[0]).to.deep.include({ intent: 'product', ref: refOf(products.available) });
  });

  it('loads by appid and product-id when it is not handed a product', async () => {
    const tile = await mountTile({ ref: refOf(products.soldOut) });
    await settled(tile);
    expect(part(tile, 'title')!.textContent).to.equal(products.soldOut.title);
    expect(part(tile, 'buy-button')!.textContent!.trim()).to.equal('已售罄');
  });

  for (const layout of ['grid', 'list']) {
    it(`${layout}: loading, ready, unavailable and error draw one box, each axe-clean`, async () => {
      const cases: Array<[string, TileOptions]> = [
        ['loading', { client: pendingClient, ref: refOf(products.available) }],
        ['ready', { product: products.longTitle }],
        ['sold out', { product: products.soldOut }],
        ['delisted', { product: products.delisted }],
        ['offline', { client: offlineClient, ref: refOf(products.available) }],
        ['invalid item', { itemError: new XiaodianError('invalid_response', 'bad item') }],
      ];
      const boxes: Array<{ width: number; height: number }> = [];
      for (const [name, options] of cases) {
        const tile = await mountTile({ ...options, layout });
        if (name !== 'loading') await settled(tile);
        if (name === 'offline' || name === 'invalid item') expect(tile.getAttribute('state'), name).to.equal('error');
        boxes.push(box(tile));
        const page = tile.closest('xd-store')!;
        await expect(page).to.be.accessible();
      }
      expect(new Set(boxes.map((b) => `${b.width}x${b.height}`)).size, JSON.stringify(boxes)).to.equal(1);
      if (layout === 'list') expect(boxes[0]!.height).to.equal(120);
      else expect(boxes[0]!.height).to.equal(168 + 124);
    });
  }

  it('the product card still shows the same view (shared with the tile)', async () => {
    const store = await fixture(
      html`<xd-store .client=${demoClient}
        ><xd-product-card appid=${products.available.appid} product-id=${products.available.productId}></xd-product-card
        ><xd-search-tile .product=${products.available}></xd-search-tile
      ></xd-store>`,
    );
    const card = store.querySelector('xd-product-card')!;
    const tile = store.querySelector('xd-search-tile')!;
    await waitUntil(() => card.getAttribute('state') === 'ready' && tile.getAttribute('state') === 'ready', 'ready', {
      timeout: 5000,
    });
    // The same parts with the same content (Lit's comment markers aside: the tile's title is a list of parts).
    const markup = (element: Element, name: string) => part(element, name)!.outerHTML.replace(/<!--[^]*?-->/g, '');
    for (const name of ['title', 'price', 'image']) expect(markup(tile, name), name).to.equal(markup(card, name));
  });
});
