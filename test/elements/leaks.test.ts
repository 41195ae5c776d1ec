import { expect, fixture, html, waitUntil } from '@open-wc/testing';

// Counts what the elements leave behind: observers alive and page-wide listeners. The counters wrap the
// browser's constructors and listener methods before the elements load (they are imported below, after).

const live = { intersection: 0, mutation: 0, intersectionMade: 0, numberFormats: 0 };

const NativeIntersectionObserver = window.IntersectionObserver;
window.IntersectionObserver = class extends NativeIntersectionObserver {
  private alive = true;
  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    super(callback, options);
    live.intersection += 1;
    live.intersectionMade += 1;
  }
  override disconnect(): void {
    if (this.alive) live.intersection -= 1;
    this.alive = false;
    super.disconnect();
  }
};

const NativeMutationObserver = window.MutationObserver;
window.MutationObserver = class extends NativeMutationObserver {
  private alive = false;
  override observe(target: Node, options?: MutationObserverInit): void {
    if (!this.alive) live.mutation += 1;
    this.alive = true;
    super.observe(target, options);
  }
  override disconnect(): void {
    if (this.alive) live.mutation -= 1;
    this.alive = false;
    super.disconnect();
  }
};

const NativeNumberFormat = Intl.NumberFormat;
Intl.NumberFormat = new Proxy(NativeNumberFormat, {
  construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
    live.numberFormats += 1;
    return new target(...args);
  },
});

/** Listeners added minus removed, by target and type (only the page-wide targets). */
const listeners = new Map<string, number>();
for (const [name, target] of [
  ['window', window],
  ['document', document],
] as const) {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  const seen = new Set<unknown>();
  target.addEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: unknown) => {
    const key = `${name} ${type}`;
    if (listener && !seen.has(listener)) listeners.set(key, (listeners.get(key) ?? 0) + 1);
    if (listener) seen.add(listener);
    add(type, listener, options as AddEventListenerOptions);
  };
  target.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: unknown) => {
    const key = `${name} ${type}`;
    if (listener && seen.delete(listener)) listeners.set(key, (listeners.get(key) ?? 0) - 1);
    remove(type, listener, options as EventListenerOptions);
  };
}
const listening = (key: string) => listeners.get(key) ?? 0;

const { demoClient, products } = await import('../../stories/fixtures.js');
await import('@xiaodian/elements/define');
// The root define's one watch for the search elements' tags, kept until they are defined (tested in
// define-when-seen.test.ts): not the elements' to leave behind.
const watchingForSearch = live.mutation;

const cards = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const product = [products.available, products.soldOut, products.giftable][i % 3]!;
    return html`<xd-product-card appid=${product.appid} product-id=${product.productId}></xd-product-card>`;
  });

async function mountGrid(count: number): Promise<HTMLElement> {
  const store = await fixture<HTMLElement>(html`<xd-store .client=${demoClient}>${cards(count)}</xd-store>`);
  const all = [...store.querySelectorAll('xd-product-card')];
  await waitUntil(() => all.every((card) => card.getAttribute('state') === 'ready'), 'all ready', { timeout: 5000 });
  return store;
}

describe('cost per element', () => {
  it('a grid of 60 cards shares one IntersectionObserver and one visibilitychange listener', async () => {
    live.intersectionMade = 0;
    const grid = await mountGrid(60);
    expect(live.intersectionMade, 'IntersectionObservers created').to.equal(1);
    expect(listening('document visibilitychange')).to.equal(1);
    expect(listening('window online')).to.equal(1);
    grid.remove();
  });

  it('formats counts with cached formatters, not one new Intl.NumberFormat per render', async () => {
    const before = live.numberFormats;
    const grid = await mountGrid(30);
    expect(live.numberFormats - before).to.be.at.most(2);
    grid.remove();
  });

  it('mounted and removed many times, leaves no observer or page-wide listener behind', async () => {
    for (let round = 0; round < 5; round += 1) (await mountGrid(12)).remove();
    expect(live.intersection, 'IntersectionObservers alive').to.equal(0);
    expect(live.mutation - watchingForSearch, 'MutationObservers observing').to.equal(0);
    expect(listening('document visibilitychange')).to.equal(0);
    expect(listening('window online')).to.equal(0);
  });
});
