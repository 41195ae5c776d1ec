import { css } from 'lit';
import { boxStyles } from '../internal/box.styles.js';
import { panelHostStyles } from '../internal/panel.styles.js';
import { tokenStyles } from '../theme/tokens.styles.js';

/*
 * The full widget is a card 343 px wide on a phone; the mini badge one line, 24 px high, that sits in a
 * header or beside a shop's name. Only the global tokens apply: WeChat lets no one restyle a live room.
 */
export const liveWidgetStyles = [
  tokenStyles,
  boxStyles,
  panelHostStyles,
  css`
    :host {
      --_live: var(--_buy);
    }
    :host([variant='mini']) {
      display: inline-block;
      vertical-align: middle;
      font-size: 12px;
      line-height: 16px;
    }
    p,
    h3 {
      margin: 0;
    }
    button {
      font: inherit;
      color: inherit;
    }
    button:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .widget {
      display: grid;
      gap: 12px;
      min-height: 96px;
      padding: 16px;
    }
    .header {
      display: grid;
      grid-template-columns: 40px minmax(0, 1fr) auto;
      column-gap: 12px;
      align-items: center;
    }
    .avatar {
      display: block;
      width: 40px;
      height: 40px;
      border-radius: 50%;
      background: var(--_placeholder);
    }
    .host,
    .info {
      display: grid;
      min-width: 0;
    }
    .nickname {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-size: 16px;
      line-height: 22px;
      font-weight: 500;
    }
    .stats {
      display: flex;
      gap: 8px;
      align-items: center;
      overflow: hidden;
      white-space: nowrap;
      color: var(--_muted);
      font-size: 12px;
      line-height: 18px;
    }
    .counter {
      display: inline-block;
      font-variant-numeric: tabular-nums;
    }
    .status {
      flex: none;
      padding: 0 6px;
      border-radius: 4px;
      background: var(--_placeholder);
      color: var(--_text);
      font-size: 11px;
      line-height: 18px;
    }
    .status.live {
      background: var(--_live);
      color: #fff;
    }
    .action,
    .buy {
      flex: none;
      min-width: 64px;
      min-height: 32px;
      padding: 0 12px;
      border: 1px solid var(--_line);
      border-radius: 16px;
      background: transparent;
      white-space: nowrap;
      cursor: pointer;
    }
    .buy,
    .reserve,
    .replay {
      border-color: transparent;
      background: var(--_buy);
      color: #fff;
    }
    .buy:disabled,
    .action:disabled {
      background: var(--_placeholder);
      color: var(--_muted);
      cursor: default;
    }
    .reconnecting {
      padding: 4px 8px;
      border-radius: 4px;
      background: var(--_placeholder);
      color: var(--_muted);
      font-size: 12px;
      line-height: 18px;
    }
    .explained,
    .item {
      display: grid;
      column-gap: 10px;
      align-items: center;
    }
    .explained {
      grid-template-columns: 72px minmax(0, 1fr) auto;
      padding: 8px;
      border-radius: 6px;
      box-shadow: 0 0 0 1px var(--_line);
    }
    .thumb {
      display: block;
      width: 100%;
      aspect-ratio: 1;
      border-radius: 4px;
      background: var(--_placeholder);
      object-fit: cover;
    }
    .tag {
      justify-self: start;
      padding: 0 4px;
      border-radius: 2px;
      background: var(--_live);
      color: #fff;
      font-size: 10px;
      line-height: 16px;
    }
    .title {
      display: -webkit-box;
      overflow: hidden;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      padding: 0;
      border: 0;
      background: none;
      text-align: start;
      cursor: pointer;
    }
    .price-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 6px;
      align-items: baseline;
    }
    .price {
      color: var(--_price);
      font-size: 16px;
      font-weight: 600;
    }
    .original,
    .stock {
      color: var(--_muted);
      font-size: 12px;
    }
    .flash {
      padding: 0 4px;
      border-radius: 2px;
      background: var(--_price);
      color: #fff;
      font-size: 10px;
      line-height: 16px;
    }
    .timer {
      color: var(--_price);
      font-size: 12px;
      font-variant-numeric: tabular-nums;
    }
    .bag {
      display: grid;
      gap: 8px;
    }
    .bag-title {
      font-size: 14px;
      font-weight: 500;
    }
    .items {
      display: grid;
      gap: 10px;
      max-height: 360px;
      margin: 0;
      padding: 0;
      overflow-y: auto;
      list-style: none;
    }
    .item {
      grid-template-columns: 20px 48px minmax(0, 1fr) auto;
    }
    .index {
      color: var(--_muted);
      font-size: 12px;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }
    .sold-out .thumb {
      opacity: 0.5;
    }
    .notice,
    .ended {
      display: grid;
      gap: 8px;
      justify-items: start;
    }
    .countdown {
      display: flex;
      gap: 8px;
      align-items: baseline;
    }
    .countdown .timer {
      color: var(--_text);
      font-size: 20px;
      font-weight: 600;
    }
    .label,
    .starts-at,
    .replay-state,
    .description {
      color: var(--_muted);
      font-size: 13px;
    }
    .outcome {
      font-size: 13px;
    }

    /* The mini badge: one line, as wide as its words (up to its container). */
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      max-width: 100%;
      height: 24px;
      padding: 0 8px;
      border-radius: 12px;
      white-space: nowrap;
      box-shadow: none;
      background: var(--_placeholder);
    }
    .badge.live {
      background: var(--_live);
      color: #fff;
    }
    .badge .word:last-child {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .badge .word {
      flex: none;
    }
    .badge .word:last-child:not(:first-child) {
      flex: 0 1 auto;
      min-width: 0;
    }
    .dot {
      flex: none;
      width: 6px;
      height: 6px;
      border-radius: 50%;
      background: currentColor;
    }
    @media (prefers-reduced-motion: no-preference) {
      .dot {
        animation: pulse 1.4s ease-in-out infinite;
      }
    }

    /* Before data: the full widget's header, or the badge's pill. */
    .widget:not(.ready) {
      grid-template-columns: 40px minmax(0, 1fr);
      align-items: center;
    }
    .text {
      display: grid;
      gap: 8px;
    }
    .bar {
      width: 50%;
    }
    .bar + .bar {
      width: 80%;
    }
    div.badge:not(.ready) {
      width: 12em;
    }
    .badge:not(.ready) .avatar,
    .badge:not(.ready) .text {
      display: none;
    }
    .error {
      justify-content: space-between;
      padding: 0 16px;
    }
    div.badge .error {
      padding: 0 8px;
    }
    div.badge .retry {
      min-height: 0;
      min-width: 0;
      padding: 0;
      border: 0;
      text-decoration: underline;
    }
  `,
];
