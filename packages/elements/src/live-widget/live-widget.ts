import { html, nothing, type PropertyValues } from 'lit';
import {
  XiaodianError,
  formatFen,
  isFinderUserName,
  liveRef,
  type LiveBagItem,
  type LiveRef,
  type LiveRoom,
} from '@xiaodian/model';
import type { LiveConnectionState, LiveSubscription, XiaodianClient } from '@xiaodian/client';
import { checkOption, diagnostics } from '../internal/attribute-check.js';
import { XdElement } from '../internal/element.js';
import { DataController, type Loaded } from '../internal/data-controller.js';
import { renderPending } from '../internal/pending-view.js';
import { announce } from '../internal/live-announcer.js';
import { activate } from '../intents/activate.js';
import type { Intent, IntentDetail } from '../events/intent.js';
import { liveWidgetMessages, type LiveWidgetMessages } from './live-widget.messages.js';
import {
  liveWidgetVariants,
  reservationOutcomes,
  type LiveWidgetStatus,
  type LiveWidgetVariant,
  type ReservationOutcome,
} from './live-widget.options.js';
import { liveWidgetStyles } from './live-widget.styles.js';
import { browserScheduler, msToNextSecond, type LiveScheduler } from './live-time.js';
import { fullView, miniIntent, miniText, type LiveView, type ShownPrice } from './live-widget.views.js';

/** The price state of a bag item before its flash sale: what it shows again the frame the sale ends. */
type Price = Pick<LiveBagItem, 'price' | 'originalPrice'>;

const statusOf = (room: LiveRoom): LiveWidgetStatus =>
  room.status === 'unknown' ? 'ended' : (room.status satisfies LiveWidgetStatus);

/**
 * The live room `finder-user-name` names, or why it names none: warned once, like the other elements' refs
 * (here rather than in attribute-check.ts, which every product card downloads).
 */
function checkLiveRef(host: Element, name: string | undefined): LiveRef | XiaodianError {
  if (isFinderUserName(name ?? '')) return liveRef(name ?? '');
  void diagnostics().then((words) => words.warnOnce(host, words.refProblem(host.localName, 'finder-user-name', name)));
  return new XiaodianError('invalid_ref', 'Invalid finder-user-name');
}

const isOutcome = (value: string): value is ReservationOutcome =>
  (reservationOutcomes as readonly string[]).includes(value);

async function warnIgnored(host: Element, value: string): Promise<void> {
  const words = await diagnostics();
  const allowed = reservationOutcomes.map((outcome) => `"${outcome}"`).join(', ');
  words.warnOnce(host, `<xd-live-widget> reservation="${value}" is not one of ${allowed}: ignored.`);
}

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * @tagname xd-live-widget
 * @summary A 视频号 live room you can buy from without leaving the page: its status, the next live's notice
 * with a countdown and a reserve action, the host, viewers and 热力值, the product being explained, the
 * product bag (小黄车) with stock and flash-sale countdowns, and the replay. `mini` is a one-line badge.
 *
 * Updates reach the DOM at most once per animation frame however fast events arrive; countdowns run on the
 * server's clock; a page in a background tab stops consuming the stream and catches up when shown again.
 *
 * @slot placeholder - Shown over the grey placeholder while loading, in the same box.
 * @slot error - Replaces the message of the error state.
 *
 * @csspart widget - The full widget's box.
 * @csspart badge - The mini badge's box (a button when it opens something).
 * @csspart explained - The product being explained.
 * @csspart bag - The list of the product bag.
 *
 * @event {XdClickEvent} xd-click - An action was activated (analytics).
 * @event {XdOpenEvent} xd-open - Cancelable: `buy` and `product` (a product ref, with `finderUserName`),
 * `live`, `replay` (`{finderUserName}`, `feedId`), `reserve` (`noticeId`, and `respond(outcome)`).
 *
 * @attr {DataState} state - Read-only, reflected: where its data is (see the custom states).
 * @attr {LiveWidgetStatus} live-status - Read-only, reflected: `not_started`, `preparing`, `live` or `ended`;
 * absent until the room is known.
 * @cssstate loading - No room yet: the skeleton (also `[state='loading']`).
 * @cssstate ready - The room is shown and kept up to date.
 * @cssstate stale - Not used by the live widget (a live room is never shown from cache).
 * @cssstate error - The error (the room does not exist or is gone, or the network failed), with a retry
 * where retrying can help.
 */
