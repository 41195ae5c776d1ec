import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@xiaodian/client';
import type { XdShopEntry } from '@xiaodian/elements/shop-entry';
import '@xiaodian/elements/define';
import type { Shop } from '@xiaodian/model';
import { shops } from '../../stories/fixtures.js';
import { shadowText } from './helpers.js';
import { drivenRoom, roomLike } from './live-helpers.js';

/** A shop whose linked 视频号 are `names`, served with one driven room. */
async function entryFor(names: string[], status: 'live' | 'ended', locale = 'zh-CN') {
  const room = await roomLike(
    status === 'live' ? {} : { status: 'ended', statusCode: 3, replay: 'none' },
    status === 'live' ? [] : ['pinnedProductId'],
  );
  const driven = drivenRoom(room);
  const shop: Shop = {
    ...shops.flagship,
    linkedAccounts: {
      ...shops.flagship.linkedAccounts,
      channels: names.map((id) => ({ id, name: id })),
    },
  };
  const backend = { ...driven.backend, getShop: async () => shop };
  const store = await fixture(
    html`<xd-store
      locale=${locale}
      .client=${createClient({ backend, retry: false })}
      style="display:block;width:343px"
    >
      <xd-shop-entry appid=${shop.appid}></xd-shop-entry>
    </xd-store>`,
  );
  const entry = store.querySelector('xd-shop-entry') as XdShopEntry;
  await waitUntil(() => entry.getAttribute('state') === 'ready', 'ready', { timeout: 5000 });
  return { entry, room };
}

const badge = (entry: XdShopEntry) => entry.shadowRoot!.querySelector('xd-live-widget');

describe('<xd-shop-entry> live badge', () => {
  it('shows the mini live badge when one of its linked 视频号 is live', async () => {
    const { entry, room } = await entryFor(['sphUnknownAccount', 'sphShanyeOutdoor'], 'live');
    await waitUntil(() => badge(entry)?.getAttribute('live-status') === 'live', 'the badge is live', {
      timeout: 5000,
    });
    expect(badge(entry)!.getAttribute('finder-user-name')).to.equal(room.finderUserName);
    expect(badge(entry)!.getAttribute('variant')).to.equal('mini');
    expect(shadowText(badge(entry)!)).to.include('直播中');
    await expect(entry).to.be.accessible();
  });

  it('speaks the store’s language, which it cannot see from inside the entry’s shadow root by itself', async () => {
    // The page says Chinese; the store says English. A badge that looked only up its own tree would say 直播中.
    document.documentElement.lang = 'zh-CN';
    try {
      const { entry } = await entryFor(['sphShanyeOutdoor'], 'live', 'en-US');
      await waitUntil(() => badge(entry)?.getAttribute('live-status') === 'live', 'the badge is live', {
        timeout: 5000,
      });
      await waitUntil(() => shadowText(badge(entry)!).includes('LIVE'), 'the badge in English', { timeout: 5000 });
      expect(shadowText(badge(entry)!)).not.to.include('直播中');
    } finally {
      document.documentElement.removeAttribute('lang');
    }
  });

  it('shows none when no linked 视频号 is live', async () => {
    const { entry } = await entryFor(['sphShanyeOutdoor'], 'ended');
    await waitUntil(() => entry.liveLookUp !== undefined, 'the look-up started');
    await entry.liveLookUp;
    await entry.updateComplete;
    expect(badge(entry)).to.equal(null);
  });
});
