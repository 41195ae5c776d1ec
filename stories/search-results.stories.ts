import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';
import '@xiaodian/elements/search-page/define';
import { elementControls, type ElementArgs } from './element-controls.js';
import { demoClient, pendingClient } from './fixtures.js';
import { offlineSearchClient, searchBackend } from './search-fixtures.js';
import { stateControls, type StoryLang } from './state-stories.js';

const results = elementControls('xd-search-results', { unpainted: ['--xd-color-buy'] });
const tenThousand = searchBackend({ total: 10_000 });

/**
 * Each state the results can be in, as the client and query that put them there. (No `stale`: the client
 * says nothing of how old a search page is, so the results never show one as stale.)
 */
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

type Args = ElementArgs & { data: State; lang: StoryLang };

/** The results the controls describe; with no query typed in, the chosen state's. */
const resultsFor = (args: Args) => results.render({ ...args, query: args['query'] || states[args.data][1] });

const meta: Meta<Args> = {
  title: 'Search/Results',
  component: 'xd-search-results',
  args: { ...results.args, data: 'ready', lang: 'zh-CN' },
  argTypes: {
    ...results.argTypes,
    ...stateControls(states, 'The data the story shows (a query typed above searches the same backend).'),
  },
  render: (args) => html`
    <xd-store lang=${args.lang} .client=${states[args.data][0]} style="display:block;max-width:375px">
      ${resultsFor(args)}
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Every colour control shows here (tiles, controls, the count line). */
export const Ready: Story = { tags: ['theme-tokens'] };
export const List: Story = { args: { layout: 'list' } };
export const SortedBySales: Story = { args: { sort: 'sales' } };
export const InStockOnly: Story = { args: { 'in-stock': true } };
export const DidYouMean: Story = { args: { data: 'no hits, did you mean' } };
export const NoHits: Story = { args: { data: 'no hits' } };
export const Idle: Story = { args: { data: 'idle' } };
export const Loading: Story = { args: { data: 'loading' } };
/** The retry button is what `--xd-color-link` paints here. */
export const Offline: Story = { tags: ['theme-tokens'], args: { data: 'offline' } };
/** Scroll it: a few dozen tiles in the DOM at any time, the rest laid out by arithmetic. */
export const TenThousandResults: Story = { args: { data: '10,000 results' } };
export const English: Story = { args: { lang: 'en-US' } };
export const Dark: Story = { globals: { scheme: 'dark' } };
/** A desktop width: five columns. */
export const Desktop: Story = {
  globals: { viewport: { value: 'desktop', isRotated: false } },
  render: (args) => html`
    <xd-store lang=${args.lang} .client=${demoClient} style="display:block;max-width:960px">
      ${resultsFor(args)}
    </xd-store>
  `,
};
