import { css } from 'lit';
import { boxStyles } from '../internal/box.styles.js';
import { productViewStyles } from '../internal/product-view/product-view.styles.js';
import { tokenStyles } from '../theme/tokens.styles.js';

/*
 * A tile draws the same box in every state: the grid tile is a square image over a body of a fixed height,
 * the list tile one row of a fixed height. The results element lays tiles out by these numbers (see
 * search-tile.options.ts), so they are `!important` where a page's `::part()` rule could change them.
 */
export const searchTileStyles = [
  tokenStyles,
  boxStyles,
  productViewStyles,
  css`
    :host {
      --_box-bg: var(--xd-search-tile-background, var(--_surface));
      --_price-color: var(--_price);
      display: block;
      min-width: 0;
      font-size: 13px;
      line-height: 18px;
      color: var(--_text);
    }
    .tile {
      display: flex;
      flex-direction: column;
      height: 100%;
    }
    .media {
      aspect-ratio: 1;
    }
    .logo {
      position: absolute;
      bottom: 6px;
      left: 6px;
      width: 16px;
      height: 16px;
    }
    .body {
      grid-template-rows: 40px 24px 16px 16px;
      row-gap: 4px;
      height: 124px !important;
      padding: 8px;
    }
    .title {
      height: 40px !important;
      font-size: 14px !important;
      line-height: 20px !important;
    }
    mark {
      background: none;
      color: var(--xd-search-tile-match-color, var(--_price));
      font-weight: 600;
    }
    .meta,
    .guarantees,
    .footer {
      gap: 6px;
    }
    .price {
      font-size: 16px !important;
      line-height: 24px !important;
    }
    .original,
    .sales,
    .guarantees,
    .shop,
    .notice,
    .buy {
      color: var(--_muted);
      font-size: 11px !important;
      line-height: 16px !important;
    }
    .original {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .guarantees > * + *::before {
      margin-inline-end: 4px;
    }
    /* The whole tile opens the product: a buy button would be a second target; only 已售罄 is said. */
    .buy:not([data-disabled]) {
      display: none;
    }
    .buy {
      flex: none;
    }

    /* The list tile: a 96 px square beside the text, 120 px high. */
    :host([layout='list']) .tile {
      display: grid;
      grid-template-columns: 96px minmax(0, 1fr);
      column-gap: 10px;
      box-sizing: border-box;
      height: 120px !important;
      padding: 12px;
    }
    :host([layout='list']) .media {
      border-radius: 4px;
      overflow: hidden;
    }
    :host([layout='list']) .body {
      height: 96px !important;
      padding: 0;
      grid-template-rows: 40px 20px 16px;
    }
    :host([layout='list']) .footer {
      display: none !important;
    }
    :host([layout='list']) .price {
      line-height: 20px !important;
    }

    .title .bar {
      height: 14px;
      margin: 3px 0;
    }
    .title .bar + .bar {
      width: 60%;
    }
    .meta .bar {
      width: 40%;
    }
    .guarantees .bar {
      width: 60%;
      height: 10px;
    }
    .footer .bar {
      width: 50%;
      height: 10px;
    }
    .error {
      flex-direction: column;
      justify-content: center;
      padding: 8px;
      text-align: center;
      font-size: 12px;
    }
  `,
];
