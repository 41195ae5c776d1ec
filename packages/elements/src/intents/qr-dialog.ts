import { css, html, nothing } from 'lit';
import { encode } from 'uqr';
import { defineElement } from '../internal/define.js';
import { XdElement } from '../internal/element.js';
import type { Locale } from '../internal/i18n.js';
import { tokenStyles } from '../theme/tokens.styles.js';
import { isWeChatLink } from './bridge.js';
import type { IntentDetail } from '../events/intent.js';

// Both languages: the dialog itself loads on demand.
const catalog: Record<Locale, { scan: string; noLink: string; close: string; code: (title: string) => string }> = {
  'zh-CN': {
    scan: '请使用微信扫一扫打开',
    noLink: '请在微信中打开',
    close: '关闭',
    code: (title) => `${title}的二维码`,
  },
  'en-US': {
    scan: 'Scan with WeChat to open',
    noLink: 'Open this in WeChat',
    close: 'Close',
    code: (title) => `QR code for ${title}`,
  },
};

/** The QR code as one SVG path: a unit square per dark module, so any size renders crisp. */
function qrPath(text: string): { size: number; d: string } {
  const { size, data } = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  data.forEach((row, y) => row.forEach((dark, x) => (d += dark ? `M${x} ${y}h1v1h-1z` : '')));
  return { size, d };
}

/**
 * @tagname xd-qr-dialog
 * @summary The desktop fallback of an intent: a modal dialog with the H5 link as a QR code to scan with
 * WeChat. A native `<dialog>`: focus moves in and back, Esc closes it.
 */
export class XdQrDialog extends XdElement {
  static override styles = [
    tokenStyles,
    css`
      dialog {
        width: min(320px, calc(100vw - 32px));
        box-sizing: border-box;
        padding: 24px;
        border: none;
        border-radius: 12px;
        background: var(--_surface);
        color: var(--_text);
        text-align: center;
      }
      dialog::backdrop {
        background: rgba(0, 0, 0, 0.6);
      }
      h2 {
        margin: 0 0 16px;
        font-size: 17px;
        line-height: 24px;
        font-weight: 500;
        overflow-wrap: anywhere;
      }
      svg {
        display: block;
        width: 200px;
        height: 200px;
        margin: 0 auto 12px;
        background: #fff;
      }
      p {
        margin: 0 0 16px;
        color: var(--_muted);
        font-size: 14px;
      }
      button {
        min-width: 120px;
        min-height: 44px;
        border: none;
        border-radius: 8px;
        background: var(--_placeholder);
        color: var(--_text);
        font: inherit;
        cursor: pointer;
      }
      button:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }
    `,
  ];

  static override properties = { detail: { attribute: false } };
  declare detail: IntentDetail | undefined;

  protected override render() {
    const t = catalog[this.locale];
    const title = this.detail?.title ?? '';
    const url = this.detail?.h5Url;
    const code = isWeChatLink(url) ? qrPath(url) : undefined;
    return html`<dialog aria-labelledby="title" @close=${() => this.remove()}>
      <h2 id="title">${title}</h2>
      ${
        code
          ? html`<svg
              part="qr"
              viewBox="0 0 ${code.size} ${code.size}"
              role="img"
              aria-label=${t.code(title)}
              shape-rendering="crispEdges"
            >
              <path d=${code.d} fill="#000"></path>
            </svg>`
          : nothing
      }
      <p>${code ? t.scan : t.noLink}</p>
      <form method="dialog"><button autofocus>${t.close}</button></form>
    </dialog>`;
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector('dialog')?.showModal();
  }
}

/** Opens the dialog for an intent, in the opener's language; it removes itself when closed. */
export function showQrDialog(detail: IntentDetail, opener: HTMLElement): XdQrDialog {
  // A second tap while the dialog is open (a double click) must not stack another one.
  const open = document.querySelector<XdQrDialog>('xd-qr-dialog');
  if (open) return open;
  defineElement('xd-qr-dialog', XdQrDialog);
  const dialog = document.createElement('xd-qr-dialog') as XdQrDialog;
  dialog.detail = detail;
  dialog.lang = opener instanceof XdElement ? opener.locale : opener.closest('[lang]')?.getAttribute('lang') || '';
  document.body.append(dialog);
  return dialog;
}
