import { html, nothing, type TemplateResult } from 'lit';
import { formatFen, type LiveBagItem, type LiveRoom } from '@xiaodian/model';
import type { Intent } from '../events/intent.js';
import { formatCount, type Locale } from '../internal/i18n.js';
import { pictureUrl } from '../internal/picture-url.js';
import type { LiveWidgetMessages } from './live-widget.messages.js';
import type { LiveWidgetStatus, ReservationOutcome } from './live-widget.options.js';
import { formatCountdown, formatStart, secondsLeft } from './live-time.js';

/** A price as shown at one instant: a flash sale's price only until its end, on server time. */
export interface ShownPrice {
  price: number;
  original: number | undefined;
  /** While a flash sale runs: when it ends (server time, ms). */
  flashSaleEndsAt: number | undefined;
}

/** What the views need: the room, the instant they draw, the words, and how to act. */
export interface LiveView {
  room: LiveRoom;
  status: LiveWidgetStatus;
  /** Server time, in ms, for every countdown in this commit. */
  now: number;
  t: LiveWidgetMessages;
  locale: Locale;
  reconnecting: boolean;
  reservation: ReservationOutcome | undefined;
  priceOf(item: LiveBagItem): ShownPrice;
  act(intent: Intent, item?: LiveBagItem): void;
}

const money = (fen: number, locale: Locale) => formatFen(fen, locale);

/** A countdown: `role=timer` is never announced (its live region is off), so each second stays silent. */
function timer(label: string, until: number, view: LiveView): TemplateResult {
  const text = formatCountdown(secondsLeft(until, view.now), view.t.days);
  return html`<span class="timer" role="timer" aria-label=${label}>${text}</span>`;
}

function header(view: LiveView): TemplateResult {
  const { room, t, locale, status } = view;
  const live = status === 'live';
  return html`<div class="header">
    <img class="avatar" src=${pictureUrl(room.avatarUrl) ?? nothing} alt="" />
    <span class="host">
      <span class="nickname">${room.nickname}</span>
      <span class="stats">
        <span class="status ${status}">${t.status[status]}</span>
        ${
          live || room.viewers > 0
            ? html`<span class="counter" data-counter="viewers">${t.viewers(formatCount(room.viewers, locale))}</span>`
            : nothing
        }
        ${live ? html`<span class="counter" data-counter="heat">${t.heat(formatCount(room.heat, locale))}</span>` : nothing}
      </span>
    </span>
    ${
      live || status === 'preparing'
        ? html`<button class="action open" type="button" @click=${() => view.act('live')}>${t.openRoom}</button>`
        : nothing
    }
  </div>`;
}

function priceTag(view: LiveView, item: LiveBagItem): TemplateResult {
  const { t, locale } = view;
  const shown = view.priceOf(item);
  return html`<span class="price-row">
    ${shown.flashSaleEndsAt !== undefined ? html`<span class="flash">${t.flashSale}</span>` : nothing}
    <span class="price">${money(shown.price, locale)}</span>
    ${
      shown.original !== undefined && shown.original > shown.price
        ? html`<s class="original" aria-label=${t.originalPrice(money(shown.original, locale))}
            >${money(shown.original, locale)}</s
          >`
        : nothing
    }
    ${shown.flashSaleEndsAt !== undefined ? timer(t.flashSaleEndsIn, shown.flashSaleEndsAt, view) : nothing}
  </span>`;
}

function buyButton(view: LiveView, item: LiveBagItem): TemplateResult {
  const { t } = view;
  const soldOut = item.stock === 0;
  // The visible word starts the name (label in name), the title tells twenty such buttons apart.
  return html`<button
    class="buy"
    type="button"
    ?disabled=${soldOut}
    aria-label="${soldOut ? t.soldOut : t.buy} ${item.title}"
    @click=${() => view.act('buy', item)}
  >
    ${soldOut ? t.soldOut : t.buy}
  </button>`;
}

function explained(view: LiveView): TemplateResult | typeof nothing {
  const item = view.room.bag.find((bagged) => bagged.productId === view.room.pinnedProductId);
  if (!item) return nothing;
  const { t } = view;
  return html`<div class="explained" part="explained">
    <img class="thumb" src=${pictureUrl(item.image) ?? nothing} alt="" />
    <span class="info">
      <span class="tag">${t.explaining}</span>
      <button class="title" type="button" @click=${() => view.act('product', item)}>${item.title}</button>
      ${priceTag(view, item)}
    </span>
    ${buyButton(view, item)}
  </div>`;
}