export class XdLiveWidget extends XdElement {
  static override styles = liveWidgetStyles;

  static override properties = {
    finderUserName: { type: String, attribute: 'finder-user-name' },
    variant: { type: String, reflect: true },
    reservation: { type: String, reflect: true },
  };

  /** The 视频号 account whose live room to show (`sph…`). */
  declare finderUserName: string | undefined;
  /** `full` (default) or `mini`. */
  declare variant: LiveWidgetVariant;
  /**
   * How the shopper's last reservation went, shown under the reserve action. Set by the `reserve` intent's
   * `respond(outcome)`, or by a page that learnt it from its mini program (`reservationOutcomeOf(state)`).
   */
  declare reservation: ReservationOutcome | undefined;

  /**
   * When the widget touches the DOM and wakes for countdowns: animation frames by default.
   * @internal
   */
  scheduler: LiveScheduler = browserScheduler;

  private ref: LiveRef | XiaodianError = new XiaodianError('invalid_ref', 'No live room yet');
  /** The newest room; `shown` is the one the DOM shows (they differ until the next frame). */
  private room: LiveRoom | undefined;
  private shown: LiveRoom | undefined;
  private connection: LiveConnectionState = 'connecting';
  private subscription: LiveSubscription | undefined;
  private readonly beforeSale = new Map<string, Price>();
  private readonly h5Urls = new Map<string, string | undefined>();
  private readonly counters = new Map<string, string>();
  /** Each counter's roll-in while it plays: a count that changes again meanwhile is written, not rolled again. */
  private readonly rolling = new Map<string, Animation>();
  private cancelTick: (() => void) | undefined;

  private readonly live = new DataController(this, {
    // Always args: a widget without a valid name goes to the error state instead of loading forever.
    args: () => [this.ref] as const,
    task: ([ref], { signal, client }) =>
      ref instanceof XiaodianError ? Promise.reject(ref) : this.subscribe(ref, client, signal),
  });

  constructor() {
    super();
    this.variant = 'full';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.cancelTick = void this.cancelTick?.();
  }

  /** Server time: the subscription's clock corrected by what the stream said, else the device's. */
  serverNow(): number {
    return this.subscription?.serverNow() ?? Date.now();
  }

