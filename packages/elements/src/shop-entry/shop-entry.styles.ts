import { css } from 'lit';
import { boxStyles } from '../internal/box.styles.js';
import { panelHostStyles } from '../internal/panel.styles.js';
import { tokenStyles } from '../theme/tokens.styles.js';

/*
 * Like the product card, each variant has one fixed box in every state (reserve.css holds it before the
 * element is defined). WeChat allows no restyling of its shop card, so only the global tokens apply.
 */
export const shopEntryStyles = [
  tokenStyles,
  boxStyles,
  panelHostStyles,
  css`
    /* The live badge sits over the card's bottom right, in the room the accounts row leaves; only while live. */
    :host {
      position: relative;
    }
    .live {
      position: absolute;
      right: 16px;
      bottom: 16px;
      max-width: 50%;
    }
    .live:not([live-status='live']) {
      visibility: hidden;
    }
    .entry {
      display: grid;
      grid-template-columns: 48px minmax(0, 1fr) auto;
      column-gap: 12px;
      align-items: start;
      height: 114px;
      padding: 16px;
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

    /*
     * Inline in a paragraph: the logo and the name. The page writes the name inside the element; an invisible
     * copy of it in the flow (.sizer, after the logo's room) gives the link its width, and the box is drawn
     * over it. reserve.css gives the undefined element the same width, so the sentence never moves and no
     * room is left empty after the name. Without a written name, a fixed 10em.
     */
    :host([variant='inline']) {
      display: inline-block;
      height: 1.5em;
      vertical-align: bottom;
      /* The sentence's own font, so the written name measures the same before and after definition. */
      font-family: inherit;
      font-size: inherit;
      line-height: 1.5em;
      white-space: nowrap;
    }
    :host([variant='inline']:empty) {
      width: var(--xd-shop-entry-inline-width, 10em);
    }
    /* Only the inline entry renders the .sizer (box.styles.ts). */
    :host([variant='inline']:not(:empty)) .bar {
      display: none;
    }
    /* A closed shop's status in the logo's circle: one character, read with the muted name beside it. */
    :host([variant='inline']) .logo.status {
      flex: none;
      color: var(--_muted);
      font-size: 0.75em;
      line-height: calc(1em / 0.75);
      text-align: center;
      width: calc(1em / 0.75);
      height: calc(1em / 0.75);
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
      width: 60%;
      margin: 4px 0;
    }
    .bar + .bar {
      width: 80%;
    }
    :host([variant='inline']) .bar {
      width: 6em;
      height: 0.8em;
      margin: 0;
    }
    .error {
      justify-content: space-between;
      padding: 0 16px;
    }
  `,
];
