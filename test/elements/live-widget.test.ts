import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  liveWidgetVariants,
  miniProgramUrl,
  reservationOutcomeOf,
  reservationOutcomes,
  type IntentDetail,
  type XdOpenEvent,
} from '@xiaodian/elements';
import { demoClient } from '../../stories/fixtures.js';
import { liveWidgetStates } from '../../stories/live-fixtures.js';
import { diagnosticsWritten, shadowText, shows } from './helpers.js';
import { drivenRoom, liveReady, mountWidget, roomsByState } from './live-helpers.js';

const rooms = await roomsByState();
type State = keyof typeof rooms;

/** What each state shows in the full widget, and what its status is. */
const expected: Record<State, { status: string; full: string[]; mini: string[] }> = {
  not_started: {
    status: 'not_started',
    full: ['直播预告', '距开播', '预约直播', '周末家居焕新'],
    mini: ['直播预告', '开播'],
  },
  preparing: { status: 'preparing', full: ['马上开播', '距开播', '进入直播间'], mini: ['马上开播'] },
  live: {
    status: 'live',
    full: ['直播中', '人观看', '热力值', '讲解中', '小黄车', '去购买'],
    mini: ['直播中', '人观看'],
  },
  'ended, replay ready': { status: 'ended', full: ['直播已结束', '看回放'], mini: ['直播已结束'] },
  'ended, replay generating': { status: 'ended', full: ['回放生成中'], mini: ['直播已结束'] },
  'ended, replay expired': { status: 'ended', full: ['回放已过期'], mini: ['直播已结束'] },
  'ended, no replay': { status: 'ended', full: ['本场直播暂无回放'], mini: ['直播已结束'] },
};

describe('<xd-live-widget> in every live state and variant', () => {
  for (const variant of liveWidgetVariants) {
    for (const state of Object.keys(rooms) as State[]) {
      it(`${variant}: ${state} reflects live-status, says so and is axe-clean`, async () => {
        const room = drivenRoom(rooms[state]);
        const widget = await mountWidget(room.client, rooms[state].finderUserName, { variant });
        await liveReady(widget);
        expect(widget.getAttribute('live-status')).to.equal(expected[state].status);
        expect(widget.getAttribute('state')).to.equal('ready');
        for (const words of variant === 'full' ? expected[state].full : expected[state].mini) {
          expect(shadowText(widget)).to.include(words);
        }
        await expect(widget).to.be.accessible();
      });
    }
  }

  for (const variant of liveWidgetVariants) {
    for (const [state, data, words] of [
      ['loading', 'loading', '直播间加载中'],
      ['offline', 'error', '网络不可用'],
      ['not found', 'error', '直播间不存在'],
    ] as const) {
      it(`${variant}: ${state} (state=${data}) is axe-clean`, async () => {
        const [client, name] = liveWidgetStates[state];
        const widget = await mountWidget(client, name, { variant });
        await widget.updateComplete; // its first commit waits for a frame
        if (data === 'error') await waitUntil(() => widget.getAttribute('state') === 'error', 'error');
        expect(widget.getAttribute('state')).to.equal(data);
        if (data === 'loading')
          expect(widget.shadowRoot!.querySelector('[aria-busy]')?.getAttribute('aria-label')).to.equal(words);
        else expect(shadowText(widget)).to.include(words);
        expect(widget.hasAttribute('live-status')).to.equal(false);
        await expect(widget).to.be.accessible();
      });
    }
  }

  it('mini: 直播中 · viewers · the product being explained, and opens the room', async () => {
    const room = rooms.live;
    const pinned = room.bag.find((item) => item.productId === room.pinnedProductId)!;
    const widget = await mountWidget(drivenRoom(room).client, room.finderUserName, { variant: 'mini' });
    await liveReady(widget);
    expect(shadowText(widget)).to.include(pinned.title);
    let opened: IntentDetail | undefined;
    widget.addEventListener('xd-open', (event) => {
      event.preventDefault();
      opened = event.detail;
    });
    widget.shadowRoot!.querySelector<HTMLElement>('[part=badge]')!.click();
    expect(opened?.intent).to.equal('live');
    expect(opened?.ref).to.deep.equal({ finderUserName: room.finderUserName });
  });

  it('English, loaded on demand', async () => {
    const widget = await mountWidget(drivenRoom(rooms.live).client, rooms.live.finderUserName, { lang: 'en-US' });
    await shows(widget, 'LIVE');
    expect(shadowText(widget)).to.include('watching');
  });

  it('a demo room through the in-process demo backend', async () => {
    const widget = await mountWidget(demoClient, 'sphShanyeOutdoor');
    await liveReady(widget);
    expect(widget.getAttribute('live-status')).to.equal('live');
  });

  it('an invalid finder-user-name is warned about, never requested, and says the room is unavailable', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const room = drivenRoom(rooms.live);
      const widget = await mountWidget(room.client, 'not a name');
      await shows(widget, '直播间暂不可用');
      await diagnosticsWritten(() => warnings.length > 0);
      expect(warnings.join('\n')).to.include('finder-user-name="not a name" is invalid');
      expect(room.stats.opened).to.equal(0);
    } finally {
      console.warn = warn;
    }
  });

  it('a room nobody knows says so', async () => {
    const widget = await mountWidget(drivenRoom(rooms.live).client, 'sphNobodyKnowsThis');
    await shows(widget, '直播间不存在');
    expect(widget.getAttribute('state')).to.equal('error');
    expect(widget.hasAttribute('live-status')).to.equal(false);
  });
});

