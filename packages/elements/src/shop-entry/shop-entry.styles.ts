import { css } from 'lit';
import { tokenStyles } from '../theme/tokens.styles.js';

/*
 * Like the product card, each variant has one fixed box in every state (reserve.css holds it before the
 * element is defined). WeChat allows no restyling of its shop card, so only the global tokens apply.
 */
export const shopEntryStyles = [
  tokenStyles,
  css`
    :host {
      display: block;
      max-width: 100%;
      font-size: 14px;
      line-height: 20px;
      color: var(--_text);
    }
    :host([hidden]) {
      display: none;
    }
    .entry {
      position: relative;
      box-sizing: border-box;
      display: grid;
      grid-template-columns: 48px minmax(0, 1fr) auto;
      column-gap: 12px;
      align-items: start;
      width: 100%;
      height: 114px;
      margin: 0;
      padding: 16px;
      border: 0;
      border-radius: var(--_radius);
      overflow: hidden;
      background: var(--_surface);
      box-shadow: 0 0 0 1px var(--_line);
      color: inherit;
      font: inherit;
      text-align: start;
    }
    /* A page's own placeholder covers the grey one, which keeps holding the box. */
    ::slotted([slot='placeholder']) {
      position: absolute;
      inset: 0;
      box-sizing: border-box;
      display: flex;
      align-items: center;
      justify-content: center;
      background: var(--_surface);
    }
    button.entry {
      cursor: pointer;
    }
    button.entry:focus-visible,
    .retry:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .logo {
      display: block;
      width: 48px;
      height: 48px;
      border-radius: 50%;
      background: var(--_placeholder);
    }
    .text {
      display: grid;
      grid-template-rows: 22px;
      grid-auto-rows: 18px;
      row-gap: 2px;
      height: 82px;
      min-width: 0;
      overflow: hidden;
    }
    .details {
      display: contents;
    }
    /* In the card, the action sits top right, so the detail rows can use the whole width under it. */
    :host(:not([variant])) .text,
    :host([variant='card']) .text {
      grid-column: 2 / 4;
    }
    :host(:not([variant])) .name-row,
    :host([variant='card']) .name-row {
      padding-inline-end: 68px;
    }
    :host(:not([variant])) div.entry .name-row,
    :host([variant='card']) div.entry .name-row {
      padding-inline-end: 96px;
    }
    :host(:not([variant])) .action,
    :host([variant='card']) .action {
      position: absolute;
      top: 16px;
      right: 16px;
      max-width: 88px;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .name-row {
      display: flex;
      align-items: center;
      gap: 6px;
      min-width: 0;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-size: 16px;
      line-height: 22px;
      font-weight: 500;
    }
    .badge {
      flex: none;
      padding: 0 4px;
      border-radius: 2px;
      background: var(--_buy);
      color: #fff;
      font-size: 10px;
      line-height: 16px;
    }
    .scores,
    .stats,
    .accounts {
      display: flex;
      gap: 8px;
      overflow: hidden;
      white-space: nowrap;
      color: var(--_muted);
      font-size: 12px;
      line-height: 18px;
    }
    .scores b {
      color: var(--_text);
      font-weight: 500;
    }
    .action {
      align-self: center;
      min-width: 56px;
      height: 28px;
      padding: 0 12px;
      box-sizing: border-box;
      border: 1px solid var(--_line);
      border-radius: 14px;
      font-size: 13px;
      line-height: 26px;
      text-align: center;
      white-space: nowrap;
    }
    div.entry .action {
      border: 0;
      color: var(--_muted);
    }

    /* One 72 px row: the name and the scores. */
    :host([variant='banner']) .entry {
      height: 72px;
      padding: 12px 16px;
      align-items: center;
    }
    :host([variant='banner']) .text {
      height: 42px;
    }
    :host([variant='banner']) .stats,
    :host([variant='banner']) .accounts {
      display: none;
    }

    /* Inline in a paragraph: the logo and the name, a fixed width so the text around it never reflows. */
    :host([variant='inline']) {
      display: inline-block;
      width: var(--xd-shop-entry-inline-width, 10em);
      height: 1.5em;
      vertical-align: bottom;
      font-size: inherit;
      line-height: 1.5em;
    }
    :host([variant='inline']) .entry {
      display: flex;
      align-items: center;
      gap: 0.25em;
      height: 100%;
      padding: 0 0.25em;
      border-radius: 4px;
      box-shadow: none;
      background: transparent;
      color: var(--_link);
    }
    :host([variant='inline']) div.entry {
      color: var(--_muted);
    }
    :host([variant='inline']) .logo {
      flex: none;
      width: 1em;
      height: 1em;
    }
    :host([variant='inline']) .text {
      display: block;
      height: auto;
    }
    :host([variant='inline']) .name {
      font-size: inherit;
      line-height: inherit;
      font-weight: inherit;
    }
    :host([variant='inline']) .badge,
    :host([variant='inline']) .details,
    :host([variant='inline']) .action,
    :host([variant='inline']) .bar + .bar {
      display: none;
    }

    .bar {
      display: block;
      width: 60%;
      height: 14px;
      margin: 4px 0;
      border-radius: 4px;
      background: var(--_placeholder);
    }
    .bar + .bar {
      width: 80%;
    }
    :host([variant='inline']) .bar {
      width: 6em;
      height: 0.8em;
      margin: 0;
    }
    @media (prefers-reduced-motion: no-preference) {
      :host([state='loading']) .bar,
      :host([state='loading']) .logo {
        animation: pulse 1.4s ease-in-out infinite;
      }
    }
    @keyframes pulse {
      50% {
        opacity: 0.55;
      }
    }

    .error {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      padding: 0 16px;
      color: var(--_muted);
      background: var(--_surface);
    }
    .retry {
      flex: none;
      min-height: 44px;
      min-width: 72px;
      padding: 0 16px;
      border: 1px solid var(--_line);
      border-radius: 6px;
      background: transparent;
      color: var(--_text);
      font: inherit;
      cursor: pointer;
    }
    :host([variant='inline']) .error {
      padding: 0;
      white-space: nowrap;
      overflow: hidden;
    }
    :host([variant='inline']) .retry {
      min-height: 0;
      min-width: 0;
      padding: 0;
      border: 0;
      color: var(--_link);
      text-decoration: underline;
    }
  `,
];
