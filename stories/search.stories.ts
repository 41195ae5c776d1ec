import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@xiaodian/elements/search-page/define';
import { demoClient } from './fixtures.js';
import { offlineSearchClient } from './search-fixtures.js';

interface Args {
  lang: 'zh-CN' | 'en-US';
  theme: 'auto' | 'light' | 'dark';
  value: string;
}

const meta: Meta<Args> = {
  title: 'Search/Box',
  component: 'xd-search',
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en-US'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    value: { control: 'text' },
  },
  args: { lang: 'zh-CN', theme: 'auto', value: '' },
  /** The box drives the results below it (`for`): type `fang`, `fsy`, 防晒, or pick a suggestion. */
  render: (args) => html`
    <xd-store lang=${args.lang} theme=${args.theme} .client=${demoClient} style="display:block;max-width:375px">
      <xd-search for="story-results" value=${args.value}></xd-search>
      <xd-search-results id="story-results" style="margin-top:8px"></xd-search-results>
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const WithResults: Story = {};
export const Typed: Story = { args: { value: '防晒' } };
export const English: Story = { args: { lang: 'en-US' } };
export const Dark: Story = { args: { theme: 'dark' }, parameters: { backgrounds: { default: 'dark' } } };
/** Suggestions cannot load: the box still searches, and the results say they are offline. */
export const Offline: Story = {
  render: (args) => html`
    <xd-store lang=${args.lang} .client=${offlineSearchClient} style="display:block;max-width:375px">
      <xd-search for="offline-results" value="防晒"></xd-search>
      <xd-search-results id="offline-results" query="防晒"></xd-search-results>
    </xd-store>
  `,
};
