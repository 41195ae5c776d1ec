import { css } from 'lit';

/*
 * The rules of the product view (product-view.ts) that `<xd-product-card>` and `<xd-search-tile>` share:
 * its parts' structure, written once. Each element's own styles come after these and set its layout and
 * sizes (aspect ratio, row heights, font sizes, gaps), so they win wherever both set something.
 */
export const productViewStyles = css`
  :host([hidden]) {
    display: none;
  }
  /* Without specificity, so that each part's own display (grid, flex) wins. */
  :where(.media, .body, .body > span) {
    display: block;
    min-width: 0;
  }
  .media {
    position: relative;
    flex: none;
    background: var(--_placeholder);
  }
  [part='image'] {
    position: absolute;
    inset: 0;
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .logo {
    border-radius: 50%;
    background: #fff;
    box-shadow: 0 0 0 1.5px #fff;
  }
  .body {
    box-sizing: border-box;
    display: grid;
  }
  .title {
    overflow: hidden;
    display: -webkit-box !important;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow-wrap: anywhere;
  }
  .meta,
  .guarantees,
  .footer {
    display: flex !important;
    align-items: center;
    overflow: hidden;
    white-space: nowrap;
  }
  .price {
    flex: none;
    color: var(--_price-color);
    font-weight: 600;
  }
  .guarantees > * + *::before {
    content: '·';
  }
  .footer {
    justify-content: space-between;
  }
  .shop {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .notice {
    flex: none;
  }
`;