describe('<xd-live-widget> actions', () => {
  const opened: IntentDetail[] = [];
  const capture = (event: XdOpenEvent) => {
    event.preventDefault();
    opened.push(event.detail);
  };
  beforeEach(() => {
    opened.length = 0;
    document.addEventListener('xd-open', capture);
  });
  afterEach(() => document.removeEventListener('xd-open', capture));

  it('buy, product and open the room carry the room, the product and its title', async () => {
    const room = rooms.live;
    const widget = await mountWidget(drivenRoom(room).client, room.finderUserName);
    await liveReady(widget);
    const explained = widget.shadowRoot!.querySelector('[part=explained]')!;
    explained.querySelector<HTMLElement>('.buy')!.click();
    explained.querySelector<HTMLElement>('.title')!.click();
    widget.shadowRoot!.querySelector<HTMLElement>('.open')!.click();
    const pinned = room.bag.find((item) => item.productId === room.pinnedProductId)!;
    expect(opened.map((detail) => detail.intent)).to.deep.equal(['buy', 'product', 'live']);
    expect(opened[0]!.ref).to.deep.equal({ appid: pinned.appid, productId: pinned.productId });
    expect(opened[0]!.finderUserName).to.equal(room.finderUserName);
    expect(opened[0]!.title).to.equal(pinned.title);
    expect(opened[2]!.ref).to.deep.equal({ finderUserName: room.finderUserName });
  });

  it('replay opens the replay of an ended room', async () => {
    const room = rooms['ended, replay ready'];
    const widget = await mountWidget(drivenRoom(room).client, room.finderUserName);
    await liveReady(widget);
    widget.shadowRoot!.querySelector<HTMLElement>('.replay')!.click();
    expect(opened.map((detail) => detail.intent)).to.deep.equal(['replay']);
  });

  it('a sold-out item offers no buy action and says 已抢光', async () => {
    const room = drivenRoom(rooms.live);
    const item = rooms.live.bag.find((bagged) => bagged.productId !== rooms.live.pinnedProductId)!;
    room.push({ type: 'stock', productId: item.productId, stock: 0 });
    const widget = await mountWidget(room.client, rooms.live.finderUserName);
    await liveReady(widget);
    const row = widget.shadowRoot!.querySelector(`[data-product-id='${item.productId}']`)!;
    expect(row.textContent).to.include('已抢光');
    expect(row.querySelector<HTMLButtonElement>('.buy')!.disabled).to.equal(true);
  });

  it('is keyboard operable: Tab reaches the buy action, Enter sends it', async () => {
    const room = rooms.live;
    const widget = await mountWidget(drivenRoom(room).client, room.finderUserName);
    await liveReady(widget);
    widget.shadowRoot!.querySelector<HTMLElement>('.open')!.focus();
    await sendKeys({ press: 'Tab' }); // the explained product's title
    await sendKeys({ press: 'Tab' }); // its buy action
    expect(widget.shadowRoot!.activeElement?.classList.contains('buy')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    expect(opened.map((detail) => detail.intent)).to.deep.equal(['buy']);
  });

  for (const outcome of reservationOutcomes) {
    it(`reserve: sends the notice id and shows the outcome "${outcome}" it gets back`, async () => {
      const room = rooms.not_started;
      const widget = await mountWidget(drivenRoom(room).client, room.finderUserName);
      await liveReady(widget);
      widget.shadowRoot!.querySelector<HTMLElement>('.reserve')!.click();
      const detail = opened[0]!;
      expect(detail.intent).to.equal('reserve');
      expect(detail.noticeId).to.equal(room.notice!.noticeId);
      expect(detail.ref).to.deep.equal({ finderUserName: room.finderUserName });
      detail.respond!(outcome);
      await widget.updateComplete;
      expect(widget.getAttribute('reservation')).to.equal(outcome);
      const words = {
        reserved: '预约成功',
        already_reserved: '你已预约过',
        notice_cancelled: '预告已取消',
        notice_expired: '预告已过期',
        live_ended: '直播已结束',
        failed: '预约没有成功',
      }[outcome];
      expect(shadowText(widget)).to.include(words);
      const button = widget.shadowRoot!.querySelector<HTMLButtonElement>('.reserve');
      // Reserved (now or before): shown as done. A notice that is over: no action. A failure: try again.
      if (outcome === 'reserved' || outcome === 'already_reserved') expect(button?.disabled).to.equal(true);
      else if (outcome === 'failed') expect(button?.disabled).to.equal(false);
      else expect(button).to.equal(null);
      await expect(widget).to.be.accessible();
    });
  }
});

describe('live intents in a mini-program web-view', () => {
  it('the mini-program page gets the room, the notice and the feed, to call wx.reserveChannelsLive or wx.openChannelsLive', () => {
    const reserve = miniProgramUrl(
      { intent: 'reserve', ref: { finderUserName: 'sphShanyeOutdoor' }, noticeId: 'notice_1' },
      '/pages/open',
    );
    expect(reserve).to.equal('/pages/open?intent=reserve&finder_user_name=sphShanyeOutdoor&notice_id=notice_1');
    const buy = miniProgramUrl(
      {
        intent: 'buy',
        ref: { appid: 'wx3f8a2c1d9e7b6a54', productId: '10000201001001' },
        finderUserName: 'sphShanyeOutdoor',
      },
      '/pages/open',
    );
    expect(buy).to.equal(
      '/pages/open?intent=buy&appid=wx3f8a2c1d9e7b6a54&product_id=10000201001001&finder_user_name=sphShanyeOutdoor',
    );
    const replay = miniProgramUrl(
      { intent: 'replay', ref: { finderUserName: 'sphDigitalLive' }, feedId: 'feed 1' },
      '/pages/open',
    );
    expect(replay).to.equal('/pages/open?intent=replay&finder_user_name=sphDigitalLive&feed_id=feed%201');
  });

  it("maps wx.reserveChannelsLive's state codes to outcomes, and ignores the others", () => {
    expect([6, 8, 3, 10, 4].map(reservationOutcomeOf)).to.deep.equal([
      'reserved',
      'already_reserved',
      'notice_cancelled',
      'notice_expired',
      'live_ended',
    ]);
    expect(reservationOutcomeOf(5)).to.equal(undefined); // closed the sheet without reserving
  });
});
