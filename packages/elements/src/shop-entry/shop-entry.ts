import { html, nothing, type PropertyValues } from 'lit';
import { XiaodianError, isFinderUserName, type Shop, type ShopRef } from '@xiaodian/model';
import { checkOption, checkShopRef } from '../internal/attribute-check.js';
import { XdElement } from '../internal/element.js';
import { formatCount } from '../internal/i18n.js';
import { ImpressionController } from '../internal/impression-controller.js';
import { renderBox, type BoxOptions } from '../internal/box.js';
import { renderPending } from '../internal/pending-view.js';
import { DataController } from '../internal/data-controller.js';
import { pictureUrl } from '../internal/picture-url.js';
import { activate } from '../intents/activate.js';
import type { IntentDetail } from '../events/intent.js';
import { XdImpressionEvent } from '../events/xd-impression.js';
import { shopEntryMessages, type ShopEntryMessages } from './shop-entry.messages.js';
import { shopEntryVariants, type ShopEntryVariant } from './shop-entry.options.js';
import { shopEntryStyles } from './shop-entry.styles.js';

/**
 * @tagname xd-shop-entry
 * @summary A WeChat Mini Store shop entry (`<store-home>`'s counterpart): logo, name, brand certification,
 * the three DSR scores, products on sale, total sales and linked accounts, and an "enter shop" action.
 *
 * @slot placeholder - Shown over the grey placeholder while loading, in the same reserved box.
 * @slot error - Replaces the message of the error state.
 *
 * @csspart entry - The entry's box (the button, when the shop is open).
 *
 * @slot - The `inline` variant: the shop's name as the page writes it (`<xd-shop-entry variant="inline" …>山野户外旗舰店</xd-shop-entry>`).
 * It reads in place before the script runs and sets the link's width in every state.
 *
 * @cssproperty --xd-shop-entry-inline-width - Width of an `inline` entry with nothing written inside it (10em).
 *
 * @event {XdClickEvent} xd-click - The entry was activated (analytics).
 * @event {XdOpenEvent} xd-open - Cancelable: `{intent: 'shop', ref: {appid}}`.
 * @event {XdImpressionEvent} xd-impression - At least half visible for one second (once).
 *
 * When one of the shop's linked 视频号 is live, the card shows `<xd-live-widget variant="mini">` for it at its
 * bottom right (loaded on demand).
 *
 * @attr {DataState} state - Read-only, reflected by the entry: where its data is (see the custom states).
 * @cssstate loading - No data yet: the reserved skeleton (also `[state='loading']`).
 * @cssstate ready - The shop is shown.
 * @cssstate stale - A cached shop is shown while a refresh runs.
 * @cssstate error - The error over the skeleton, with a retry where retrying can help.
 */
export class XdShopEntry extends XdElement {
  static override styles = shopEntryStyles;

  static override properties = {
    appid: { type: String },
    variant: { type: String, reflect: true },
  };

  /** The shop's 小店 appid (`wx` + 16 hex characters). */
  declare appid: string | undefined;
  /** `card` (default), `banner` or `inline`. */
  declare variant: ShopEntryVariant;

  /** The checked ref, or why `appid` names no shop (checked once per update, in `willUpdate`). */
  private ref: ShopRef | XiaodianError = new XiaodianError('invalid_ref', 'No shop yet');

  private readonly shop = new DataController(this, {
    // Always args: an entry without an appid goes to the error state instead of loading forever.
    args: () => [this.ref] as const,
    task: ([ref], { signal, client }) =>
      ref instanceof XiaodianError
        ? Promise.reject(ref) // nothing invalid reaches a request
        : client.readShop({ appid: ref.appid }, { signal }),
  });

  /** A linked 视频号 that is live now, shown as the live widget's mini badge (card variant). */
  private liveAccount: string | undefined;
  private liveLookedUpFor: Shop | undefined;
  /**
   * The look-up in flight, if any: what a test awaits before saying no badge came.
   * @internal
   */
  liveLookUp: Promise<void> | undefined;

  /**
   * Asks each linked 视频号 whether it is live, once per shop shown. The live widget loads only when one is,
   * so a page of shop entries whose accounts are not live never downloads it.
   */
  private lookUpLive(shop: Shop): void {
    if (this.liveLookedUpFor === shop || this.variant !== 'card') return;
    this.liveLookedUpFor = shop;
    this.liveAccount = undefined;
    const client = this.shop.client;
    const names = shop.linkedAccounts.channels.map((account) => account.id).filter((id) => isFinderUserName(id));
    this.liveLookUp = Promise.all(
      names.map((finderUserName) =>
        client.getLive({ finderUserName }).then(
          (room) => room.status === 'live',
          () => false, // an account without a room (404) or a failure: no badge
        ),
      ),
    ).then(async (live) => {
      const found = names[live.indexOf(true)];
      if (!found || this.liveLookedUpFor !== shop) return;
      await import('../live-widget/define.js');
      this.liveAccount = found;
      this.requestUpdate();
    });
  }

