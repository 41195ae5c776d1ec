import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';
import { searchTileLayouts, type SearchTileLayout } from '@xiaodian/elements';
import '@xiaodian/elements/search-page/define';
import { XiaodianError, type Product } from '@xiaodian/model';
import { demoClient, offlineClient, pendingClient, products } from './fixtures.js';

/** The tile's states, as the data that puts it there (the browser tests use the same products). */
const states = {
  'ready, highlighted': [demoClient, products.available, 'hit'],
  'long title': [demoClient, products.longTitle, 'hit'],
  'sold out': [demoClient, products.soldOut, 'hit'],
  delisted: [demoClient, products.delisted, 'hit'],
  loading: [pendingClient, products.available, 'ref'],
  offline: [offlineClient, products.available, 'ref'],
  'invalid result': [demoClient, products.available, 'error'],
} satisfies Record<string, [XiaodianClient, Product, 'hit' | 'ref' | 'error']>;
type State = keyof typeof states;

interface Args {
  state: State;
  layout: SearchTileLayout;
  lang: 'zh-CN' | 'en-US';
  theme: 'auto' | 'light' | 'dark';
}

const invalid = new XiaodianError('invalid_response', 'This result failed validation');

const tile = ({ state, layout }: Args) => {
  const [, product, how] = states[state];
  // A hit on the first two characters and the four after the fourth, as the index marks a matched word.
  return how === 'hit'
    ? html`<xd-search-tile
        layout=${layout}
        .product=${product}
        .ranges=${[
          [0, 2],
          [4, 8],
        ]}
      ></xd-search-tile>`
    : how === 'error'
      ? html`<xd-search-tile layout=${layout} .itemError=${invalid}></xd-search-tile>`
      : html`<xd-search-tile layout=${layout} appid=${product.appid} product-id=${product.productId}></xd-search-tile>`;
};

const meta: Meta<Args> = {
  title: 'Search/Tile',
  component: 'xd-search-tile',
  argTypes: {
    state: { control: 'select', options: Object.keys(states) },
    layout: { control: 'inline-radio', options: searchTileLayouts },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en-US'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  },
  args: { state: 'ready, highlighted', layout: 'grid', lang: 'zh-CN', theme: 'auto' },
  render: (args) => html`
    <xd-store
      lang=${args.lang}
      theme=${args.theme}
      .client=${states[args.state][0]}
      style="display:block;max-width:${args.layout === 'grid' ? 168 : 343}px"
    >
      ${tile(args)}
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Ready: Story = {};
export const LongTitle: Story = { args: { state: 'long title' } };
export const SoldOut: Story = { args: { state: 'sold out' } };
export const Delisted: Story = { args: { state: 'delisted' } };
export const Loading: Story = { args: { state: 'loading' } };
export const Offline: Story = { args: { state: 'offline' } };
export const InvalidResult: Story = { args: { state: 'invalid result' } };
export const List: Story = { args: { layout: 'list' } };
export const English: Story = { args: { lang: 'en-US', state: 'sold out' } };
export const Dark: Story = { args: { theme: 'dark' }, parameters: { backgrounds: { default: 'dark' } } };

/** Every layout in every state, as a designer reviews them. */
export const Matrix: Story = {
  render: (args) =>
    html`${searchTileLayouts.map(
      (layout) =>
        html`<h3 style="font:500 13px sans-serif;color:#888">${layout}</h3>
          <div style="display:grid;grid-template-columns:repeat(auto-fill,${layout === 'grid' ? 168 : 343}px);gap:8px">
            ${(Object.keys(states) as State[]).map(
              (state) =>
                html`<xd-store lang=${args.lang} theme=${args.theme} .client=${states[state][0]}>
                  ${tile({ ...args, state, layout })}
                </xd-store>`,
            )}
          </div>`,
    )}`,
};
