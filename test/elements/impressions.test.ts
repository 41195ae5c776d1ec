import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { impressionRule } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import { demoClient, pendingClient, products, refOf } from '../../stories/fixtures.js';
import { settled } from './helpers.js';

/**
 * A hand-driven clock for the impression dwell time: timers of exactly `impressionRule.durationMs` are held
 * here instead of in the browser, so a test sees whether an impression is being counted (a timer is
 * pending) and ends the second at once, instead of spending real seconds or sleeping to prove that nothing
 * happened. Every other timer runs as usual.
 */
function impressionClock() {
  // (waitUntil's own timeout must not be 1000 ms in these tests, or it would be held here too.)
  const realSetTimeout = window.setTimeout;
  const realClearTimeout = window.clearTimeout;
  const held = new Map<number, () => void>();
  let nextId = 1_000_000_000;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    if (ms !== impressionRule.durationMs || typeof handler !== 'function') {
      return realSetTimeout(handler, ms, ...args);
    }
    const id = nextId++;
    held.set(id, () => (handler as (...a: unknown[]) => void)(...args));
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id === undefined || !held.delete(id)) realClearTimeout(id);
  }) as typeof window.clearTimeout;
  return {
    /** How many impressions are being counted right now. */
    get counting() {
      return held.size;
    },
    /** The dwell time passes: every impression being counted completes. */
    elapse() {
      const due = [...held.values()];
      held.clear();
      due.forEach((run) => run());
    },
    restore() {
      window.setTimeout = realSetTimeout;
      window.clearTimeout = realClearTimeout;
    },
  };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Resolves once the browser has told intersection observers that `element` is at least half in view, and
 * two frames have run since, so every observer of the element (the element's own included) has been told.
 */
async function seenByObservers(element: Element): Promise<void> {
  await new Promise<void>((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.intersectionRatio >= impressionRule.ratio)) return;
        observer.disconnect();
        resolve();
      },
      { threshold: impressionRule.ratio },
    );
    observer.observe(element);
  });
  await frame();
  await frame();
}

describe('xd-impression', () => {
  let clock: ReturnType<typeof impressionClock>;
  const seen: string[] = [];
  const listener = (event: Event) => seen.push((event.target as Element).id);
  beforeEach(() => {
    seen.length = 0;
    clock = impressionClock();
    document.addEventListener('xd-impression', listener);
  });
  afterEach(() => {
    clock.restore();
    document.removeEventListener('xd-impression', listener);
  });

  it('counts a card seen for a second once, and never one kept below the fold or still loading', async () => {
    const root = await fixture(
      html`<div>
        <xd-store .client=${demoClient}>
          <xd-product-card
            id="top"
            appid=${products.available.appid}
            product-id=${products.available.productId}
          ></xd-product-card>
          <div style="height:4000px"></div>
          <xd-product-card
            id="below"
            appid=${products.soldOut.appid}
            product-id=${products.soldOut.productId}
          ></xd-product-card>
        </xd-store>
        <xd-store .client=${pendingClient}>
          <xd-product-card
            id="loading"
            style="position:fixed;top:0;left:0;width:300px"
            appid=${products.available.appid}
            product-id=${products.available.productId}
          ></xd-product-card>
        </xd-store>
      </div>`,
    );
    const [top, below, loading] = ['top', 'below', 'loading'].map((id) => root.querySelector(`#${id}`)!);
    await Promise.all([settled(top!), settled(below!)]);
    await Promise.all([top, loading].map((card) => seenByObservers(card!)));
    await waitUntil(() => clock.counting > 0, 'the top card starts counting', { timeout: 5000 });
    expect(clock.counting, 'only the card in view with data is counting').to.equal(1);
    expect(seen, 'not before the second is up').to.deep.equal([]);
    clock.elapse();
    expect(seen).to.deep.equal(['top']);
    expect(clock.counting, 'once: nothing counts again').to.equal(0);
  });

  it('does not count while the page is in a background tab, and counts once it is shown', async () => {
    const setVisibility = (state: 'hidden' | 'visible') => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      setVisibility('hidden');
      const store = await fixture(
        html`<xd-store .client=${demoClient}>
          <xd-product-card
            id="hidden-tab"
            appid=${products.available.appid}
            product-id=${products.available.productId}
          ></xd-product-card>
        </xd-store>`,
      );
      const card = store.querySelector('xd-product-card')!;
      await settled(card);
      await card.updateComplete;
      await seenByObservers(card);
      expect(clock.counting, 'in view with data, but the tab is hidden').to.equal(0);
      setVisibility('visible');
      expect(clock.counting, 'counting once shown').to.equal(1);
      clock.elapse();
      expect(seen).to.deep.equal(['hidden-tab']);
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
    }
  });

  it('carries the ref and the promotion link', async () => {
    const store = await fixture(
      html`<xd-store .client=${demoClient}>
        <xd-product-card
          appid=${products.available.appid}
          product-id=${products.available.productId}
          product-promotion-link="xdpl_1"
        ></xd-product-card>
      </xd-store>`,
    );
    const event = new Promise<CustomEvent>((resolve) =>
      (store as HTMLElement).addEventListener('xd-impression', (e) => resolve(e as CustomEvent), { once: true }),
    );
    await waitUntil(() => clock.counting > 0, 'counting', { timeout: 5000 });
    clock.elapse();
    expect((await event).detail).to.deep.include({ ref: refOf(products.available), promotionLink: 'xdpl_1' });
  });
});
