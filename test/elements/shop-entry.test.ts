import { expect, fixture, html } from '@open-wc/testing';
import type { XiaodianClient } from '@xiaodian/client';
import { shopEntryVariants, type IntentDetail } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import type { XdShopEntry } from '@xiaodian/elements/shop-entry';
import type { Shop } from '@xiaodian/model';
import { demoClient, offlineClient, pendingClient, shops } from '../../stories/fixtures.js';
import { box, part, settled, shadowText, shows } from './helpers.js';

async function mountEntry(client: XiaodianClient, appid: string, variant = 'card', lang = 'zh-CN', theme = '') {
  const store = await fixture(
    html`<xd-store lang=${lang} theme=${theme} .client=${client} style="display:block;width:343px">
      <p><xd-shop-entry variant=${variant} appid=${appid}></xd-shop-entry></p>
    </xd-store>`,
  );
  return store.querySelector('xd-shop-entry') as XdShopEntry;
}

const certified = (shop: Shop) => (shop.brand?.certification === 'official_flagship' ? '官方旗舰店' : '');

describe('<xd-shop-entry> in every variant and state', () => {
  for (const variant of shopEntryVariants) {
    describe(`variant=${variant}`, () => {
      let reserved: { width: number; height: number };
      before(async () => {
        const entry = await mountEntry(pendingClient, shops.flagship.appid, variant);
        expect(entry.getAttribute('state')).to.equal('loading');
        reserved = box(entry);
        await expect(entry).to.be.accessible();
      });

      const states = [
        {
          name: 'an official flagship',
          client: demoClient,
          appid: shops.flagship.appid,
          state: 'ready',
          text: [shops.flagship.name],
        },
        {
          name: 'an individual shop',
          client: demoClient,
          appid: shops.individual.appid,
          state: 'ready',
          text: [shops.individual.name],
        },
        {
          name: 'a closing shop',
          client: demoClient,
          appid: shops.closing.appid,
          state: 'ready',
          text: [shops.closing.name],
        },
        {
          name: 'offline',
          client: offlineClient,
          appid: shops.flagship.appid,
          state: 'error',
          text: ['网络不可用', '重试'],
        },
        { name: 'not found', client: demoClient, appid: 'wx0000000000000000', state: 'error', text: ['店铺不存在'] },
      ];
      for (const each of states) {
        it(`${each.name}: in the reserved box, accessibly`, async () => {
          const entry = await mountEntry(each.client, each.appid, variant);
          await settled(entry);
          expect(entry.getAttribute('state')).to.equal(each.state);
          for (const text of each.text) expect(shadowText(entry)).to.contain(text);
          expect(box(entry)).to.deep.equal(reserved);
          await expect(entry).to.be.accessible();
        });
      }
    });
  }
});

describe('<xd-shop-entry> content and intents', () => {
  it('shows the certification, the three DSR scores, counts and linked accounts, and is one button', async () => {
    const shop = shops.flagship;
    const entry = await mountEntry(demoClient, shop.appid);
    await settled(entry);
    const text = shadowText(entry);
    expect(text).to.contain(certified(shop));
    for (const score of [shop.scores!.description, shop.scores!.service, shop.scores!.logistics]) {
      expect(text).to.contain(score.toFixed(1));
    }
    expect(text)
      .to.match(/在售\d+件/)
      .and.to.match(/已售[\d.]+万?/);
    expect(text).to.contain(`关联公众号${shop.linkedAccounts.officialAccounts.length}`);
    expect(part(entry, 'entry')!.localName).to.equal('button');
    expect(text).to.contain('进店');
  });

  it('says a closing shop is closed and offers no way in', async () => {
    const entry = await mountEntry(demoClient, shops.closing.appid);
    await settled(entry);
    expect(shadowText(entry)).to.contain('店铺已关闭').and.not.to.contain('进店');
    expect(entry.shadowRoot!.querySelector('button')?.outerHTML ?? null).to.equal(null);
  });

  it('asks to open the shop through xd-open with its appid and H5 link', async () => {
    const entry = await mountEntry(demoClient, shops.flagship.appid, 'banner');
    await settled(entry);
    const opened: IntentDetail[] = [];
    entry.addEventListener('xd-open', (event) => {
      event.preventDefault();
      opened.push(event.detail);
    });
    part(entry, 'entry')!.click();
    expect(opened).to.have.length(1);
    expect(opened[0]).to.deep.include({
      intent: 'shop',
      ref: { appid: shops.flagship.appid },
      title: shops.flagship.name,
    });
    expect(opened[0]!.h5Url).to.equal(shops.flagship.h5Url);
    expect(opened[0]!.h5Url).to.match(/^https:\/\/channels\.weixin\.qq\.com\/shop\/a\//);
  });

  it('speaks English and works in dark mode', async () => {
    const entry = await mountEntry(demoClient, shops.flagship.appid, 'card', 'en-US', 'dark');
    await shows(entry, 'Official flagship');
    expect(shadowText(entry)).to.contain('Visit').and.to.contain('Service');
    expect(getComputedStyle(part(entry, 'entry')!).backgroundColor).to.equal('rgb(31, 31, 31)');
    await expect(entry).to.be.accessible();
  });
});
