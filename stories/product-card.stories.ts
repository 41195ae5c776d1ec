import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createClient, type XiaodianClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import '@xiaodian/elements/define';

// Stories run against the demo catalog in-process: no gateway, no network.
// No gateway in Storybook: the demo's pictures come inline.
const demo = createDemoBackend({ images: 'inline' });
const demoClient = createClient({ backend: demo });
const firstWith = (availability: string) => demo.products.find((p) => p.availability === availability)!;
/** A client that never answers, to show the loading state. */
const pendingClient: XiaodianClient = createClient({ backend: { getProducts: () => new Promise(() => {}) } });
/** A client whose backend is unreachable, to show the error state with retry. */
const offlineClient: XiaodianClient = createClient({
  backend: {
    getProducts: () => Promise.reject(new TypeError('network down')),
  },
});

interface Args {
  appid: string;
  productId: string;
  lang: 'zh-CN' | 'en-US';
  client: XiaodianClient;
}

const meta: Meta<Args> = {
  title: 'Product card',
  component: 'xd-product-card',
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en-US'] },
    client: { table: { disable: true } },
  },
  render: ({ appid, productId, lang, client }) => html`
    <xd-store lang=${lang} .client=${client} style="display:block;max-width:343px">
      <xd-product-card appid=${appid} product-id=${productId}></xd-product-card>
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;
const available = firstWith('available');

export const Ready: Story = {
  args: { appid: available.appid, productId: available.productId, lang: 'zh-CN', client: demoClient },
};

export const SoldOut: Story = {
  args: { ...Ready.args, appid: firstWith('sold_out').appid, productId: firstWith('sold_out').productId },
};

export const English: Story = { args: { ...Ready.args, lang: 'en-US' } };

export const Loading: Story = { args: { ...Ready.args, client: pendingClient } };

export const NotFound: Story = { args: { ...Ready.args, productId: '99999' } };

export const Offline: Story = { args: { ...Ready.args, client: offlineClient } };
