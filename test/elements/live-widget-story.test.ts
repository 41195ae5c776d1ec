import { expect, waitUntil } from '@open-wc/testing';
import { createClient } from '@xiaodian/client';
import { createDemoBackend, manualClock, scriptedLive, type ScriptedLiveStep } from '@xiaodian/demo';
import type { XdLiveWidget } from '@xiaodian/elements/live-widget';
import type { LiveRoom } from '@xiaodian/model';
import { shadowText } from './helpers.js';
import { announcer, liveReady } from './live-helpers.js';

/**
 * The demo's scripted room walks a whole live on the test's clock: notice → preparing → live → explained
 * products → flash sale → sold out → sale over → ended, replay generating → replay ready. At each step the
 * widget must show what the server's room says.
 */
describe('<xd-live-widget> through a whole live (the demo simulator, step by step)', () => {
  const start = Date.now();
  const clock = manualClock(start);
  const backend = createDemoBackend({ images: 'inline', clock });
  const client = createClient({ backend });
  const name = scriptedLive.finderUserName;
  let widget: XdLiveWidget;
  let room: LiveRoom;

  const text = () => shadowText(widget);
  const explainedTitle = () => widget.shadowRoot!.querySelector('[part=explained] .title')?.textContent?.trim();
  const titleOf = (productId: string | undefined) => room.bag.find((item) => item.productId === productId)?.title;
  /** Moves the server's clock to a step and waits until the widget shows the room as the server has it. */
  async function stepTo(step: ScriptedLiveStep, shown: () => boolean) {
    const at = scriptedLive.steps.find((s) => s.step === step)!.afterMs;
    clock.set(start + at);
    room = await backend.getLive(name);
    await waitUntil(shown, `the widget shows "${step}" (it shows: ${text()})`, { timeout: 5000 });
  }

  // One widget for the whole walk, outside the per-test fixtures (which are removed after each test).
  let store: HTMLElement & { client?: unknown };
  before(async () => {
    store = document.createElement('xd-store');
    store.client = client;
    store.style.cssText = 'display:block;width:343px';
    widget = document.createElement('xd-live-widget');
    widget.setAttribute('finder-user-name', name);
    store.append(widget);
    document.body.append(store);
    await liveReady(widget);
    room = await backend.getLive(name);
  });
  after(() => store.remove());

  it('notice: a countdown to the start (server time) and a reserve action', async () => {
    expect(widget.getAttribute('live-status')).to.equal('not_started');
    expect(room.notice?.reservable).to.equal(true);
    const timer = widget.shadowRoot!.querySelector('[role=timer]')?.textContent;
    expect(['10:00', '09:59']).to.include(timer);
    expect(widget.shadowRoot!.querySelector('.reserve')?.textContent?.trim()).to.equal('预约直播');
    await expect(widget).to.be.accessible();
  });

  it('preparing: 马上开播, and reservations are closed', async () => {
    await stepTo('preparing', () => widget.getAttribute('live-status') === 'preparing');
    expect(text()).to.include('马上开播');
    expect(widget.shadowRoot!.querySelector('.reserve')?.outerHTML ?? null).to.equal(null);
  });

  it('live: the host, viewers, the explained product and the bag', async () => {
    await stepTo('live', () => widget.getAttribute('live-status') === 'live' && explainedTitle() !== undefined);
    expect(explainedTitle()).to.equal(titleOf(room.pinnedProductId));
    expect(text()).to.include(room.nickname);
    expect(widget.shadowRoot!.querySelectorAll('.item').length).to.equal(room.bag.length);
    await expect(widget).to.be.accessible();
  });

  it('the next product explained: shown and announced', async () => {
    const before = room.pinnedProductId;
    await stepTo('explain_next', () => explainedTitle() !== titleOf(before));
    expect(explainedTitle()).to.equal(titleOf(room.pinnedProductId));
    await waitUntil(() => announcer().includes(`正在讲解：${titleOf(room.pinnedProductId)}`), 'announced');
  });

  it('a flash sale: 秒杀, its price and a silent countdown to its end', async () => {
    await stepTo('flash_sale', () => text().includes('秒杀'));
    const onSale = room.bag.find((item) => item.flashSaleEndsAt !== undefined)!;
    expect(onSale.flashSaleEndsAt).to.equal(start + scriptedLive.flashSaleEndsAfterMs);
    const row = widget.shadowRoot!.querySelector(`.item[data-product-id='${onSale.productId}']`)!;
    const timer = row.querySelector('[role=timer]')!;
    expect(timer.getAttribute('aria-live')).to.equal(null); // role=timer: off, never read out each second
    expect(['02:00', '01:59']).to.include(timer.textContent);
  });

  it('sold out: 已抢光 and no buy action', async () => {
    await stepTo('sold_out', () => widget.shadowRoot!.querySelector('.item.sold-out') !== null);
    const gone = room.bag.find((item) => item.stock === 0)!;
    const row = widget.shadowRoot!.querySelector(`.item[data-product-id='${gone.productId}']`)!;
    expect(row.textContent).to.include('已抢光');
    expect(row.querySelector<HTMLButtonElement>('.buy')!.disabled).to.equal(true);
  });

  it('the flash sale ends', async () => {
    await stepTo('flash_sale_end', () => !text().includes('秒杀'));
    expect(room.bag.every((item) => item.flashSaleEndsAt === undefined)).to.equal(true);
  });

  it('ended: the replay is being generated, then ready to watch', async () => {
    await stepTo('ended_replay_generating', () => widget.getAttribute('live-status') === 'ended');
    expect(text()).to.include('回放生成中');
    await stepTo('replay_ready', () => text().includes('看回放'));
    await expect(widget).to.be.accessible();
  });
});
