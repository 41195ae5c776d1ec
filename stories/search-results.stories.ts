import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';
import { searchTileLayouts, type SearchTileLayout } from '@xiaodian/elements';
import '@xiaodian/elements/search-page/define';
import { demoClient, pendingClient } from './fixtures.js';
import { offlineSearchClient, searchBackend } from './search-fixtures.js';

const tenThousand = searchBackend({ total: 10_000 });

/** Each state the results can be in, as the client and query that put them there. */
const states = {
  ready: [demoClient, '防晒'],
  'no hits, did you mean': [demoClient, '防晒邑'],
  'no hits': [demoClient, '火箭发动机'],
  idle: [demoClient, ''],
  loading: [pendingClient, '防晒'],
  offline: [offlineSearchClient, '防晒'],
  '10,000 results': [tenThousand.client, '衣'],
} satisfies Record<string, [XiaodianClient, string]>;
type State = keyof typeof states;

interface Args {
  state: State;
  layout: SearchTileLayout;
  lang: 'zh-CN' | 'en-US';
  theme: 'auto' | 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Search/Results',
  component: 'xd-search-results',
  argTypes: {
    state: { control: 'select', options: Object.keys(states) },
    layout: { control: 'inline-radio', options: searchTileLayouts },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en-US'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  },
  args: { state: 'ready', layout: 'grid', lang: 'zh-CN', theme: 'auto' },
  render: (args) => html`
    <xd-store
      lang=${args.lang}
      theme=${args.theme}
      .client=${states[args.state][0]}
      style="display:block;max-width:375px"
    >
      <xd-search-results layout=${args.layout} query=${states[args.state][1]}></xd-search-results>
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Ready: Story = {};
export const List: Story = { args: { layout: 'list' } };
export const DidYouMean: Story = { args: { state: 'no hits, did you mean' } };
export const NoHits: Story = { args: { state: 'no hits' } };
export const Idle: Story = { args: { state: 'idle' } };
export const Loading: Story = { args: { state: 'loading' } };
export const Offline: Story = { args: { state: 'offline' } };
/** Scroll it: a few dozen tiles in the DOM at any time, the rest laid out by arithmetic. */
export const TenThousandResults: Story = { args: { state: '10,000 results' } };
export const English: Story = { args: { lang: 'en-US' } };
export const Dark: Story = { args: { theme: 'dark' }, parameters: { backgrounds: { default: 'dark' } } };
/** A desktop width: five columns. */
export const Desktop: Story = {
  render: (args) => html`
    <xd-store lang=${args.lang} theme=${args.theme} .client=${demoClient} style="display:block;max-width:960px">
      <xd-search-results layout=${args.layout} query="防晒"></xd-search-results>
    </xd-store>
  `,
};