  /** A hidden page stops consuming (nobody sees it); shown again, the subscription catches up. */
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.subscription?.pause();
    else this.subscription?.resume();
  };

  /**
   * Subscribes; resolves with the first room. Later rooms reach the DOM through `receive`. Before the first
   * room any failure is shown (with a retry); after it only a room that is gone ends the subscription,
   * through the refresh promise the data controller watches (the rest it recovers from by itself).
   */
  private subscribe(ref: LiveRef, client: XiaodianClient, signal: AbortSignal): Promise<Loaded<LiveRoom>> {
    return new Promise((resolve, reject) => {
      let first = true;
      let gone: (error: XiaodianError) => void = () => {};
      const refresh = new Promise<LiveRoom>((_, fail) => (gone = fail));
      refresh.catch(() => {}); // the controller may have moved on; the rejection is only for it
      const subscription = client.subscribeLive(
        ref,
        (room) => {
          if (signal.aborted) return;
          this.receive(room, client);
          if (first) {
            first = false;
            resolve({ value: room, refresh });
          }
        },
        {
          signal,
          onState: (state) => {
            if (signal.aborted) return;
            this.connection = state;
            this.requestUpdate();
          },
          onError: (error) => {
            if (!first && error.code !== 'not_found') return;
            subscription.close();
            if (first) reject(error);
            else gone(error);
          },
        },
      );
      this.subscription = subscription;
      if (document.visibilityState === 'hidden') subscription.pause();
    });
  }

  /** Keeps the newest room; the DOM follows on the next frame, however many rooms arrive before it. */
  private receive(room: LiveRoom, client: XiaodianClient): void {
    this.room = room;
    if (this.variant === 'full') this.lookUpLinks(room, client);
    this.requestUpdate();
  }

  /**
   * The bag's H5 links (what the WeChat browser opens and a desktop shows as a QR code), read once per
   * product through the client, which sends the asks of one tick as one request.
   */
  private lookUpLinks(room: LiveRoom, client: XiaodianClient): void {
    for (const item of room.bag) {
      if (this.h5Urls.has(item.productId)) continue;
      this.h5Urls.set(item.productId, undefined);
      client.getProduct({ appid: item.appid, productId: item.productId }).then(
        (product) => this.h5Urls.set(item.productId, product.h5Url),
        () => {}, // no link: the intent still carries the ref
      );
    }
  }

  /** Every DOM commit waits for the next frame: events that arrive meanwhile join it. */
  protected override async scheduleUpdate(): Promise<void> {
    await new Promise<void>((resolve) => this.scheduler.frame(resolve));
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('variant')) this.variant = checkOption(this, 'variant', this.variant, liveWidgetVariants);
    const reservation: string | undefined = this.reservation;
    if (changed.has('reservation') && reservation !== undefined && !isOutcome(reservation)) {
      // Not an outcome: nothing to show (there is no default outcome), and the developer is told.
      if (reservation !== '') void warnIgnored(this, reservation);
      this.reservation = undefined;
    }
    if (changed.has('finderUserName') || this.hasUpdated === false) {
      const next = checkLiveRef(this, this.finderUserName);
      const same =
        !(next instanceof XiaodianError) &&
        !(this.ref instanceof XiaodianError) &&
        next.finderUserName === this.ref.finderUserName;
      if (!same) {
        this.ref = next;
        this.room = this.shown = this.subscription = undefined;
        this.beforeSale.clear();
      }
    }
    const room = this.live.value !== undefined ? this.room : undefined;
    if (room !== this.shown) {
      if (room) this.noteChanges(this.shown, room);
      this.shown = room;
    }
    if (room) this.setAttribute('live-status', statusOf(room));
    else this.removeAttribute('live-status');
  }

  /**
   * What changed since the last commit: prices before a flash sale, and the announcements (the full widget
   * only, so a page with a badge beside it hears each once): the explained product, an item sold out, a
   * flash sale started. Never viewers or seconds.
   */
  private noteChanges(before: LiveRoom | undefined, room: LiveRoom): void {
    for (const item of room.bag) {
      if (item.flashSaleEndsAt === undefined) {
        const price: Price = { price: item.price };
        if (item.originalPrice !== undefined) price.originalPrice = item.originalPrice;
        this.beforeSale.set(item.productId, price);
      }
    }
    const t = liveWidgetMessages(this.locale, () => {});
    if (!before || !t || this.variant !== 'full' || statusOf(room) !== 'live') return;
    const messages: string[] = [];
    const pinned = room.bag.find((item) => item.productId === room.pinnedProductId);
    if (pinned && room.pinnedProductId !== before.pinnedProductId) messages.push(t.announce.explaining(pinned.title));
    const now = this.serverNow();
    for (const item of room.bag) {
      const was = before.bag.find((old) => old.productId === item.productId);
      if (was && was.stock > 0 && item.stock === 0) messages.push(t.announce.soldOut(item.title));
      if (
        item.flashSaleEndsAt !== undefined &&
        item.flashSaleEndsAt > now &&
        was?.flashSaleEndsAt !== item.flashSaleEndsAt
      )
        messages.push(t.announce.flashSale(item.title, formatFen(item.price, this.locale)));
    }
    for (const message of messages) void announce(message);
  }

  private priceAt(item: LiveBagItem, now: number): ShownPrice {
    const endsAt = item.flashSaleEndsAt;
    if (endsAt !== undefined && now < endsAt) {
      return { price: item.price, original: item.originalPrice, flashSaleEndsAt: endsAt };
    }
    if (endsAt === undefined) return { price: item.price, original: item.originalPrice, flashSaleEndsAt: undefined };
    // Over on the server's clock, though the stream has not said so yet: the price from before the sale.
    const before = this.beforeSale.get(item.productId);
    return before
      ? { price: before.price, original: before.originalPrice, flashSaleEndsAt: undefined }
      : { price: item.originalPrice ?? item.price, original: undefined, flashSaleEndsAt: undefined };
  }

  private act(room: LiveRoom, intent: Intent, item?: LiveBagItem): void {
    const finderUserName = room.finderUserName;
    const detail: IntentDetail = item
      ? {
          intent,
          ref: { appid: item.appid, productId: item.productId },
          finderUserName,
          title: item.title,
          ...(this.h5Urls.get(item.productId) ? { h5Url: this.h5Urls.get(item.productId) } : {}),
        }
      : { intent, ref: { finderUserName }, title: room.nickname };
    if (!item && room.feedId) detail.feedId = room.feedId;
    if (intent === 'reserve' && room.notice) {
      detail.noticeId = room.notice.noticeId;
      detail.respond = (outcome) => this.respond(outcome);
    }
    activate(this, detail);
  }

  /** The outcome of a reservation, shown and announced (it answers what the shopper just did). */
  private respond(outcome: ReservationOutcome): void {
    this.reservation = outcome;
    const t = liveWidgetMessages(this.locale, () => {});
    if (t) void announce(t.reservation[outcome]);
  }

  protected override render() {
    const t = liveWidgetMessages(this.locale, () => this.requestUpdate());
    const room = this.shown;
    if (t && room) return this.variant === 'mini' ? this.renderMini(this.view(room, t)) : fullView(this.view(room, t));
    const skeleton = html`<span class="avatar pulse"></span>
      <span class="text" aria-hidden="true"><span class="bar"></span><span class="bar"></span></span>`;
    return renderPending(this, { part: this.variant === 'mini' ? 'badge' : 'widget' }, skeleton, this.live, t);
  }

  private view(room: LiveRoom, t: LiveWidgetMessages): LiveView {
    const now = this.serverNow();
    return {
      room,
      status: statusOf(room),
      now,
      t,
      locale: this.locale,
      reconnecting: this.connection === 'reconnecting',
      reservation: this.reservation,
      priceOf: (item) => this.priceAt(item, now),
      act: (intent, item) => this.act(room, intent, item),
    };
  }

  private renderMini(view: LiveView) {
    const words = miniText(view);
    const content = html`${view.status === 'live' ? html`<span class="dot" aria-hidden="true"></span>` : nothing}${words.map(
      (word, i) =>
        html`${i > 0 ? html`<span class="sep" aria-hidden="true">·</span>` : nothing}<span class="word">${word}</span>`,
    )}`;
    const intent = miniIntent(view);
    // prettier-ignore
    return intent
      ? html`<button part="badge" class="box badge ready ${view.status}" type="button" @click=${() => view.act(intent)}>${content}</button>`
      : html`<span part="badge" class="box badge ready ${view.status}">${content}</span>`;
  }

  protected override updated(): void {
    this.animateCounters();
    this.scheduleTick();
  }

  /**
   * Viewers and heat that changed roll in, unless the shopper asked for less motion. Movement only, no fade:
   * a number at partial opacity fails contrast for as long as it fades (axe caught one mid-animation).
   */
  private animateCounters(): void {
    for (const counter of this.renderRoot.querySelectorAll<HTMLElement>('[data-counter]')) {
      const key = counter.dataset['counter'] ?? '';
      const text = counter.textContent ?? '';
      const before = this.counters.get(key);
      this.counters.set(key, text);
      if (before === undefined || before === text || reducedMotion()) continue;
      // At a thousand viewers' ticks a second, a roll-in each frame would keep the number moving and cost
      // every frame a new animation: on a busy machine 2–3 ms of each event's way to the screen (the bench
      // beside one other job; on a quiet machine the difference is within its noise).
      const playing = this.rolling.get(key);
      if (playing?.playState === 'running' && (playing.effect as KeyframeEffect | null)?.target === counter) continue;
      const roll = counter.animate?.([{ transform: 'translateY(40%)' }, { transform: 'none' }], {
        duration: 240,
        easing: 'ease-out',
      });
      if (roll) this.rolling.set(key, roll);
    }
  }

  /** Wakes for the next second of a countdown shown (or the end of a flash sale), never more often. */
  private scheduleTick(): void {
    this.cancelTick = void this.cancelTick?.();
    const room = this.shown;
    if (!room || this.variant !== 'full' || !this.isConnected) return;
    const now = this.serverNow();
    const status = statusOf(room);
    const ends =
      status === 'live'
        ? room.bag.map((item) => item.flashSaleEndsAt)
        : status === 'ended'
          ? []
          : [room.notice?.startAt];
    const waits = ends.flatMap((end) => (end === undefined ? [] : [msToNextSecond(end, now) ?? []].flat()));
    if (waits.length === 0) return;
    this.cancelTick = this.scheduler.after(Math.min(...waits), () => this.requestUpdate());
  }
}
