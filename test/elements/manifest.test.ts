import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import * as elements from '@xiaodian/elements';
import {
  dataStates,
  productCardVariants,
  productCardOpenPages,
  logoPositions,
  shopEntryVariants,
  searchTileLayouts,
  liveWidgetVariants,
  liveWidgetStatuses,
  reservationOutcomes,
} from '@xiaodian/elements';
import '@xiaodian/elements/define';
import '@xiaodian/elements/search-page/define';
import { searchSorts } from '@xiaodian/model';
import { demoClient, products } from '../../stories/fixtures.js';

interface Named {
  name: string;
  type?: { text: string };
}
interface Declaration {
  customElement?: boolean;
  tagName?: string;
  attributes?: Named[];
  events?: Named[];
  cssProperties?: Named[];
  cssStates?: Named[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

const manifest = (await (
  await fetch(new URL('/packages/elements/custom-elements.json', location.origin))
).json()) as Manifest;
const declared = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName); // the base class is one without a tag
const declaration = (tag: string) => {
  const found = declared.find((d) => d.tagName === tag);
  if (!found) throw new Error(`custom-elements.json has no <${tag}>`);
  return found;
};
const names = (items: Named[] | undefined) => (items ?? []).map((item) => item.name).sort();
const union = (values: readonly string[]) => values.map((v) => `'${v}'`).join(' | ');

type ElementClass = CustomElementConstructor & { observedAttributes: string[]; elementStyles: CSSResultOrNative[] };
const classOf = (tag: string) => customElements.get(tag) as ElementClass;

/** The public custom properties (`--xd-*`) an element's own styles read. */
function propertiesRead(tag: string): string[] {
  const text = classOf(tag)
    .elementStyles.map((style) => ('cssText' in style ? style.cssText : ''))
    .join('\n');
  return [...new Set([...text.matchAll(/var\(\s*(--xd-[\w-]+)/g)].map((match) => match[1]!))].sort();
}

const dataBound = [
  'xd-product-card',
  'xd-shop-entry',
  'xd-search',
  'xd-search-results',
  'xd-search-tile',
  'xd-live-widget',
];
/** Attributes an element reflects without observing them: the data state, and the live widget's status. */
const reflectedOnlyOf = (tag: string) =>
  tag === 'xd-live-widget' ? ['live-status', 'state'] : dataBound.includes(tag) ? ['state'] : [];

describe('custom-elements.json matches the code', () => {
  it('publishes the elements for pages, and not the internal QR dialog', () => {
    expect(declared.map((d) => d.tagName).sort()).to.deep.equal([
      'xd-live-widget',
      'xd-product-card',
      'xd-search',
      'xd-search-results',
      'xd-search-tile',
      'xd-shop-entry',
      'xd-store',
    ]);
  });

  for (const tag of [
    'xd-product-card',
    'xd-shop-entry',
    'xd-store',
    'xd-search',
    'xd-search-results',
    'xd-search-tile',
    'xd-live-widget',
  ]) {
    it(`<${tag}>: lists every attribute it observes, and only those or ones it reflects`, () => {
      const observed = classOf(tag).observedAttributes;
      const listed = names(declaration(tag).attributes);
      expect(listed).to.include.members(observed);
      const reflectedOnly = listed.filter((name) => !observed.includes(name));
      expect(reflectedOnly.sort()).to.deep.equal(reflectedOnlyOf(tag));
    });

    it(`<${tag}>: documents exactly the --xd-* properties its styles read`, () => {
      expect(names(declaration(tag).cssProperties)).to.deep.equal(propertiesRead(tag));
    });
  }

  it('types the option attributes as their unions and `state` as the data states', () => {
    const typeOf = (tag: string, attribute: string) =>
      declaration(tag).attributes?.find((a) => a.name === attribute)?.type?.text;
    expect(typeOf('xd-product-card', 'variant')).to.equal(union(productCardVariants));
    expect(typeOf('xd-product-card', 'open-page')).to.equal(union(productCardOpenPages));
    expect(typeOf('xd-product-card', 'logo-position')).to.equal(union(logoPositions));
    expect(typeOf('xd-shop-entry', 'variant')).to.equal(union(shopEntryVariants));
    expect(typeOf('xd-search-tile', 'layout')).to.equal(union(searchTileLayouts));
    expect(typeOf('xd-search-results', 'layout')).to.equal(union(searchTileLayouts));
    expect(typeOf('xd-search-results', 'sort')).to.equal(union(searchSorts));
    expect(typeOf('xd-live-widget', 'variant')).to.equal(union(liveWidgetVariants));
    expect(typeOf('xd-live-widget', 'live-status')).to.equal(union(liveWidgetStatuses));
    expect(typeOf('xd-live-widget', 'reservation')).to.equal(`${union(reservationOutcomes)} | undefined`);
    for (const tag of dataBound) expect(typeOf(tag, 'state'), tag).to.equal(union(dataStates));
  });

  it('documents each data state as a custom state the element really has', async () => {
    const store = await fixture(
      html`<xd-store .client=${demoClient}>
        <xd-product-card appid=${products.available.appid} product-id=${products.available.productId}></xd-product-card>
        <xd-shop-entry appid=${products.available.appid}></xd-shop-entry>
        <xd-search></xd-search>
        <xd-search-results></xd-search-results>
        <xd-search-tile .product=${products.available}></xd-search-tile>
        <xd-live-widget finder-user-name="sphShanyeOutdoor"></xd-live-widget>
      </xd-store>`,
    );
    for (const tag of dataBound) {
      expect(names(declaration(tag).cssStates), tag).to.deep.equal([...dataStates].sort());
      const element = store.querySelector(tag)!;
      await waitUntil(() => element.getAttribute('state') === 'ready', `${tag} ready`, { timeout: 3000 });
      expect(element.matches(':state(ready)') && !element.matches(':state(loading)'), tag).to.equal(true);
    }
  });

  it('types each event with the exported class that dispatches it, and lists what a tap sends', async () => {
    for (const tag of dataBound) {
      for (const event of declaration(tag).events ?? []) {
        const type = event.type?.text ?? '';
        const EventClass = (elements as Record<string, unknown>)[type];
        expect(EventClass, `${tag} ${event.name}: ${type} is exported`).to.be.a('function');
        const instance = new (EventClass as new (detail: object) => Event)({ intent: 'product', ref: {} });
        expect(instance.type, `${type} dispatches ${event.name}`).to.equal(event.name);
      }
    }
    const card = (
      await fixture(
        html`<xd-store .client=${demoClient}
          ><xd-product-card
            appid=${products.available.appid}
            product-id=${products.available.productId}
          ></xd-product-card
        ></xd-store>`,
      )
    ).querySelector('xd-product-card')!;
    await waitUntil(() => card.getAttribute('state') === 'ready', 'ready', { timeout: 3000 });
    const sent: string[] = [];
    const record = (event: Event) => {
      sent.push(event.type);
      event.preventDefault(); // keep the bridge out of it
    };
    for (const type of ['xd-click', 'xd-open']) card.addEventListener(type, record);
    card.shadowRoot!.querySelector<HTMLElement>('[part~=card]')!.click();
    expect(sent).to.deep.equal(['xd-click', 'xd-open']);
    expect(names(declaration('xd-product-card').events)).to.include.members(sent);
  });
});