function bag(view: LiveView): TemplateResult {
  const { room, t, locale } = view;
  const items = [...room.bag].sort((a, b) => a.index - b.index);
  return html`<section class="bag" aria-label=${t.bag(items.length)}>
    <h3 class="bag-title" aria-hidden="true">${t.bag(items.length)}</h3>
    <ol class="items" part="bag">
      ${items.map(
        (item) =>
          html`<li class="item${item.stock === 0 ? ' sold-out' : ''}" data-product-id=${item.productId}>
            <span class="index" aria-hidden="true">${item.index}</span>
            <img class="thumb" src=${pictureUrl(item.image) ?? nothing} alt="" />
            <span class="info">
              <button class="title" type="button" @click=${() => view.act('product', item)}>${item.title}</button>
              ${priceTag(view, item)}
              <span class="stock">${item.stock === 0 ? t.soldOut : t.stockLeft(formatCount(item.stock, locale))}</span>
            </span>
            ${buyButton(view, item)}
          </li>`,
      )}
    </ol>
  </section>`;
}

function notice(view: LiveView): TemplateResult {
  const { room, t, locale, reservation } = view;
  const upcoming = room.notice;
  const startAt = upcoming?.startAt;
  const counting = startAt !== undefined && startAt > view.now;
  const done = reservation === 'reserved' || reservation === 'already_reserved';
  // WeChat said the notice can no longer be reserved: no action to offer, only why.
  const over = reservation === 'notice_cancelled' || reservation === 'notice_expired' || reservation === 'live_ended';
  const reservable =
    !over && view.status === 'not_started' && upcoming?.reservable === true && upcoming.status === 'open';
  return html`<div class="notice">
    <p class="description">${upcoming?.description ?? room.description}</p>
    <p class="countdown">
      ${
        counting
          ? html`<span class="label">${t.startsIn}</span> ${timer(t.startsIn, startAt, view)}`
          : html`<span class="label">${t.startingSoon}</span>`
      }
    </p>
    ${startAt !== undefined ? html`<p class="starts-at">${t.startsAt(formatStart(startAt, locale))}</p>` : nothing}
    ${
      reservable
        ? html`<button class="action reserve" type="button" ?disabled=${done} @click=${() => view.act('reserve')}>
            ${done ? t.reserved : t.reserve}
          </button>`
        : nothing
    }
    ${reservation ? html`<p class="outcome ${reservation}">${t.reservation[reservation]}</p>` : nothing}
  </div>`;
}

function ended(view: LiveView): TemplateResult {
  const { room, t } = view;
  const replay =
    room.replay === 'ready'
      ? html`<button class="action replay" type="button" @click=${() => view.act('replay')}>${t.replay}</button>`
      : html`<p class="replay-state">
          ${room.replay === 'generating' ? t.replayGenerating : room.replay === 'expired' ? t.replayExpired : t.noReplay}
        </p>`;
  return html`<div class="ended">
    <p class="description">${room.description}</p>
    ${replay}
  </div>`;
}

/** The full widget: the header, then what the live status calls for. */
export function fullView(view: LiveView): TemplateResult {
  const { status, t } = view;
  const body =
    status === 'live' ? html`${explained(view)}${bag(view)}` : status === 'ended' ? ended(view) : notice(view);
  return html`<div part="widget" class="box widget ready" role="group" aria-label=${view.room.nickname}>
    ${header(view)} ${view.reconnecting ? html`<p class="reconnecting">${t.reconnecting}</p>` : nothing} ${body}
  </div>`;
}

/** The mini badge's words: 直播中 · viewers · the product being explained (or the status alone). */
export function miniText(view: LiveView): string[] {
  const { room, t, locale, status } = view;
  if (status !== 'live') {
    const startAt = room.notice?.startAt;
    return status === 'not_started' && startAt !== undefined
      ? [t.status[status], t.startsAt(formatStart(startAt, locale))]
      : [t.status[status]];
  }
  const pinned = room.bag.find((item) => item.productId === room.pinnedProductId);
  return [t.status.live, t.viewers(formatCount(room.viewers, locale)), ...(pinned ? [pinned.title] : [])];
}

/** The action of the mini badge: open the room (or its replay); nothing once it ended without one. */
export function miniIntent(view: LiveView): Intent | undefined {
  if (view.status !== 'ended') return 'live';
  return view.room.replay === 'ready' ? 'replay' : undefined;
}
