import { expect, waitUntil } from '@open-wc/testing';
import type { XdLiveWidget } from '@xiaodian/elements/live-widget';
import { createClient } from '@xiaodian/client';
import { formatFen, type LiveRoom } from '@xiaodian/model';
import { shadowText, shows } from './helpers.js';
import {
  commitCounter,
  drivenRoom,
  liveReady,
  manualScheduler,
  mountWidget,
  roomLike,
  stepUntil,
} from './live-helpers.js';

// The demo room always runs a flash sale; these tests start one of their own, on a quiet bag.
const source = await roomLike({});
const live = {
  ...source,
  bag: source.bag.map(({ flashSaleEndsAt: _running, ...item }) =>
    _running === undefined ? item : { ...item, price: item.originalPrice ?? item.price },
  ),
};
const pinned = live.bag.find((item) => item.productId === live.pinnedProductId)!;
const other = live.bag.find((item) => item.productId !== live.pinnedProductId && item.stock > 0)!;
const row = (widget: XdLiveWidget, productId: string) =>
  widget.shadowRoot!.querySelector<HTMLElement>(`[data-product-id='${productId}']`)!;
const viewersText = (widget: XdLiveWidget) =>
  widget.shadowRoot!.querySelector('[data-counter=viewers]')?.textContent ?? '';
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/** Runs `body` with `prefers-reduced-motion: reduce` matching or not, whatever the browser says. */
async function withReducedMotion(reduced: boolean, body: () => Promise<void>): Promise<void> {
  const realMatchMedia = window.matchMedia;
  window.matchMedia = (query: string) =>
    ({ matches: query.includes('reduce') ? reduced : realMatchMedia(query).matches }) as MediaQueryList;
  try {
    await body();
  } finally {
    window.matchMedia = realMatchMedia;
  }
}

/** Mounts on a manual scheduler and steps frames until the room is on screen. */
async function mountStepped(room: ReturnType<typeof drivenRoom>) {
  const steps = manualScheduler();
  const widget = await mountWidget(room.client, live.finderUserName, { scheduler: steps.scheduler });
  await stepUntil(widget, steps, () => widget.hasAttribute('live-status'), 'the room is shown');
  return { widget, steps };
}

/** Mounts on a driven room and waits until the room is shown and its event stream is open. */
async function mountStreaming() {
  const room = drivenRoom(live);
  const widget = await mountWidget(room.client, live.finderUserName);
  await liveReady(widget);
  await waitUntil(() => room.stats.open === 1, 'streaming');
  return { room, widget };
}

