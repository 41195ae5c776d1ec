import { expect, fixture, html } from '@open-wc/testing';
import { createClient, type XiaodianClient } from '@xiaodian/client';
import type { IntentDetail } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import type { XdProductCard } from '@xiaodian/elements/product-card';
import type { XdShopEntry } from '@xiaodian/elements/shop-entry';
import { demo, products, shops } from '../../stories/fixtures.js';
import { diagnosticsWritten, settled, shadowText } from './helpers.js';

/** Records what the elements say to the developer, and what they ask of the backend. */
function watch() {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  const requests: string[] = [];
  const client: XiaodianClient = createClient({
    backend: {
      getProducts: (refs, options) => {
        requests.push(...refs.map((ref) => `${ref.appid}:${ref.productId}`));
        return demo.getProducts(refs, options);
      },
      getShop: (appid, options) => {
        requests.push(appid);
        return demo.getShop(appid, options);
      },
    },
    retry: false,
  });
  return { warnings, requests, client, restore: () => (console.warn = original) };
}

const { appid, productId } = products.available;

describe('attributes: the developer is told what is wrong, the shopper only what helps', () => {
  const malformed = [
    { name: 'an empty appid', attrs: { appid: '', 'product-id': productId }, attribute: 'appid' },
    { name: 'an uppercase appid', attrs: { appid: appid.toUpperCase(), 'product-id': productId }, attribute: 'appid' },
    { name: 'a padded appid', attrs: { appid: ` ${appid} `, 'product-id': productId }, attribute: 'appid' },
    { name: 'a malformed product id', attrs: { appid, 'product-id': '10000x' }, attribute: 'product-id' },
    { name: 'a 30-digit product id', attrs: { appid, 'product-id': '1'.repeat(30) }, attribute: 'product-id' },
    { name: 'a padded product id', attrs: { appid, 'product-id': `${productId}\n` }, attribute: 'product-id' },
    { name: 'no attributes at all', attrs: {}, attribute: 'appid' },
  ];
  for (const { name, attrs, attribute } of malformed) {
    it(`${name}: one warning naming ${attribute} and its format, an error state for the shopper, no request`, async () => {
      const { warnings, requests, client, restore } = watch();
      try {
        const store = await fixture(html`<xd-store .client=${client}></xd-store>`);
        const card = document.createElement('xd-product-card');
        for (const [key, value] of Object.entries(attrs)) card.setAttribute(key, value);
        store.append(card);
        await settled(card);
        await card.updateComplete;
        await diagnosticsWritten(() => warnings.length > 0);
        expect(card.getAttribute('state')).to.equal('error');
        expect(shadowText(card)).to.contain('商品暂不可用').and.not.to.contain('重试');
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain(`${attribute}`).and.to.contain('xd-product-card');
        expect(warnings[0]).to.match(attribute === 'appid' ? /16 lowercase hex/ : /decimal digits/);
        expect(requests).to.deep.equal([]);
      } finally {
        restore();
      }
    });
  }

  it('says why an almost-right value is wrong: spaces, case, length', async () => {
    const { warnings, client, restore } = watch();
    try {
      const store = await fixture(html`<xd-store .client=${client}></xd-store>`);
      for (const [a, p] of [
        [` ${appid}`, productId],
        [appid.toUpperCase(), productId],
        [appid, '1'.repeat(30)],
      ] as const) {
        const card = document.createElement('xd-product-card');
        card.setAttribute('appid', a);
        card.setAttribute('product-id', p);
        store.append(card);
        await settled(card);
      }
      await diagnosticsWritten(() => warnings.length >= 3);
      expect(warnings).to.have.length(3);
      expect(warnings[0]).to.contain('spaces');
      expect(warnings[1]).to.contain('lowercase');
      expect(warnings[2]).to.contain('too long');
    } finally {
      restore();
    }
  });

  it('does not warn about attributes set one after another in the same task', async () => {
    const { warnings, requests, client, restore } = watch();
    try {
      const store = await fixture(html`<xd-store .client=${client}></xd-store>`);
      const card = document.createElement('xd-product-card') as XdProductCard;
      store.append(card); // connected first, as frameworks often do, then configured
      card.setAttribute('appid', appid);
      card.setAttribute('product-id', productId);
      card.setAttribute('variant', 'small');
      await settled(card);
      await diagnosticsWritten();
      expect(card.getAttribute('state')).to.equal('ready');
      expect(warnings).to.deep.equal([]);
      expect(requests).to.deep.equal([`${appid}:${productId}`]);
    } finally {
      restore();
    }
  });

  it('falls back to the default for an unknown variant, open-page or logo-position, and keeps it out of xd-open', async () => {
    const { warnings, client, restore } = watch();
    try {
      const store = await fixture(
        html`<xd-store .client=${client}>
          <xd-product-card
            appid=${appid}
            product-id=${productId}
            variant="huge"
            open-page="nope"
            logo-position="middle"
          ></xd-product-card>
        </xd-store>`,
      );
      const card = store.querySelector('xd-product-card') as XdProductCard;
      await settled(card);
      await diagnosticsWritten(() => warnings.length >= 3);
      expect(card.variant).to.equal('large');
      expect(card.getAttribute('variant')).to.equal('large');
      expect(card.openPage).to.equal('product-detail');
      expect(card.getAttribute('logo-position')).to.equal('bottom-left');
      expect(warnings).to.have.length(3);
      expect(warnings.join('\n'))
        .to.contain('variant="huge"')
        .and.to.contain('open-page="nope"')
        .and.to.contain('logo-position="middle"');
      let detail: IntentDetail | undefined;
      card.addEventListener('xd-open', (event) => {
        detail = (event as CustomEvent<IntentDetail>).detail;
        event.preventDefault();
      });
      card.shadowRoot!.querySelector<HTMLElement>('[part~=card]')!.click();
      expect(detail?.openPage).to.equal('product-detail');
      expect(JSON.stringify(detail)).not.to.contain('nope');
    } finally {
      restore();
    }
  });

  it('never sends a malformed shop appid to the gateway', async () => {
    const { warnings, requests, client, restore } = watch();
    try {
      const store = await fixture(
        html`<xd-store .client=${client}>
          <xd-shop-entry appid="abc" variant="wide"></xd-shop-entry>
          <xd-shop-entry></xd-shop-entry>
          <xd-shop-entry appid=${shops.flagship.appid}></xd-shop-entry>
        </xd-store>`,
      );
      const [bad, empty, good] = [...store.querySelectorAll('xd-shop-entry')] as XdShopEntry[];
      await Promise.all([settled(bad!), settled(empty!), settled(good!)]);
      await diagnosticsWritten(() => warnings.length >= 3);
      expect([bad, empty, good].map((entry) => entry!.getAttribute('state'))).to.deep.equal([
        'error',
        'error',
        'ready',
      ]);
      expect(shadowText(bad!)).to.contain('店铺暂不可用');
      expect(bad!.getAttribute('variant')).to.equal('card');
      expect(requests).to.deep.equal([shops.flagship.appid]);
      expect(warnings).to.have.length(3);
      expect(warnings.join('\n')).to.contain('appid="abc"').and.to.contain('variant="wide"');
      expect(warnings.join('\n')).to.contain('needs the appid attribute');
    } finally {
      restore();
    }
  });
});
