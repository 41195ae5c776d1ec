import { encode } from 'uqr';
import { isWeChatLink } from './bridge.js';
import type { IntentDetail } from '../events/intent.js';

/*
 * The QR dialog is built with the DOM alone, not Lit: it loads on demand, and a module that shares nothing
 * with the page's first download (Lit, the elements' base, the tokens) lets a bundler keep that download in
 * one file instead of splitting Lit out for it, which costs every product card about 0.2 kB min+gzip.
 * Text from data is only ever set as text (`textContent`, attributes), never parsed as markup.
 */

// Both languages: the dialog itself loads on demand.
const catalog = {
  'zh-CN': {
    scan: '请使用微信扫一扫打开',
    noLink: '请在微信中打开',
    close: '关闭',
    code: (title: string) => `${title}的二维码`,
  },
  'en-US': {
    scan: 'Scan with WeChat to open',
    noLink: 'Open this in WeChat',
    close: 'Close',
    code: (title: string) => `QR code for ${title}`,
  },
};

/** The QR code as one SVG path: a unit square per dark module, so any size renders crisp. */
function qrPath(text: string): { size: number; d: string } {
  const { size, data } = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  data.forEach((row, y) => row.forEach((dark, x) => (d += dark ? `M${x} ${y}h1v1h-1z` : '')));
  return { size, d };
}

/** What the dialog takes of its opener's theme (theme/tokens.styles.ts), as the opener resolved it. */
const themed = ['--_surface', '--_text', '--_muted', '--_placeholder', '--_focus', 'color-scheme', 'font-family'];

// Plain text, not Lit's `css`; named `css` so the build minifies it as it does the elements' styles
// (scripts/minify-css-literals.mjs).
const css = String.raw;
const styles = css`
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
`;

/** An element of `tag`, with its attributes (text, never markup). */
function make<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text = '') {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.textContent = text;
  return element;
}

/**
 * @summary The desktop fallback of an intent: a modal dialog with the H5 link as a QR code to scan with
 * WeChat. A native `<dialog>`: focus moves in and back, Esc closes it, and the element removes itself.
 */
export class XdQrDialog extends HTMLElement {
  /** The intent shown: its title and H5 link. */
  detail: IntentDetail | undefined;

  connectedCallback(): void {
    if (this.shadowRoot) return;
    const t = catalog[/^en\b/i.test(this.lang) ? 'en-US' : 'zh-CN'];
    const title = this.detail?.title ?? '';
    const url = this.detail?.h5Url;
    const code = isWeChatLink(url) ? qrPath(url) : undefined;
    const dialog = make('dialog', { 'aria-labelledby': 'title' });
    dialog.addEventListener('close', () => this.remove());
    dialog.append(make('h2', { id: 'title' }, title));
    if (code) {
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      for (const [name, value] of Object.entries({
        part: 'qr',
        viewBox: `0 0 ${code.size} ${code.size}`,
        role: 'img',
        'aria-label': t.code(title),
        'shape-rendering': 'crispEdges',
      }))
        svg.setAttribute(name, value);
      path.setAttribute('d', code.d);
      path.setAttribute('fill', '#000');
      svg.append(path);
      dialog.append(svg);
    }
    dialog.append(make('p', {}, code ? t.scan : t.noLink));
    const form = make('form', { method: 'dialog' });
    form.append(make('button', { autofocus: '' }, t.close));
    dialog.append(form);
    this.attachShadow({ mode: 'open' }).append(make('style', {}, styles), dialog);
    dialog.showModal();
  }
}

/** Opens the dialog for an intent, in the opener's language; it removes itself when closed. */
export function showQrDialog(detail: IntentDetail, opener: HTMLElement): XdQrDialog {
  // A second tap while the dialog is open (a double click) must not stack another one.
  const open = document.querySelector<XdQrDialog>('xd-qr-dialog');
  if (open) return open;
  // Another copy of the library may have defined it first: its dialog does as well.
  if (!customElements.get('xd-qr-dialog')) customElements.define('xd-qr-dialog', XdQrDialog);
  const dialog = document.createElement('xd-qr-dialog') as XdQrDialog;
  dialog.detail = detail;
  // The opener's colours and font, as its tokens resolved them (a page's theme on the opener's container
  // included): the dialog, in <body>, would not see them otherwise.
  const theme = getComputedStyle(opener);
  for (const property of themed) dialog.style.setProperty(property, theme.getPropertyValue(property));
  // An element of the kit knows its language (`locale`); any other opener, the nearest `lang`.
  dialog.lang =
    'locale' in opener && typeof opener.locale === 'string'
      ? opener.locale
      : opener.closest('[lang]')?.getAttribute('lang') || '';
  document.body.append(dialog);
  return dialog;
}
