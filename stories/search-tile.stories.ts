import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';
import { searchTileLayouts } from '@xiaodian/elements';
import '@xiaodian/elements/search-page/define';
import { XiaodianError, type Product } from '@xiaodian/model';
import { elementControls, type ElementArgs } from './element-controls.js';
import { demoClient, offlineClient, pendingClient, products } from './fixtures.js';
import { sharedStaleClient, showsStale, stateControls, type StoryLang } from './state-stories.js';

const tile = elementControls('xd-search-tile', { unpainted: ['--xd-color-buy', '--xd-color-link'] });

/**
 * The tile's states, as the data that puts it there (the browser tests use the same products): a search
 * hit (`hit`: the product handed over, no request), a tile that loads its product by ref (`ref`), or a
 * result that failed validation (`error`).
 */
const states = {
  'ready, highlighted': [demoClient, products.available, 'hit'],
  'long title': [demoClient, products.longTitle, 'hit'],
  'sold out': [demoClient, products.soldOut, 'hit'],
  delisted: [demoClient, products.delisted, 'hit'],
  loading: [pendingClient, products.available, 'ref'],
  stale: ['stale', products.available, 'ref'],
  offline: [offlineClient, products.available, 'ref'],
  'invalid result': [demoClient, products.available, 'error'],
} satisfies Record<string, [XiaodianClient | 'stale', Product, 'hit' | 'ref' | 'error']>;
type State = keyof typeof states;

type Args = ElementArgs & { data: State; lang: StoryLang };
interface Loaded {
  stale: XiaodianClient;
}

/** A stale copy of the product. */
const stale = sharedStaleClient([products.available]);
const loaders = [async (): Promise<Loaded> => ({ stale: await stale() })];
const clientOf = (state: State, loaded: Loaded): XiaodianClient => {
  const [client] = states[state];
  return client === 'stale' ? loaded.stale : client;
};

const invalid = new XiaodianError('invalid_response', 'This result failed validation');
/** A hit on the first two characters and the four after the fourth, as the index marks a matched word. */
const ranges = [
  [0, 2],
  [4, 8],
] as const;

/** The tile the controls describe; with no appid/product-id typed in, what the chosen state shows. */
const tileFor = (args: Args, state: State = args.data, layout = args['layout']) => {
  const [, product, how] = states[state];
  const typed = Boolean(args['appid'] && args['product-id']);
  return tile.render({
    ...args,
    layout,
    ...(typed || how === 'ref' ? { appid: args['appid'] || product.appid } : {}),
    ...(typed || how === 'ref' ? { 'product-id': args['product-id'] || product.productId } : {}),
    ...(!typed && how === 'hit' ? { product, ranges } : {}),
    ...(!typed && how === 'error' ? { itemError: invalid } : {}),
  });
};
const widthOf = (layout: unknown) => (layout === 'list' ? 343 : 168);

const meta: Meta<Args> = {
  title: 'Search/Tile',
  component: 'xd-search-tile',
  args: { ...tile.args, data: 'ready, highlighted', lang: 'zh-CN' },
  argTypes: {
    ...tile.argTypes,
    ...stateControls(
      states,
      'The data the story shows (an appid and product id typed above name another demo product).',
    ),
  },
  loaders,
  render: (args, { loaded }) => html`
    <xd-store
      lang=${args.lang}
      .client=${clientOf(args.data, loaded as Loaded)}
      style="display:block;max-width:${widthOf(args['layout'])}px"
    >
      ${tileFor(args)}
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Ready: Story = {};
export const LongTitle: Story = { args: { data: 'long title' } };
export const SoldOut: Story = { args: { data: 'sold out' } };
export const Delisted: Story = { args: { data: 'delisted' } };
export const Loading: Story = { args: { data: 'loading' } };
/** A cached product, shown while its refresh runs (here it never ends). */
export const Stale: Story = { args: { data: 'stale' }, play: showsStale('xd-search-tile') };
export const Offline: Story = { args: { data: 'offline' } };
export const InvalidResult: Story = { args: { data: 'invalid result' } };
export const List: Story = { args: { layout: 'list' } };
export const English: Story = { args: { lang: 'en-US', data: 'sold out' } };
export const Dark: Story = { globals: { scheme: 'dark' } };

/** Every layout in every state, as a designer reviews them; every colour control shows here. */
export const Matrix: Story = {
  tags: ['theme-tokens'],
  render: (args, { loaded }) =>
    html`${searchTileLayouts.map(
      (layout) =>
        html`<h3 style="font:500 13px sans-serif">${layout}</h3>
          <div style="display:grid;grid-template-columns:repeat(auto-fill,${widthOf(layout)}px);gap:8px">
            ${(Object.keys(states) as State[]).map(
              (state) =>
                html`<xd-store lang=${args.lang} .client=${clientOf(state, loaded as Loaded)}>
                  ${tileFor(args, state, layout)}
                </xd-store>`,
            )}
          </div>`,
    )}`,
};
