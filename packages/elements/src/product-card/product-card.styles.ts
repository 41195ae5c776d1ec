import { css } from 'lit';
import { boxStyles } from '../internal/box.styles.js';
import { productViewStyles } from '../internal/product-view/product-view.styles.js';
import { tokenStyles } from '../theme/tokens.styles.js';

/*
 * Every state of a variant draws the same box: the large card's media keeps its aspect ratio and its body
 * has a fixed height; the other variants have a fixed height (and the text link the written text's width). Nothing on
 * the page moves when data arrives. `reserve.css` holds the same boxes for before the element is defined.
 *
 * WeChat's card rules: only the whitelisted looks are themable. The sizes that must not change (font
 * sizes, row heights, the buy button's height) are `!important` here, which a page's `::part()` rules cannot
 * override (for important declarations the shadow tree wins the cascade).
 */
export const productCardStyles = [
  tokenStyles,
  boxStyles,
  productViewStyles,
  css`
    :host {
      --_bg: var(--xd-product-card-background, var(--_surface));
      --_title: var(--xd-product-card-title-color, var(--_text));
      --_price-color: var(--xd-product-card-price-color, var(--_price));
      --_box-bg: var(--_bg);
      display: block;
      max-width: 100%;
      font-size: 14px;
      line-height: 20px;
      color: var(--_title);
    }
    .card {
      display: flex;
      flex-direction: column;
    }
    .media {
      aspect-ratio: 16 / 9;
    }
    .logo {
      width: 20px;
      height: 20px;
      flex: none;
    }

    .body {
      grid-template-rows: 44px 24px 20px 32px;
      row-gap: 6px;
      height: 162px !important;
      padding: 12px;
    }
    .title {
      height: 44px !important;
      font-size: 15px !important;
      line-height: 22px !important;
      font-weight: 500;
      color: var(--_title);
    }
    .meta,
    .guarantees,
    .footer {
      gap: 8px;
    }
    .price {
      font-size: 18px !important;
      line-height: 24px !important;
    }
    .original,
    .sales,
    .guarantees,
    .shop,
    .notice {
      color: var(--_muted) !important;
      font-size: 12px !important;
      line-height: 16px !important;
    }
    .guarantees > * + *::before {
      margin-inline-end: 6px;
    }
    .buy {
      flex: none;
      box-sizing: border-box;
      width: var(--xd-product-card-button-width, auto);
      min-width: 64px;
      height: 32px !important;
      padding: 0 14px;
      border-radius: var(--xd-product-card-button-radius, 16px);
      background: var(--xd-product-card-button-background, var(--_buy));
      color: var(--xd-product-card-button-color, #fff);
      font-size: 14px !important;
      line-height: 32px !important;
      font-weight: 500;
      text-align: center;
    }
    .buy[data-disabled] {
      background: var(--xd-product-card-button-disabled-background, var(--_placeholder));
      color: var(--xd-product-card-button-disabled-color, var(--_muted));
    }

    /* The shop's logo sits on the image's bottom corner, left or right; it is never hidden. */
    .media .logo {
      position: absolute;
      bottom: 10px;
      left: 10px;
    }
    :host([logo-position='bottom-right']) .media .logo {
      left: auto;
      right: 10px;
    }

    /*
     * 小卡: a square image beside the text, 120 px high. [variant^='s'] is the two compact cards, 小卡 and
     * 条卡 (small, strip): no other of WeChat's four card types starts with an s.
     */
    :host([variant='small']) .card {
      display: grid;
      grid-template-columns: 96px minmax(0, 1fr);
      column-gap: 12px;
      height: 120px;
      padding: 12px;
    }
    :host([variant='small']) .body {
      grid-template: 'title title' 40px 'guarantees guarantees' 18px 'meta buy' 28px / minmax(0, 1fr) auto;
      gap: 5px 8px;
      height: 96px !important;
      padding: 0;
    }
    :host([variant^='s']) .media {
      aspect-ratio: 1;
      border-radius: 4px;
      overflow: hidden;
    }
    :host([variant='small']) .title {
      height: 40px !important;
      font-size: 14px !important;
      line-height: 20px !important;
    }
    /* In the compact cards the logo sits on the image's bottom corner. */
    :host([variant^='s']) .media .logo {
      position: absolute;
      bottom: 4px;
      left: 4px;
      width: 16px;
      height: 16px;
    }
    :host([variant^='s'][logo-position='bottom-right']) .media .logo {
      left: auto;
      right: 4px;
    }
    :host([variant^='s']) .title {
      grid-area: title;
    }
    :host([variant^='s']) .meta {
      grid-area: meta;
    }
    :host([variant^='s']) .guarantees {
      grid-area: guarantees;
    }
    :host([variant^='s']) .footer > * {
      grid-area: buy;
    }
    :host([variant='small']) .price {
      font-size: 16px !important;
    }
    :host([variant^='s']) .footer {
      display: contents !important;
    }
    :host([variant^='s']) .shop {
      display: none;
    }
    :host([variant^='s']) .buy {
      height: 28px !important;
      line-height: 28px !important;
      min-width: 56px;
      padding: 0 12px;
    }

    /* 条卡: one 64 px row. */
    :host([variant='strip']) .card {
      display: grid;
      grid-template-columns: 48px minmax(0, 1fr);
      column-gap: 10px;
      align-items: center;
      height: 64px;
      padding: 8px 12px;
    }
    :host([variant='strip']) .body {
      grid-template: 'title title buy' 22px 'meta guarantees buy' 22px / auto minmax(0, 1fr) auto;
      column-gap: 10px;
      row-gap: 4px;
      align-items: center;
      height: 48px !important;
      padding: 0;
    }
    :host([variant='strip']) .title {
      height: 22px !important;
      -webkit-line-clamp: 1;
    }
    /* Where the row is short, a price range leaves no room for the price before the discount. */
    :host([variant='strip']) .original,
    :host([variant='small']) .range .original {
      display: none;
    }
    :host([variant='strip']) .price {
      font-size: 15px !important;
      line-height: 22px !important;
    }

    /*
     * 文字链接: inline in a paragraph, as wide as what the page wrote inside the element (the title, six
     * characters or more, and the price, as a reader sees them: 三合一冲锋衣 ¥891.00) plus the logo before
     * it, held by an invisible copy of that text in the flow (.sizer) with the box drawn over it. reserve.css
     * gives the undefined element the same width, so the sentence never moves. The live title fills what
     * the live price leaves (cut with an ellipsis) and the price ends the link: no room is kept empty for
     * a price of unknown width, so nothing gapes before the sentence goes on. Without written text, 14em.
     */
    :host([variant='text']) {
      position: relative;
      display: inline-block;
      height: 1.5em;
      vertical-align: bottom;
      /* The sentence's own font, so the written text measures the same before and after definition. */
      font-family: inherit;
      font-size: inherit;
      line-height: 1.5em;
      white-space: nowrap;
    }
    :host([variant='text']:empty) {
      width: var(--xd-product-card-text-width, 14em);
    }
    /* Only the text link renders the .sizer (box.styles.ts); empty, it sits unseen in the fixed width. */
    :host([variant='text']) .media {
      width: 1em;
      height: 1em;
      border-radius: 50%;
    }
    :host([variant='text']) .body,
    :host([variant='text']) .meta,
    :host([variant='text']) .footer {
      display: contents !important;
    }
    :host([variant='text']) [part='image'],
    :host([variant='text']) .original,
    :host([variant='text']) .guarantees,
    :host([variant='text']) .shop,
    :host([variant='text']) .buy,
    :host([variant='text']) .notice,
    :host([variant='text']) .bar {
      display: none !important;
    }
    :host([variant='text']) .logo {
      position: static;
      width: 1em;
      height: 1em;
    }
    :host([variant='text']) .title {
      height: auto !important;
      font-size: inherit !important;
      line-height: inherit !important;
      font-weight: inherit;
      color: inherit;
      display: block !important;
      text-overflow: ellipsis;
    }
    :host([variant='text']) .price {
      font-size: inherit !important;
      line-height: inherit !important;
      font-weight: inherit;
    }
    /* What cannot be bought keeps its price's room, greyed and struck through; the label says why. */
    :host([variant='text']) [data-quiet] .price {
      color: var(--_muted);
      text-decoration: line-through;
    }

    /* Loading: grey bars in the boxes the text will take. */
    .title .bar {
      height: 16px;
      margin: 3px 0;
    }
    .title .bar + .bar {
      width: 60%;
      margin-top: 6px;
    }
    .meta .bar {
      width: 30%;
    }
    .guarantees .bar {
      width: 50%;
      height: 12px;
    }
    .footer .bar {
      width: 40%;
    }
    .error {
      justify-content: center;
      flex-direction: column;
      padding: 8px 12px;
      text-align: center;
    }
    :host([variant^='s']) .error {
      background: transparent;
      flex-direction: row;
      justify-content: space-between;
      text-align: start;
    }
  `,
];
