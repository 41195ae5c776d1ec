import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { expect } from 'storybook/test';
import '@xiaodian/elements/define';
import '@xiaodian/elements/search-page/define';
import { eventually } from './play.js';
import { elementControls, themeTokenControls, type ElementArgs } from './element-controls.js';
import { demo, demoClient, products, shops, textLinkWords } from './fixtures.js';
import { liveSource, stillLiveClient } from './live-fixtures.js';

const store = elementControls('xd-store');
const tokens = themeTokenControls();

type Args = ElementArgs;

/** A WeChat short link (as creators paste it) that the demo catalog resolves. */
const shortLink = demo.products.find((p) => p.availability === 'available' && p.h5Url)?.h5Url ?? '';

/** What a page puts inside a store: a card, a text link in a sentence, a shop entry and a search tile. */
const content = html`
  <xd-product-card appid=${products.available.appid} product-id=${products.available.productId}></xd-product-card>
  <p style="font-size:17px;line-height:1.75">
    文中的文字链接
    <xd-product-card variant="text" appid=${products.soldOut.appid} product-id=${products.soldOut.productId}
      >${textLinkWords(products.soldOut)}</xd-product-card
    >
    与前后的文字同行。
  </p>
  <xd-shop-entry variant="banner" appid=${shops.flagship.appid}></xd-shop-entry>
  <div style="display:flex;gap:8px;margin-top:12px;align-items:flex-start">
    <xd-search-tile
      style="width:168px"
      appid=${products.giftable.appid}
      product-id=${products.giftable.productId}
    ></xd-search-tile>
    <xd-search-tile
      style="width:168px"
      appid=${products.longTitle.appid}
      product-id=${products.longTitle.productId}
    ></xd-search-tile>
  </div>
`;

const meta: Meta<Args> = {
  title: 'Store',
  component: 'xd-store',
  args: { ...store.args, locale: 'zh-CN', theme: '' },
  argTypes: {
    ...store.argTypes,
    gateway: {
      ...store.argTypes['gateway'],
      description:
        "The gateway's base URL (e.g. `npm start`'s http://127.0.0.1:8787). Empty here: the story hands the store an in-process demo client (`.client`), which takes precedence.",
    },
    locale: { ...store.argTypes['locale'], control: 'inline-radio', options: ['zh-CN', 'en-US'] },
    theme: {
      ...store.argTypes['theme'],
      control: 'inline-radio',
      options: ['', 'light', 'dark'],
      description: '`light` or `dark` forces a colour scheme; empty follows the system (and the toolbar).',
    },
  },
  // The gateway control replaces the in-process demo client: with a gateway typed in, the store makes its own.
  render: (args) =>
    html`<div style="max-width:343px">
      ${store.render({ ...args, client: args['gateway'] ? undefined : demoClient }, content)}
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** One store, one client for every element inside it: one request for both cards. */
export const Demo: Story = {};
export const English: Story = { args: { locale: 'en-US' } };
export const Dark: Story = { args: { theme: 'dark' }, globals: { scheme: 'dark' } };

/**
 * `upgrade-links`: the WeChat links in the content become cards once the page has loaded. A site turns it on
 * once, with the attribute on the store around its articles (`<xd-store upgrade-links>`); from then on
 * creators only paste links. A creator who wants a card's snippet now (web, mini-program `<store-product>`,
 * or the link and QR code to share) pastes the link into the embed builder, `/builder.html` (served by
 * `npm start`), and copies it with one button.
 */
export const UpgradeLinks: Story = {
  args: { 'upgrade-links': true },
  render: (args) =>
    html`<div style="max-width:343px">
      ${store.render(
        { ...args, client: demoClient },
        html`<p>今天穿的是这件，链接在这里：${shortLink}</p>
          <p>没有认出的链接原样留着：https://channels.weixin.qq.com/shop/a/NoSuchCod0</p>`,
      )}
    </div>`,
  play: async ({ canvasElement }) => {
    await eventually(() => expect(canvasElement.querySelector('xd-product-card')?.getAttribute('state')).toBe('ready'));
    await expect(canvasElement.textContent).toContain('https://channels.weixin.qq.com/shop/a/NoSuchCod0');
  },
};

/** A live room beside the cards: the widget and its mini badge share the store's client. */
export const WithLiveWidget: Story = {
  parameters: { a11y: { test: 'off' } }, // see the live widget's stories
  render: (args) =>
    html`<div style="max-width:343px">
      ${store.render(
        { ...args, client: stillLiveClient('not_started') },
        html`<xd-live-widget finder-user-name=${liveSource}></xd-live-widget>
          <p>主播正在讲：<xd-live-widget variant="mini" finder-user-name=${liveSource}></xd-live-widget></p>`,
      )}
    </div>`,
};

/**
 * Theming: the global tokens (`--xd-color-*`, `--xd-radius`) set once on the store restyle every element
 * inside it together. Light and dark each get their own values (one colour rarely reads well on both a white
 * and a near-black surface); tokens left empty keep the kit's defaults for the scheme.
 */
const theming = (theme: 'light' | 'dark', colours: Record<string, string>): StoryObj<Args> => ({
  globals: { scheme: theme },
  args: { ...tokens.args, ...colours, '--xd-radius': '16px' },
  argTypes: tokens.argTypes,
  render: (args) =>
    html`<div style="max-width:343px">
      <xd-store
        theme=${theme}
        locale=${args['locale'] ?? nothing}
        .client=${demoClient}
        style=${styleMap(tokens.style(args))}
      >
        ${content}
      </xd-store>
    </div>`,
});

// `tags` written here: Storybook's index reads them from the export itself, not from what a call returns.
export const Theming: Story = {
  ...theming('light', { '--xd-color-price': '#c2410c', '--xd-color-buy': '#0f766e', '--xd-color-link': '#1d4ed8' }),
  tags: ['theme-tokens'],
};
export const ThemingDark: Story = {
  ...theming('dark', { '--xd-color-price': '#fb923c', '--xd-color-buy': '#0f766e', '--xd-color-link': '#93c5fd' }),
  tags: ['theme-tokens'],
};
