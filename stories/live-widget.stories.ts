import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { liveWidgetVariants, reservationOutcomes, type ReservationOutcome } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import { liveWidgetStates, type LiveWidgetState } from './live-fixtures.js';
import { stateMatrix } from './matrix.js';

interface Args {
  state: LiveWidgetState;
  variant: (typeof liveWidgetVariants)[number];
  /** The outcome a reservation comes back with (not started only); `none` before any. */
  reservation: ReservationOutcome | 'none';
  lang: 'zh-CN' | 'en-US';
  theme: 'auto' | 'light' | 'dark';
}

const widget = ({ state, variant, reservation }: Args) =>
  html`<xd-live-widget
    variant=${variant}
    finder-user-name=${liveWidgetStates[state][1]}
    reservation=${reservation === 'none' ? nothing : reservation}
  ></xd-live-widget>`;

const meta: Meta<Args> = {
  title: 'Live widget',
  component: 'xd-live-widget',
  // The a11y addon's axe run never settles on a widget whose countdown and stream keep changing the DOM;
  // the browser tests check the widget with axe in each state instead (test/elements/live-widget*.test.ts).
  parameters: { a11y: { test: 'off' } },
  argTypes: {
    state: { control: 'select', options: Object.keys(liveWidgetStates) },
    variant: { control: 'inline-radio', options: liveWidgetVariants },
    reservation: { control: 'select', options: ['none', ...reservationOutcomes] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en-US'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  },
  args: { state: 'live', variant: 'full', reservation: 'none', lang: 'zh-CN', theme: 'auto' },
  render: (args) => html`
    <xd-store
      lang=${args.lang}
      theme=${args.theme}
      .client=${liveWidgetStates[args.state][0]}
      style="display:block;max-width:343px"
    >
      ${widget(args)}
    </xd-store>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Live: Story = {};
export const LiveSimulated: Story = { args: { state: 'live (simulated)' } };
export const NotStarted: Story = { args: { state: 'not_started' } };
export const Reserved: Story = { args: { state: 'not_started', reservation: 'reserved' } };
export const AlreadyReserved: Story = { args: { state: 'not_started', reservation: 'already_reserved' } };
export const NoticeCancelled: Story = { args: { state: 'not_started', reservation: 'notice_cancelled' } };
export const NoticeExpired: Story = { args: { state: 'not_started', reservation: 'notice_expired' } };
export const LiveEnded: Story = { args: { state: 'not_started', reservation: 'live_ended' } };
export const ReservationFailed: Story = { args: { state: 'not_started', reservation: 'failed' } };
export const Preparing: Story = { args: { state: 'preparing' } };
export const EndedReplayReady: Story = { args: { state: 'ended, replay ready' } };
export const EndedReplayGenerating: Story = { args: { state: 'ended, replay generating' } };
export const EndedReplayExpired: Story = { args: { state: 'ended, replay expired' } };
export const EndedNoReplay: Story = { args: { state: 'ended, no replay' } };
export const Loading: Story = { args: { state: 'loading' } };
export const Offline: Story = { args: { state: 'offline' } };
export const NotFound: Story = { args: { state: 'not found' } };
export const Mini: Story = { args: { variant: 'mini' } };
export const English: Story = { args: { lang: 'en-US' } };
export const Dark: Story = { args: { theme: 'dark' } };

/** Both variants in every state, as a designer reviews them at 375 px. */
export const Matrix: Story = {
  render: (args) =>
    stateMatrix({
      variants: liveWidgetVariants,
      inlineVariant: 'mini',
      states: liveWidgetStates,
      lang: args.lang,
      theme: args.theme,
      render: (state, variant) => widget({ ...args, state, variant }),
    }),
};
