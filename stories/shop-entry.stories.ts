import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';
import { shopEntryVariants } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import type { Shop } from '@xiaodian/model';
import { demoClient, offlineClient, pendingClient, shops } from './fixtures.js';
import { stateMatrix } from './matrix.js';

/** Each state a shop entry can be in, as the data that puts it there (the browser tests use the same). */
const states = {
  'official flagship': [demoClient, shops.flagship],
  individual: [demoClient, shops.individual],
  closing: [demoClient, shops.closing],
  loading: [pendingClient, shops.flagship],
  offline: [offlineClient, shops.flagship],
  'not found': [demoClient, { ...shops.flagship, appid: 'wx0000000000000000' }],
} satisfies Record<string, [XiaodianClient, Shop]>;
type State = keyof typeof states;

interface Args {
  state: State;
  variant: (typeof shopEntryVariants)[number];
  lang: 'zh-CN' | 'en-US';
  theme: 'auto' | 'light' | 'dark';
}

// Inline, the page writes the shop's name inside the entry: it reserves the link's width before the script runs.
const entry = ({ state, variant }: Args) => {
  const shop = states[state][1];
  return variant === 'inline'
    ? html`<xd-shop-entry variant=${variant} appid=${shop.appid}>${shop.name}</xd-shop-entry>`
    : html`<xd-shop-entry variant=${variant} appid=${shop.appid}></xd-shop-entry>`;
};

const meta: Meta<Args> = {
  title: 'Shop entry',
  component: 'xd-shop-entry',
  argTypes: {
    state: { control: 'select', options: Object.keys(states) },
    variant: { control: 'inline-radio', options: shopEntryVariants },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en-US'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  },
  args: { state: 'official flagship', variant: 'card', lang: 'zh-CN', theme: 'auto' },
  render: (args) => html`
    <xd-store
      lang=${args.lang}
      theme=${args.theme}
      .client=${states[args.state][0]}
      style="display:block;max-width:343px"
    >
      ${args.variant === 'inline' ? html`<p style="font-size:17px;line-height:1.75">推荐一家店 ${entry(args)} 值得一逛。</p>` : entry(args)}
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const OfficialFlagship: Story = {};
export const Individual: Story = { args: { state: 'individual' } };
export const Closing: Story = { args: { state: 'closing' } };
export const Loading: Story = { args: { state: 'loading' } };
export const Offline: Story = { args: { state: 'offline' } };
export const NotFound: Story = { args: { state: 'not found' } };
export const Banner: Story = { args: { variant: 'banner' } };
export const Inline: Story = { args: { variant: 'inline' } };
export const English: Story = { args: { lang: 'en-US' } };
export const Dark: Story = { args: { theme: 'dark' } };

/** Every variant in every state, as a designer reviews them at 375 px. */
export const Matrix: Story = {
  render: (args) =>
    stateMatrix({
      variants: shopEntryVariants,
      inlineVariant: 'inline',
      states,
      lang: args.lang,
      theme: args.theme,
      render: (state, variant) => entry({ ...args, state, variant }),
    }),
};
