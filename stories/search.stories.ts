import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import type { XdSearchEvent } from '@xiaodian/elements';
import '@xiaodian/elements/search-page/define';
import { eventually } from './play.js';
import { elementControls, type ElementArgs } from './element-controls.js';
import { demoClient } from './fixtures.js';
import { offlineSearchClient } from './search-fixtures.js';

const box = elementControls('xd-search', { unpainted: ['--xd-color-price', '--xd-color-link'] });

type Args = ElementArgs & { lang: 'zh-CN' | 'en-US' };

const meta: Meta<Args> = {
  title: 'Search/Box',
  component: 'xd-search',
  // The box drives the results below it (`for`): type `fang`, `fsy`, 防晒, or pick a suggestion.
  args: { ...box.args, for: 'story-results', lang: 'zh-CN' },
  argTypes: {
    ...box.argTypes,
    lang: { control: 'inline-radio', options: ['zh-CN', 'en-US'], table: { category: 'story' } },
  },
  render: (args) => html`
    <xd-store lang=${args.lang} .client=${demoClient} style="display:block;max-width:375px">
      ${box.render(args)}
      <xd-search-results id="story-results" style="margin-top:8px"></xd-search-results>
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;

const input = (canvas: HTMLElement) =>
  canvas.querySelector('xd-search')!.shadowRoot!.querySelector<HTMLInputElement>('[part=input]')!;
const options = (canvas: HTMLElement) => [
  ...canvas.querySelector('xd-search')!.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]'),
];

export const WithResults: Story = {};
/** Every colour control shows here (the field, the button, the typed text). */
export const Typed: Story = { tags: ['theme-tokens'], args: { value: '防晒' } };
export const CustomPlaceholder: Story = { args: { placeholder: '搜索山野户外的商品', label: '搜索店内商品' } };
/**
 * English words load on first use; the play function waits for them, so the a11y check reads the box as a
 * shopper sees it, not the moment before its words arrive.
 */
export const English: Story = {
  args: { lang: 'en-US' },
  play: async ({ canvasElement }) => {
    await eventually(() => expect(input(canvasElement).getAttribute('aria-label')).toBe('Search products'));
  },
};
export const Dark: Story = { globals: { scheme: 'dark' } };
/** Suggestions cannot load: the box still searches, and the results say they are offline. */
export const Offline: Story = {
  render: (args) => html`
    <xd-store lang=${args.lang} .client=${offlineSearchClient} style="display:block;max-width:375px">
      ${box.render({ ...args, for: 'offline-results', value: '防晒' })}
      <xd-search-results id="offline-results" query="防晒"></xd-search-results>
    </xd-store>
  `,
};

/**
 * The keyboard, as a shopper uses it: type, ArrowDown through the suggestions, Enter searches the active
 * one (one `xd-search` with its text, and the results search it), Escape closes the suggestions.
 */
export const Keyboard: Story = {
  play: async ({ canvasElement, userEvent, step }) => {
    const searches: string[] = [];
    // On the store, not the canvas: the canvas stays for the next story, the store goes with this one.
    canvasElement
      .querySelector('xd-store')!
      .addEventListener('xd-search', (event) => searches.push((event as XdSearchEvent).detail.query));
    const field = input(canvasElement);

    await step('type: suggestions open', async () => {
      await userEvent.click(field);
      await userEvent.type(field, '防晒');
      await eventually(() => expect(field.getAttribute('aria-expanded')).toBe('true'));
      await expect(options(canvasElement).length).toBeGreaterThanOrEqual(2);
    });

    await step('ArrowDown moves through the suggestions', async () => {
      await userEvent.keyboard('{ArrowDown}');
      await expect(field.getAttribute('aria-activedescendant')).toBe('option-0');
      await userEvent.keyboard('{ArrowDown}');
      await expect(field.getAttribute('aria-activedescendant')).toBe('option-1');
      await expect(options(canvasElement)[1]!.getAttribute('aria-selected')).toBe('true');
    });

    const chosen = options(canvasElement)[1]!.textContent!.trim();
    await step('Enter searches the active suggestion', async () => {
      await userEvent.keyboard('{Enter}');
      await expect(searches).toEqual([chosen]);
      await expect(field.value).toBe(chosen);
      await expect(field.getAttribute('aria-expanded')).toBe('false');
      const results = canvasElement.querySelector('xd-search-results')!;
      await expect(results.query).toBe(chosen);
      await eventually(() => expect(results.getAttribute('state')).toBe('ready'));
    });

    await step('Escape closes the suggestions and searches nothing', async () => {
      await userEvent.type(field, '衣');
      await eventually(() => expect(field.getAttribute('aria-expanded')).toBe('true'));
      await userEvent.keyboard('{Escape}');
      await expect(field.getAttribute('aria-expanded')).toBe('false');
      await expect(options(canvasElement)[0]?.closest('[role=listbox]')?.hasAttribute('hidden')).toBe(true);
      await expect(searches).toEqual([chosen]);
    });
  },
};
