export { XdLiveWidget } from './live-widget.js';
export {
  liveWidgetVariants,
  liveWidgetStatuses,
  reservationOutcomes,
  reservationOutcomeOf,
  type LiveWidgetVariant,
  type LiveWidgetStatus,
  type ReservationOutcome,
} from './live-widget.options.js';
export type { LiveScheduler } from './live-time.js';
