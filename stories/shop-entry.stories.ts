import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';
import { shopEntryVariants } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import type { Shop } from '@xiaodian/model';
import { elementControls, type ElementArgs } from './element-controls.js';
import { demoClient, offlineClient, pendingClient, shops } from './fixtures.js';
import { stateMatrix } from './matrix.js';
import { sharedStaleClient, showsStale, stateControls, type StoryLang } from './state-stories.js';

const entry = elementControls('xd-shop-entry', { unpainted: ['--xd-color-price'] });

/** Each state a shop entry can be in, as the data that puts it there (the browser tests use the same). */
const states = {
  'official flagship': [demoClient, shops.flagship],
  individual: [demoClient, shops.individual],
  closing: [demoClient, shops.closing],
  loading: [pendingClient, shops.flagship],
  stale: ['stale', shops.flagship],
  offline: [offlineClient, shops.flagship],
  'not found': [demoClient, { ...shops.flagship, appid: 'wx0000000000000000' }],
} satisfies Record<string, [XiaodianClient | 'stale', Shop]>;
type State = keyof typeof states;

type Args = ElementArgs & { data: State; lang: StoryLang };
interface Loaded {
  stale: XiaodianClient;
}

/** A stale copy of the flagship shop. */
const stale = sharedStaleClient([], [shops.flagship]);
const loaders = [async (): Promise<Loaded> => ({ stale: await stale() })];
const clientOf = (state: State, loaded: Loaded): XiaodianClient => {
  const [client] = states[state];
  return client === 'stale' ? loaded.stale : client;
};

/**
 * The entry the controls describe; with no appid typed in, the shop of the chosen state. Inline, the page
 * writes the shop's name inside the entry: it reserves the link's width before the script runs.
 */
const entryFor = (args: Args, state: State = args.data, variant = args['variant']) => {
  const shop = states[state][1];
  return entry.render(
    { ...args, variant, appid: args['appid'] || shop.appid },
    variant === 'inline' ? shop.name : undefined,
  );
};

const meta: Meta<Args> = {
  title: 'Shop entry',
  component: 'xd-shop-entry',
  args: { ...entry.args, data: 'official flagship', lang: 'zh-CN' },
  argTypes: {
    ...entry.argTypes,
    ...stateControls(states, 'The data the story shows (an appid typed above names another demo shop).'),
  },
  loaders,
  render: (args, { loaded }) => html`
    <xd-store lang=${args.lang} .client=${clientOf(args.data, loaded as Loaded)} style="display:block;max-width:343px">
      ${
        args['variant'] === 'inline'
          ? html`<p style="font-size:17px;line-height:1.75">推荐一家店 ${entryFor(args)} 值得一逛。</p>`
          : entryFor(args)
      }
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const OfficialFlagship: Story = {};
export const Individual: Story = { args: { data: 'individual' } };
export const Closing: Story = { args: { data: 'closing' } };
export const Loading: Story = { args: { data: 'loading' } };
/** A cached shop, shown while its refresh runs (here it never ends). */
export const Stale: Story = { args: { data: 'stale' }, play: showsStale('xd-shop-entry') };
export const Offline: Story = { args: { data: 'offline' } };
export const NotFound: Story = { args: { data: 'not found' } };
export const Banner: Story = { args: { variant: 'banner' } };
export const Inline: Story = { args: { variant: 'inline' } };
export const English: Story = { args: { lang: 'en-US' } };
export const Dark: Story = { globals: { scheme: 'dark' } };

/** Every variant in every state, as a designer reviews them at 375 px; every colour control shows here. */
export const Matrix: Story = {
  tags: ['theme-tokens'],
  render: (args, { loaded }) =>
    stateMatrix({
      variants: shopEntryVariants,
      inlineVariant: 'inline',
      states: Object.fromEntries(
        (Object.keys(states) as State[]).map((state) => [state, [clientOf(state, loaded as Loaded), null]]),
      ) as unknown as Record<State, readonly [XiaodianClient, unknown]>,
      lang: args.lang,
      theme: 'auto',
      render: (state, variant) => entryFor(args, state, variant),
    }),
};
