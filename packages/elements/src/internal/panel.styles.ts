import { css } from 'lit';

/**
 * The host of a panel element (`<xd-shop-entry>`, `<xd-live-widget>`): a block of the page's width at most,
 * in body text, its box on the surface colour. Each element's own styles come after and add to it.
 * (A module of its own: `css` literals are not known to be pure, so an unused one would stay in a bundle.)
 */
export const panelHostStyles = css`
  :host {
    display: block;
    max-width: 100%;
    font-size: 14px;
    line-height: 20px;
    color: var(--_text);
    --_box-bg: var(--_surface);
  }
  :host([hidden]) {
    display: none;
  }
`;
