import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';
import { clientContext, clientFor, defaultClient } from '../internal/context.js';

/**
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
    client: { attribute: false },
  };

  /** The gateway's base URL. Ignored when `.client` is set. */
  declare gateway: string | undefined;
  /** The language for elements inside (`zh-CN` default, `en-US`). */
  declare locale: string | undefined;
  /** Any client; takes precedence over `gateway`. */
  declare client: XiaodianClient | undefined;

  private readonly provider = new ContextProvider(this, { context: clientContext, initialValue: defaultClient() });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('gateway')) {
      this.provider.setValue(this.client ?? (this.gateway ? clientFor(this.gateway) : defaultClient()));
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