describe('<xd-live-widget> in real time', () => {
  it('commits to the DOM once per animation frame, however many events arrived before it', async () => {
    const room = drivenRoom(live);
    const { widget, steps } = await mountStepped(room);
    await waitUntil(() => room.stats.open === 1, 'streaming');
    const commits = commitCounter(widget);
    const before = viewersText(widget);
    const burst = Array.from({ length: 300 }, (_, i) => ({ type: 'viewers' as const, viewers: 10_000 + i }));
    room.push(...burst, { type: 'stock', productId: other.productId, stock: 7 });
    await waitUntil(() => room.stats.yielded.length === 301, 'every event consumed');
    await nextTask();
    // 301 events in: nothing touched the DOM before the frame.
    expect(commits.commits).to.equal(0);
    expect(viewersText(widget)).to.equal(before);
    await steps.frame(widget);
    await nextTask();
    expect(commits.commits).to.equal(1);
    expect(viewersText(widget)).to.equal('1万人观看'); // 10,299 as WeChat shows it
    expect(row(widget, other.productId).textContent).to.include('剩余7件');
    commits.stop();
  });

  // Between viewer ticks, whatever changes the bag (stock, the explained product, the words) is drawn, and
  // the bag's actions act on the room shown.
  it('draws the bag again for a stock change, a new explained product and a new language among viewer ticks', async () => {
    const room = drivenRoom(live);
    const { widget, steps } = await mountStepped(room);
    await waitUntil(() => room.stats.open === 1, 'streaming');
    const explainedTitle = () => widget.shadowRoot!.querySelector('.explained .title')?.textContent?.trim();
    expect(explainedTitle()).to.equal(pinned.title);
    room.push({ type: 'viewers', viewers: 4_321 });
    await stepUntil(widget, steps, () => viewersText(widget).includes('4321'), 'the viewers');
    room.push({ type: 'stock', productId: other.productId, stock: 3 });
    await stepUntil(widget, steps, () => row(widget, other.productId).textContent!.includes('剩余3件'), 'the stock');
    room.push({ type: 'pin', productId: other.productId });
    await stepUntil(widget, steps, () => explainedTitle() === other.title, 'the explained product');
    room.push({ type: 'viewers', viewers: 4_322 });
    await stepUntil(widget, steps, () => viewersText(widget).includes('4322'), 'more viewers');
    widget.setAttribute('lang', 'en-US');
    // The English words load first (the widget shows its placeholder meanwhile): no row until then.
    const rowText = () => widget.shadowRoot!.querySelector(`[data-product-id='${other.productId}']`)?.textContent ?? '';
    await stepUntil(widget, steps, () => rowText().includes('3 left'), 'English');
    const intents: Array<{ intent: string; finderUserName?: string; ref: unknown }> = [];
    widget.addEventListener('xd-open', (event) => {
      event.preventDefault();
      intents.push((event as CustomEvent).detail);
    });
    row(widget, other.productId).querySelector<HTMLButtonElement>('button.buy')!.click();
    expect(intents).to.have.length(1);
    expect(intents[0]).to.include({ intent: 'buy', finderUserName: live.finderUserName });
    expect(intents[0]!.ref).to.deep.equal({ appid: other.appid, productId: other.productId });
  });

  it('counts down on each second, and the flash-sale price ends on the first frame after its end', async () => {
    const realNow = Date.now;
    let now = realNow();
    Date.now = () => now;
    try {
      const endsAt = now + 5_000;
      const room = drivenRoom(live, () => now);
      const { widget, steps } = await mountStepped(room);
      room.push({
        type: 'price',
        productId: other.productId,
        price: other.price - 100,
        originalPrice: other.price,
        flashSaleEndsAt: endsAt,
      });
      await stepUntil(widget, steps, () => row(widget, other.productId).textContent!.includes('秒杀'), 'the sale');
      const timer = () => row(widget, other.productId).querySelector('[role=timer]')?.textContent;
      const price = () => row(widget, other.productId).querySelector('.price')?.textContent;
      expect(timer()).to.equal('00:05');
      expect(price()).to.equal(formatFen(other.price - 100));
      // It wakes when the shown second changes, not before and not every frame.
      expect(steps.timers).to.deep.equal([1_000]);
      now = endsAt - 1;
      steps.fireTimers();
      await steps.frame(widget);
      expect(timer()).to.equal('00:01');
      expect(steps.timers).to.deep.equal([1]);
      now = endsAt;
      steps.fireTimers();
      await steps.frame(widget);
      // The stream has not said so yet; the server's clock has: one frame later the sale is over.
      expect(timer()).to.equal(undefined);
      expect(price()).to.equal(formatFen(other.price));
      expect(row(widget, other.productId).textContent).not.to.include('秒杀');
      expect(steps.timers).to.deep.equal([]);
    } finally {
      Date.now = realNow;
    }
  });

  it('announces the explained product, a sold-out item and a flash sale, and never a viewer tick', async () => {
    const heard: string[] = [];
    // What the page's one live region says, each time it is written (not what it held before).
    const listen = new MutationObserver((records) => {
      const region = document.querySelector('[data-xiaodian-announcer]');
      if (region && records.some((record) => region.contains(record.target))) heard.push(region.textContent ?? '');
    });
    listen.observe(document.body, { subtree: true, childList: true, characterData: true });
    try {
      const { room, widget } = await mountStreaming();
      room.push({ type: 'viewers', viewers: 4321 }, { type: 'heat', heat: 99_999 });
      await shows(widget, '4321人观看');
      room.push({ type: 'pin', productId: other.productId });
      await waitUntil(() => heard.length > 0, 'an announcement');
      room.push({ type: 'stock', productId: other.productId, stock: 0 });
      await waitUntil(() => heard.length > 1, 'a second announcement');
      room.push({
        type: 'price',
        productId: pinned.productId,
        price: 990,
        originalPrice: pinned.price,
        flashSaleEndsAt: Date.now() + 60_000,
      });
      await waitUntil(() => heard.length > 2, 'a third announcement');
      expect(heard).to.deep.equal([
        `正在讲解：${other.title}`,
        `${other.title} 已抢光`,
        `秒杀开始：${pinned.title} ${formatFen(990)}`,
      ]);
    } finally {
      listen.disconnect();
    }
  });

  for (const reduced of [false, true]) {
    it(`counters ${reduced ? 'do not animate with' : 'animate without'} prefers-reduced-motion`, async () => {
      await withReducedMotion(reduced, async () => {
        const { room, widget } = await mountStreaming();
        room.push({ type: 'viewers', viewers: 5555 });
        await shows(widget, '5555人观看');
        const counter = widget.shadowRoot!.querySelector<HTMLElement>('[data-counter=viewers]')!;
        expect(counter.getAnimations().length).to.equal(reduced ? 0 : 1);
      });
    });
  }

  it('rolls a counter in once while its roll plays: a count changing every frame is written, not restarted', async () => {
    await withReducedMotion(false, async () => {
      const { room, widget } = await mountStreaming();
      room.push({ type: 'viewers', viewers: 5555 });
      await shows(widget, '5555人观看');
      const counter = widget.shadowRoot!.querySelector<HTMLElement>('[data-counter=viewers]')!;
      const [first] = counter.getAnimations();
      // Held playing while the next count renders, however slow the machine (the roll lasts 240 ms).
      first!.effect!.updateTiming({ duration: 60_000 });
      // Mutant guarded: a new animation per change (60 a second at a live room's pace; on a busy machine
      // 2–3 ms more on each event's way to the screen in `npm run bench -- live-widget`).
      room.push({ type: 'viewers', viewers: 5556 });
      await shows(widget, '5556人观看');
      expect(counter.getAnimations()).to.deep.equal([first]);
      first!.finish();
      room.push({ type: 'viewers', viewers: 5557 });
      await shows(widget, '5557人观看');
      const [second] = counter.getAnimations();
      expect(second).to.be.instanceOf(Animation);
      expect(second === first).to.equal(false);
    });
  });

  it('shows 重新连接中 while cut, resumes from the last event, and loses or repeats nothing', async () => {
    const { room, widget } = await mountStreaming();
    room.push({ type: 'stock', productId: other.productId, stock: 50 }, { type: 'viewers', viewers: 2000 });
    await waitUntil(() => room.stats.yielded.length === 2, 'two events consumed');
    // Cut mid-burst: these events wait on the server while the client is away.
    room.push({ type: 'stock', productId: other.productId, stock: 40 });
    room.cut();
    room.push({ type: 'stock', productId: other.productId, stock: 30 }, { type: 'viewers', viewers: 2100 });
    await shows(widget, '重新连接中');
    await waitUntil(() => !shadowText(widget).includes('重新连接中'), 'reconnected', { timeout: 8000 });
    await shows(widget, '2100人观看');
    expect(row(widget, other.productId).textContent).to.include('剩余30件');
    expect(room.stats.resumedFrom.at(-1)).to.equal('e-2');
    expect(new Set(room.stats.yielded).size).to.equal(room.stats.yielded.length);
    expect(room.stats.yielded).to.deep.equal(['e-1', 'e-2', 'e-3', 'e-4', 'e-5']);
  });

  it('a room that is gone says so', async () => {
    const { room, widget } = await mountStreaming();
    room.remove();
    await shows(widget, '直播间不存在');
    expect(widget.getAttribute('state')).to.equal('error');
    await waitUntil(() => room.stats.open === 0, 'the stream is closed');
    await expect(widget).to.be.accessible();
  });

  it('stops consuming on a hidden page, and catches up from where it was when shown again', async () => {
    const { room, widget } = await mountStreaming();
    room.push({ type: 'viewers', viewers: 1111 });
    await shows(widget, '1111人观看');
    const page = pageVisibility();
    try {
      page.set('hidden');
      await waitUntil(() => room.stats.open === 0, 'the stream is closed while hidden');
      room.push({ type: 'viewers', viewers: 2222 }, { type: 'stock', productId: other.productId, stock: 3 });
      // Nobody is reading the room: what happened meanwhile waits on the server.
      expect(room.stats.yielded).to.deep.equal(['e-1']);
      page.set('visible');
      await shows(widget, '2222人观看');
      expect(row(widget, other.productId).textContent).to.include('剩余3件');
      expect(room.stats.resumedFrom.at(-1)).to.equal('e-1');
      expect(room.stats.yielded).to.deep.equal(['e-1', 'e-2', 'e-3']);
    } finally {
      page.restore();
    }
  });

  it("counts down on the server's clock when the device's is five minutes wrong", async () => {
    await onSlowPhone('notice_clock', async (upcoming, serverNow) => {
      const room = drivenRoom(upcoming, serverNow);
      const widget = await mountWidget(room.client, upcoming.finderUserName);
      await liveReady(widget);
      await waitUntil(() => room.stats.open === 1, 'streaming (its first heartbeat carries the server time)');
      await waitUntil(() => Math.abs(widget.serverNow() - serverNow()) < 1000, 'server time learnt');
      await showsServerCountdown(widget);
    });
  });

  it("counts down on the server's clock while polling (no stream) when the device's is five minutes wrong", async () => {
    await onSlowPhone('notice_poll', async (upcoming, serverNow) => {
      const room = drivenRoom(upcoming, serverNow);
      // A backend without events (as the mini-program transport is): the subscription polls the room.
      const polled = { ...room.backend, liveEvents: undefined };
      const widget = await mountWidget(createClient({ backend: polled, retry: false }), upcoming.finderUserName);
      await liveReady(widget);
      await showsServerCountdown(widget);
      expect(room.stats.opened).to.equal(0, 'polled, never streamed');
    });
  });
});

