import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';
import { configureBridge } from '../intents/bridge-options.js';
import { clientContext, clientFor, defaultClient } from '../internal/context.js';
import { keepUpgradingLinks } from '../upgrade-links/upgrade-links.js';

/**
 * @tagname xd-store
 * @summary Provides a storefront client to every Xiaodian element inside it.
 *
 * @slot - The page content whose elements use this store.
 */
export class XdStore extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    gateway: { type: String },
    locale: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    miniProgramPage: { type: String, attribute: 'mini-program-page' },
    client: { attribute: false },
    upgradeLinks: { type: Boolean, attribute: 'upgrade-links' },
  };

  /** The gateway's base URL. Ignored when `.client` is set. */
  declare gateway: string | undefined;
  /** The language for elements inside (`zh-CN` default, `en-US`). */
  declare locale: string | undefined;
  /** `light` or `dark` forces a colour scheme; anything else follows the system (`prefers-color-scheme`). */
  declare theme: string | undefined;
  /** The mini-program page intents navigate to inside a web-view (see `configureBridge`); page-wide. */
  declare miniProgramPage: string | undefined;
  /** Any client; takes precedence over `gateway`. */
  declare client: XiaodianClient | undefined;
  /**
   * Once the page has loaded, turns the WeChat product and shop links in the content (`<a href>` links and
   * links written as plain text) into cards, with one resolve request, and then those of content added
   * later; links it cannot resolve stay as they were (see `upgradeLinks`). Stops when the store leaves the
   * page. The code for it loads only where the attribute is set.
   */
  declare upgradeLinks: boolean;

  private readonly provider = new ContextProvider(this, { context: clientContext, initialValue: defaultClient() });
  #linkWork: AbortController | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('gateway')) {
      this.provider.setValue(this.client ?? (this.gateway ? clientFor(this.gateway) : defaultClient()));
    }
    if (changed.has('theme')) {
      // Inherited through the tree (and every shadow root) by the components' `color-scheme`.
      const scheme = this.theme === 'light' || this.theme === 'dark' ? this.theme : '';
      this.style.setProperty('--xd-color-scheme', scheme);
    }
    if (changed.has('miniProgramPage') && this.miniProgramPage)
      configureBridge({ miniProgramPage: this.miniProgramPage });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#upgradeLinks();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#linkWork?.abort();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('upgradeLinks')) this.#upgradeLinks();
  }

  /** (Re)starts upgrading links while the attribute is set and the store is in the page. */
  #upgradeLinks(): void {
    this.#linkWork?.abort();
    this.#linkWork = this.upgradeLinks && this.isConnected ? new AbortController() : undefined;
    if (this.#linkWork) keepUpgradingLinks(this, () => this.provider.value, this.#linkWork.signal);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
