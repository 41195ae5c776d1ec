import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import type { XiaodianClient } from '@xiaodian/client';
import { liveWidgetVariants, type IntentDetail } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import { eventually } from './play.js';
import { elementControls, type ElementArgs } from './element-controls.js';
import { liveWidgetStates, type LiveWidgetState } from './live-fixtures.js';
import { stateMatrix } from './matrix.js';
import { stateControls, type StoryLang } from './state-stories.js';

const live = elementControls('xd-live-widget', { unpainted: ['--xd-color-link'] });

type Args = ElementArgs & { data: LiveWidgetState; lang: StoryLang };

/** The widget the controls describe; with no 视频号 typed in, the room of the chosen state. */
const widgetFor = (args: Args, state: LiveWidgetState = args.data, variant = args['variant']) =>
  live.render({ ...args, variant, 'finder-user-name': args['finder-user-name'] || liveWidgetStates[state][1] });

const meta: Meta<Args> = {
  title: 'Live widget',
  component: 'xd-live-widget',
  // The a11y addon's axe run never settles on a widget whose countdown and stream keep changing the DOM;
  // the browser tests check the widget with axe in each state instead (test/elements/live-widget*.test.ts).
  parameters: { a11y: { test: 'off' } },
  args: { ...live.args, data: 'live', lang: 'zh-CN' },
  argTypes: {
    ...live.argTypes,
    ...stateControls(liveWidgetStates, 'The room the story shows (a 视频号 typed above names another demo room).'),
  },
  render: (args) => html`
    <xd-store lang=${args.lang} .client=${liveWidgetStates[args.data][0]} style="display:block;max-width:343px">
      ${widgetFor(args)}
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;

const widget = (canvas: HTMLElement) => canvas.querySelector('xd-live-widget')!;

export const Live: Story = {};
export const LiveSimulated: Story = { args: { data: 'live (simulated)' } };
export const NotStarted: Story = { args: { data: 'not_started' } };
export const Reserved: Story = { args: { data: 'not_started', reservation: 'reserved' } };
export const AlreadyReserved: Story = { args: { data: 'not_started', reservation: 'already_reserved' } };
export const NoticeCancelled: Story = { args: { data: 'not_started', reservation: 'notice_cancelled' } };
export const NoticeExpired: Story = { args: { data: 'not_started', reservation: 'notice_expired' } };
export const LiveEnded: Story = { args: { data: 'not_started', reservation: 'live_ended' } };
export const ReservationFailed: Story = { args: { data: 'not_started', reservation: 'failed' } };
export const Preparing: Story = { args: { data: 'preparing' } };
export const EndedReplayReady: Story = { args: { data: 'ended, replay ready' } };
export const EndedReplayGenerating: Story = { args: { data: 'ended, replay generating' } };
export const EndedReplayExpired: Story = { args: { data: 'ended, replay expired' } };
export const EndedNoReplay: Story = { args: { data: 'ended, no replay' } };
export const Loading: Story = { args: { data: 'loading' } };
export const Offline: Story = { args: { data: 'offline' } };
export const NotFound: Story = { args: { data: 'not found' } };
export const Mini: Story = { args: { variant: 'mini' } };
export const English: Story = { args: { lang: 'en-US' } };
export const Dark: Story = { globals: { scheme: 'dark' } };

/**
 * Reserving the next live: tapping 预约直播 asks the page for it (`xd-open`, intent `reserve`, with the
 * notice's id and `respond`); once the page responds, the widget says how it went and the action is done.
 */
export const ReserveNotice: Story = {
  args: { data: 'not_started' },
  play: async ({ canvasElement, userEvent }) => {
    const intents: IntentDetail[] = [];
    // On the widget, not the canvas: the canvas stays for the next story, the widget goes with this one.
    widget(canvasElement).addEventListener('xd-open', (event) => {
      event.preventDefault(); // the story is the page: no QR dialog
      intents.push((event as CustomEvent<IntentDetail>).detail);
    });
    const reserve = () => widget(canvasElement).shadowRoot!.querySelector<HTMLButtonElement>('button.reserve');
    await eventually(() => expect(reserve()).not.toBeNull());
    await expect(reserve()!.textContent!.trim()).toBe('预约直播');
    await userEvent.click(reserve()!);
    await expect(intents).toHaveLength(1);
    await expect(intents[0]).toMatchObject({
      intent: 'reserve',
      noticeId: 'notice_story',
      ref: { finderUserName: liveWidgetStates.not_started[1] },
    });
    await expect(typeof intents[0]!.respond).toBe('function');
    intents[0]!.respond!('reserved');
    await eventually(() =>
      expect(widget(canvasElement).shadowRoot!.querySelector('.outcome.reserved')?.textContent?.trim()).toBe(
        '预约成功，开播时会提醒你',
      ),
    );
    await expect(reserve()!.disabled).toBe(true);
    await expect(reserve()!.textContent!.trim()).toBe('已预约');
  },
};

/** Both variants in every state, as a designer reviews them at 375 px; every colour control shows here. */
export const Matrix: Story = {
  tags: ['theme-tokens'],
  render: (args) =>
    stateMatrix({
      variants: liveWidgetVariants,
      inlineVariant: 'mini',
      states: liveWidgetStates as Record<LiveWidgetState, readonly [XiaodianClient, unknown]>,
      lang: args.lang,
      theme: 'auto',
      render: (state, variant) => widgetFor(args, state, variant),
    }),
  // Colours are read once the story has finished: wait until every widget has its room (the a11y run, which
  // would otherwise be the wait, is off for this element), so a token painted only on a loaded room counts.
  // The loading row, one widget per variant, stays loading on purpose.
  play: async ({ canvasElement }) => {
    await eventually(() =>
      expect(
        [...canvasElement.querySelectorAll('xd-live-widget')].filter(
          (each) => each.getAttribute('state') === 'loading',
        ),
      ).toHaveLength(liveWidgetVariants.length),
    );
  },
};