/**
 * Runs `test` on a phone whose clock (`Date.now`) is five minutes slow, with a room whose notice `noticeId`
 * starts 90 s from now on the server's clock (`serverNow`); puts the clock back afterwards.
 */
async function onSlowPhone(
  noticeId: string,
  test: (upcoming: LiveRoom, serverNow: () => number) => Promise<void>,
): Promise<void> {
  const realNow = Date.now;
  const serverNow = () => realNow.call(Date);
  Date.now = () => serverNow() - 5 * 60_000;
  try {
    const upcoming = await roomLike(
      {
        status: 'not_started',
        statusCode: 1,
        notice: { noticeId, status: 'open', startAt: serverNow() + 90_000, reservable: true },
      },
      ['pinnedProductId'],
    );
    await test(upcoming, serverNow);
  } finally {
    Date.now = realNow;
  }
}

/** The countdown shows the 90 s left on the server's clock (on the slow phone's own clock it would say 06:30). */
async function showsServerCountdown(widget: XdLiveWidget): Promise<void> {
  const timer = () => widget.shadowRoot!.querySelector('[role=timer]')?.textContent;
  await waitUntil(() => timer() === '01:30' || timer() === '01:29', `01:30 (shows ${timer()})`);
}

/** Makes the page hidden or visible as a browser does when its tab goes to the background. */
function pageVisibility() {
  let state: DocumentVisibilityState = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  return {
    set(next: DocumentVisibilityState) {
      state = next;
      document.dispatchEvent(new Event('visibilitychange'));
    },
    restore() {
      delete (document as { visibilityState?: unknown }).visibilityState;
      delete (document as { hidden?: unknown }).hidden;
    },
  };
}
