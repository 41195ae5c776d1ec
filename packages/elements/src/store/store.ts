import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';
import { configureBridge } from '../intents/bridge-options.js';
import { clientContext, clientFor, defaultClient } from '../internal/context.js';

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

  private readonly provider = new ContextProvider(this, { context: clientContext, initialValue: defaultClient() });

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

  protected override render() {
    return html`<slot></slot>`;
  }
}