  protected override updated(): void {
    const shop = this.shop.value;
    if (shop) this.lookUpLive(shop);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('variant')) this.variant = checkOption(this, 'variant', this.variant, shopEntryVariants);
    if (changed.has('appid') || this.hasUpdated === false) {
      this.ref = checkShopRef(this, this.appid);
    }
  }

  constructor() {
    super();
    this.variant = 'card';
    new ImpressionController(
      this,
      () => this.shop.value !== undefined,
      () => this.dispatchEvent(new XdImpressionEvent(this.detail())),
    );
  }

  private detail(): IntentDetail {
    const shop = this.shop.value;
    return {
      intent: 'shop',
      ref: { appid: this.ref instanceof XiaodianError ? '' : this.ref.appid },
      ...(shop?.h5Url ? { h5Url: shop.h5Url } : {}),
      ...(shop ? { title: shop.name } : {}),
    };
  }

  protected override render() {
    const view = this.renderView();
    // The inline link is as wide as the name the page wrote inside it, measured by an invisible copy in the
    // flow (the box is drawn over it): the same width before definition (reserve.css), loading and ready.
    return this.variant === 'inline' ? html`<span class="sizer" aria-hidden="true"><slot></slot></span>${view}` : view;
  }

  private renderView() {
    const t = shopEntryMessages(this.locale, () => this.requestUpdate());
    const value = this.shop.value;
    if (t && value) return this.renderShop(value, t);
    const skeleton = html`<span class="logo pulse"></span>
      <span class="text" aria-hidden="true"><span class="bar"></span><span class="bar"></span></span>`;
    return renderPending(this, this.box, skeleton, this.shop, t);
  }

  private renderShop(shop: Shop, t: ShopEntryMessages) {
    const locale = this.locale;
    const closed = shop.status === 'closing' || shop.status === 'close_finished';
    const scores = shop.scores;
    const stats = [
      shop.productsOnSale !== undefined ? t.onSale(formatCount(shop.productsOnSale, locale)) : '',
      shop.totalSales !== undefined ? t.sold(formatCount(shop.totalSales, locale)) : '',
    ].filter(Boolean);
    const accounts = shop.linkedAccounts;
    // Inline, a closed shop's status takes the logo's place (one character in the logo's circle), so the name
    // keeps the room the page wrote it in; the group's label says it in full.
    const logo =
      closed && this.variant === 'inline'
        ? html`<span class="logo status" aria-hidden="true">${t.closedMark}</span>`
        : html`<img class="logo" src=${pictureUrl(shop.logoUrl) ?? nothing} alt="" />`;
    const content = html`${logo}
      <span class="text">
        <span class="name-row">
          <span class="name">${shop.name}</span>
          ${shop.brand ? html`<span class="badge">${t.certification[shop.brand.certification]}</span>` : nothing}
        </span>
        <span class="details" id="details" aria-hidden="true">
          ${
            scores
              ? html`<span class="scores"
                  >${(['description', 'service', 'logistics'] as const).map(
                    (key) => html`<span>${t.scores[key]} <b>${scores[key].toFixed(1)}</b></span>`,
                  )}</span
                >`
              : nothing
          }
          <span class="stats">${stats.join(' · ')}</span>
          ${
            accounts.officialAccounts.length || accounts.channels.length
              ? html`<span class="accounts"
                  >${t.accounts(accounts.officialAccounts.length, accounts.channels.length)}</span
                >`
              : nothing
          }
        </span>
      </span>
      <span class="action" id="action" aria-hidden="true">${closed ? t.closed : t.enter}</span>`;
    const box = renderBox(
      this.box,
      closed
        ? { label: `${shop.name}, ${t.closed}` }
        : { open: () => activate(this, this.detail()), describedBy: 'details action' },
      content,
    );
    // Beside the box, not in it: the badge is its own button (opening the room), and a button holds none.
    // It is given the entry's language, which it cannot find from inside this shadow root by itself.
    return this.liveAccount && this.variant === 'card'
      ? html`${box}<xd-live-widget
            class="live"
            variant="mini"
            lang=${this.locale}
            finder-user-name=${this.liveAccount}
          ></xd-live-widget>`
      : box;
  }

  private get box(): BoxOptions {
    return { part: 'entry', inline: this.variant === 'inline' };
  }
}
