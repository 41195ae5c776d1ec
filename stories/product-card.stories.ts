import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';
import { logoPositions, productCardOpenPages, productCardVariants } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import type { Product } from '@xiaodian/model';
import { demoClient, malformedClient, offlineClient, pendingClient, products, textLinkWords } from './fixtures.js';
import { stateMatrix } from './matrix.js';

/** Each state a card can be in, as the data that puts it there (the browser tests use the same). */
const states = {
  ready: [demoClient, products.available],
  'long title': [demoClient, products.longTitle],
  giftable: [demoClient, products.giftable],
  'sold out': [demoClient, products.soldOut],
  delisted: [demoClient, products.delisted],
  'delisted for violation': [demoClient, products.violation],
  banned: [demoClient, products.banned],
  loading: [pendingClient, products.available],
  offline: [offlineClient, products.available],
  'malformed product': [malformedClient(products.available), products.available],
  'not found': [demoClient, { ...products.available, productId: '99999' }],
} satisfies Record<string, [XiaodianClient, Product]>;
type State = keyof typeof states;

interface Args {
  state: State;
  variant: (typeof productCardVariants)[number];
  openPage: (typeof productCardOpenPages)[number];
  logoPosition: (typeof logoPositions)[number];
  lang: 'zh-CN' | 'en-US';
  theme: 'auto' | 'light' | 'dark';
}

const card = ({ state, variant, openPage, logoPosition }: Args) => {
  const product = states[state][1];
  return html`<xd-product-card
    variant=${variant}
    open-page=${openPage}
    logo-position=${logoPosition}
    appid=${product.appid}
    product-id=${product.productId}
    >${variant === 'text' ? textLinkWords(product) : ''}</xd-product-card
  >`;
};

const meta: Meta<Args> = {
  title: 'Product card',
  component: 'xd-product-card',
  argTypes: {
    state: { control: 'select', options: Object.keys(states) },
    variant: { control: 'inline-radio', options: productCardVariants },
    openPage: { control: 'select', options: productCardOpenPages },
    logoPosition: { control: 'inline-radio', options: logoPositions },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en-US'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  },
  args: {
    state: 'ready',
    variant: 'large',
    openPage: 'product-detail',
    logoPosition: 'bottom-left',
    lang: 'zh-CN',
    theme: 'auto',
  },
  render: (args) => html`
    <xd-store
      lang=${args.lang}
      theme=${args.theme}
      .client=${states[args.state][0]}
      style="display:block;max-width:343px"
    >
      ${
        args.variant === 'text'
          ? html`<p style="font-size:17px;line-height:1.75">文中的文字链接 ${card(args)} 与前后的文字同行。</p>`
          : card(args)
      }
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Ready: Story = {};
export const LongTitle: Story = { args: { state: 'long title' } };
export const Gift: Story = { args: { state: 'giftable', openPage: 'gift' } };
export const SoldOut: Story = { args: { state: 'sold out' } };
export const Delisted: Story = { args: { state: 'delisted' } };
export const DelistedForViolation: Story = { args: { state: 'delisted for violation' } };
export const Banned: Story = { args: { state: 'banned' } };
export const Loading: Story = { args: { state: 'loading' } };
export const Offline: Story = { args: { state: 'offline' } };
export const MalformedProduct: Story = { args: { state: 'malformed product' } };
export const NotFound: Story = { args: { state: 'not found' } };
export const English: Story = { args: { lang: 'en-US', state: 'sold out' } };
export const Dark: Story = { args: { theme: 'dark' }, parameters: { backgrounds: { default: 'dark' } } };
export const LogoBottomRight: Story = { args: { logoPosition: 'bottom-right' } };
export const Small: Story = { args: { variant: 'small' } };
export const Strip: Story = { args: { variant: 'strip' } };
/** The page writes the title inside the text link (as creators paste it): the link keeps its width. */
export const TextLink: Story = { args: { variant: 'text' } };
/**
 * Attributes that name no product (an uppercase appid here): the shopper sees 商品暂不可用, the developer
 * one console warning naming the attribute and its format, and nothing is requested.
 */
export const InvalidAttributes: Story = {
  render: () =>
    html`<xd-store .client=${demoClient} style="display:block;max-width:343px">
      <xd-product-card appid=${products.available.appid.toUpperCase()} product-id=${products.available.productId}>
      </xd-product-card>
    </xd-store>`,
};

/** Every variant in every state, as a designer reviews them at 375 px. */
export const Matrix: Story = {
  render: (args) =>
    stateMatrix({
      variants: productCardVariants,
      inlineVariant: 'text',
      states,
      lang: args.lang,
      theme: args.theme,
      render: (state, variant) => card({ ...args, state, variant }),
    }),
};
