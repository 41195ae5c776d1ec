/** `full`: the live room card (status, host, explained product, product bag); `mini`: a one-line badge. */
export const liveWidgetVariants = ['full', 'mini'] as const;
export type LiveWidgetVariant = (typeof liveWidgetVariants)[number];

/** What the widget reflects as `live-status`: WeChat's four live statuses (an unknown one shows as ended). */
export const liveWidgetStatuses = ['not_started', 'preparing', 'live', 'ended'] as const;
export type LiveWidgetStatus = (typeof liveWidgetStatuses)[number];

/**
 * How a reservation (预约) ended, as WeChat's `wx.reserveChannelsLive` reports it (its `state`), plus
 * `failed` for a call that failed. The widget shows each to the shopper.
 */
export const reservationOutcomes = [
  'reserved',
  'already_reserved',
  'notice_cancelled',
  'notice_expired',
  'live_ended',
  'failed',
] as const;
export type ReservationOutcome = (typeof reservationOutcomes)[number];

/** `wx.reserveChannelsLive`'s `state` codes, as WECHAT.md lists them, mapped to outcomes. */
const reserveStates: Record<number, ReservationOutcome> = {
  6: 'reserved',
  8: 'already_reserved',
  3: 'notice_cancelled',
  10: 'notice_expired',
  4: 'live_ended',
};

/**
 * The outcome for a `state` code of `wx.reserveChannelsLive` (what a mini-program page hands back), or
 * undefined for a code that is not an outcome (the shopper closed the sheet: nothing to show).
 */
export function reservationOutcomeOf(state: number): ReservationOutcome | undefined {
  return reserveStates[state];
}
