import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import type { XiaodianClient } from '@xiaodian/client';
import type { IntentDetail } from '@xiaodian/elements';
import { productCardVariants } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import type { Product } from '@xiaodian/model';
import { eventually } from './play.js';
import { elementControls, type ElementArgs } from './element-controls.js';
import { demoClient, malformedClient, offlineClient, pendingClient, products, textLinkWords } from './fixtures.js';
import { stateMatrix } from './matrix.js';
import { sharedStaleClient, showsStale, stateControls, type StoryLang } from './state-stories.js';
import { reconnectingClient } from './story-clients.js';

const card = elementControls('xd-product-card');

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
  stale: ['stale', products.available],
  offline: [offlineClient, products.available],
  'offline, then back': ['reconnecting', products.available],
  'malformed product': [malformedClient(products.available), products.available],
  'not found': [demoClient, { ...products.available, productId: '99999' }],
} satisfies Record<string, [XiaodianClient | 'stale' | 'reconnecting', Product]>;
type State = keyof typeof states;

type Args = ElementArgs & { data: State; lang: StoryLang };
interface Loaded {
  stale: XiaodianClient;
  network: ReturnType<typeof reconnectingClient>;
}

/** A stale copy of every product above, and a network of the story's own that comes back on demand. */
const stale = sharedStaleClient(Object.values(products));
const loaders = [async (): Promise<Loaded> => ({ stale: await stale(), network: reconnectingClient() })];
const clientOf = (state: State, loaded: Loaded): XiaodianClient => {
  const [client] = states[state];
  return client === 'stale' ? loaded.stale : client === 'reconnecting' ? loaded.network.client : client;
};

/** The card the controls describe; with no appid/product-id typed in, the product of the chosen state. */
const cardFor = (args: Args, state: State = args.data, variant = args['variant']) => {
  const product = states[state][1];
  return card.render(
    { ...args, variant, appid: args['appid'] || product.appid, 'product-id': args['product-id'] || product.productId },
    variant === 'text' ? textLinkWords(product) : undefined,
  );
};

const meta: Meta<Args> = {
  title: 'Product card',
  component: 'xd-product-card',
  args: { ...card.args, data: 'ready', lang: 'zh-CN' },
  argTypes: {
    ...card.argTypes,
    ...stateControls(
      states,
      'The data the story shows (an appid and product id typed above name another demo product).',
    ),
  },
  loaders,
  render: (args, { loaded }) => html`
    <xd-store lang=${args.lang} .client=${clientOf(args.data, loaded as Loaded)} style="display:block;max-width:343px">
      ${
        args['variant'] === 'text'
          ? html`<p style="font-size:17px;line-height:1.75">文中的文字链接 ${cardFor(args)} 与前后的文字同行。</p>`
          : cardFor(args)
      }
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;

const cardIn = (canvas: HTMLElement) => canvas.querySelector('xd-product-card')!;
const cardState = (canvas: HTMLElement) => cardIn(canvas).getAttribute('state');

export const Ready: Story = {};
export const LongTitle: Story = { args: { data: 'long title' } };
export const Gift: Story = { args: { data: 'giftable', 'open-page': 'gift' } };
export const SoldOut: Story = { args: { data: 'sold out' } };
export const Delisted: Story = { args: { data: 'delisted' } };
export const DelistedForViolation: Story = { args: { data: 'delisted for violation' } };
export const Banned: Story = { args: { data: 'banned' } };
export const Loading: Story = { args: { data: 'loading' } };
/** A cached product, shown while its refresh runs (here it never ends). */
export const Stale: Story = { args: { data: 'stale' }, play: showsStale('xd-product-card') };
export const Offline: Story = { args: { data: 'offline' } };
export const MalformedProduct: Story = { args: { data: 'malformed product' } };
export const NotFound: Story = { args: { data: 'not found' } };
export const English: Story = { args: { lang: 'en-US', data: 'sold out' } };
export const Dark: Story = { globals: { scheme: 'dark' } };
export const LogoBottomRight: Story = { args: { 'logo-position': 'bottom-right' } };
export const Small: Story = { args: { variant: 'small' } };
export const Strip: Story = { args: { variant: 'strip' } };
/** The page writes the title inside the text link (as creators paste it): the link keeps its width. */
export const TextLink: Story = { args: { variant: 'text' } };
/**
 * Attributes that name no product (an uppercase appid here): the shopper sees 商品暂不可用, the developer
 * one console warning naming the attribute and its format, and nothing is requested.
 */
export const InvalidAttributes: Story = {
  args: { appid: products.available.appid.toUpperCase() },
};

/** Tapping the card asks the page to open the product: one cancelable `xd-open` with the product's ref. */
export const TapOpensProduct: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await eventually(() => expect(cardState(canvasElement)).toBe('ready'));
    const intents: IntentDetail[] = [];
    // On the card, not the canvas: the canvas stays for the next story, the card goes with this one.
    cardIn(canvasElement).addEventListener('xd-open', (event) => {
      event.preventDefault(); // the story handles it: no QR dialog, no navigation
      intents.push((event as CustomEvent<IntentDetail>).detail);
    });
    await userEvent.click(cardIn(canvasElement).shadowRoot!.querySelector<HTMLElement>('[part=card]')!);
    await expect(intents).toHaveLength(1);
    await expect(intents[0]).toMatchObject({
      intent: 'product',
      ref: { appid: products.available.appid, productId: products.available.productId },
    });
  },
};

/** Offline, the card offers 重试; once the network is back, retrying shows the product. */
export const RetryAfterOffline: Story = {
  args: { data: 'offline, then back' },
  play: async ({ canvasElement, loaded, userEvent }) => {
    await eventually(() => expect(cardState(canvasElement)).toBe('error'));
    const retry = cardIn(canvasElement).shadowRoot!.querySelector<HTMLButtonElement>('.error button');
    await expect(retry?.textContent).toBe('重试');
    (loaded as Loaded).network.reconnect();
    await userEvent.click(retry!);
    await eventually(() => expect(cardState(canvasElement)).toBe('ready'));
    await expect(cardIn(canvasElement).shadowRoot!.querySelector('[part=title]')?.textContent).toBe(
      products.available.title,
    );
  },
};

/** Every variant in every state, as a designer reviews them at 375 px; every colour control shows here. */
export const Matrix: Story = {
  tags: ['theme-tokens'],
  render: (args, { loaded }) =>
    stateMatrix({
      variants: productCardVariants,
      inlineVariant: 'text',
      states: Object.fromEntries(
        (Object.keys(states) as State[]).map((state) => [state, [clientOf(state, loaded as Loaded), null]]),
      ) as unknown as Record<State, readonly [XiaodianClient, unknown]>,
      lang: args.lang,
      theme: 'auto',
      render: (state, variant) => cardFor(args, state, variant),
    }),
};
